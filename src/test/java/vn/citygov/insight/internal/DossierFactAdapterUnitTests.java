package vn.citygov.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.citygov.dossiers.DossierAccepted;
import vn.citygov.dossiers.DossierAttachmentAdded;
import vn.citygov.dossiers.DossierFacts;
import vn.citygov.dossiers.DossierRated;
import vn.citygov.dossiers.DossierResultReturned;
import vn.citygov.dossiers.DossierResultSigned;
import vn.citygov.dossiers.DossierFeePaid;
import vn.citygov.dossiers.DossierResultIssued;
import vn.citygov.dossiers.DossierStepDone;
import vn.citygov.dossiers.DossierSubmitted;
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
    void aDossierWithAFeeIsFeeBearingWhenSubmittedAndPaidOnlineOncePerDossier() {
        Instant now = Instant.now();
        DossierFacts withFee = new DossierFacts(UUID.randomUUID(), now, "26740", "counter", null, null, null, 200_000L);
        assertThat(DossierFactAdapter.fact(new DossierSubmitted(7, null, "1.001193", "ubnd-26740", "submit", null,
                "submitted", null, withFee)).measures()).containsEntry("dossier.fee_bearing", 1L);
        assertThat(DossierFactAdapter.fact(new DossierSubmitted(7, null, "1.001193", "ubnd-26740", "submit", null,
                "submitted", null, facts(now, "online", null))).measures()).doesNotContainKey("dossier.fee_bearing");
        InsightFact paid = DossierFactAdapter.fact(new DossierFeePaid(7, null, "1.001193", "ubnd-26740", 200_000,
                "BL-1", true, withFee));
        assertThat(paid.measures()).isEqualTo(java.util.Map.of("dossier.paid_online", 1L));
        assertThat(paid.adminUnitCode()).isEqualTo("26740");
        assertThat(DossierFactAdapter.fact(new DossierFeePaid(7, null, "1.001193", "ubnd-26740", 200_000, "BL-2",
                true, withFee)).eventId()).as("a second payment of the same dossier").isEqualTo(paid.eventId());
        assertThat(DossierFactAdapter.fact(new DossierFeePaid(8, "H29-2", "1.001193", "ubnd-26740", 200_000, "BL-3",
                false, withFee))).as("cash at the desk is not paid online").isNull();
    }

    @Test
    void theResultIssuedCountsOnceAndNoHandOverDoes() {
        assertThat(DossierFactAdapter.fact(new DossierResultIssued(7, "H29-1", "1.001193", "ubnd-26740", "issue_result",
                "approved", "result_issued", null, facts(Instant.now(), "online", null))).measures())
                .isEqualTo(java.util.Map.of("dossier.result_issued", 1L));
        assertThat(DossierFactAdapter.fact(new DossierStepDone(7, "H29-1", "1.001193", "ubnd-26740", "approve",
                "in_progress", "approved", null, facts(Instant.now(), "online", null)))).isNull();
    }

    @Test
    void stepsThatChangeNoMeasureGiveNoFact() {
        assertThat(DossierFactAdapter.fact(new DossierStepDone(7, "H29-1", "1.001193", "ubnd-26740", "start", "accepted",
                "in_progress", null, facts(Instant.now(), "online", null)))).isNull();
        assertThat(DossierFactAdapter.fact(new DossierWithdrawn(7, null, "1.001193", "ubnd-26740", "withdraw", "submitted",
                "withdrawn", null, facts(Instant.now(), "online", Instant.now()))).subjectRef()).isEqualTo("#7");
    }

    @Test
    void everyScanOfADossierIsTheSameDigitisedFactAndOtherDossiersAreNot() {
        List<InsightFact> first = DossierFactAdapter.facts(new DossierAttachmentAdded(7, "ubnd-26740", 0, "aa", true,
                false, "counter", RECEIVED));
        List<InsightFact> second = DossierFactAdapter.facts(new DossierAttachmentAdded(7, "ubnd-26740", 3, "bb", true,
                false, "counter", RECEIVED.plusSeconds(86_400)));
        List<InsightFact> other = DossierFactAdapter.facts(new DossierAttachmentAdded(8, "ubnd-26740", 0, "aa", true,
                false, "counter", RECEIVED));
        assertThat(first).singleElement().satisfies(f -> {
            assertThat(f.measures()).isEqualTo(java.util.Map.of("dossier.digitised", 1L));
            assertThat(f.agencyCode()).isEqualTo("ubnd-26740");
            assertThat(f.subjectRef()).isEqualTo("#7");
            assertThat(f.open()).isNull();
        });
        assertThat(second.getFirst().eventId()).isEqualTo(first.getFirst().eventId());
        assertThat(other.getFirst().eventId()).isNotEqualTo(first.getFirst().eventId());
    }

    @Test
    void aDocumentFromThePersonalStoreCountsDataReuseOnceAndAPlainUploadNothing() {
        List<InsightFact> reused = DossierFactAdapter.facts(new DossierAttachmentAdded(7, "ubnd-26740", 1, "cc", false,
                true, "online", RECEIVED));
        List<InsightFact> both = DossierFactAdapter.facts(new DossierAttachmentAdded(7, "ubnd-26740", 2, "dd", true,
                true, "online", RECEIVED));
        assertThat(reused).singleElement().satisfies(f ->
                assertThat(f.measures()).isEqualTo(java.util.Map.of("dossier.data_reused", 1L)));
        assertThat(both).extracting(f -> f.measures().keySet().iterator().next())
                .containsExactly("dossier.digitised", "dossier.data_reused");
        assertThat(both.get(1).eventId()).isEqualTo(reused.getFirst().eventId());
        assertThat(both.get(0).eventId()).isNotEqualTo(both.get(1).eventId());
        assertThat(DossierFactAdapter.facts(new DossierAttachmentAdded(7, "ubnd-26740", 4, "ee", false, false, "online",
                RECEIVED))).isEmpty();
    }

    @Test
    void aSignedResultCountsElectronicAndSharedOncePerDossier() {
        Instant signed = Instant.parse("2026-11-30T18:00:00Z"); // 1 December in the city
        List<InsightFact> facts = DossierFactAdapter.facts(new DossierResultSigned(7, "ubnd-26740", "ff", true, true,
                "canbo", signed));
        assertThat(facts).extracting(f -> f.measures().keySet().iterator().next())
                .containsExactly("dossier.result_electronic", "dossier.result_shared");
        assertThat(facts).allSatisfy(f -> {
            assertThat(f.occurredAt()).isEqualTo(signed);
            assertThat(f.kind()).isEqualTo("dossier.resultsigned");
        });
        List<InsightFact> resigned = DossierFactAdapter.facts(new DossierResultSigned(7, "ubnd-26740", "gg", true, false,
                "canbo", signed.plusSeconds(60)));
        assertThat(resigned).singleElement().satisfies(f -> assertThat(f.eventId()).isEqualTo(facts.getFirst().eventId()));
        assertThat(DossierFactAdapter.facts(new DossierResultSigned(7, "ubnd-26740", "hh", false, false, "canbo",
                signed))).isEmpty();
    }
}
