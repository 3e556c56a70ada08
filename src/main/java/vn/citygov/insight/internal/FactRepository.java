package vn.citygov.insight.internal;

import static vn.citygov.platform.database.SqlParams.timestamp;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import vn.citygov.insight.InsightFact;
import vn.citygov.platform.database.SqlParams;

/** The fact log, the daily counters and the open items. One SQL statement per method. */
@Repository
public class FactRepository {

    /** Recompute takes it exclusively, recording a fact shares it: a recompute never misses or doubles a fact. */
    private static final long LOCK = 30_001L;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FactRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void lockShared() {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(?)").param(LOCK).query(Object.class).single();
    }

    void lockExclusive() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query(Object.class).single();
    }

    private static final String INSERT_FACT = """
            INSERT INTO insight_fact (event_id, source, kind, agency_code, admin_unit_code, occurred_at, day,
                                      subject_ref, measures, open_key, open_closed, open_due)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
            ON CONFLICT (event_id) DO NOTHING
            """;

    /**
     * Logs the fact unless its event id is known, and marks it to be counted ({@link #countPending}); true when it
     * is new. One statement: this runs inside the transaction of the change the fact reports.
     */
    boolean log(InsightFact f) {
        return jdbc.sql("WITH f AS (" + INSERT_FACT + " RETURNING event_id) "
                + "INSERT INTO insight_pending (event_id) SELECT event_id FROM f").params(factParams(f)).update() == 1;
    }

    /** Puts the fact in the log only, unless its event id is known: a recompute counts it, nothing else does. */
    boolean insert(InsightFact f) {
        return jdbc.sql(INSERT_FACT).params(factParams(f)).update() == 1;
    }

    private Object[] factParams(InsightFact f) {
        InsightFact.OpenState open = f.open();
        return new Object[] {f.eventId(), f.source(), f.kind(), f.agencyCode(), unit(f), timestamp(f.occurredAt()),
                day(f.occurredAt()), f.subjectRef(), json.writeValueAsString(f.measures()),
                open == null ? null : open.key(), SqlParams.bool(open == null ? null : open.closed()),
                open == null ? null : timestamp(open.dueAt())};
    }

    /** True when some logged facts wait to be counted: a cheap look before taking the lock and a batch. */
    boolean anyPending() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM insight_pending)").query(Boolean.class).single();
    }

    /** How many facts were counted by {@link #countPending}, and the days they belong to. */
    record Counted(int facts, List<LocalDate> days) {
    }

    /**
     * Adds up to {@code limit} pending facts to the daily and monthly counters and to the open items, and takes
     * them off the pending list, in one statement. Facts of one batch are summed first, so each counter row is
     * written once per batch however many facts touch it, and rows are written in key order, so two updaters
     * (two nodes) never deadlock. The sums are the same as adding the facts one by one: closing an item wins and
     * the newest opening sets its due time, as in {@link #rebuild()}.
     */
    Counted countPending(int limit) {
        return jdbc.sql("""
                WITH batch AS (
                    DELETE FROM insight_pending
                    WHERE ctid = ANY (ARRAY(SELECT ctid FROM insight_pending LIMIT ? FOR UPDATE SKIP LOCKED))
                    RETURNING event_id
                ), f AS (
                    SELECT fact.* FROM batch JOIN insight_fact fact USING (event_id)
                ), sums AS (
                    SELECT f.agency_code, f.admin_unit_code, f.day, m.key AS measure, sum(m.value::bigint) AS value
                    FROM f, jsonb_each_text(f.measures) m
                    GROUP BY f.day, f.agency_code, f.admin_unit_code, m.key
                ), daily AS (
                    INSERT INTO insight_daily AS d (agency_code, admin_unit_code, day, measure, value)
                    SELECT agency_code, admin_unit_code, day, measure, value FROM sums
                    ORDER BY day, agency_code, admin_unit_code, measure
                    ON CONFLICT (day, agency_code, admin_unit_code, measure) DO UPDATE SET value = d.value + excluded.value
                ), monthly AS (
                    INSERT INTO insight_monthly AS d (agency_code, admin_unit_code, month, measure, value)
                    SELECT agency_code, admin_unit_code, date_trunc('month', day)::date, measure, sum(value) FROM sums
                    GROUP BY 3, 1, 2, 4 ORDER BY 3, 1, 2, 4
                    ON CONFLICT (month, agency_code, admin_unit_code, measure) DO UPDATE SET value = d.value + excluded.value
                ), items AS (
                    INSERT INTO insight_open_item AS o (source, open_key, agency_code, admin_unit_code, due_at, closed,
                                                        open_at, open_event)
                    %s
                    FROM f WHERE open_key IS NOT NULL
                    GROUP BY source, open_key ORDER BY source, open_key
                    ON CONFLICT (source, open_key) DO UPDATE SET
                        closed = o.closed OR excluded.closed,
                        due_at = CASE WHEN (excluded.open_at, excluded.open_event) > (o.open_at, o.open_event)
                                      THEN excluded.due_at ELSE o.due_at END,
                        open_at = greatest(o.open_at, excluded.open_at),
                        open_event = CASE WHEN (excluded.open_at, excluded.open_event) > (o.open_at, o.open_event)
                                          THEN excluded.open_event ELSE o.open_event END
                )
                SELECT (SELECT count(*) FROM batch) AS n, (SELECT array_agg(DISTINCT day) FROM f) AS days
                """.formatted(OPEN_ITEMS)).param(limit).query((rs, i) -> {
                    java.sql.Array days = rs.getArray("days");
                    List<LocalDate> list = new ArrayList<>();
                    if (days != null) {
                        for (Object d : (Object[]) days.getArray()) {
                            list.add(((java.sql.Date) d).toLocalDate());
                        }
                    }
                    return new Counted(rs.getInt("n"), list);
                }).single();
    }

    /**
     * The open items of a set of facts {@code f}, one per item: closed when any fact closes it; due time, opening
     * time and event of the newest opening (time, then event id), or none. Shared by the batch and the rebuild.
     */
    private static final String OPEN_ITEMS = """
            SELECT source, open_key, min(agency_code), min(admin_unit_code),
                   (array_agg(open_due ORDER BY occurred_at DESC, event_id DESC) FILTER (WHERE NOT open_closed))[1],
                   bool_or(open_closed),
                   coalesce(max(occurred_at) FILTER (WHERE NOT open_closed), 'epoch'::timestamptz),
                   coalesce((array_agg(event_id ORDER BY occurred_at DESC, event_id DESC)
                             FILTER (WHERE NOT open_closed))[1], '00000000-0000-0000-0000-000000000000'::uuid)
            """;

    /** Many facts at once (demo history, benchmark); counters are rebuilt afterwards by {@link #rebuild()}. */
    int insertAll(List<InsightFact> facts) {
        int n = 0;
        for (int from = 0; from < facts.size(); from += 500) {
            List<InsightFact> chunk = facts.subList(from, Math.min(facts.size(), from + 500));
            List<Object[]> rows = new ArrayList<>();
            for (InsightFact f : chunk) {
                rows.add(new Object[] {f.eventId(), f.source(), f.kind(), f.agencyCode(), unit(f), timestamp(f.occurredAt()),
                        day(f.occurredAt()), f.subjectRef(), json.writeValueAsString(f.measures())});
            }
            StringBuilder sql = new StringBuilder("""
                    INSERT INTO insight_fact (event_id, source, kind, agency_code, admin_unit_code, occurred_at, day,
                                              subject_ref, measures) VALUES\s""");
            List<Object> params = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)");
                params.addAll(java.util.Arrays.asList(rows.get(i)));
            }
            sql.append(" ON CONFLICT (event_id) DO NOTHING");
            n += jdbc.sql(sql.toString()).params(params).update();
        }
        return n;
    }

    /**
     * Rebuilds counters and open items from the fact log alone; answers the number of counter rows. Facts still
     * pending are left out: the updater adds them later, as it would have. The caller holds the exclusive lock, so
     * no updater takes pending rows meanwhile; between these statements facts can only be logged, each with its
     * pending row, so every statement leaves out the same ones.
     */
    int rebuild() {
        jdbc.sql("TRUNCATE insight_daily, insight_monthly, insight_open_item").update();
        int rows = jdbc.sql("""
                INSERT INTO insight_daily (agency_code, admin_unit_code, day, measure, value)
                SELECT f.agency_code, f.admin_unit_code, f.day, m.key, sum(m.value::bigint)
                FROM insight_fact f, jsonb_each_text(f.measures) m
                WHERE NOT EXISTS (SELECT 1 FROM insight_pending p WHERE p.event_id = f.event_id)
                GROUP BY f.day, f.agency_code, f.admin_unit_code, m.key
                ORDER BY f.day
                """).update();
        // From the fresh daily rows: a second pass over the fact log would cost as much again. Both are written
        // in time order, as incremental updates leave them, so a month's or a day's rows share few pages
        // (in GROUP BY order a month's 20,000 rows of 1,000 agencies touched nearly every page of the table).
        jdbc.sql("""
                INSERT INTO insight_monthly (agency_code, admin_unit_code, month, measure, value)
                SELECT agency_code, admin_unit_code, date_trunc('month', day)::date, measure, sum(value)
                FROM insight_daily GROUP BY 3, 1, 2, 4 ORDER BY 3
                """).update();
        jdbc.sql("""
                INSERT INTO insight_open_item (source, open_key, agency_code, admin_unit_code, due_at, closed, open_at,
                                               open_event)
                %s
                FROM insight_fact f WHERE open_key IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM insight_pending p WHERE p.event_id = f.event_id)
                GROUP BY source, open_key
                """.formatted(OPEN_ITEMS)).update();
        return rows;
    }

    long factCount() {
        return jdbc.sql("SELECT count(*) FROM insight_fact").query(Long.class).single();
    }

    /** Totals per measure over the days, for the city (both filters null), an agency or a unit. */
    Map<String, Long> totals(LocalDate from, LocalDate to, String agency, String unit) {
        Map<String, Long> totals = new HashMap<>();
        Span s = Span.of(from, to);
        jdbc.sql("""
                SELECT measure, sum(value) AS total FROM (%s) c
                WHERE (?::text IS NULL OR agency_code = ?) AND (?::text IS NULL OR admin_unit_code = ?)
                GROUP BY measure
                """.formatted(COUNTERS)).params(s.params(agency, agency, unit, unit))
                .query(rs -> {
                    totals.put(rs.getString("measure"), rs.getLong("total"));
                });
        return totals;
    }

    /** The roll-up rows of one city month (its first day): what {@link CounterCache} keeps of a whole month. */
    void monthCounters(LocalDate month, TotalsSink sink) {
        jdbc.sql("""
                SELECT agency_code, admin_unit_code, measure, value FROM insight_monthly WHERE month = ?
                """).param(month).query(rs -> {
            sink.add(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4));
        });
    }

    /** The daily counters of some days summed per agency, unit and measure. */
    void dayCounters(LocalDate from, LocalDate to, TotalsSink sink) {
        jdbc.sql("""
                SELECT agency_code, admin_unit_code, measure, sum(value) FROM insight_daily
                WHERE day BETWEEN ? AND ? GROUP BY agency_code, admin_unit_code, measure
                """).params(from, to).query(rs -> {
            sink.add(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4));
        });
    }

    /** The counters version: changes whenever a closed month's counters may have changed (see CounterCache). */
    long counterVersion() {
        return jdbc.sql("SELECT version FROM insight_counter_version WHERE id = 1").query(Long.class).optional().orElse(0L);
    }

    /** Part of the caller's transaction, so other instances see the new version together with the counters. */
    void bumpCounterVersion() {
        jdbc.sql("UPDATE insight_counter_version SET version = version + 1 WHERE id = 1").update();
    }

    /**
     * The counter rows of a span of days: whole months from the monthly roll-up, the days of a month only
     * partly inside the span from the daily counters. Parameters: see {@link Span#params}.
     */
    private static final String COUNTERS = """
            SELECT agency_code, admin_unit_code, measure, value FROM insight_monthly WHERE month BETWEEN ? AND ?
            UNION ALL
            SELECT agency_code, admin_unit_code, measure, value FROM insight_daily
            WHERE day BETWEEN ? AND ? OR day BETWEEN ? AND ?""";

    /**
     * A span of days split into its whole months ({@code firstMonth}..{@code lastMonth}, first days) and the
     * days before and after them; an empty part has its start after its end, so BETWEEN matches nothing.
     */
    record Span(LocalDate firstMonth, LocalDate lastMonth, LocalDate headFrom, LocalDate headTo, LocalDate tailFrom,
                LocalDate tailTo) {

        static Span of(LocalDate from, LocalDate to) {
            LocalDate first = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
            // first day of the month after the last whole month
            LocalDate end = to.plusDays(1).getDayOfMonth() == 1 ? to.plusDays(1) : to.withDayOfMonth(1);
            LocalDate none = to.plusDays(1);
            if (!first.isBefore(end)) {
                // no whole month inside: every day from the daily counters
                return new Span(none, to, from, to, none, to);
            }
            return new Span(first, end.minusMonths(1), from, first.minusDays(1), end, to);
        }

        Object[] params(Object... more) {
            Object[] p = new Object[6 + more.length];
            p[0] = firstMonth; p[1] = lastMonth; p[2] = headFrom; p[3] = headTo; p[4] = tailFrom; p[5] = tailTo;
            System.arraycopy(more, 0, p, 6, more.length);
            return p;
        }
    }

    interface TotalsSink {
        void add(String agency, String unit, String measure, long total);
    }

    /** The daily and monthly counter rows and open items of agencies whose code starts so, to compare counters with a recompute. */
    public Map<String, Long> snapshot(String agencyPrefix) {
        Map<String, Long> rows = new HashMap<>();
        String like = agencyPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        jdbc.sql("SELECT agency_code, admin_unit_code, day, measure, value FROM insight_daily WHERE agency_code LIKE ?")
                .param(like).query(rs -> {
            rows.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getDate(3) + "|" + rs.getString(4), rs.getLong(5));
        });
        jdbc.sql("SELECT agency_code, admin_unit_code, month, measure, value FROM insight_monthly WHERE agency_code LIKE ?")
                .param(like).query(rs -> {
            rows.put(rs.getString(1) + "|" + rs.getString(2) + "|month " + rs.getDate(3) + "|" + rs.getString(4),
                    rs.getLong(5));
        });
        jdbc.sql("SELECT agency_code, source, open_key, due_at, closed FROM insight_open_item WHERE agency_code LIKE ?")
                .param(like).query(rs -> {
            rows.put(rs.getString(1) + "|open|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getTimestamp(4) + "|"
                    + rs.getBoolean(5), 1L);
        });
        return rows;
    }

    /**
     * Items of a source still open (only those past their due time when {@code overdueOnly}); null when the
     * source has never opened an item, so a missing source shows "no data" rather than 0.
     */
    Long openCount(String source, Instant now, boolean overdueOnly) {
        return jdbc.sql("""
                SELECT CASE WHEN count(*) = 0 THEN NULL
                            ELSE count(*) FILTER (WHERE NOT closed AND (NOT ? OR due_at < ?)) END
                FROM insight_open_item WHERE source = ?
                """).params(overdueOnly, timestamp(now), source).query((rs, i) -> rs.getObject(1, Long.class)).list().getFirst();
    }

    record SubjectRow(String subjectRef, String kind, Instant occurredAt) {
    }

    /** The dossiers (or reports) behind one measure of an agency in a period, newest first. */
    List<SubjectRow> subjects(String agency, String measure, LocalDate from, LocalDate to, int offset, int limit) {
        return jdbc.sql("""
                SELECT subject_ref, kind, occurred_at FROM insight_fact
                WHERE agency_code = ? AND day BETWEEN ? AND ? AND measures ? ? AND subject_ref IS NOT NULL
                ORDER BY occurred_at DESC, event_id LIMIT ? OFFSET ?
                """.replace("measures ? ?", "jsonb_exists(measures, ?)"))
                .params(agency, from, to, measure, limit, offset)
                .query((rs, i) -> new SubjectRow(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    long countSubjects(String agency, String measure, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT count(*) FROM insight_fact
                WHERE agency_code = ? AND day BETWEEN ? AND ? AND jsonb_exists(measures, ?) AND subject_ref IS NOT NULL
                """).params(agency, from, to, measure).query(Long.class).single();
    }

    static LocalDate day(Instant at) {
        return at.atZone(Period.CITY).toLocalDate();
    }

    private static String unit(InsightFact f) {
        return f.adminUnitCode() == null ? "" : f.adminUnitCode();
    }
}
