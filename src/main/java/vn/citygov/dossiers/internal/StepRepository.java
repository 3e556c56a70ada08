package vn.citygov.dossiers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.citygov.dossiers.DossierSteps.Step;

/** SQL for dossiers_step (the current-step columns of dossiers_dossier are written with the dossier row). */
@Repository
public class StepRepository {

    private static final String INSERT = """
            INSERT INTO dossiers_step (dossier_id, position, code, name, name_en, kind, permission, agency_code, share,
                started_at, due_at, finished_at, assignee, assignee_name)
            """;

    private static final String INSERT_ROW = """
            (:dossierId, :position%1$d, :code%1$d, :name%1$d, :nameEn%1$d, :kind%1$d, :permission%1$d, :agencyCode%1$d,
             :share%1$d, :startedAt%1$d, :dueAt%1$d, :finishedAt%1$d, :assignee%1$d, :assigneeName%1$d)""";

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

    /** Every step of a workflow in one statement: acceptance is on every dossier's path. */
    public void insert(long dossierId, List<Step> steps) {
        if (steps.isEmpty()) {
            return;
        }
        StringJoiner rows = new StringJoiner(",\n", INSERT + "VALUES ", "");
        Map<String, Object> params = new HashMap<>();
        params.put("dossierId", dossierId);
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            rows.add(INSERT_ROW.formatted(i));
            params.put("position" + i, s.position());
            params.put("code" + i, s.code());
            params.put("name" + i, s.name());
            params.put("nameEn" + i, s.nameEn());
            params.put("kind" + i, s.kind());
            params.put("permission" + i, s.permission());
            params.put("agencyCode" + i, s.agencyCode());
            params.put("share" + i, s.share());
            params.put("startedAt" + i, ts(s.startedAt()));
            params.put("dueAt" + i, ts(s.dueAt()));
            params.put("finishedAt" + i, ts(s.finishedAt()));
            params.put("assignee" + i, s.assignee());
            params.put("assigneeName" + i, s.assigneeName());
        }
        jdbc.sql(rows.toString()).params(params).update();
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

    public void update(long dossierId, Step s) {
        jdbc.sql(UPDATE_STEP).param("dossierId", dossierId).param("position", s.position())
                .param("startedAt", ts(s.startedAt())).param("dueAt", ts(s.dueAt()))
                .param("finishedAt", ts(s.finishedAt())).param("assignee", s.assignee())
                .param("assigneeName", s.assigneeName()).update();
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
