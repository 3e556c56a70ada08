package vn.citygov.dossiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.citygov.calendar.CalendarProperties;
import vn.citygov.calendar.Holiday;
import vn.citygov.calendar.HolidaySource;
import vn.citygov.calendar.WorkdaySwap;
import vn.citygov.calendar.WorkingDayCalendar;

/** Appointments on the working-day calendar: the cut-off, weekends, and the pause while a supplement is awaited. */
class DeadlinesUnitTests {

    static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    // No stored holidays: the computed rules apply, and late November 2026 has none.
    final WorkingDayCalendar calendar = new WorkingDayCalendar(CalendarProperties.defaults(), new HolidaySource() {
        @Override
        public List<Holiday> storedHolidays(int year) {
            return List.of();
        }

        @Override
        public List<WorkdaySwap> swaps(int year) {
            return List.of();
        }
    });

    static Instant at(int day, int hour) {
        return LocalDateTime.of(2026, 11, day, hour, 0).atZone(HCM).toInstant();
    }

    static LocalDate dayOf(Instant instant) {
        return instant.atZone(HCM).toLocalDate();
    }

    @Test
    void theAppointmentCountsWorkingDaysFromReceiptAfterTheCutOffRule() {
        // Friday 20 November before 15:00, 3 working days: Monday, Tuesday, Wednesday 25.
        assertThat(dayOf(calendar.addWorkingDays(at(20, 10), 3))).isEqualTo(LocalDate.of(2026, 11, 25));
        // After the cut-off it counts from Monday 23: due Thursday 26.
        assertThat(dayOf(calendar.addWorkingDays(at(20, 16), 3))).isEqualTo(LocalDate.of(2026, 11, 26));
    }

    @Test
    void waitingForASupplementMovesTheAppointmentByTheWorkingDaysWaited() {
        Instant due = calendar.endOfWorkingDay(LocalDate.of(2026, 11, 25));
        // Paused Friday 20, resumed Tuesday 24: two working days waited (Monday, Tuesday) → Friday 27.
        assertThat(dayOf(Deadlines.afterPause(calendar, due, at(20, 9), at(24, 9)))).isEqualTo(LocalDate.of(2026, 11, 27));
        // Paused and resumed the same day: nothing moves.
        assertThat(Deadlines.afterPause(calendar, due, at(23, 9), at(23, 16))).isEqualTo(due);
        // Paused over a weekend only: nothing moves.
        assertThat(Deadlines.afterPause(calendar, due, at(21, 9), at(22, 9))).isEqualTo(due);
    }

    @Test
    void aPauseCarriesTheAppointmentOverAWeekend() {
        Instant due = calendar.endOfWorkingDay(LocalDate.of(2026, 11, 27));
        assertThat(dayOf(Deadlines.afterPause(calendar, due, at(23, 9), at(24, 9)))).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(Deadlines.afterPause(calendar, null, at(23, 9), at(24, 9))).isNull();
        assertThat(Deadlines.afterPause(calendar, due, null, at(24, 9))).isEqualTo(due);
    }
}
