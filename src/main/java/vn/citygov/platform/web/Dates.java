package vn.citygov.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import org.springframework.stereotype.Component;

/**
 * Dates as the city writes them: dd/MM/yyyy, times in Asia/Ho_Chi_Minh. Templates call it as
 * {@code ${@dates.dateTime(value)}}.
 */
@Component("dates")
public class Dates {

    public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    public String date(TemporalAccessor value) {
        return value == null ? "" : DATE.format(inCity(value));
    }

    public String dateTime(TemporalAccessor value) {
        return value == null ? "" : DATE_TIME.format(inCity(value));
    }

    private static TemporalAccessor inCity(TemporalAccessor value) {
        return switch (value) {
            case Instant instant -> instant.atZone(CITY_ZONE);
            case OffsetDateTime offset -> offset.atZoneSameInstant(CITY_ZONE);
            case LocalDate date -> date;
            default -> value;
        };
    }
}
