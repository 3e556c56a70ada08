package vn.citygov.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Office hours used for legal deadlines ({@code citygov.calendar.*}).
 *
 * @param zone time zone of the offices
 * @param morningStart start of the morning session
 * @param morningEnd end of the morning session
 * @param afternoonStart start of the afternoon session
 * @param afternoonEnd end of the afternoon session and of the working day; deadlines fall at this time
 * @param cutOff dossiers received at or after this time count as received on the next working day
 * @param cacheTtl how long a year's holidays are kept in memory before being re-read (other nodes' edits)
 */
@ConfigurationProperties("citygov.calendar")
public record CalendarProperties(
        @DefaultValue("Asia/Ho_Chi_Minh") ZoneId zone,
        @DefaultValue("07:30") LocalTime morningStart,
        @DefaultValue("11:30") LocalTime morningEnd,
        @DefaultValue("13:00") LocalTime afternoonStart,
        @DefaultValue("17:00") LocalTime afternoonEnd,
        @DefaultValue("15:00") LocalTime cutOff,
        @DefaultValue("10m") Duration cacheTtl) {

    public CalendarProperties {
        if (!(morningStart.isBefore(morningEnd) && !morningEnd.isAfter(afternoonStart)
                && afternoonStart.isBefore(afternoonEnd))) {
            throw new IllegalArgumentException("citygov.calendar working hours must be increasing: "
                    + morningStart + "-" + morningEnd + ", " + afternoonStart + "-" + afternoonEnd);
        }
    }

    /** The defaults: Asia/Ho_Chi_Minh, 07:30–11:30 and 13:00–17:00, cut-off 15:00. */
    public static CalendarProperties defaults() {
        return new CalendarProperties(ZoneId.of("Asia/Ho_Chi_Minh"), LocalTime.of(7, 30), LocalTime.of(11, 30),
                LocalTime.of(13, 0), LocalTime.of(17, 0), LocalTime.of(15, 0), Duration.ofMinutes(10));
    }
}
