package vn.citygov.dossiers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import vn.citygov.calendar.WorkingDayCalendar;

/** Deadline arithmetic of dossiers on the working-day calendar. */
final class Deadlines {

    private Deadlines() {
    }

    /**
     * The appointment after a supplement: moved later by the working days spent waiting for the applicant
     * (the clock stops while a supplement is awaited), still at the end of a working day.
     */
    static Instant afterPause(WorkingDayCalendar calendar, Instant due, Instant pausedAt, Instant resumedAt) {
        if (due == null || pausedAt == null) {
            return due;
        }
        int waited = Math.max(0, calendar.workingDaysBetween(pausedAt.atZone(calendar.zone()).toLocalDate(),
                resumedAt.atZone(calendar.zone()).toLocalDate()));
        if (waited == 0) {
            return due;
        }
        LocalDate day = due.atZone(calendar.zone()).toLocalDate();
        for (int i = 0; i < waited; i++) {
            day = calendar.nextWorkingDay(day);
        }
        return calendar.endOfWorkingDay(day);
    }

    /**
     * Past its appointment: once finished, by the finish; while waiting for a supplement, by the pause (the clock
     * stops); otherwise by now. Refused, withdrawn and stopped dossiers are never overdue.
     */
    static boolean overdue(WorkingDayCalendar calendar, Clock clock, String state, Instant dueAt, Instant pausedAt,
            Instant finishedAt) {
        if (dueAt == null || Workflow.REFUSED.equals(state) || Workflow.WITHDRAWN.equals(state)
                || Workflow.STOPPED.equals(state)) {
            return false;
        }
        Instant at = finishedAt != null ? finishedAt : pausedAt != null ? pausedAt : clock.instant();
        return calendar.isOverdue(dueAt, at);
    }
}
