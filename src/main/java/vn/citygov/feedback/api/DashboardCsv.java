package vn.citygov.feedback.api;

import org.springframework.stereotype.Component;
import vn.citygov.feedback.FeedbackService.Dashboard;
import vn.citygov.feedback.Figures;

/** The monitoring figures as CSV; cells that a spreadsheet would run as formulas are neutralised. */
@Component
public class DashboardCsv {

    public String render(Dashboard d) {
        StringBuilder b = new StringBuilder("\uFEFF");
        b.append("group,key,total,open,overdue,on_time_percent,average_handling_hours,average_rating\r\n");
        row(b, "all", d.total());
        d.byCategory().forEach(f -> row(b, "category", f));
        d.byUnit().forEach(f -> row(b, "unit", f));
        d.byMonth().forEach(f -> row(b, "month", f));
        return b.toString();
    }

    private static void row(StringBuilder b, String group, Figures f) {
        b.append(group).append(',').append(cell(f.key())).append(',').append(f.total()).append(',').append(f.open())
                .append(',').append(f.overdue()).append(',').append(number(f.onTimePercent())).append(',')
                .append(number(f.averageHandlingHours())).append(',').append(number(f.averageRating())).append("\r\n");
    }

    private static String number(Double d) {
        return d == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", d);
    }

    static String cell(String s) {
        if (s == null) {
            return "";
        }
        String v = s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
