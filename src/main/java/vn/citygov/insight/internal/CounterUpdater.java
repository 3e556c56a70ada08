package vn.citygov.insight.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.citygov.platform.database.AfterCommit;

/**
 * Adds logged facts to the counters in batches, a fraction of a second after they commit (docs/adr/006): the
 * transaction that logs a fact writes one row and never waits on a counter row that other facts of the same
 * agency and day are updating. After each batch commits, the in-memory totals of its months are marked stale
 * ({@link CounterCache}) and the live dashboard is told. Every node runs one; they share the work (rows are
 * taken with {@code SKIP LOCKED}), and a recompute holds them off with the exclusive lock.
 */
@Component
class CounterUpdater {

    private static final int BATCH = 5_000;

    private final FactRepository facts;
    private final CounterCache cache;
    private final LiveDashboard live;
    private final TransactionTemplate tx;
    private final Clock clock;

    CounterUpdater(FactRepository facts, CounterCache cache, LiveDashboard live, TransactionTemplate tx, Clock clock) {
        this.facts = facts;
        this.cache = cache;
        this.live = live;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${citygov.insight.count-interval:PT0.1S}", initialDelayString = "PT1S")
    void countRegularly() {
        countAll();
    }

    /**
     * Counts every fact committed so far, in batches; returns how many. One caller at a time in this node, so a
     * caller that returns has seen every fact committed before it called counted.
     */
    synchronized int countAll() {
        int total = 0;
        int counted;
        do {
            if (!facts.anyPending()) {
                break;
            }
            counted = tx.execute(s -> countBatch());
            total += counted;
        } while (counted == BATCH);
        return total;
    }

    private int countBatch() {
        facts.lockShared();
        FactRepository.Counted batch = facts.countPending(BATCH);
        if (batch.facts() == 0) {
            return 0;
        }
        LocalDate monthStart = LocalDate.now(clock.withZone(Period.CITY)).withDayOfMonth(1);
        if (batch.days().stream().anyMatch(d -> d.isBefore(monthStart))) {
            // late facts for a past month: other instances keep closed months until the version changes
            facts.bumpCounterVersion();
        }
        // First the cache forgets the months, then the dashboard pushes, so that it reads the new counters.
        AfterCommit.run(() -> {
            batch.days().forEach(cache::changed);
            live.changed();
        });
        return batch.facts();
    }
}
