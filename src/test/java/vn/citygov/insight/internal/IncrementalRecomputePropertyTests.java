package vn.citygov.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.citygov.dossiers.DossierAccepted;
import vn.citygov.dossiers.DossierAttachmentAdded;
import vn.citygov.dossiers.DossierEvent;
import vn.citygov.dossiers.DossierFacts;
import vn.citygov.dossiers.DossierRated;
import vn.citygov.dossiers.DossierRefused;
import vn.citygov.dossiers.DossierResultReturned;
import vn.citygov.dossiers.DossierResultSigned;
import vn.citygov.dossiers.DossierSubmitted;
import vn.citygov.dossiers.DossierSupplementRequested;
import vn.citygov.dossiers.DossierWithdrawn;
import vn.citygov.insight.InsightFact;
import vn.citygov.support.IntegrationTest;

/**
 * Property: after any sequence of dossier events — delivered more than once, in any order, around midnight
 * in Ho Chi Minh City and across month ends — the incremental counters equal a full recompute from the
 * fact log, and each event counts once. Seeded, so a failure repeats.
 */
@IntegrationTest
class IncrementalRecomputePropertyTests {

    static final long SEED = 766_2022L;
    static final int ROUNDS = 6;

    @Autowired
    FactIngestion ingestion;

    @Autowired
    FactRepository facts;

    @Test
    void incrementalCountersEqualARecomputeWhateverTheDeliveryOrder() {
        Random random = new Random(SEED);
        long nextId = 9_000_000_000L;
        for (int round = 0; round < ROUNDS; round++) {
            String prefix = "prop-" + round + "-";
            List<InsightFact> events = new ArrayList<>();
            int dossiers = 20 + random.nextInt(60);
            int expectedReceived = 0;
            for (int d = 0; d < dossiers; d++) {
                List<InsightFact> life = lifecycle(random, nextId++, prefix);
                expectedReceived += (int) life.stream().filter(f -> f.measures().containsKey("dossier.received")).count();
                events.addAll(life);
            }
            List<InsightFact> delivered = new ArrayList<>(events);
            for (InsightFact f : events) {
                if (random.nextInt(4) == 0) {
                    delivered.add(f); // redelivered by the outbox
                }
            }
            Collections.shuffle(delivered, random);
            int added = 0;
            long started = System.nanoTime();
            for (InsightFact f : delivered) {
                if (ingestion.record(f)) {
                    added++;
                }
                if (random.nextInt(40) == 0) {
                    ingestion.countNow(); // batches of any size, as the updater finds them
                }
            }
            ingestion.countNow();
            long recordMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(added).as("round %d: each event id is logged once", round).isEqualTo(events.size());

            Map<String, Long> incremental = ours(prefix);
            long received = incremental.entrySet().stream()
                    .filter(e -> e.getKey().endsWith("|dossier.received") && !e.getKey().contains("|month "))
                    .mapToLong(Map.Entry::getValue).sum();
            assertThat(received).as("round %d: received", round).isEqualTo(expectedReceived);
            long receivedByMonth = incremental.entrySet().stream()
                    .filter(e -> e.getKey().endsWith("|dossier.received") && e.getKey().contains("|month "))
                    .mapToLong(Map.Entry::getValue).sum();
            assertThat(receivedByMonth).as("round %d: received, monthly roll-up", round).isEqualTo(expectedReceived);
            FactIngestion.Recompute r = ingestion.recompute();
            // figures for the notes, not pass marks
            System.out.printf("insight round %d: %d deliveries recorded one by one in %d ms; recompute of %d facts "
                    + "into %d counter rows in %d ms%n", round, delivered.size(), recordMillis, r.facts(), r.counterRows(),
                    r.millis());
            assertThat(ours(prefix)).as("round %d (seed %d)", round, SEED).isEqualTo(incremental);
            // periods read whole months from the roll-up and the rest from days: same sums as the days alone
            for (String agency : List.of(prefix + "agency-0", prefix + "agency-1", prefix + "agency-2")) {
                for (LocalDate[] span : SPANS) {
                    assertThat(facts.totals(span[0], span[1], agency, null))
                            .as("round %d, %s, %s..%s", round, agency, span[0], span[1])
                            .isEqualTo(dailySums(incremental, agency, span[0], span[1]));
                }
            }
        }
    }

    /**
     * The same property with feedback (1022) reports mixed in: reports received, answered on time or late, rated,
     * reopened and answered again, overdue, merged, closed; delivered twice at random and in any order together
     * with dossier events. Counters and open items equal a recompute, and every report counts once.
     */
    @Test
    void incrementalCountersEqualARecomputeWithReportsAndDossiersMixed() {
        Random random = new Random(SEED + 1);
        long nextId = 9_500_000_000L;
        for (int round = 0; round < 4; round++) {
            String prefix = "propfb-" + round + "-";
            List<InsightFact> events = new ArrayList<>();
            int reports = 20 + random.nextInt(40);
            long expectedAnswered = 0;
            for (int r = 0; r < reports; r++) {
                List<InsightFact> life = reportLifecycle(random, nextId++, prefix);
                expectedAnswered += life.stream().filter(f -> f.measures().containsKey("report.answered")).count();
                events.addAll(life);
            }
            for (int d = 0; d < 10 + random.nextInt(20); d++) {
                events.addAll(lifecycle(random, nextId++, prefix));
            }
            List<InsightFact> delivered = new ArrayList<>(events);
            for (InsightFact f : events) {
                if (random.nextInt(3) == 0) {
                    delivered.add(f);
                }
            }
            Collections.shuffle(delivered, random);
            int added = 0;
            for (InsightFact f : delivered) {
                if (ingestion.record(f)) {
                    added++;
                }
                if (random.nextInt(30) == 0) {
                    ingestion.countNow();
                }
            }
            ingestion.countNow();
            assertThat(added).as("round %d: each event id is logged once", round).isEqualTo(events.size());
            Map<String, Long> incremental = ours(prefix);
            assertThat(sum(incremental, "report.received")).as("round %d: reports received", round).isEqualTo(reports);
            assertThat(sum(incremental, "report.answered")).as("round %d: answers", round).isEqualTo(expectedAnswered);
            ingestion.recompute();
            assertThat(ours(prefix)).as("round %d (seed %d)", round, SEED + 1).isEqualTo(incremental);
        }
    }

    /** Sums of one measure over the daily counter rows of a snapshot. */
    private static long sum(Map<String, Long> snapshot, String measure) {
        return snapshot.entrySet().stream().filter(e -> e.getKey().endsWith("|" + measure) && !e.getKey().contains("|month "))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** One report's events: received, then merged, answered (maybe rated, reopened and answered again), overdue or left open. */
    static List<InsightFact> reportLifecycle(Random random, long id, String prefix) {
        String agency = prefix + "agency-" + random.nextInt(3);
        String unit = prefix + "unit-" + random.nextInt(2);
        String code = "PA-" + id;
        Instant t = Instant.parse("2026-10-31T15:00:00Z").plusSeconds(random.nextInt(5 * 3600));
        Instant due = t.plus(Duration.ofDays(1 + random.nextInt(10)));
        List<vn.citygov.feedback.FeedbackEvent> events = new ArrayList<>();
        events.add(new vn.citygov.feedback.ReportSubmitted(id, code, "cay-xanh", agency, unit, t, due, "web"));
        int path = random.nextInt(4);
        if (path == 0) {
            events.add(new vn.citygov.feedback.ReportMerged(id, code, "cay-xanh", agency, unit, t.plusSeconds(300), "PA-1"));
        } else if (path == 1) {
            Instant answered = t.plus(Duration.ofHours(1 + random.nextInt(300)));
            events.add(new vn.citygov.feedback.ReportAnswered(id, code, "cay-xanh", agency, unit, answered, due,
                    !answered.isAfter(due), Duration.between(t, answered).toMinutes()));
            if (random.nextBoolean()) {
                int score = 1 + random.nextInt(5);
                Instant rated = answered.plus(Duration.ofHours(2));
                events.add(new vn.citygov.feedback.ReportRated(id, code, "cay-xanh", agency, unit, rated, score, score >= 4));
                if (score <= 2) {
                    Instant reopened = rated.plusSeconds(60);
                    Instant newDue = reopened.plus(Duration.ofDays(3));
                    events.add(new vn.citygov.feedback.ReportReopened(id, code, "cay-xanh", agency, unit, reopened, newDue,
                            score));
                    Instant again = reopened.plus(Duration.ofHours(random.nextInt(100)));
                    events.add(new vn.citygov.feedback.ReportAnswered(id, code, "cay-xanh", agency, unit, again, newDue,
                            !again.isAfter(newDue), Duration.between(reopened, again).toMinutes()));
                    events.add(new vn.citygov.feedback.ReportClosed(id, code, "cay-xanh", agency, unit,
                            again.plus(Duration.ofDays(7)), newDue, !again.isAfter(newDue)));
                }
            }
        } else if (path == 2) {
            events.add(new vn.citygov.feedback.ReportOverdue(id, code, "cay-xanh", agency, unit, due.plusSeconds(1), due,
                    "pa-1"));
            Instant late = due.plus(Duration.ofHours(5));
            events.add(new vn.citygov.feedback.ReportAnswered(id, code, "cay-xanh", agency, unit, late, due, false,
                    Duration.between(t, late).toMinutes()));
        }
        List<InsightFact> result = new ArrayList<>();
        for (vn.citygov.feedback.FeedbackEvent e : events) {
            InsightFact f = FeedbackFactAdapter.fact(e);
            if (f != null) {
                result.add(f);
            }
        }
        return result;
    }

    @Test
    void aDossierScannedSeveralTimesCountsDigitisedOnceAndSurvivesARecompute() {
        String agency = "prop-scan-agency";
        Instant at = Instant.parse("2026-09-10T03:00:00Z");
        for (int doc = 0; doc < 3; doc++) {
            DossierFactAdapter.facts(new DossierAttachmentAdded(8_800_000_001L, agency, doc, "h" + doc, true, doc == 2,
                    "counter", at.plusSeconds(doc * 60L))).forEach(ingestion::record);
        }
        DossierFactAdapter.facts(new DossierAttachmentAdded(8_800_000_002L, agency, 0, "h", true, false, "online", at))
                .forEach(ingestion::record);
        DossierFactAdapter.facts(new DossierResultSigned(8_800_000_001L, agency, "r", true, true, "canbo", at))
                .forEach(ingestion::record);
        DossierFactAdapter.facts(new DossierResultSigned(8_800_000_001L, agency, "r2", true, false, "canbo",
                at.plusSeconds(600))).forEach(ingestion::record);
        ingestion.countNow();
        Map<String, Long> expected = Map.of("dossier.digitised", 2L, "dossier.data_reused", 1L,
                "dossier.result_electronic", 1L, "dossier.result_shared", 1L);
        LocalDate from = LocalDate.parse("2026-09-01");
        LocalDate to = LocalDate.parse("2026-09-30");
        assertThat(facts.totals(from, to, agency, null)).isEqualTo(expected);
        ingestion.recompute();
        assertThat(facts.totals(from, to, agency, null)).isEqualTo(expected);
    }

    /** Whole months, partial months on either side, a single day and a span inside one month. */
    static final LocalDate[][] SPANS = {
            {LocalDate.parse("2026-10-01"), LocalDate.parse("2026-11-30")},
            {LocalDate.parse("2026-10-15"), LocalDate.parse("2026-11-30")},
            {LocalDate.parse("2026-10-01"), LocalDate.parse("2026-11-08")},
            {LocalDate.parse("2026-10-31"), LocalDate.parse("2026-11-01")},
            {LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-01")},
            {LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-20")},
            {LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31")}};

    /** Sums of the daily counter rows of the snapshot (keys agency|unit|day|measure). */
    private static Map<String, Long> dailySums(Map<String, Long> snapshot, String agency, LocalDate from, LocalDate to) {
        Map<String, Long> sums = new TreeMap<>();
        snapshot.forEach((key, value) -> {
            String[] k = key.split("\\|");
            if (k.length == 4 && k[0].equals(agency) && !k[2].startsWith("month ")) {
                LocalDate day = LocalDate.parse(k[2]);
                if (!day.isBefore(from) && !day.isAfter(to)) {
                    sums.merge(k[3], value, Long::sum);
                }
            }
        });
        return sums;
    }

    private Map<String, Long> ours(String prefix) {
        return new TreeMap<>(facts.snapshot(prefix));
    }

    /** One dossier's events: submitted, maybe accepted (with a due date), a supplement, then an end and a rating. */
    static List<InsightFact> lifecycle(Random random, long id, String prefix) {
        String agency = prefix + "agency-" + random.nextInt(3);
        String unit = prefix + "unit-" + random.nextInt(2);
        String channel = random.nextBoolean() ? "online" : "counter";
        // around 17:00 UTC (midnight in the city) at the end of a month
        Instant t = Instant.parse("2026-10-31T16:00:00Z").plusSeconds(random.nextInt(4 * 3600));
        Instant due = t.plus(Duration.ofDays(random.nextInt(5)));
        List<DossierEvent> events = new ArrayList<>();
        String code = "PROP-" + id;
        events.add(new DossierSubmitted(id, null, "1.001193", agency, "submit", null, "submitted", null,
                facts(t, unit, channel, null, null, null)));
        int path = random.nextInt(4);
        if (path == 0) {
            events.add(new DossierWithdrawn(id, null, "1.001193", agency, "withdraw", "submitted", "withdrawn", null,
                    facts(t.plusSeconds(60), unit, channel, null, null, t.plusSeconds(60))));
        } else {
            Instant received = t.plusSeconds(600);
            events.add(new DossierAccepted(id, code, "1.001193", agency, "accept", "submitted", "accepted", null,
                    facts(received, unit, channel, received, due, null)));
            if (random.nextBoolean()) {
                events.add(new DossierSupplementRequested(id, code, "1.001193", agency, "request_supplement", "accepted",
                        "supplement_requested", null, facts(received.plusSeconds(60), unit, channel, received, due, null)));
            }
            Instant end = received.plus(Duration.ofHours(random.nextInt(200)));
            if (path == 1) {
                events.add(new DossierRefused(id, code, "1.001193", agency, "refuse", "in_progress", "refused", "x",
                        facts(end, unit, channel, received, due, end)));
            } else if (path == 2) {
                events.add(new DossierResultReturned(id, code, "1.001193", agency, "return_result", "result_issued",
                        "returned", null, facts(end, unit, channel, received, due, end)));
            }
        }
        List<InsightFact> result = new ArrayList<>();
        for (DossierEvent e : events) {
            InsightFact f = DossierFactAdapter.fact(e);
            if (f != null) {
                result.add(f);
            }
        }
        if (path == 2 && random.nextBoolean()) {
            Instant at = t.plus(Duration.ofDays(10));
            result.add(DossierFactAdapter.fact(new DossierRated(id, code, "1.001193", agency, 1 + random.nextInt(5),
                    false, facts(at, unit, channel, null, null, null))));
        }
        return result;
    }

    static DossierFacts facts(Instant at, String unit, String channel, Instant received, Instant due, Instant finished) {
        return new DossierFacts(UUID.randomUUID(), at, unit, channel, received, due, finished);
    }
}
