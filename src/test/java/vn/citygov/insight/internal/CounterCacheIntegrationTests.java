package vn.citygov.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.citygov.insight.InsightFact;
import vn.citygov.support.IntegrationTest;

/**
 * The in-memory totals and what is memoised from them never outlive the counters: a late fact for a closed
 * month, a recompute, and another instance's facts (written to the same database without this instance
 * being told) all show in the ranking and the dashboard.
 */
@IntegrationTest
class CounterCacheIntegrationTests {

    @Autowired
    IndexService index;

    @Autowired
    FactIngestion ingestion;

    @Autowired
    FactRepository facts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aLateFactForAClosedMonthChangesTheCachedRankingAndDashboard() {
        YearMonth month = YearMonth.from(index.today()).minusMonths(11);
        Period p = Period.month(month);
        String ward = aWard(p);
        Double wardBefore = score(p, ward);
        // served from memory: the same answer, not recomputed
        assertThat(index.rankings(p)).isSameAs(index.rankings(p));
        IndexService.Dashboard dashboard = index.dashboard();
        Double cityBefore = dashboard.trend().getFirst().score();
        assertThat(dashboard.trend().getFirst().month()).isEqualTo(month.toString());

        ingestion.record(lateFact(ward, month, 400));
        ingestion.countNow();

        assertThat(score(p, ward)).as("the ward's score of %s", month).isNotEqualTo(wardBefore);
        assertThat(index.dashboard().trend().getFirst().score()).as("the city's trend point of %s", month)
                .isNotEqualTo(cityBefore);
        assertThat(index.score("agency", ward, month.toString()).card().score()).isEqualTo(score(p, ward));
    }

    @Test
    void aRecomputeClearsTheCache() {
        YearMonth month = YearMonth.from(index.today()).minusMonths(10);
        Period p = Period.month(month);
        String ward = aWard(p);
        Double before = score(p, ward);
        Double cityBefore = index.dashboard().trend().get(1).score();
        // a fact in the log but not in the counters (restored from a backup, say): only a recompute counts it
        tx.executeWithoutResult(s -> facts.insert(lateFact(ward, month, 300)));
        assertThat(score(p, ward)).isEqualTo(before);

        ingestion.recompute();

        assertThat(score(p, ward)).isNotEqualTo(before);
        assertThat(index.dashboard().trend().get(1).score()).isNotEqualTo(cityBefore);
    }

    @Test
    void anotherInstancesFactsShowWithinTheMaxAge() {
        YearMonth closed = YearMonth.from(index.today()).minusMonths(9);
        Period p = Period.month(closed);
        String ward = aWard(p);
        Double before = score(p, ward);
        long receivedToday = index.dashboard().tiles().receivedToday();

        // what another instance's ingestion and updater write, without this instance's cache being told (in one
        // transaction, so this instance's updater never sees the facts pending)
        tx.executeWithoutResult(s -> {
            facts.log(lateFact(ward, closed, 200));
            facts.log(new InsightFact(UUID.randomUUID(), "test", "dossier.submitted", ward, "", Instant.now(),
                    null, Map.of("dossier.received", 3L), null));
            assertThat(facts.countPending(100).facts()).isEqualTo(2);
            facts.bumpCounterVersion();
        });

        eventually(() -> !java.util.Objects.equals(score(p, ward), before), "the closed month's ranking changes");
        eventually(() -> index.dashboard().tiles().receivedToday() >= receivedToday + 3, "today's tile counts the facts");
    }

    @Test
    void periodsAreSplitIntoWholeMonthsAndDaysInsideOneMonth() {
        assertThat(CounterCache.keys(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31"))).extracting(
                CounterCache.Key::month).containsExactly(true, true, true);
        assertThat(CounterCache.keys(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-10"))).containsExactly(
                new CounterCache.Key(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"), true),
                new CounterCache.Key(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-10"), false));
        assertThat(CounterCache.keys(LocalDate.parse("2026-01-31"), LocalDate.parse("2026-02-01"))).containsExactly(
                new CounterCache.Key(LocalDate.parse("2026-01-31"), LocalDate.parse("2026-01-31"), false),
                new CounterCache.Key(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-01"), false));
        // a cached period's totals equal the counters summed in SQL
        LocalDate from = LocalDate.parse("2026-01-15");
        LocalDate to = index.today();
        CounterCache.Totals cached = index.totals(new Period("ytd", "test", from, to));
        assertThat(cached.city()).isEqualTo(facts.totals(from, to, null, null));
        assertThat(cached.agency(aWard(Period.month(YearMonth.from(to))))).isEqualTo(
                facts.totals(from, to, aWard(Period.month(YearMonth.from(to))), null));
    }

    /** The best-ranked ward of the period that has a score, else the first ward. */
    private String aWard(Period p) {
        List<IndexService.RankRow> wards = index.ranking(IndexService.WARDS, p);
        return wards.getFirst().code();
    }

    private Double score(Period p, String code) {
        return index.ranking(IndexService.WARDS, p).stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow().score();
    }

    /** Dossiers of the month all finished late: pulls the agency's and the city's on-time share down. */
    private static InsightFact lateFact(String agency, YearMonth month, long n) {
        Instant at = month.atDay(15).atTime(10, 0).atZone(Period.CITY).toInstant();
        return new InsightFact(UUID.randomUUID(), "test", "dossier.resultreturned", agency, "", at, null,
                Map.of("dossier.received", n, "dossier.finished", n, "dossier.finished_late", n), null);
    }

    private static void eventually(Supplier<Boolean> condition, String what) {
        long until = System.currentTimeMillis() + 5_000;
        while (!condition.get()) {
            assertThat(System.currentTimeMillis()).as(what).isLessThan(until);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
