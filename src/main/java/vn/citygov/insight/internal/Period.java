package vn.citygov.insight.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.citygov.platform.error.InvalidInputException;

/**
 * A reporting period as city calendar days (Asia/Ho_Chi_Minh), both ends included: a month
 * ({@code 2026-11}), a quarter ({@code 2026-Q4}), a year ({@code 2026}) or the year to date ({@code ytd},
 * {@code 2026-ytd}).
 */
public record Period(String kind, String key, LocalDate from, LocalDate to) {

    public static final ZoneId CITY = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern YTD = Pattern.compile("(?:(\\d{4})-)?(?i:ytd)");

    /** Parses a period key; blank means the current month. Unknown forms are a 400 on {@code period}. */
    public static Period parse(String value, LocalDate today) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return month(YearMonth.from(today));
        }
        Matcher m;
        if ((m = MONTH.matcher(v)).matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw bad();
            }
            return month(YearMonth.of(year(m.group(1)), month));
        }
        if ((m = QUARTER.matcher(v)).matches()) {
            return quarter(year(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = YEAR.matcher(v)).matches()) {
            int y = year(m.group(1));
            return new Period("year", String.valueOf(y), LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
        }
        if ((m = YTD.matcher(v)).matches()) {
            int y = m.group(1) == null ? today.getYear() : year(m.group(1));
            LocalDate end = y == today.getYear() ? today : LocalDate.of(y, 12, 31);
            return new Period("ytd", y + "-ytd", LocalDate.of(y, 1, 1), end);
        }
        throw bad();
    }

    public static Period month(YearMonth ym) {
        return new Period("month", ym.toString(), ym.atDay(1), ym.atEndOfMonth());
    }

    static Period quarter(int year, int q) {
        LocalDate from = LocalDate.of(year, (q - 1) * 3 + 1, 1);
        return new Period("quarter", year + "-Q" + q, from, from.plusMonths(3).minusDays(1));
    }

    /** The period before: last month, quarter or year; for year to date the same days of last year. */
    public Period previous() {
        return switch (kind) {
            case "month" -> month(YearMonth.from(from).minusMonths(1));
            case "quarter" -> {
                LocalDate f = from.minusMonths(3);
                yield quarter(f.getYear(), (f.getMonthValue() - 1) / 3 + 1);
            }
            case "year" -> new Period("year", String.valueOf(from.getYear() - 1), from.minusYears(1), to.minusYears(1));
            default -> new Period("ytd", (from.getYear() - 1) + "-ytd", from.minusYears(1), to.minusYears(1));
        };
    }

    private static int year(String s) {
        int y = Integer.parseInt(s);
        if (y < 2000 || y > 2100) {
            throw bad();
        }
        return y;
    }

    private static InvalidInputException bad() {
        return new InvalidInputException("period", "insight.period.invalid");
    }
}
