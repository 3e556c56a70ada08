package vn.citygov.dossiers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.citygov.dossiers.DossierSteps.Step;

/** SQL for dossiers_step and the current-step columns of dossiers_dossier. */
@Repository
public class StepRepository {

    private static final String INSERT = """
            INSERT INTO dossiers_step (dossier_id, position, code, name, name_en, kind, permission, agency_code, share,
                started_at, due_at, finished_at, assignee, assignee_name)
            VALUES (:dossierId, :position, :code, :name, :nameEn, :kind, :permission, :agencyCode, :share, :startedAt,
                :dueAt, :finishedAt, :assignee, :assigneeName)
            """;

    private static final String STEPS = """
            SELECT position, code, name, name_en, kind, permission, agency_code, share, started_at, due_at, finished_at,
                   assignee, assignee_name
              FROM dossiers_step WHERE dossier_id = :dossierId ORDER BY position
            """;

    private static final String UPDATE_STEP = """
            UPDATE dossiers_step SET started_at = :startedAt, due_at = :dueAt, finished_at = :finishedAt,
                   assignee = :assignee, assignee_name = :assigneeName
             WHERE dossier_id = :dossierId AND position = :position
            """;

    private static final String CURRENT = "SELECT step_position FROM dossiers_dossier WHERE id = :dossierId";

    private static final String SET_CURRENT = """
            UPDATE dossiers_dossier SET step_position = :position, step_code = :code, step_agency_code = :agencyCode,
                   assignee = :assignee, step_due_at = :dueAt
             WHERE id = :dossierId
            """;

    private static final String AGENCIES = "SELECT DISTINCT agency_code FROM dossiers_step WHERE dossier_id = :dossierId";

    private final JdbcClient jdbc;

    StepRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long dossierId, List<Step> steps) {
        for (Step s : steps) {
            jdbc.sql(INSERT).param("dossierId", dossierId).param("position", s.position()).param("code", s.code())
                    .param("name", s.name()).param("nameEn", s.nameEn()).param("kind", s.kind())
                    .param("permission", s.permission()).param("agencyCode", s.agencyCode()).param("share", s.share())
                    .param("startedAt", ts(s.startedAt())).param("dueAt", ts(s.dueAt()))
                    .param("finishedAt", ts(s.finishedAt())).param("assignee", s.assignee())
                    .param("assigneeName", s.assigneeName()).update();
        }
    }

    public List<Step> steps(long dossierId) {
        return jdbc.sql(STEPS).param("dossierId", dossierId).query(StepRepository::step).list();
    }

    /** The current step's position; null for dossiers without steps (before acceptance, or older ones). */
    public Integer current(long dossierId) {
        return jdbc.sql(CURRENT).param("dossierId", dossierId).query((rs, n) -> {
            int p = rs.getInt(1);
            return rs.wasNull() ? null : p;
        }).optional().orElse(null);
    }

    public void update(long dossierId, Step s) {
        jdbc.sql(UPDATE_STEP).param("dossierId", dossierId).param("position", s.position())
                .param("startedAt", ts(s.startedAt())).param("dueAt", ts(s.dueAt()))
                .param("finishedAt", ts(s.finishedAt())).param("assignee", s.assignee())
                .param("assigneeName", s.assigneeName()).update();
    }

    /** Points the dossier at its current step; a null step once every step is done. */
    public void setCurrent(long dossierId, Integer position, Step current) {
        jdbc.sql(SET_CURRENT).param("dossierId", dossierId).param("position", position)
                .param("code", current == null ? null : current.code())
                .param("agencyCode", current == null ? null : current.agencyCode())
                .param("assignee", current == null ? null : current.assignee())
                .param("dueAt", current == null ? null : ts(current.dueAt())).update();
    }

    /** Every agency with a step in the dossier's workflow: their officials may read it. */
    public List<String> agencies(long dossierId) {
        return jdbc.sql(AGENCIES).param("dossierId", dossierId).query(String.class).list();
    }

    private static Step step(ResultSet rs, int n) throws SQLException {
        return new Step(rs.getInt("position"), rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                rs.getString("kind"), rs.getString("permission"), rs.getString("agency_code"), rs.getInt("share"),
                instant(rs, "started_at"), instant(rs, "due_at"), instant(rs, "finished_at"), rs.getString("assignee"),
                rs.getString("assignee_name"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
