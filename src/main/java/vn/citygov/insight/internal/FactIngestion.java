package vn.citygov.insight.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.insight.InsightFact;
import vn.citygov.platform.database.AfterCommit;

/**
 * Records facts from every source the same way: the fact log's primary key makes a repeated event id a
 * no-op, and a new fact's measures are added to the daily counters in the same transaction. Since a
 * fact's contribution depends on nothing but the fact, the counters are the same whatever order facts
 * arrive in, and equal to a rebuild from the log. After the transaction commits, the in-memory totals of the
 * fact's month are marked stale ({@link CounterCache}) and the live dashboard is told.
 */
@Service
public class FactIngestion {

    private final FactRepository facts;
    private final LiveDashboard live;
    private final CounterCache cache;
    private final Clock clock;

    FactIngestion(FactRepository facts, LiveDashboard live, CounterCache cache, Clock clock) {
        this.facts = facts;
        this.live = live;
        this.cache = cache;
        this.clock = clock;
    }

    /** Counts the fact once; false when its event id was already counted. */
    @Transactional
    public boolean record(InsightFact fact) {
        facts.lockShared();
        if (!facts.insert(fact)) {
            return false;
        }
        facts.addToDaily(fact.eventId());
        if (fact.open() != null) {
            facts.applyOpen(fact);
        }
        LocalDate day = FactRepository.day(fact.occurredAt());
        if (day.isBefore(LocalDate.now(clock.withZone(Period.CITY)).withDayOfMonth(1))) {
            // a late fact for a past month: other instances keep closed months until the version changes
            facts.bumpCounterVersion();
        }
        afterCommit(() -> cache.changed(day));
        return true;
    }

    /** Records many facts in one transaction; answers how many were new. */
    @Transactional
    public int recordAll(List<InsightFact> batch) {
        int added = 0;
        for (InsightFact f : batch) {
            if (record(f)) {
                added++;
            }
        }
        return added;
    }

    /** Loads a large history (demo, benchmark) without per-fact updates, then rebuilds the counters. */
    @Transactional
    public int loadHistory(List<InsightFact> batch) {
        facts.lockExclusive();
        int added = facts.insertAll(batch);
        facts.rebuild();
        facts.bumpCounterVersion();
        afterCommit(cache::clear);
        return added;
    }

    public record Recompute(long facts, int counterRows, long millis) {
    }

    /** Throws the counters away and rebuilds them from the fact log. */
    @Transactional
    public Recompute recompute() {
        long started = System.nanoTime();
        facts.lockExclusive();
        int rows = facts.rebuild();
        facts.bumpCounterVersion();
        afterCommit(cache::clear);
        return new Recompute(facts.factCount(), rows, (System.nanoTime() - started) / 1_000_000);
    }

    /** Once the counters are committed: first the cache forgets them, then the dashboard pushes, so it reads them. */
    private void afterCommit(Runnable invalidate) {
        AfterCommit.run(() -> {
            invalidate.run();
            live.changed();
        });
    }
}
