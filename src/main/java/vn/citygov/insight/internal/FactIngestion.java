package vn.citygov.insight.internal;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.citygov.insight.InsightFact;

/**
 * Records facts from every source the same way: the fact log's primary key makes a repeated event id a
 * no-op, and a new fact's measures are added to the daily counters in the same transaction. Since a
 * fact's contribution depends on nothing but the fact, the counters are the same whatever order facts
 * arrive in, and equal to a rebuild from the log.
 */
@Service
public class FactIngestion {

    private final FactRepository facts;
    private final LiveDashboard live;

    FactIngestion(FactRepository facts, LiveDashboard live) {
        this.facts = facts;
        this.live = live;
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
        changed();
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
        changed();
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
        changed();
        return new Recompute(facts.factCount(), rows, (System.nanoTime() - started) / 1_000_000);
    }

    private void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    live.changed();
                }
            });
        } else {
            live.changed();
        }
    }
}
