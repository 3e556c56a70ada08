package vn.citygov.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Expected values computed by hand from the 2025–2027 data and the rules in {@link WorkingDayCalendar}. */
class WorkingDayCalendarUnitTests {

    private final InMemoryHolidaySource source = InMemoryHolidaySource.shippedData();
    private final WorkingDayCalendar calendar = new WorkingDayCalendar(CalendarProperties.defaults(), source);

    /** An instant written as Vietnamese local time, e.g. "2026-02-13T10:00". */
    private static Instant vn(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+07:00").toInstant();
    }

    private static LocalDate d(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    @Test
    void acrossTet2026() {
        // Fri 13/02 10:00 counts that day. Sat 14–Sun 22 are off (Tết Mon 16–Fri 20).
        // Day 1 = Mon 23/02, day 2 = Tue 24/02, day 3 = Wed 25/02.
        assertThat(calendar.addWorkingDays(vn("2026-02-13T10:00"), 1)).isEqualTo(vn("2026-02-23T17:00"));
        assertThat(calendar.addWorkingDays(vn("2026-02-13T10:00"), 3)).isEqualTo(vn("2026-02-25T17:00"));
        // Received on a Tết day: counts as received Mon 23/02, day 1 = Tue 24/02.
        assertThat(calendar.addWorkingDays(vn("2026-02-17T09:00"), 1)).isEqualTo(vn("2026-02-24T17:00"));
    }

    @Test
    void newYear2026SwapAndSaturdayMakeUpWorkday() {
        assertThat(calendar.isWorkingDay(d("2026-01-01"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2026-01-02"))).isFalse(); // day_off swap
        assertThat(calendar.isWorkingDay(d("2026-01-10"))).isTrue(); // Saturday worked in exchange
        assertThat(calendar.isWorkingDay(d("2026-01-17"))).isFalse(); // an ordinary Saturday
        // Wed 31/12/2025 09:00 + 1: Thu 01/01 holiday, Fri 02/01 swapped off, weekend -> Mon 05/01.
        assertThat(calendar.addWorkingDays(vn("2025-12-31T09:00"), 1)).isEqualTo(vn("2026-01-05T17:00"));
        // Thu 08/01 + 2: Fri 09/01, Sat 10/01.
        assertThat(calendar.addWorkingDays(vn("2026-01-08T10:00"), 2)).isEqualTo(vn("2026-01-10T17:00"));
        // Fri 09/01 16:00 is after the cut-off: received Sat 10/01 (a working day), day 1 = Mon 12/01.
        assertThat(calendar.effectiveReceiptDay(vn("2026-01-09T16:00"))).isEqualTo(d("2026-01-10"));
        assertThat(calendar.addWorkingDays(vn("2026-01-09T16:00"), 1)).isEqualTo(vn("2026-01-12T17:00"));
    }

    @Test
    void hungKingsMakeUpDayAndReunificationAndLabourDay2026() {
        assertThat(calendar.isWorkingDay(d("2026-04-27"))).isFalse(); // make-up for Sun 26/04
        // Fri 24/04 + 3: Mon 27 off, Tue 28 (1), Wed 29 (2), Thu 30/04 + Fri 01/05 off, weekend, Mon 04/05 (3).
        assertThat(calendar.addWorkingDays(vn("2026-04-24T09:00"), 3)).isEqualTo(vn("2026-05-04T17:00"));
    }

    @Test
    void cutOffAt15() {
        assertThat(calendar.addWorkingDays(vn("2026-03-03T14:59"), 1)).isEqualTo(vn("2026-03-04T17:00"));
        assertThat(calendar.addWorkingDays(vn("2026-03-03T15:00"), 1)).isEqualTo(vn("2026-03-05T17:00"));
        assertThat(calendar.addWorkingDays(vn("2026-03-03T06:00"), 1)).isEqualTo(vn("2026-03-04T17:00"));
        // n = 0: the end of the (effective) receipt day.
        assertThat(calendar.addWorkingDays(vn("2026-03-03T14:00"), 0)).isEqualTo(vn("2026-03-03T17:00"));
        assertThat(calendar.addWorkingDays(vn("2026-03-03T16:00"), 0)).isEqualTo(vn("2026-03-04T17:00"));
    }

    @Test
    void weekendReceipt() {
        // Sat 07/03 and Sun 08/03 23:59 count as received Mon 09/03; day 1 = Tue 10/03.
        assertThat(calendar.addWorkingDays(vn("2026-03-07T10:00"), 1)).isEqualTo(vn("2026-03-10T17:00"));
        assertThat(calendar.addWorkingDays(vn("2026-03-08T23:59"), 1)).isEqualTo(vn("2026-03-10T17:00"));
        // Instants are read in Vietnamese time: Sun 08/03 17:30 UTC is already Mon 00:30 in Ho Chi Minh City.
        assertThat(calendar.addWorkingDays(Instant.parse("2026-03-08T17:30:00Z"), 1)).isEqualTo(vn("2026-03-10T17:00"));
    }

    @Test
    void workingHoursAcrossLunchAndOvernight() {
        assertThat(calendar.addWorkingHours(vn("2026-03-03T10:00"), 1)).isEqualTo(vn("2026-03-03T11:00"));
        // 10:00-11:30 (1.5 h), then 13:00-15:30.
        assertThat(calendar.addWorkingHours(vn("2026-03-03T10:00"), 4)).isEqualTo(vn("2026-03-03T15:30"));
        // 1.5 h + 4 h on Tuesday, 2.5 h on Wednesday from 07:30.
        assertThat(calendar.addWorkingHours(vn("2026-03-03T10:00"), 8)).isEqualTo(vn("2026-03-04T10:00"));
        assertThat(calendar.addWorkingHours(vn("2026-03-03T16:30"), 1)).isEqualTo(vn("2026-03-04T08:00"));
        assertThat(calendar.addWorkingHours(vn("2026-03-03T12:00"), 1)).isEqualTo(vn("2026-03-03T14:00"));
        // A window used up exactly ends at its end, not at the next start.
        assertThat(calendar.addWorkingHours(vn("2026-03-03T06:00"), 4)).isEqualTo(vn("2026-03-03T11:30"));
        assertThat(calendar.addWorkingHours(vn("2026-03-03T06:00"), 8)).isEqualTo(vn("2026-03-03T17:00"));
        // Friday before Tết: 1 h on Fri 13/02, then Mon 23/02 from 07:30.
        assertThat(calendar.addWorkingHours(vn("2026-02-13T16:00"), 2)).isEqualTo(vn("2026-02-23T08:30"));
        // Saturday receipt: starts Monday 07:30.
        assertThat(calendar.addWorkingHours(vn("2026-03-07T10:00"), 24)).isEqualTo(vn("2026-03-11T17:00"));
        assertThat(calendar.addWorkingHours(vn("2026-03-03T10:00"), 0)).isEqualTo(vn("2026-03-03T10:00"));
    }

    @Test
    void computedYear2030UsesLunarTet() {
        assertThat(calendar.isComputedYear(2030)).isTrue();
        assertThat(calendar.isComputedYear(2026)).isFalse();
        assertThat(calendar.holidays(2030)).allMatch(h -> h.status() == HolidayStatus.COMPUTED);
        // Thu 31/01/2030 + 1: Fri 01/02 (29 Chạp) to Thu 07/02 (make-up days) are off -> Fri 08/02.
        assertThat(calendar.addWorkingDays(vn("2030-01-31T10:00"), 1)).isEqualTo(vn("2030-02-08T17:00"));
        assertThat(calendar.isWorkingDay(d("2030-09-03"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2030-09-04"))).isTrue();
    }

    @Test
    void workingDaysBetween() {
        assertThat(calendar.workingDaysBetween(d("2026-02-13"), d("2026-02-25"))).isEqualTo(3);
        assertThat(calendar.workingDaysBetween(d("2026-02-25"), d("2026-02-13"))).isEqualTo(-3);
        assertThat(calendar.workingDaysBetween(d("2026-02-13"), d("2026-02-13"))).isZero();
        // Across the year end: Mon 05-Fri 09/01 (5), Sat 10/01 (make-up), Mon 12/01.
        assertThat(calendar.workingDaysBetween(d("2025-12-31"), d("2026-01-12"))).isEqualTo(7);
        // A whole year: 2026 has 261 weekdays, 12 holidays on weekdays except Hùng Kings (Sun), 2 swaps
        // off (02/01, 31/08) and 2 Saturdays worked: 261 - 11 - 2 + 2 = 250.
        assertThat(calendar.workingDaysBetween(d("2025-12-31"), d("2026-12-31"))).isEqualTo(250);
    }

    @Test
    void overdue() {
        Instant deadline = vn("2026-02-25T17:00");
        assertThat(calendar.isOverdue(deadline, vn("2026-02-25T17:00"))).isFalse();
        assertThat(calendar.isOverdue(deadline, vn("2026-02-25T17:01"))).isTrue();
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> calendar.addWorkingDays(vn("2026-03-03T10:00"), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.addWorkingHours(vn("2026-03-03T10:00"), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.isWorkingDay(d("1899-12-31"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void yearsAreCachedUntilInvalidatedOrExpired() {
        AtomicLong now = new AtomicLong();
        InMemoryHolidaySource counting = InMemoryHolidaySource.shippedData();
        WorkingDayCalendar cached = new WorkingDayCalendar(CalendarProperties.defaults(), counting, now::get);
        for (int i = 0; i < 100; i++) {
            cached.addWorkingDays(vn("2026-02-13T10:00"), 3);
        }
        assertThat(counting.loads).hasValue(1);

        // An administrator adds a holiday: invisible until the year is invalidated.
        counting.holidays.add(new Holiday(d("2026-02-23"), "Thử", "Test", HolidayKind.FIXED,
                HolidayStatus.OFFICIAL, null, null, null, 1));
        assertThat(cached.isWorkingDay(d("2026-02-23"))).isTrue();
        cached.invalidate(2026);
        assertThat(cached.isWorkingDay(d("2026-02-23"))).isFalse();
        assertThat(counting.loads).hasValue(2);

        now.addAndGet(Duration.ofMinutes(11).toNanos());
        cached.isWorkingDay(d("2026-02-23"));
        assertThat(counting.loads).hasValue(3);
    }

    @Test
    void aDeadlineTakesMicroseconds() {
        Instant received = vn("2026-02-13T10:00");
        for (int i = 0; i < 20_000; i++) {
            calendar.addWorkingDays(received, i % 30);
        }
        int runs = 100_000;
        long start = System.nanoTime();
        long sink = 0;
        for (int i = 0; i < runs; i++) {
            sink += calendar.addWorkingDays(received.plusSeconds(i * 97L), 15).getEpochSecond();
        }
        double microsPerCall = (System.nanoTime() - start) / 1000.0 / runs;
        assertThat(sink).isPositive();
        // Generous bound for a shared 2-core machine; typically a few microseconds.
        assertThat(microsPerCall).isLessThan(100.0);
    }

    @Test
    void customOfficeHours() {
        CalendarProperties props = new CalendarProperties(java.time.ZoneId.of("Asia/Ho_Chi_Minh"),
                java.time.LocalTime.of(8, 0), java.time.LocalTime.of(12, 0), java.time.LocalTime.of(13, 30),
                java.time.LocalTime.of(17, 30), java.time.LocalTime.of(16, 0), Duration.ofMinutes(10));
        WorkingDayCalendar custom = new WorkingDayCalendar(props, new InMemoryHolidaySource(List.of(), List.of()));
        assertThat(custom.addWorkingDays(vn("2031-03-04T15:30"), 1)).isEqualTo(vn("2031-03-05T17:30"));
        assertThat(custom.addWorkingHours(vn("2031-03-04T11:00"), 2)).isEqualTo(vn("2031-03-04T14:30"));
    }
}
