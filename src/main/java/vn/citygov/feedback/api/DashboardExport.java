package vn.citygov.feedback.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.citygov.feedback.FeedbackMonitoring.Dashboard;
import vn.citygov.feedback.FeedbackMonitoring.OverdueReport;
import vn.citygov.feedback.Figures;
import vn.citygov.platform.export.Table;

/**
 * The monitoring figures as a download, CSV or XLSX: one row per category, unit, month and holding agency with
 * its name, then one row per overdue report (its code, title, deadline, handling point and escalation level).
 * Column names are fixed English identifiers so spreadsheets and scripts built on the export keep working in
 * either language; newer columns come after the older ones.
 */
@Component
public class DashboardExport {

    private static final java.time.ZoneId CITY = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static final List<String> HEADERS = List.of("group", "key", "total", "open", "overdue", "on_time_percent",
            "average_handling_hours", "average_rating", "name", "due_at", "handling_point", "escalation_level");

    public Table table(Dashboard d) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("all", d.total()));
        d.byCategory().forEach(f -> rows.add(row("category", f)));
        d.byUnit().forEach(f -> rows.add(row("unit", f)));
        d.byMonth().forEach(f -> rows.add(row("month", f)));
        d.byAgency().forEach(f -> rows.add(row("agency", f)));
        d.overdue().forEach(r -> rows.add(overdue(r)));
        return new Table(d.agency() == null ? "feedback" : d.agency(), HEADERS, rows);
    }

    /** The figures as a file: {@code csv} or {@code xlsx}. */
    public ResponseEntity<byte[]> download(Dashboard d, String format) {
        Table t = table(d);
        boolean xlsx = "xlsx".equals(format);
        return ResponseEntity.ok()
                .contentType(xlsx ? XLSX : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"feedback-dashboard." + format + "\"")
                .body(xlsx ? t.xlsx() : t.csv());
    }

    private static List<Object> row(String group, Figures f) {
        return Arrays.asList(group, f.key(), f.total(), f.open(), f.overdue(), round(f.onTimePercent()),
                round(f.averageHandlingHours()), round(f.averageRating()), f.name(), null, null, null);
    }

    /** An overdue report: its code as key and its title as name; the deadline as ISO 8601 in the city's time. */
    private static List<Object> overdue(OverdueReport r) {
        return Arrays.asList("overdue", r.code(), null, null, null, null, null, null, r.title(),
                r.dueAt() == null ? null : r.dueAt().atZone(CITY).toOffsetDateTime().toString(),
                r.handlingPointName() != null ? r.handlingPointName() : r.handlingPointCode(), r.escalationLevel());
    }

    private static Double round(Double d) {
        return d == null ? null : Math.round(d * 100) / 100.0;
    }
}
