package vn.citygov.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.citygov.feedback.ReportAnswered;
import vn.citygov.feedback.ReportAssigned;
import vn.citygov.feedback.ReportRated;
import vn.citygov.feedback.ReportReopened;
import vn.citygov.feedback.ReportSubmitted;
import vn.citygov.insight.InsightFact;

/** What each feedback report event counts. */
class FeedbackFactAdapterUnitTests {

    static final Instant AT = Instant.parse("2026-11-02T02:00:00Z");
    static final Instant DUE = Instant.parse("2026-11-04T10:00:00Z");

    @Test
    void aNewReportIsReceivedAndOpenAndBeforeRoutingBelongsToItsWard() {
        InsightFact f = FeedbackFactAdapter.fact(new ReportSubmitted(5, "PA-2026-ABC123", "lighting", null, "26740", AT,
                DUE, "web"));
        assertThat(f.measures()).containsExactlyEntriesOf(java.util.Map.of("report.received", 1L));
        assertThat(f.open()).isEqualTo(new InsightFact.OpenState("5", false, DUE));
        assertThat(f.agencyCode()).isEqualTo("ubnd-26740");
        assertThat(f.source()).isEqualTo("feedback");
        assertThat(f.subjectRef()).isEqualTo("PA-2026-ABC123");
    }

    @Test
    void aLateAnswerCountsAnsweredNotOnTimeAndClosesTheItem() {
        InsightFact f = FeedbackFactAdapter.fact(new ReportAnswered(5, "PA-1", "lighting", "ubnd-26740", "26740", AT,
                DUE, false, 90));
        assertThat(f.measures()).containsEntry("report.answered", 1L).containsEntry("report.handling_minutes", 90L)
                .doesNotContainKey("report.answered_on_time");
        assertThat(f.open().closed()).isTrue();
        InsightFact onTime = FeedbackFactAdapter.fact(new ReportAnswered(6, "PA-2", "lighting", "ubnd-26740", "26740",
                AT, DUE, true, 30));
        assertThat(onTime.measures()).containsEntry("report.answered_on_time", 1L);
    }

    @Test
    void ratingsCountSatisfactionFromFourUp() {
        assertThat(FeedbackFactAdapter.fact(new ReportRated(5, "PA-1", "lighting", "a", "26740", AT, 4, true))
                .measures()).containsEntry("report.rated", 1L).containsEntry("report.rating_sum", 4L)
                .containsEntry("report.rated_satisfied", 1L);
        assertThat(FeedbackFactAdapter.fact(new ReportRated(5, "PA-1", "lighting", "a", "26740", AT.plusSeconds(1), 2,
                false)).measures()).doesNotContainKey("report.rated_satisfied");
    }

    @Test
    void aRedeliveredEventHasTheSameIdAndAReopeningOpensAgain() {
        ReportReopened reopened = new ReportReopened(5, "PA-1", "lighting", "a", "26740", AT, DUE, 1);
        assertThat(FeedbackFactAdapter.fact(reopened).eventId()).isEqualTo(FeedbackFactAdapter.fact(reopened).eventId());
        assertThat(FeedbackFactAdapter.fact(reopened).open().closed()).isFalse();
        assertThat(FeedbackFactAdapter.fact(new ReportAssigned(5, "PA-1", "lighting", "a", "26740", AT, "pa-26740",
                null, null, DUE))).as("routing steps are not measured").isNull();
    }
}
