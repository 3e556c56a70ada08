package vn.citygov.dossiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.citygov.dossiers.Workflow.Actor;

/** The transition table: what is allowed from each state, by whom, and that everything else is refused. */
class WorkflowUnitTests {

    @Test
    void theMainPathLeadsFromSubmissionToTheReturnedResult() {
        String state = Workflow.SUBMITTED;
        for (String action : new String[] {"accept", "start", "approve", "issue_result", "return_result"}) {
            state = Workflow.target(Workflow.find(action, state).orElseThrow(), null);
        }
        assertThat(state).isEqualTo(Workflow.RETURNED);
    }

    @Test
    void eachActionIsTakenByTheRightActor() {
        assertThat(Workflow.find("accept", Workflow.SUBMITTED).orElseThrow().actor()).isEqualTo(Actor.RECEIVE);
        assertThat(Workflow.find("start", Workflow.ACCEPTED).orElseThrow().actor()).isEqualTo(Actor.PROCESS);
        assertThat(Workflow.find("approve", Workflow.IN_PROGRESS).orElseThrow().actor()).isEqualTo(Actor.APPROVE);
        assertThat(Workflow.find("return_result", Workflow.RESULT_ISSUED).orElseThrow().actor()).isEqualTo(Actor.RECEIVE);
        assertThat(Workflow.find("withdraw", Workflow.SUBMITTED).orElseThrow().actor()).isEqualTo(Actor.APPLICANT);
        assertThat(Workflow.find("request_supplement", Workflow.SUBMITTED).orElseThrow().actor()).isEqualTo(Actor.RECEIVE);
        assertThat(Workflow.find("request_supplement", Workflow.IN_PROGRESS).orElseThrow().actor())
                .isEqualTo(Actor.PROCESS);
    }

    @Test
    void aSupplementReturnsToTheStateItInterrupted() {
        var supplement = Workflow.find("supplement", Workflow.SUPPLEMENT_REQUESTED).orElseThrow();
        assertThat(Workflow.target(supplement, Workflow.SUBMITTED)).isEqualTo(Workflow.SUBMITTED);
        assertThat(Workflow.target(supplement, Workflow.IN_PROGRESS)).isEqualTo(Workflow.IN_PROGRESS);
    }

    @Test
    void withdrawalIsOnlyPossibleBeforeAcceptanceOrWhileASupplementIsAwaited() {
        Set<String> allowed = new HashSet<>();
        for (String state : Workflow.STATES) {
            if (Workflow.find("withdraw", state).isPresent()) {
                allowed.add(state);
            }
        }
        assertThat(allowed).containsExactlyInAnyOrder(Workflow.SUBMITTED, Workflow.SUPPLEMENT_REQUESTED);
    }

    @Test
    void finalStatesAllowNothingAndIllegalStepsAreAbsent() {
        for (String state : Workflow.FINAL_STATES) {
            assertThat(Workflow.from(state)).as(state).isEmpty();
        }
        assertThat(Workflow.find("approve", Workflow.SUBMITTED)).isEmpty();
        assertThat(Workflow.find("accept", Workflow.ACCEPTED)).isEmpty();
        assertThat(Workflow.find("return_result", Workflow.APPROVED)).isEmpty();
        assertThat(Workflow.find("nonsense", Workflow.SUBMITTED)).isEmpty();
    }

    @Test
    void everyRowUsesKnownStatesAndActionsAndNoActionIsAmbiguous() {
        for (var t : Workflow.TRANSITIONS) {
            assertThat(Workflow.ACTIONS).contains(t.action());
            assertThat(Workflow.STATES).containsAll(t.from());
            assertThat(t.to().equals(Workflow.PREVIOUS) || Workflow.STATES.contains(t.to())).isTrue();
        }
        for (String state : Workflow.STATES) {
            var actions = Workflow.from(state).stream().map(Workflow.Transition::action).toList();
            assertThat(actions).as(state).doesNotHaveDuplicates();
        }
    }

    @Test
    void theClockRunsOnlyBetweenAcceptanceAndTheEnd() {
        assertThat(Workflow.clockRunning(Workflow.SUBMITTED)).isFalse();
        assertThat(Workflow.clockRunning(Workflow.SUPPLEMENT_REQUESTED)).isFalse();
        assertThat(Workflow.clockRunning(Workflow.IN_PROGRESS)).isTrue();
        assertThat(Workflow.clockRunning(Workflow.RETURNED)).isFalse();
    }
}
