package vn.citygov.dossiers.internal;

import static vn.citygov.platform.database.SqlParams.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The work queue query. The statement is assembled from fixed fragments, only those of the filters in use, so
 * PostgreSQL plans each combination with the matching partial index (see V11_7) instead of one generic plan
 * full of "(:x = '' OR ...)" switches. Values are always bound, never spliced.
 */
@Repository
public class QueueRepository {

    /** Must match the partial indexes' predicate word for word, so the planner can use them. */
    private static final String OPEN = "d.state NOT IN ('returned', 'refused', 'withdrawn', 'stopped')";

    private static final String COLUMNS = """
            d.id, d.code, d.procedure_code, d.agency_code, d.work_agency_code, d.handling_point_code, d.state, d.step_code, d.assignee,
            s.assignee_name, s.name AS step_name, s.name_en AS step_name_en, d.applicant_name, d.channel,
            d.submitted_at, d.due_at, d.step_due_at, d.version
            """;

    private final JdbcClient jdbc;

    QueueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A queue filter. {@code agencies} empty with {@code everyAgency}: the whole city.
     *
     * @param assignee only dossiers whose current step this user claimed
     * @param openState true when {@code state} is empty or one of the open states
     * @param handlingPoint only dossiers that this handling point has now
     */
    public record Filter(String assignee, boolean everyAgency, Collection<String> agencies, String state,
            boolean openState, String step, String procedure, String channel, String code, String namePattern,
            Instant dueFrom, Instant dueBefore, String handlingPoint) {
    }

    public record Row(long id, String code, String procedureCode, String agencyCode, String workAgencyCode,
            String handlingPointCode, String state, String stepCode, String stepName, String stepNameEn, String assignee, String assigneeName,
            String applicantName, String channel, Instant submittedAt, Instant dueAt, Instant stepDueAt, int version) {
    }

    public List<Row> page(Filter f, boolean byDue, int limit, long offset) {
        Sql sql = where(f);
        String order = byDue ? " ORDER BY d.due_at ASC NULLS LAST, d.id ASC" : " ORDER BY d.submitted_at DESC, d.id DESC";
        String statement = "SELECT " + COLUMNS + " FROM dossiers_dossier d LEFT JOIN dossiers_step s"
                + " ON s.dossier_id = d.id AND s.position = d.step_position" + sql.text + order
                + " LIMIT :limit OFFSET :offset";
        return sql.bind(jdbc.sql(statement)).param("limit", limit).param("offset", offset)
                .query(QueueRepository::row).list();
    }

    /** Where a page starts or ends: the row's sort value (appointment or submission time; may be null) and id. */
    public record Key(Instant sortValue, long id) {
    }

    /**
     * Keyset paging: up to {@code limit} rows following {@code after} in the queue's order (from the start when
     * null). The condition is a row comparison on the sort value and id, which the (agency, due_at, id) and
     * (agency, submitted_at DESC, id DESC) indexes answer as a range, so a deep page costs what the first does.
     * Dossiers without an appointment come last by due date; they are read as a second range when the first
     * one runs out, as a single "(due, id) > … OR due IS NULL" would be no index range at all.
     */
    public List<Row> after(Filter f, boolean byDue, Key after, int limit) {
        if (after == null) {
            return page(f, byDue, limit, 0);
        }
        if (!byDue) {
            return list(f, "(d.submitted_at, d.id) < (:k, :kid)", after, " ORDER BY d.submitted_at DESC, d.id DESC", limit);
        }
        List<Row> rows = new ArrayList<>();
        if (after.sortValue() != null) {
            rows.addAll(list(f, "(d.due_at, d.id) > (:k, :kid)", after, " ORDER BY d.due_at ASC, d.id ASC", limit));
        }
        if (rows.size() < limit) {
            boolean fromNull = after.sortValue() == null;
            rows.addAll(list(f, fromNull ? "d.due_at IS NULL AND d.id > :kid" : "d.due_at IS NULL", fromNull ? after : null,
                    " ORDER BY d.id ASC", limit - rows.size()));
        }
        return rows;
    }

    /** Keyset paging backwards: up to {@code limit} rows preceding {@code before}, in the queue's order. */
    public List<Row> before(Filter f, boolean byDue, Key before, int limit) {
        List<Row> rows = new ArrayList<>();
        if (!byDue) {
            rows.addAll(list(f, "(d.submitted_at, d.id) > (:k, :kid)", before, " ORDER BY d.submitted_at ASC, d.id ASC", limit));
        } else {
            if (before.sortValue() == null) {
                rows.addAll(list(f, "d.due_at IS NULL AND d.id < :kid", before, " ORDER BY d.id DESC", limit));
            }
            if (rows.size() < limit) {
                rows.addAll(before.sortValue() == null
                        ? list(f, "d.due_at IS NOT NULL", null, " ORDER BY d.due_at DESC, d.id DESC", limit - rows.size())
                        : list(f, "(d.due_at, d.id) < (:k, :kid)", before, " ORDER BY d.due_at DESC, d.id DESC", limit - rows.size()));
            }
        }
        return rows.reversed();
    }

    private List<Row> list(Filter f, String condition, Key key, String order, int limit) {
        Sql sql = where(f);
        String statement = "SELECT " + COLUMNS + " FROM dossiers_dossier d LEFT JOIN dossiers_step s"
                + " ON s.dossier_id = d.id AND s.position = d.step_position" + sql.text
                + (sql.text.isEmpty() ? " WHERE " : " AND ") + condition + order + " LIMIT :limit";
        JdbcClient.StatementSpec spec = sql.bind(jdbc.sql(statement)).param("limit", limit);
        if (key != null) {
            spec = spec.param("kid", key.id());
            if (condition.contains(":k,")) {
                spec = spec.param("k", timestamp(key.sortValue()));
            }
        }
        return spec.query(QueueRepository::row).list();
    }

    /** Matching dossiers, counted up to {@code cap}: a badge needs no more. */
    public long count(Filter f, int cap) {
        Sql sql = where(f);
        String statement = "SELECT count(*) FROM (SELECT 1 FROM dossiers_dossier d" + sql.text + " LIMIT :cap) capped";
        return sql.bind(jdbc.sql(statement)).param("cap", cap).query(Long.class).single();
    }

    private static Sql where(Filter f) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (f.assignee() != null) {
            conditions.add("d.assignee = :assignee");
            params.put("assignee", f.assignee());
        }
        if (!f.everyAgency()) {
            conditions.add("d.work_agency_code IN (:agencies)");
            params.put("agencies", f.agencies().isEmpty() ? List.of("") : List.copyOf(f.agencies()));
        }
        if (f.openState()) {
            conditions.add(OPEN);
        }
        add(conditions, params, "d.state = :state", "state", f.state());
        add(conditions, params, "d.step_code = :step", "step", f.step());
        add(conditions, params, "d.procedure_code = :procedure", "procedure", f.procedure());
        add(conditions, params, "d.channel = :channel", "channel", f.channel());
        add(conditions, params, "d.handling_point_code = :handlingPoint", "handlingPoint", f.handlingPoint());
        if (f.code() != null) {
            conditions.add("(d.code = :code OR d.applicant_name_key LIKE :namePattern)");
            params.put("code", f.code());
            params.put("namePattern", f.namePattern());
        }
        if (f.dueFrom() != null) {
            conditions.add("d.due_at >= :dueFrom");
            params.put("dueFrom", timestamp(f.dueFrom()));
        }
        if (f.dueBefore() != null) {
            conditions.add("d.due_at < :dueBefore");
            params.put("dueBefore", timestamp(f.dueBefore()));
        }
        String text = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new Sql(text, params);
    }

    private static void add(List<String> conditions, Map<String, Object> params, String condition, String name,
            String value) {
        if (value != null) {
            conditions.add(condition);
            params.put(name, value);
        }
    }

    private record Sql(String text, Map<String, Object> params) {

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            return spec.params(params);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("procedure_code"),
                rs.getString("agency_code"), rs.getString("work_agency_code"), rs.getString("handling_point_code"),
                rs.getString("state"),
                rs.getString("step_code"), rs.getString("step_name"), rs.getString("step_name_en"),
                rs.getString("assignee"), rs.getString("assignee_name"), rs.getString("applicant_name"),
                rs.getString("channel"), StepRepository.instant(rs, "submitted_at"), StepRepository.instant(rs, "due_at"),
                StepRepository.instant(rs, "step_due_at"), rs.getInt("version"));
    }
}
