package vn.citygov.dossiers.internal.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates as Vietnamese administrative documents write them. */
public final class VietnameseDates {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private VietnameseDates() {
    }

    /**
     * "ngày 23 tháng 11 năm 2026": Decree 30/2020 writes day and month below 10 with a leading zero only
     * for days 1–9 and months 1–2 ("ngày 05 tháng 01"), so that nobody can add a digit in front.
     */
    public static String inWords(LocalDate date) {
        String day = date.getDayOfMonth() < 10 ? "%02d".formatted(date.getDayOfMonth()) : String.valueOf(date.getDayOfMonth());
        String month = date.getMonthValue() < 3 ? "%02d".formatted(date.getMonthValue()) : String.valueOf(date.getMonthValue());
        return "ngày %s tháng %s năm %d".formatted(day, month, date.getYear());
    }

    /** "23/11/2026 14:05" in the given zone. */
    public static String dateTime(Instant at, ZoneId zone) {
        return at == null ? "" : DATE_TIME.format(at.atZone(zone));
    }
}
