package vn.citygov.dossiers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.citygov.calendar.CalendarProperties;
import vn.citygov.calendar.WorkingDayCalendar;
import vn.citygov.procedures.WorkflowStep;

/**
 * The rules of step-by-step processing, free of storage so they can be tested alone: which step actions are
 * legal at which step kind, where they lead, and the per-step deadline from the step's share of the time.
 */
public final class DossierSteps {

    /** Actions that move along (or claim) the dossier's current step; the others leave the step alone. */
    public static final Set<String> STEP_ACTIONS = Set.of("start", "claim", "forward", "return_step", "approve",
            "issue_result", "return_result");

    /** Position value of a dossier whose steps are all done. */
    public static final int DONE = -1;

    private DossierSteps() {
    }

    /**
     * One step of a dossier: the workflow step copied on acceptance with its agency resolved, and what
     * happened to it.
     *
     * @param startedAt when the step received the dossier
     * @param finishedAt when it handed the dossier over (null while current or not reached)
     * @param assignee username of the official who claimed it (null: unclaimed)
     */
    public record Step(int position, String code, String name, String nameEn, String kind, String permission,
            String agencyCode, int share, Instant startedAt, Instant dueAt, Instant finishedAt, String assignee,
            String assigneeName) {

        /** Handed over by its deadline; null while not finished, or for reception (before the clock starts). */
        @com.fasterxml.jackson.annotation.JsonProperty("onTime")
        public Boolean onTime() {
            return finishedAt == null || dueAt == null ? null : !finishedAt.isAfter(dueAt);
        }
    }

    /**
     * Where a step action leads.
     *
     * @param position the new current step, {@link #DONE} when finished
     * @param state the dossier state afterwards
     */
    public record Move(int position, String state) {
    }

    /**
     * The move of a step action from the current step, or empty when the action is not legal there.
     *
     * @param kinds the step kinds of the dossier's workflow, in order
     */
    public static Optional<Move> move(List<String> kinds, int position, String action, String state) {
        if (position < 0 || position >= kinds.size()) {
            return Optional.empty();
        }
        String kind = kinds.get(position);
        String next = position + 1 < kinds.size() ? kinds.get(position + 1) : null;
        return switch (action) {
            case "start" -> WorkflowStep.PROCESSING.equals(kind) && Workflow.ACCEPTED.equals(state)
                    ? Optional.of(new Move(position, Workflow.IN_PROGRESS)) : Optional.empty();
            case "claim" -> WorkflowStep.RECEPTION.equals(kind) ? Optional.empty()
                    : Optional.of(new Move(position, Workflow.ACCEPTED.equals(state) ? Workflow.IN_PROGRESS : state));
            case "forward" -> WorkflowStep.PROCESSING.equals(kind) && work(next)
                    ? Optional.of(new Move(position + 1, Workflow.IN_PROGRESS)) : Optional.empty();
            case "return_step" -> work(kind) && position >= 2 && work(kinds.get(position - 1))
                    ? Optional.of(new Move(position - 1, Workflow.IN_PROGRESS)) : Optional.empty();
            case "approve" -> {
                // From the work step just before an approval, an approver may approve at once (as the fixed
                // workflow allowed: start, then approve): both steps are done by that approval.
                int at = WorkflowStep.PROCESSING.equals(kind) && WorkflowStep.APPROVAL.equals(next) ? position + 1
                        : WorkflowStep.APPROVAL.equals(kind) ? position : -1;
                if (at < 0 || at + 1 >= kinds.size()) {
                    yield Optional.empty();
                }
                yield Optional.of(new Move(at + 1,
                        WorkflowStep.RESULT.equals(kinds.get(at + 1)) ? Workflow.APPROVED : Workflow.IN_PROGRESS));
            }
            case "issue_result" -> WorkflowStep.RESULT.equals(kind)
                    ? Optional.of(new Move(position + 1, Workflow.RESULT_ISSUED)) : Optional.empty();
            case "return_result" -> WorkflowStep.DELIVERY.equals(kind)
                    ? Optional.of(new Move(DONE, Workflow.RETURNED)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static boolean work(String kind) {
        return WorkflowStep.PROCESSING.equals(kind) || WorkflowStep.APPROVAL.equals(kind);
    }

    /**
     * A step's deadline: its share of the procedure's processing time, counted in working hours from when the
     * step received the dossier, rounded up to the hour; never later than the dossier's appointment.
     */
    public static Instant due(WorkingDayCalendar calendar, Instant startedAt, int processingDays, int share,
            Instant appointment) {
        long minutesPerDay = workingMinutesPerDay(calendar.properties());
        long minutes = processingDays * minutesPerDay * share / 100;
        int hours = (int) ((minutes + 59) / 60);
        Instant due = calendar.addWorkingHours(startedAt, hours);
        return appointment != null && due.isAfter(appointment) ? appointment : due;
    }

    static long workingMinutesPerDay(CalendarProperties p) {
        return Duration.between(p.morningStart(), p.morningEnd()).toMinutes()
                + Duration.between(p.afternoonStart(), p.afternoonEnd()).toMinutes();
    }
}
