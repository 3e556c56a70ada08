package vn.citygov.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Invariants of deadlines over 2024–2031 (data years, computed years and the swaps between them),
 * checked on 500 random cases each. The seed is fixed, so a failure names a case that can be replayed.
 */
class WorkingDayCalendarPropertyTests {

    private static final int TRIES = 500;
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final WorkingDayCalendar calendar =
            new WorkingDayCalendar(CalendarProperties.defaults(), InMemoryHolidaySource.shippedData());
    private static final long FROM = LocalDate.of(2024, 1, 1).atStartOfDay(ZONE).toEpochSecond();
    private static final long TO = LocalDate.of(2031, 12, 31).atStartOfDay(ZONE).toEpochSecond();

    private final Random random = new Random(20260217L);

    private Instant received() {
        return Instant.ofEpochSecond(FROM + (long) (random.nextDouble() * (TO - FROM)));
    }

    private LocalDate date() {
        return LocalDate.of(2024, 1, 1).plusDays(random.nextInt(8 * 365 + 1));
    }

    @Test
    void theDeadlineIsTheEndOfAWorkingDayAfterReceipt() {
        for (int i = 0; i < TRIES; i++) {
            Instant received = received();
            int n = random.nextInt(61);
            Instant deadline = calendar.addWorkingDays(received, n);
            ZonedDateTime local = deadline.atZone(ZONE);
            assertThat(calendar.isWorkingDay(local.toLocalDate())).as("%s + %d", received, n).isTrue();
            assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(17, 0));
            assertThat(deadline).isAfter(received);
        }
    }

    @Test
    void exactlyNWorkingDaysLieBetweenReceiptAndDeadline() {
        for (int i = 0; i < TRIES; i++) {
            Instant received = received();
            int n = random.nextInt(61);
            LocalDate deadlineDay = calendar.addWorkingDays(received, n).atZone(ZONE).toLocalDate();
            assertThat(calendar.workingDaysBetween(calendar.effectiveReceiptDay(received), deadlineDay))
                    .as("%s + %d", received, n).isEqualTo(n);
        }
    }

    @Test
    void moreWorkingDaysGiveALaterDeadline() {
        for (int i = 0; i < TRIES; i++) {
            Instant received = received();
            int n = random.nextInt(61);
            assertThat(calendar.addWorkingDays(received, n + 1)).as("%s + %d", received, n)
                    .isAfter(calendar.addWorkingDays(received, n));
        }
    }

    @Test
    void aLaterReceiptNeverGivesAnEarlierDeadline() {
        for (int i = 0; i < TRIES; i++) {
            Instant a = received();
            Instant b = received();
            int n = random.nextInt(31);
            Instant first = a.isBefore(b) ? a : b;
            Instant second = a.isBefore(b) ? b : a;
            assertThat(calendar.addWorkingDays(second, n)).as("%s / %s + %d", first, second, n)
                    .isAfterOrEqualTo(calendar.addWorkingDays(first, n));
        }
    }

    @Test
    void hourDeadlinesFallInOfficeHoursAndGrowWithTheHours() {
        for (int i = 0; i < TRIES; i++) {
            Instant received = received();
            int hours = 1 + random.nextInt(200);
            Instant deadline = calendar.addWorkingHours(received, hours);
            ZonedDateTime local = deadline.atZone(ZONE);
            LocalTime time = local.toLocalTime();
            assertThat(calendar.isWorkingDay(local.toLocalDate())).isTrue();
            boolean morning = time.isAfter(LocalTime.of(7, 30)) && !time.isAfter(LocalTime.of(11, 30));
            boolean afternoon = time.isAfter(LocalTime.of(13, 0)) && !time.isAfter(LocalTime.of(17, 0));
            assertThat(morning || afternoon).as("deadline %s inside office hours", local).isTrue();
            assertThat(deadline).isAfter(received);
            assertThat(calendar.addWorkingHours(received, hours + 1)).isAfter(deadline);
        }
    }

    @Test
    void workingDaysBetweenAddsUp() {
        for (int i = 0; i < TRIES; i++) {
            LocalDate a = date();
            LocalDate b = date();
            LocalDate c = date();
            assertThat(calendar.workingDaysBetween(a, b) + calendar.workingDaysBetween(b, c))
                    .as("%s %s %s", a, b, c).isEqualTo(calendar.workingDaysBetween(a, c));
        }
    }
}
