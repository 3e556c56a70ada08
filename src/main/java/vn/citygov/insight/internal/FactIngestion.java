package vn.citygov.insight.internal;

import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.insight.IndexSettingChanged;
import vn.citygov.insight.InsightFact;
import vn.citygov.platform.database.AfterCommit;

/**
 * Records facts from every source the same way: a fact is logged in the transaction of the change it reports,
 * once per event id (the fact log's primary key makes a repeated id a no-op), and {@link CounterUpdater} adds it
 * to the daily and monthly counters moments later, in a batch (docs/adr/006). Since a fact's contribution
 * depends on nothing but the fact, the counters are the same whatever order facts arrive in and however they
 * are batched, and equal to a rebuild from the log.
 */
@Service
public class FactIngestion {

    private final FactRepository facts;
    private final CounterUpdater updater;
    private final LiveDashboard live;
    private final CounterCache cache;

    private final ApplicationEventPublisher events;

    FactIngestion(FactRepository facts, CounterUpdater updater, LiveDashboard live, CounterCache cache,
            ApplicationEventPublisher events) {
        this.events = events;
        this.facts = facts;
        this.updater = updater;
        this.live = live;
        this.cache = cache;
    }

    /** Logs the fact to be counted once; false when its event id was already logged. */
    @Transactional
    public boolean record(InsightFact fact) {
        return facts.log(fact);
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

    /**
     * Adds every fact committed so far to the counters now, instead of within the updater's interval; answers
     * how many it counted (tests, and whoever must read the counters right after recording).
     */
    public int countNow() {
        return updater.countAll();
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
        Recompute r = new Recompute(facts.factCount(), rows, (System.nanoTime() - started) / 1_000_000);
        events.publishEvent(new IndexSettingChanged("insight-counters", "all", "recomputed",
                Map.of("facts", r.facts(), "counterRows", r.counterRows(), "millis", r.millis())));
        return r;
    }

    /** Once the counters are committed: first the cache forgets them, then the dashboard pushes, so it reads them. */
    private void afterCommit(Runnable invalidate) {
        AfterCommit.run(() -> {
            invalidate.run();
            live.changed();
        });
    }
}
