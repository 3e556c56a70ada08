package vn.citygov.dossiers;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The dossier workflow as an explicit table of allowed transitions: an action is legal only from the
 * states listed for it, and each row says who may take it. Anything not in the table is refused.
 */
public final class Workflow {

    public static final String SUBMITTED = "submitted";
    public static final String SUPPLEMENT_REQUESTED = "supplement_requested";
    public static final String ACCEPTED = "accepted";
    public static final String IN_PROGRESS = "in_progress";
    public static final String APPROVED = "approved";
    public static final String RESULT_ISSUED = "result_issued";
    public static final String RETURNED = "returned";
    public static final String REFUSED = "refused";
    public static final String WITHDRAWN = "withdrawn";
    /** Handling stopped with a written notice (form 05), e.g. the applicant died or the request became moot. */
    public static final String STOPPED = "stopped";

    public static final List<String> STATES = List.of(SUBMITTED, SUPPLEMENT_REQUESTED, ACCEPTED, IN_PROGRESS, APPROVED,
            RESULT_ISSUED, RETURNED, REFUSED, WITHDRAWN, STOPPED);
    public static final Set<String> FINAL_STATES = Set.of(RETURNED, REFUSED, WITHDRAWN, STOPPED);

    /** Target of a supplement: back to the state the dossier was in when the supplement was requested. */
    public static final String PREVIOUS = "previous";

    public static final List<String> ACTIONS = List.of("accept", "request_supplement", "supplement", "refuse", "start",
            "approve", "issue_result", "return_result", "withdraw", "claim", "forward", "return_step", "stop");

    /** Actions that exist only along a procedure's workflow steps (see {@link DossierSteps}). */
    public static final Set<String> STEP_ONLY = Set.of("claim", "forward", "return_step");

    /** Who may take an action: the applicant (or the desk on a counter applicant's behalf), or a permission. */
    public enum Actor {
        APPLICANT(null), RECEIVE("dossier.receive"), PROCESS("dossier.process"), APPROVE("dossier.approve"),
        /** Whatever the dossier's current workflow step requires, in the step's agency. */
        STEP(null);

        private final String permission;

        Actor(String permission) {
            this.permission = permission;
        }

        public String permission() {
            return permission;
        }
    }

    public record Transition(String action, Set<String> from, String to, Actor actor) {
    }

    public static final List<Transition> TRANSITIONS = List.of(
            new Transition("accept", Set.of(SUBMITTED), ACCEPTED, Actor.RECEIVE),
            new Transition("request_supplement", Set.of(SUBMITTED), SUPPLEMENT_REQUESTED, Actor.RECEIVE),
            new Transition("request_supplement", Set.of(ACCEPTED, IN_PROGRESS), SUPPLEMENT_REQUESTED, Actor.PROCESS),
            new Transition("supplement", Set.of(SUPPLEMENT_REQUESTED), PREVIOUS, Actor.APPLICANT),
            new Transition("refuse", Set.of(SUBMITTED, SUPPLEMENT_REQUESTED), REFUSED, Actor.RECEIVE),
            new Transition("refuse", Set.of(IN_PROGRESS), REFUSED, Actor.APPROVE),
            new Transition("start", Set.of(ACCEPTED), IN_PROGRESS, Actor.PROCESS),
            new Transition("approve", Set.of(IN_PROGRESS), APPROVED, Actor.APPROVE),
            new Transition("issue_result", Set.of(APPROVED), RESULT_ISSUED, Actor.PROCESS),
            new Transition("return_result", Set.of(RESULT_ISSUED), RETURNED, Actor.RECEIVE),
            new Transition("withdraw", Set.of(SUBMITTED, SUPPLEMENT_REQUESTED), WITHDRAWN, Actor.APPLICANT),
            // Step actions: the target given here is the usual one; the workflow step decides (DossierSteps.move).
            new Transition("claim", Set.of(ACCEPTED, IN_PROGRESS, APPROVED, RESULT_ISSUED), IN_PROGRESS, Actor.STEP),
            new Transition("forward", Set.of(ACCEPTED, IN_PROGRESS), IN_PROGRESS, Actor.STEP),
            new Transition("return_step", Set.of(IN_PROGRESS), IN_PROGRESS, Actor.STEP),
            new Transition("stop", Set.of(ACCEPTED, IN_PROGRESS, APPROVED, SUPPLEMENT_REQUESTED), STOPPED, Actor.APPROVE));

    private Workflow() {
    }

    /** The row allowing this action from this state, if any. */
    public static Optional<Transition> find(String action, String state) {
        return TRANSITIONS.stream().filter(t -> t.action().equals(action) && t.from().contains(state)).findFirst();
    }

    /** The actions legal from a state, in table order, each once. */
    public static List<Transition> from(String state) {
        return TRANSITIONS.stream().filter(t -> t.from().contains(state)).toList();
    }

    /** Where a transition leads, resolving {@link #PREVIOUS}. */
    public static String target(Transition transition, String resumeState) {
        return PREVIOUS.equals(transition.to()) ? resumeState : transition.to();
    }

    /** The applicant may rate the service only once the result is in their hands. */
    public static boolean rateable(String state) {
        return RETURNED.equals(state);
    }

    /** True while the legal clock runs: accepted and not finished nor waiting for a supplement. */
    public static boolean clockRunning(String state) {
        return Set.of(ACCEPTED, IN_PROGRESS, APPROVED, RESULT_ISSUED).contains(state);
    }
}
