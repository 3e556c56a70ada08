package vn.citygov.dossiers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.citygov.calendar.WorkingDayCalendar;
import vn.citygov.dossiers.DossierSteps.Move;
import vn.citygov.dossiers.DossierSteps.Step;
import vn.citygov.dossiers.Workflow.Actor;
import vn.citygov.dossiers.Workflow.Transition;
import vn.citygov.dossiers.internal.DossierRepository;
import vn.citygov.dossiers.internal.DossierRow;
import vn.citygov.dossiers.internal.StepRepository;
import vn.citygov.identity.AccountService;
import vn.citygov.platform.error.CityGovException;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.procedures.Procedure;
import vn.citygov.procedures.ProcedureService;
import vn.citygov.procedures.ProcedureWorkflows;
import vn.citygov.procedures.WorkflowDefinition;
import vn.citygov.procedures.WorkflowStep;

/**
 * Moves accepted dossiers along their procedure's workflow: copies the steps on acceptance, checks who may
 * act on the current step (its permission in its agency, and its assignee once claimed), and records each
 * hand-over with the next step's deadline. Dossiers accepted before workflows existed have no steps and keep
 * the fixed rules of {@link Workflow}.
 */
@Component
class StepEngine {

    private final StepRepository steps;
    private final ProcedureService procedures;
    private final ProcedureWorkflows workflows;
    private final WorkingDayCalendar calendar;
    private final AccountService accounts;

    StepEngine(StepRepository steps, ProcedureService procedures, ProcedureWorkflows workflows,
            WorkingDayCalendar calendar, AccountService accounts) {
        this.steps = steps;
        this.procedures = procedures;
        this.workflows = workflows;
        this.calendar = calendar;
        this.accounts = accounts;
    }

    /** A dossier's steps and where it stands; position is null once every step is done. */
    record Context(List<Step> steps, Integer position) {

        Step current() {
            return position == null ? null : steps.get(position);
        }

        List<String> kinds() {
            return steps.stream().map(Step::kind).toList();
        }
    }

    /**
     * What an action will do.
     *
     * @param move where a step action leads; null for the other actions (supplement, refusal...)
     * @param assignee for a move forward: the official named to take the next step (null: whoever claims it)
     */
    record Plan(Context context, Move move, String assignee, String assigneeName) {
    }

    /**
     * The steps after an action, computed before anything is written: the dossier service writes them with the
     * dossier row (its current-step columns under the optimistic lock) in one statement.
     *
     * @param context the steps and position after the action (null for dossiers without steps)
     * @param inserted steps to create (on acceptance)
     * @param updated steps changed by the action
     */
    record Outcome(Context context, List<Step> inserted, List<Step> updated) {

        static Outcome unchanged(Context context) {
            return new Outcome(context, List.of(), List.of());
        }

        Integer position() {
            return context == null ? null : context.position();
        }

        Step current() {
            return context == null ? null : context.current();
        }
    }

    /** The agency holding the dossier now: its current step's, or the competent agency without one. */
    String holdingAgency(DossierRow d) {
        Context ctx = context(d);
        return ctx == null || ctx.current() == null ? d.agencyCode() : ctx.current().agencyCode();
    }

    /** The context of a dossier read with its steps; null without steps. */
    Context context(DossierRepository.Full full) {
        return full.steps().isEmpty() ? null : new Context(full.steps(), full.stepPosition());
    }

    /** Null for dossiers without steps: not accepted yet, or accepted before workflows. */
    Context context(DossierRow d) {
        StepRepository.Loaded loaded = steps.load(d.id());
        return loaded.steps().isEmpty() ? null : new Context(loaded.steps(), loaded.position());
    }

    /**
     * Checks an action against the current step. Step actions need the step's permission in the step's agency
     * (403) and, once the step is claimed, its assignee (409); other official actions need their permission in
     * the agency now holding the dossier. Applicant actions are checked by the caller.
     */
    Plan plan(Context ctx, DossierRow d, Transition transition, CityGovUser user, String assignee) {
        Step current = ctx.current();
        String action = transition.action();
        if (!DossierSteps.STEP_ACTIONS.contains(action)) {
            if (transition.actor() != Actor.APPLICANT) {
                String agency = current == null ? d.agencyCode() : current.agencyCode();
                if (!user.can(transition.actor().permission(), agency)) {
                    throw new ForbiddenException();
                }
            }
            return new Plan(ctx, null, null, null);
        }
        Move move = current == null ? null
                : DossierSteps.move(ctx.kinds(), ctx.position(), action, d.state()).orElse(null);
        if (move == null) {
            throw DossierConflictException.illegal(action, d.state());
        }
        if (!user.can(current.permission(), current.agencyCode())) {
            throw new ForbiddenException();
        }
        if (WorkflowStep.PROCESSING.equals(current.kind()) && "approve".equals(action)) {
            Step approval = ctx.steps().get(ctx.position() + 1);
            if (!user.can(approval.permission(), approval.agencyCode())) {
                throw new ForbiddenException();
            }
        }
        if (current.assignee() != null && !current.assignee().equals(user.username())) {
            throw new DossierConflictException("claimed-by-other", "dossiers.error.claimed-by-other",
                    current.assigneeName() == null ? current.assignee() : current.assigneeName());
        }
        if (assignee == null || assignee.isBlank() || move.position() <= ctx.position()) {
            return new Plan(ctx, move, null, null);
        }
        Step next = ctx.steps().get(move.position());
        CityGovUser named = accounts.enabledUser(assignee.strip())
                .filter(u -> u.can(next.permission(), next.agencyCode()))
                .orElseThrow(() -> new InvalidInputException("assignee", "dossiers.error.assignee"));
        return new Plan(ctx, move, named.username(), named.displayName());
    }

    /** Whether the user could take the action now (for offering it), without changing anything. */
    boolean permits(Context ctx, DossierRow d, Transition transition, CityGovUser user) {
        try {
            plan(ctx, d, transition, user, null);
            return true;
        } catch (CityGovException e) {
            return false;
        }
    }

    /** Whether the user works in an agency with one of these steps (inter-agency officials read the dossier). */
    static boolean involves(CityGovUser user, List<Step> steps) {
        return steps.stream().map(Step::agencyCode).distinct()
                .anyMatch(a -> DossierService.PERMISSIONS.stream().anyMatch(p -> user.can(p, a)));
    }

    /** On acceptance: copies the workflow in force today; reception is done, the next step starts now. */
    Outcome begin(DossierRow accepted, CityGovUser user, Instant now) {
        Procedure procedure = procedures.get(accepted.procedureCode());
        LocalDate day = now.atZone(calendar.zone()).toLocalDate();
        WorkflowDefinition workflow = workflows.forProcedure(procedure, day);
        List<Step> list = new ArrayList<>();
        for (int i = 0; i < workflow.steps().size(); i++) {
            WorkflowStep s = workflow.steps().get(i);
            String agency = s.agencyCode() == null ? accepted.agencyCode() : s.agencyCode();
            Step step = new Step(i, s.code(), s.name(), s.nameEn(), s.kind(), s.permission(), agency, s.share(),
                    null, null, null, null, null);
            if (i == 0) {
                step = new Step(i, s.code(), s.name(), s.nameEn(), s.kind(), s.permission(), agency, s.share(),
                        accepted.submittedAt(), null, now, user.username(), user.displayName());
            } else if (i == 1) {
                step = started(step, accepted, now, null, null);
            }
            list.add(step);
        }
        return new Outcome(new Context(List.copyOf(list), 1), list, List.of());
    }

    /** The step change the plan describes, not written yet (the service writes it with the dossier row). */
    Outcome apply(Plan plan, DossierRow before, DossierRow after, CityGovUser user, Instant now) {
        Context ctx = plan.context();
        Step current = ctx.current();
        if (current == null) {
            return Outcome.unchanged(ctx);
        }
        List<Step> updated = new ArrayList<>();
        if (plan.move() == null) {
            if (before.pausedAt() != null && after.pausedAt() == null) {
                // The clock stopped while the applicant supplemented: the step's deadline moves with the appointment.
                updated.add(with(current, current.startedAt(),
                        Deadlines.afterPause(calendar, current.dueAt(), before.pausedAt(), now), null,
                        current.assignee(), current.assigneeName()));
            }
            return changed(ctx, ctx.position(), updated);
        }
        Move move = plan.move();
        if (move.position() == ctx.position()) {
            updated.add(with(current, current.startedAt(), current.dueAt(), null, user.username(), user.displayName()));
            return changed(ctx, ctx.position(), updated);
        }
        String doneBy = current.assignee() == null ? user.username() : current.assignee();
        String doneByName = current.assignee() == null ? user.displayName() : current.assigneeName();
        if (move.position() != DossierSteps.DONE && move.position() < ctx.position()) {
            // Sent back: this step waits to be reached again; its assignee stays for when it is.
            updated.add(with(current, null, null, null, current.assignee(), current.assigneeName()));
        } else {
            updated.add(with(current, current.startedAt(), current.dueAt(), now, doneBy, doneByName));
        }
        if (move.position() == DossierSteps.DONE) {
            return changed(ctx, null, updated);
        }
        // An approval taken straight from the work step before it: the approver did that approval step now.
        for (int skipped = ctx.position() + 1; skipped < move.position(); skipped++) {
            updated.add(with(ctx.steps().get(skipped), now, null, now, user.username(), user.displayName()));
        }
        Step target = ctx.steps().get(move.position());
        String assignee = plan.assignee() != null ? plan.assignee()
                : move.position() < ctx.position() ? target.assignee() : null;
        String assigneeName = plan.assignee() != null ? plan.assigneeName()
                : move.position() < ctx.position() ? target.assigneeName() : null;
        updated.add(started(target, after, now, assignee, assigneeName));
        return changed(ctx, move.position(), updated);
    }

    /** Writes the step rows of an outcome, after the dossier row. */
    /** The context with the updated steps in place and the new position. */
    private static Outcome changed(Context ctx, Integer position, List<Step> updated) {
        List<Step> all = new ArrayList<>(ctx.steps());
        updated.forEach(s -> all.set(s.position(), s));
        return new Outcome(new Context(List.copyOf(all), position), List.of(), List.copyOf(updated));
    }

    List<Step> steps(long dossierId) {
        return steps.steps(dossierId);
    }

    private Step started(Step s, DossierRow d, Instant now, String assignee, String assigneeName) {
        return with(s, now, DossierSteps.due(calendar, now, d.processingDays(), s.share(), d.dueAt()), null,
                assignee, assigneeName);
    }

    private static Step with(Step s, Instant startedAt, Instant dueAt, Instant finishedAt, String assignee,
            String assigneeName) {
        return new Step(s.position(), s.code(), s.name(), s.nameEn(), s.kind(), s.permission(), s.agencyCode(),
                s.share(), startedAt, dueAt, finishedAt, assignee, assigneeName);
    }
}
