package vn.citygov.insight.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The counters' totals held in memory per bucket: a whole city month (one read of {@code insight_monthly}) or a
 * run of days inside one month (from {@code insight_daily}). A period is the sum of its buckets; a month's
 * ranking or dashboard then needs no SQL at all once its buckets are loaded.
 *
 * <p>Freshness, so numbers never go stale:
 * <ul>
 * <li>Facts recorded by this instance: {@link FactIngestion} calls {@link #changed} after the recording
 * transaction commits; the fact's month moves to a new epoch and every bucket of that month loaded before is
 * reloaded on its next use. A recompute or a history load calls {@link #clear}.</li>
 * <li>Facts recorded by another instance on the same database: a <em>live</em> month (the current one, and
 * the one before until the second day of the new month, for clocks a little apart) is reloaded when older than
 * the max-age ({@code citygov.insight.cache.max-age-ms}, default 1,000 ms). A <em>closed</em> month is kept
 * until the counters version changes: one row, {@code insight_counter_version}, bumped in the same transaction
 * by every fact for a past month, every recompute and history load, and read at most once per max-age. So an
 * instance sees the others' facts within the max-age; its own at once.</li>
 * </ul>
 * A live bucket past half its max-age is still served while one background load replaces it, so under steady
 * use no request waits for the current month to be read again; past the max-age it is read before answering.
 * Buckets are never modified after loading: callers may memoise what they compute from them and compare the
 * buckets by identity to know whether it still holds.
 */
@Component
public class CounterCache {

    private static final Logger log = LoggerFactory.getLogger(CounterCache.class);

    /** A bucket: a whole month ({@code month}, from its first to its last day) or days inside one month. */
    record Key(LocalDate from, LocalDate to, boolean month) {
    }

    /**
     * Totals per agency, per admin unit and for the city, per measure. Never modified once built.
     *
     * @param readAt {@link System#nanoTime()} when the oldest live counters in it were read; {@link Long#MAX_VALUE}
     *     when all of it is of closed months (kept until the counters version changes)
     */
    public record Totals(Map<String, Map<String, Long>> byAgency, Map<String, Map<String, Long>> byUnit,
            Map<String, Long> city, long readAt) {

        /** The same counters (the very same maps), however recently they were read again. */
        public boolean sameAs(Totals other) {
            return other != null && byAgency == other.byAgency && byUnit == other.byUnit && city == other.city;
        }

        Totals readAt(long at) {
            return at == readAt ? this : new Totals(byAgency, byUnit, city, at);
        }

        public Map<String, Long> agency(String code) {
            return byAgency.getOrDefault(code, Map.of());
        }

        public Map<String, Long> unit(String code) {
            return byUnit.getOrDefault(code, Map.of());
        }

        static Totals sum(List<Totals> parts) {
            Map<String, Map<String, Long>> byAgency = new HashMap<>();
            Map<String, Map<String, Long>> byUnit = new HashMap<>();
            Map<String, Long> city = new HashMap<>();
            long readAt = Long.MAX_VALUE;
            for (Totals t : parts) {
                addAll(byAgency, t.byAgency());
                addAll(byUnit, t.byUnit());
                t.city().forEach((measure, v) -> city.merge(measure, v, Long::sum));
                readAt = Math.min(readAt, t.readAt());
            }
            return new Totals(byAgency, byUnit, city, readAt);
        }

        private static void addAll(Map<String, Map<String, Long>> into, Map<String, Map<String, Long>> from) {
            from.forEach((code, measures) -> {
                Map<String, Long> m = into.computeIfAbsent(code, k -> new HashMap<>());
                measures.forEach((measure, v) -> m.merge(measure, v, Long::sum));
            });
        }
    }

    /** Collects counter rows (agency, unit, measure, value) into {@link Totals}. */
    static final class Builder implements FactRepository.TotalsSink {
        private final Map<String, Map<String, Long>> byAgency = new HashMap<>();
        private final Map<String, Map<String, Long>> byUnit = new HashMap<>();
        private final Map<String, Long> city = new HashMap<>();

        @Override
        public void add(String agency, String unit, String measure, long value) {
            byAgency.computeIfAbsent(agency, k -> new HashMap<>()).merge(measure, value, Long::sum);
            byUnit.computeIfAbsent(unit, k -> new HashMap<>()).merge(measure, value, Long::sum);
            city.merge(measure, value, Long::sum);
        }

        Totals build(long readAt) {
            return new Totals(byAgency, byUnit, city, readAt);
        }
    }

    private record Bucket(Totals totals, long generation, long epoch, long loadedAt, boolean closedAtLoad) {
    }

    /**
     * What totals over some months depend on in this instance: equal stamps mean none of those months changed
     * here and no other instance changed a closed month (as far as the last version check knows).
     */
    record Stamp(long generation, long epochs) {
    }

    private record Merged(List<Totals> parts, Totals totals) {
    }

    private final FactRepository facts;
    private final Clock clock;
    private final long maxAgeNanos;
    // a month of 1,000 agencies is ~20,000 counters, a few MB: 36 months and their day runs fit well in the heap
    private final Cache<Key, Bucket> buckets = Caffeine.newBuilder().maximumSize(400).build();
    private final Cache<List<Key>, Merged> merged = Caffeine.newBuilder().maximumSize(100).build();
    private final Map<YearMonth, AtomicLong> epochs = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final Set<Key> refreshing = ConcurrentHashMap.newKeySet();
    private final Object versionLock = new Object();
    private volatile Long version;
    private volatile long versionCheckedAt;

    CounterCache(FactRepository facts, Clock clock, @Value("${citygov.insight.cache.max-age-ms:1000}") long maxAgeMillis) {
        this.facts = facts;
        this.clock = clock;
        this.maxAgeNanos = maxAgeMillis * 1_000_000L;
    }

    /** How long a live month's figures (and what is computed from them) may be reused, in nanoseconds. */
    long maxAgeNanos() {
        return maxAgeNanos;
    }

    /** The totals of the days {@code from}..{@code to} (both included). */
    public Totals totals(LocalDate from, LocalDate to) {
        checkVersion();
        List<Key> keys = keys(from, to);
        if (keys.size() == 1) {
            return bucket(keys.getFirst());
        }
        List<Totals> parts = new ArrayList<>(keys.size());
        for (Key k : keys) {
            parts.add(bucket(k));
        }
        Merged m = merged.getIfPresent(keys);
        if (m != null && same(m.parts(), parts)) {
            long readAt = Long.MAX_VALUE;
            for (Totals t : parts) {
                readAt = Math.min(readAt, t.readAt());
            }
            return m.totals().readAt(readAt);
        }
        Totals sum = Totals.sum(parts);
        merged.put(keys, new Merged(parts, sum));
        return sum;
    }

    /** The stamp of the months of the days {@code from}..{@code to}; reads the counters version when it is due. */
    Stamp stamp(LocalDate from, LocalDate to) {
        checkVersion();
        long sum = 0;
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            AtomicLong e = epochs.get(m);
            sum += e == null ? 0 : e.get();
        }
        return new Stamp(generation.get(), sum);
    }

    /** A fact of this day was committed by this instance: the buckets of its month are reloaded on next use. */
    void changed(LocalDate day) {
        epochs.computeIfAbsent(YearMonth.from(day), m -> new AtomicLong()).incrementAndGet();
    }

    /** The counters were rebuilt: everything is reloaded on next use. */
    void clear() {
        generation.incrementAndGet();
        buckets.invalidateAll();
        merged.invalidateAll();
    }

    /** A month is closed once it ended more than a day ago; until then other instances may still add to it unseen. */
    boolean closed(YearMonth month) {
        return month.atEndOfMonth().isBefore(LocalDate.now(clock.withZone(Period.CITY)).minusDays(1));
    }

    /** Whole months as month buckets, the other days as runs of days inside one month. */
    static List<Key> keys(LocalDate from, LocalDate to) {
        List<Key> keys = new ArrayList<>();
        LocalDate d = from;
        while (!d.isAfter(to)) {
            LocalDate monthEnd = YearMonth.from(d).atEndOfMonth();
            if (d.getDayOfMonth() == 1 && !monthEnd.isAfter(to)) {
                keys.add(new Key(d, monthEnd, true));
                d = monthEnd.plusDays(1);
            } else {
                LocalDate end = monthEnd.isAfter(to) ? to : monthEnd;
                keys.add(new Key(d, end, false));
                d = end.plusDays(1);
            }
        }
        return keys;
    }

    private Totals bucket(Key k) {
        Bucket b = buckets.getIfPresent(k);
        if (b != null && usable(b, k)) {
            if (!b.closedAtLoad() && System.nanoTime() - b.loadedAt() > maxAgeNanos / 2) {
                refreshLater(k);
            }
            return b.totals();
        }
        // one load per bucket even when many requests want it at once
        return buckets.asMap().compute(k, (key, old) -> old != null && usable(old, key) ? old : unchanged(old, load(key)))
                .totals();
    }

    /** Nothing changed it in this instance, and it is of a closed month or younger than the max-age. */
    private boolean usable(Bucket b, Key k) {
        return b.generation() == generation.get() && b.epoch() == epoch(k)
                && (b.closedAtLoad() || System.nanoTime() - b.loadedAt() <= maxAgeNanos);
    }

    private void refreshLater(Key k) {
        if (!refreshing.add(k)) {
            return;
        }
        Thread.ofVirtual().name("insight-counters-refresh").start(() -> {
            try {
                Bucket fresh = load(k);
                // a newer bucket (loaded after a fact of this instance) wins; a stale one is found out by its stamp
                buckets.asMap().merge(k, fresh, (old, neu) -> old.loadedAt() > neu.loadedAt() ? old : unchanged(old, neu));
            } catch (RuntimeException e) {
                log.warn("Could not refresh the index counters of {}..{}", k.from(), k.to(), e);
            } finally {
                refreshing.remove(k);
            }
        });
    }

    private Bucket load(Key k) {
        // generation and epoch are read before the counters: a fact committed meanwhile makes the bucket stale
        long g = generation.get();
        long e = epoch(k);
        long at = System.nanoTime();
        boolean closed = closed(YearMonth.from(k.from()));
        Builder builder = new Builder();
        if (k.month()) {
            facts.monthCounters(k.from(), builder);
        } else {
            facts.dayCounters(k.from(), k.to(), builder);
        }
        return new Bucket(builder.build(closed ? Long.MAX_VALUE : at), g, e, at, closed);
    }

    /**
     * A bucket read again with the same counters keeps the same maps, so what was memoised from them (compared
     * with {@link Totals#sameAs}) still holds: re-reading the live month every half second then recomputes
     * nothing while no fact arrives.
     */
    private static Bucket unchanged(Bucket old, Bucket fresh) {
        if (old == null || !old.totals().byAgency().equals(fresh.totals().byAgency())
                || !old.totals().byUnit().equals(fresh.totals().byUnit())) {
            return fresh;
        }
        return new Bucket(old.totals().readAt(fresh.totals().readAt()), fresh.generation(), fresh.epoch(),
                fresh.loadedAt(), fresh.closedAtLoad());
    }

    private long epoch(Key k) {
        AtomicLong e = epochs.get(YearMonth.from(k.from()));
        return e == null ? 0 : e.get();
    }

    /** Reads the counters version at most once per max-age; a change means another instance changed a closed month. */
    private void checkVersion() {
        if (version != null && System.nanoTime() - versionCheckedAt <= maxAgeNanos) {
            return;
        }
        synchronized (versionLock) {
            if (version != null && System.nanoTime() - versionCheckedAt <= maxAgeNanos) {
                return;
            }
            long now = System.nanoTime();
            long v = facts.counterVersion();
            if (version != null && version != v) {
                generation.incrementAndGet();
            }
            version = v;
            versionCheckedAt = now;
        }
    }

    private static boolean same(List<Totals> a, List<Totals> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).sameAs(b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
