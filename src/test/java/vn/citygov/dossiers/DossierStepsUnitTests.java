package vn.citygov.dossiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.citygov.calendar.WorkingDayCalendar;
import vn.citygov.dossiers.DossierSteps.Move;

/** The step rules of workflow-driven processing, and the per-step deadline arithmetic in working hours. */
class DossierStepsUnitTests {

    // reception, specialist, head approval, result, delivery: the standard workflow's shape.
    static final List<String> STANDARD = List.of("reception", "processing", "approval", "result", "delivery");
    // Inter-agency: ward work and approval, then police work and approval, then the ward issues and returns.
    static final List<String> INTER = List.of("reception", "processing", "approval", "processing", "approval",
            "result", "delivery");

    final WorkingDayCalendar calendar = new DeadlinesUnitTests().calendar;

    static Instant at(int day, int hour, int minute) {
        return LocalDateTime.of(2026, 11, day, hour, minute).atZone(DeadlinesUnitTests.HCM).toInstant();
    }

    @Test
    void theMainPathClaimsForwardsApprovesIssuesAndReturns() {
        assertThat(DossierSteps.move(STANDARD, 1, "claim", Workflow.ACCEPTED))
                .contains(new Move(1, Workflow.IN_PROGRESS));
        assertThat(DossierSteps.move(STANDARD, 1, "forward", Workflow.IN_PROGRESS))
                .contains(new Move(2, Workflow.IN_PROGRESS));
        assertThat(DossierSteps.move(STANDARD, 2, "approve", Workflow.IN_PROGRESS))
                .contains(new Move(3, Workflow.APPROVED));
        assertThat(DossierSteps.move(STANDARD, 3, "issue_result", Workflow.APPROVED))
                .contains(new Move(4, Workflow.RESULT_ISSUED));
        assertThat(DossierSteps.move(STANDARD, 4, "return_result", Workflow.RESULT_ISSUED))
                .contains(new Move(DossierSteps.DONE, Workflow.RETURNED));
    }

    @Test
    void eachActionOnlyAtItsKindOfStep() {
        assertThat(DossierSteps.move(STANDARD, 2, "forward", Workflow.IN_PROGRESS)).as("approval is approved").isEmpty();
        assertThat(DossierSteps.move(List.of("reception", "processing", "processing", "approval", "result", "delivery"),
                1, "approve", Workflow.IN_PROGRESS)).as("work before more work is forwarded").isEmpty();
        assertThat(DossierSteps.move(STANDARD, 1, "issue_result", Workflow.IN_PROGRESS)).isEmpty();
        assertThat(DossierSteps.move(STANDARD, 3, "return_result", Workflow.APPROVED)).isEmpty();
        assertThat(DossierSteps.move(STANDARD, 0, "claim", Workflow.SUBMITTED)).as("reception is accepted").isEmpty();
        assertThat(DossierSteps.move(STANDARD, 2, "start", Workflow.IN_PROGRESS)).isEmpty();
        assertThat(DossierSteps.move(STANDARD, 9, "claim", Workflow.IN_PROGRESS)).isEmpty();
        assertThat(DossierSteps.move(STANDARD, 1, "accept", Workflow.IN_PROGRESS)).isEmpty();
    }

    @Test
    void returningGoesBackOneWorkStepButNeverToReception() {
        assertThat(DossierSteps.move(STANDARD, 2, "return_step", Workflow.IN_PROGRESS))
                .contains(new Move(1, Workflow.IN_PROGRESS));
        assertThat(DossierSteps.move(STANDARD, 1, "return_step", Workflow.IN_PROGRESS)).isEmpty();
        assertThat(DossierSteps.move(STANDARD, 3, "return_step", Workflow.APPROVED)).as("result steps do not return")
                .isEmpty();
        assertThat(DossierSteps.move(INTER, 3, "return_step", Workflow.IN_PROGRESS)).as("police back to the ward chair")
                .contains(new Move(2, Workflow.IN_PROGRESS));
    }

    @Test
    void anApproverMayApproveStraightFromTheWorkStepBeforeTheApproval() {
        assertThat(DossierSteps.move(STANDARD, 1, "approve", Workflow.IN_PROGRESS))
                .contains(new Move(3, Workflow.APPROVED));
        assertThat(DossierSteps.move(INTER, 1, "approve", Workflow.IN_PROGRESS))
                .contains(new Move(3, Workflow.IN_PROGRESS));
    }

    @Test
    void anApprovalFollowedByMoreWorkKeepsTheDossierInProgress() {
        assertThat(DossierSteps.move(INTER, 2, "approve", Workflow.IN_PROGRESS))
                .contains(new Move(3, Workflow.IN_PROGRESS));
        assertThat(DossierSteps.move(INTER, 4, "approve", Workflow.IN_PROGRESS))
                .contains(new Move(5, Workflow.APPROVED));
    }

    @Test
    void claimingKeepsTheStateExceptItStartsAnAcceptedDossier() {
        assertThat(DossierSteps.move(STANDARD, 3, "claim", Workflow.APPROVED)).contains(new Move(3, Workflow.APPROVED));
        assertThat(DossierSteps.move(STANDARD, 1, "start", Workflow.ACCEPTED))
                .contains(new Move(1, Workflow.IN_PROGRESS));
        assertThat(DossierSteps.move(STANDARD, 1, "start", Workflow.IN_PROGRESS)).isEmpty();
    }

    @Test
    void aStepGetsItsShareOfTheProcessingDaysInWorkingHours() {
        // 10 working days = 80 working hours; 60 % = 48 hours = 6 working days from Monday 23 November 08:00.
        Instant due = DossierSteps.due(calendar, at(23, 8, 0), 10, 60, null);
        assertThat(due).isEqualTo(LocalDateTime.of(2026, 12, 1, 8, 0).atZone(DeadlinesUnitTests.HCM).toInstant());
        // 5 % of 10 days = 4 hours: 08:00 + 3.5 h in the morning, 0.5 h after lunch = 13:30.
        assertThat(DossierSteps.due(calendar, at(23, 8, 0), 10, 5, null)).isEqualTo(at(23, 13, 30));
    }

    @Test
    void partialHoursRoundUpAndAWeekendIsSkipped() {
        // 1 day * 8 h * 30 % = 2.4 h -> 3 h; Friday 16:00 + 1 h = 17:00, then 2 h on Monday = 09:30.
        assertThat(DossierSteps.due(calendar, at(20, 16, 0), 1, 30, null)).isEqualTo(at(23, 9, 30));
    }

    @Test
    void aStepDeadlineNeverPassesTheAppointment() {
        Instant appointment = at(24, 17, 0);
        assertThat(DossierSteps.due(calendar, at(23, 8, 0), 10, 60, appointment)).isEqualTo(appointment);
        assertThat(DossierSteps.due(calendar, at(23, 8, 0), 0, 60, null)).as("same-day procedures")
                .isEqualTo(at(23, 8, 0));
    }
}
