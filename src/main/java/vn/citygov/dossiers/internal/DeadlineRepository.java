package vn.citygov.dossiers.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the overdue scan, on dossiers_dossier_overdue_scan_idx (see V11_8). */
@Repository
public class DeadlineRepository {

    private static final String RUNNING = "state IN ('accepted', 'in_progress', 'approved', 'result_issued')";

    private static final String DUE = "SELECT id FROM dossiers_dossier WHERE overdue_notified_at IS NULL AND " + RUNNING
            + " AND due_at < :now ORDER BY due_at LIMIT :limit";

    /** Only one caller marks a dossier, however many nodes scan at once: that one publishes the event. */
    private static final String MARK = "UPDATE dossiers_dossier SET overdue_notified_at = :now"
            + " WHERE id = :id AND overdue_notified_at IS NULL AND " + RUNNING + " AND due_at < :now"
            + " RETURNING id, code, procedure_code, agency_code, admin_unit_code, channel, state, received_at, due_at";

    private final JdbcClient jdbc;

    DeadlineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the overdue event needs of a dossier. */
    public record Overdue(long id, String code, String procedureCode, String agencyCode, String adminUnitCode,
            String channel, String state, Instant receivedAt, Instant dueAt) {
    }

    public List<Long> due(Instant now, int limit) {
        return jdbc.sql(DUE).param("now", StepRepository.ts(now)).param("limit", limit).query(Long.class).list();
    }

    public Optional<Overdue> mark(long id, Instant now) {
        return jdbc.sql(MARK).param("id", id).param("now", StepRepository.ts(now))
                .query((rs, n) -> new Overdue(rs.getLong("id"), rs.getString("code"), rs.getString("procedure_code"),
                        rs.getString("agency_code"), rs.getString("admin_unit_code"), rs.getString("channel"),
                        rs.getString("state"), StepRepository.instant(rs, "received_at"),
                        StepRepository.instant(rs, "due_at")))
                .optional();
    }
}
