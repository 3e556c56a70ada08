package vn.citygov.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.citygov.dossiers.DossierAccepted;
import vn.citygov.dossiers.DossierFacts;
import vn.citygov.dossiers.DossierRated;
import vn.citygov.dossiers.DossierResultReturned;
import vn.citygov.dossiers.DossierStepDone;
import vn.citygov.dossiers.DossierWithdrawn;
import vn.citygov.insight.InsightFact;

/** What each dossier event counts. */
class DossierFactAdapterUnitTests {

    static final Instant RECEIVED = Instant.parse("2026-11-02T02:00:00Z");
    static final Instant DUE = Instant.parse("2026-11-06T10:00:00Z");

    static DossierFacts facts(Instant at, String channel, Instant finished) {
        return new DossierFacts(UUID.randomUUID(), at, "26740", channel, RECEIVED, DUE, finished);
    }

    @Test
    void acceptanceCountsAReceivedDossierAndOpensIt() {
        InsightFact f = DossierFactAdapter.fact(new DossierAccepted(7, "H29-1", "1.001193", "ubnd-26740", "accept",
                "submitted", "accepted", null, facts(RECEIVED, "online", null)));
        assertThat(f.measures()).containsEntry("dossier.received", 1L).containsEntry("dossier.received_online", 1L);
        assertThat(f.open()).isEqualTo(new InsightFact.OpenState("7", false, DUE));
        assertThat(f.subjectRef()).isEqualTo("H29-1");
        assertThat(f.kind()).isEqualTo("dossier.accepted");
    }

    @Test
    void aLateReturnCountsLateWithItsProcessingHoursAndCloses() {
        Instant finished = Instant.parse("2026-11-07T02:00:00Z");
        InsightFact f = DossierFactAdapter.fact(new DossierResultReturned(7, "H29-1", "1.001193", "ubnd-26740",
                "return_result", "result_issued", "returned", null, facts(finished, "counter", finished)));
        assertThat(f.measures()).containsEntry("dossier.finished", 1L).containsEntry("dossier.finished_late", 1L)
                .containsEntry("dossier.processing_hours", 120L).doesNotContainKey("dossier.finished_on_time")
                .doesNotContainKey("dossier.finished_online");
        assertThat(f.open().closed()).isTrue();
    }

    @Test
    void anOnTimeOnlineReturn() {
        Instant finished = Instant.parse("2026-11-05T02:00:00Z");
        InsightFact f = DossierFactAdapter.fact(new DossierResultReturned(7, "H29-1", "1.001193", "ubnd-26740",
                "return_result", "result_issued", "returned", null, facts(finished, "online", finished)));
        assertThat(f.measures()).containsEntry("dossier.finished_on_time", 1L).containsEntry("dossier.finished_online", 1L);
    }

    @Test
    void ratingsCountSatisfiedAndDissatisfied() {
        DossierFacts at = facts(Instant.now(), "online", null);
        assertThat(DossierFactAdapter.fact(new DossierRated(7, "H29-1", "1.001193", "ubnd-26740", 5, false, at)).measures())
                .containsEntry("dossier.rated", 1L).containsEntry("dossier.rating_sum", 5L)
                .containsEntry("dossier.rated_satisfied", 1L).doesNotContainKey("dossier.rated_dissatisfied");
        assertThat(DossierFactAdapter.fact(new DossierRated(7, "H29-1", "1.001193", "ubnd-26740", 2, true, at)).measures())
                .containsEntry("dossier.rated_dissatisfied", 1L).doesNotContainKey("dossier.rated_satisfied");
    }

    @Test
    void stepsThatChangeNoMeasureGiveNoFact() {
        assertThat(DossierFactAdapter.fact(new DossierStepDone(7, "H29-1", "1.001193", "ubnd-26740", "start", "accepted",
                "in_progress", null, facts(Instant.now(), "online", null)))).isNull();
        assertThat(DossierFactAdapter.fact(new DossierWithdrawn(7, null, "1.001193", "ubnd-26740", "withdraw", "submitted",
                "withdrawn", null, facts(Instant.now(), "online", Instant.now()))).subjectRef()).isEqualTo("#7");
    }
}
