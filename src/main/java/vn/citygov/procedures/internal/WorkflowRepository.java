package vn.citygov.procedures.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.citygov.procedures.WorkflowDefinition;
import vn.citygov.procedures.WorkflowStep;

/** SQL for procedures_workflow: named workflows, one row per version (effective date). */
@Repository
public class WorkflowRepository {

    private static final String COLUMNS = "code, effective_from, name, name_en, steps::text AS steps";

    private static final String IN_FORCE = "SELECT " + COLUMNS + """
             FROM procedures_workflow WHERE code = :code AND effective_from <= :day
            ORDER BY effective_from DESC LIMIT 1
            """;

    private static final String ALL_IN_FORCE = "SELECT DISTINCT ON (code) " + COLUMNS + """
             FROM procedures_workflow WHERE effective_from <= :day ORDER BY code, effective_from DESC
            """;

    private static final String EXISTS = "SELECT count(*) FROM procedures_workflow WHERE code = :code";

    private static final String UPSERT = """
            INSERT INTO procedures_workflow (code, effective_from, name, name_en, steps)
            VALUES (:code, :effectiveFrom, :name, :nameEn, CAST(:steps AS jsonb))
            ON CONFLICT (code, effective_from) DO UPDATE
               SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, steps = EXCLUDED.steps
            """;

    private static final TypeReference<List<WorkflowStep>> STEPS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WorkflowRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<WorkflowDefinition> inForce(String code, LocalDate day) {
        return jdbc.sql(IN_FORCE).param("code", code).param("day", day).query(this::map).optional();
    }

    /**
     * As {@link #inForce}, from a cache dropped whenever a version is saved: every acceptance reads its workflow,
     * and parsing the steps cost more than the rest of choosing them.
     */
    @Cacheable(ProcedureCaches.WORKFLOWS)
    public Optional<WorkflowDefinition> inForceCached(String code, LocalDate day) {
        return inForce(code, day);
    }

    public List<WorkflowDefinition> allInForce(LocalDate day) {
        return jdbc.sql(ALL_IN_FORCE).param("day", day).query(this::map).list();
    }

    public boolean exists(String code) {
        return jdbc.sql(EXISTS).param("code", code).query(Long.class).single() > 0;
    }

    public void save(WorkflowDefinition w) {
        jdbc.sql(UPSERT).param("code", w.code()).param("effectiveFrom", w.effectiveFrom()).param("name", w.name())
                .param("nameEn", w.nameEn()).param("steps", json.writeValueAsString(w.steps())).update();
    }

    private WorkflowDefinition map(ResultSet rs, int n) throws SQLException {
        return new WorkflowDefinition(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                rs.getObject("effective_from", LocalDate.class),
                List.copyOf(json.readValue(rs.getString("steps"), STEPS))); // shared from the cache: unmodifiable
    }
}
