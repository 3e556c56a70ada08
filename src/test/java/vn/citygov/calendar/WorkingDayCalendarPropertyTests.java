package vn.citygov.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of deadlines over 2024–2031: data years, computed years and the swaps between them. */
class WorkingDayCalendarPropertyTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final WorkingDayCalendar calendar =
            new WorkingDayCalendar(CalendarProperties.defaults(), InMemoryHolidaySource.shippedData());

    @Provide
    Arbitrary<Instant> received() {
        long from = LocalDate.of(2024, 1, 1).atStartOfDay(ZONE).toEpochSecond();
        long to = LocalDate.of(2031, 12, 31).atStartOfDay(ZONE).toEpochSecond();
        return Arbitraries.longs().between(from, to).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 8 * 365).map(i -> LocalDate.of(2024, 1, 1).plusDays(i));
    }

    @Property(tries = 500)
    void theDeadlineIsTheEndOfAWorkingDayAfterReceipt(@ForAll("received") Instant received,
            @ForAll @IntRange(min = 0, max = 60) int n) {
        Instant deadline = calendar.addWorkingDays(received, n);
        ZonedDateTime local = deadline.atZone(ZONE);
        assertThat(calendar.isWorkingDay(local.toLocalDate())).isTrue();
        assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(17, 0));
        assertThat(deadline).isAfter(received);
    }

    @Property(tries = 500)
    void exactlyNWorkingDaysLieBetweenReceiptAndDeadline(@ForAll("received") Instant received,
            @ForAll @IntRange(min = 0, max = 60) int n) {
        LocalDate deadlineDay = calendar.addWorkingDays(received, n).atZone(ZONE).toLocalDate();
        assertThat(calendar.workingDaysBetween(calendar.effectiveReceiptDay(received), deadlineDay)).isEqualTo(n);
    }

    @Property(tries = 500)
    void moreWorkingDaysGiveALaterDeadline(@ForAll("received") Instant received,
            @ForAll @IntRange(min = 0, max = 60) int n) {
        assertThat(calendar.addWorkingDays(received, n + 1)).isAfter(calendar.addWorkingDays(received, n));
    }

    @Property(tries = 500)
    void aLaterReceiptNeverGivesAnEarlierDeadline(@ForAll("received") Instant a, @ForAll("received") Instant b,
            @ForAll @IntRange(min = 0, max = 30) int n) {
        Instant first = a.isBefore(b) ? a : b;
        Instant second = a.isBefore(b) ? b : a;
        assertThat(calendar.addWorkingDays(second, n)).isAfterOrEqualTo(calendar.addWorkingDays(first, n));
    }

    @Property(tries = 500)
    void hourDeadlinesFallInOfficeHoursAndGrowWithTheHours(@ForAll("received") Instant received,
            @ForAll @IntRange(min = 1, max = 200) int hours) {
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

    @Property(tries = 500)
    void workingDaysBetweenAddsUp(@ForAll("dates") LocalDate a, @ForAll("dates") LocalDate b,
            @ForAll("dates") LocalDate c) {
        assertThat(calendar.workingDaysBetween(a, b) + calendar.workingDaysBetween(b, c))
                .isEqualTo(calendar.workingDaysBetween(a, c));
    }
}
