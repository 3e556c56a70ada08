package vn.citygov.dossiers.internal;

import static vn.citygov.platform.database.SqlParams.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.citygov.dossiers.DossierSteps.Step;

/** Reads of dossiers_step; an action writes its steps with the dossier row ({@code DossierRepository.act}). */
@Repository
public class StepRepository {

    private static final String STEPS = """
            SELECT position, code, name, name_en, kind, permission, agency_code, share, started_at, due_at, finished_at,
                   assignee, assignee_name
              FROM dossiers_step WHERE dossier_id = :dossierId ORDER BY position
            """;

    /** The steps with the dossier's current position in one read; one row with no step for dossiers without. */
    private static final String LOAD = """
            SELECT d.step_position AS current_position, s.position, s.code, s.name, s.name_en, s.kind, s.permission,
                   s.agency_code, s.share, s.started_at, s.due_at, s.finished_at, s.assignee, s.assignee_name
              FROM dossiers_dossier d LEFT JOIN dossiers_step s ON s.dossier_id = d.id
             WHERE d.id = :dossierId ORDER BY s.position
            """;


    private final JdbcClient jdbc;

    StepRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A dossier's steps and its current position, as stored. */
    public record Loaded(List<Step> steps, Integer position) {
    }

    /** The steps and the current position (null once every step is done, or without steps). */
    public Loaded load(long dossierId) {
        Integer[] position = {null};
        List<Step> list = new ArrayList<>();
        jdbc.sql(LOAD).param("dossierId", dossierId).query(rs -> {
            int p = rs.getInt("current_position");
            position[0] = rs.wasNull() ? null : p;
            rs.getInt("position");
            if (!rs.wasNull()) {
                list.add(step(rs, 0));
            }
        });
        return new Loaded(List.copyOf(list), position[0]);
    }

    public List<Step> steps(long dossierId) {
        return jdbc.sql(STEPS).param("dossierId", dossierId).query(StepRepository::step).list();
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
}
