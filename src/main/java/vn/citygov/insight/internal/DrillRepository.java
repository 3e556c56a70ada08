package vn.citygov.insight.internal;

import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the fact log for drill-down: the dossiers and reports behind some measures of a scope (an agency, an
 * admin unit or the city) in a period, one row per fact and matching measure. Lists are passed as
 * comma-joined text: measure names and agency codes never hold a comma.
 */
@Repository
class DrillRepository {

    private static final String FILTER = """
            FROM insight_fact f CROSS JOIN LATERAL jsonb_object_keys(f.measures) AS m(measure)
            WHERE f.day BETWEEN ? AND ? AND f.subject_ref IS NOT NULL
              AND m.measure = ANY (string_to_array(?::text, ','))
              AND (?::text IS NULL OR f.agency_code = ?::text)
              AND (?::text IS NULL OR f.admin_unit_code = ?::text)
              AND (?::text IS NULL OR f.agency_code = ANY (string_to_array(?::text, ',')))
            """;

    private static final String ROWS = "SELECT f.subject_ref, f.source, f.kind, m.measure, f.agency_code, "
            + "f.admin_unit_code, f.occurred_at " + FILTER + " ORDER BY f.occurred_at DESC, f.event_id, m.measure LIMIT ? OFFSET ?";

    private static final String COUNT = "SELECT count(*) " + FILTER;

    private final JdbcClient jdbc;

    DrillRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param agency only this agency's facts, or null
     * @param unit only facts located in this admin unit, or null
     * @param allowed only facts of these agencies (what a non-citywide official may see), or null for all
     */
    record Filter(LocalDate from, LocalDate to, List<String> measures, String agency, String unit, List<String> allowed) {

        Object[] params() {
            String a = allowed == null ? null : String.join(",", allowed);
            return new Object[] {from, to, String.join(",", measures), agency, agency, unit, unit, a, a};
        }
    }

    record Row(String ref, String source, String kind, String measure, String agencyCode, String adminUnitCode,
            Instant occurredAt) {
    }

    List<Row> rows(Filter filter, int offset, int limit) {
        Object[] p = filter.params();
        Object[] all = java.util.Arrays.copyOf(p, p.length + 2);
        all[p.length] = limit;
        all[p.length + 1] = offset;
        return jdbc.sql(ROWS).params(all).query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6).isEmpty() ? null : rs.getString(6),
                rs.getTimestamp(7).toInstant())).list();
    }

    long count(Filter filter) {
        return jdbc.sql(COUNT).params(filter.params()).query(Long.class).single();
    }
}
