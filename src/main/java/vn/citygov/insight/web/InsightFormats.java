package vn.citygov.insight.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import vn.citygov.insight.internal.Period;

/** Dates and times as written in Vietnam (dd/MM/yyyy), in the city's time zone. */
final class InsightFormats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(Period.CITY);

    private InsightFormats() {
    }

    static String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.format(at);
    }
}
