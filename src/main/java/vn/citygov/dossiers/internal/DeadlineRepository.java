package vn.citygov.dossiers.internal;

import static vn.citygov.platform.database.SqlParams.timestamp;

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

    private static final String INSERT_EXTENSION = """
            INSERT INTO dossiers_extension (dossier_id, previous_due, new_due, reason, at, actor, actor_name)
            VALUES (:id, :previousDue, :newDue, :reason, :at, :actor, :actorName)
            ON CONFLICT (dossier_id) DO NOTHING
            """;

    private static final String EXTENSION = """
            SELECT previous_due, new_due, reason, at, actor, actor_name FROM dossiers_extension WHERE dossier_id = :id
            """;

    /** A new appointment may be announced overdue again once it passes too. */
    private static final String EXTEND = """
            UPDATE dossiers_dossier SET due_at = :newDue, overdue_notified_at = NULL, version = version + 1,
                   updated_at = :at
             WHERE id = :id AND version = :version
            """;

    private final JdbcClient jdbc;

    DeadlineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the overdue event needs of a dossier. */
    public record Overdue(long id, String code, String procedureCode, String agencyCode, String adminUnitCode,
            String channel, String state, Instant receivedAt, Instant dueAt) {
    }

    /** The apology with its new appointment (form 04). */
    public record Extension(Instant previousDue, Instant newDue, String reason, Instant at, String actor,
            String actorName) {
    }

    /** False when the dossier already has one: the primary key decides between two at once. */
    public boolean insertExtension(long id, Extension e) {
        return jdbc.sql(INSERT_EXTENSION).param("id", id).param("previousDue", timestamp(e.previousDue()))
                .param("newDue", timestamp(e.newDue())).param("reason", e.reason())
                .param("at", timestamp(e.at())).param("actor", e.actor()).param("actorName", e.actorName())
                .update() == 1;
    }

    public Optional<Extension> extension(long id) {
        return jdbc.sql(EXTENSION).param("id", id).query((rs, n) -> new Extension(
                StepRepository.instant(rs, "previous_due"), StepRepository.instant(rs, "new_due"), rs.getString("reason"),
                StepRepository.instant(rs, "at"), rs.getString("actor"), rs.getString("actor_name"))).optional();
    }

    /** Sets the new appointment if the version is still the one read; false otherwise. */
    public boolean extend(long id, int version, Instant newDue, Instant at) {
        return jdbc.sql(EXTEND).param("id", id).param("version", version).param("newDue", timestamp(newDue))
                .param("at", timestamp(at)).update() == 1;
    }

    public List<Long> due(Instant now, int limit) {
        return jdbc.sql(DUE).param("now", timestamp(now)).param("limit", limit).query(Long.class).list();
    }

    public Optional<Overdue> mark(long id, Instant now) {
        return jdbc.sql(MARK).param("id", id).param("now", timestamp(now))
                .query((rs, n) -> new Overdue(rs.getLong("id"), rs.getString("code"), rs.getString("procedure_code"),
                        rs.getString("agency_code"), rs.getString("admin_unit_code"), rs.getString("channel"),
                        rs.getString("state"), StepRepository.instant(rs, "received_at"),
                        StepRepository.instant(rs, "due_at")))
                .optional();
    }
}
