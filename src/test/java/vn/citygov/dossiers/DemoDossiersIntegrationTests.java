package vn.citygov.dossiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.IntegrationTest;

/** The demo's dossiers: filed through the service in every state that matters, once. */
@IntegrationTest
class DemoDossiersIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<ApplicationRunner> runners;

    @Test
    void theDemoHasDossiersInEveryStateWithRealHistoryAndRunsOnce() throws Exception {
        Map<String, Long> states = new java.util.HashMap<>();
        // The demo files at start-up, before any test: its dossiers are the first fifty.
        String demo = " FROM dossiers_dossier WHERE id IN (SELECT id FROM dossiers_dossier ORDER BY id LIMIT 50)";
        jdbc.sql("SELECT state, count(*) AS n" + demo + " GROUP BY state")
                .query((rs, n) -> states.put(rs.getString("state"), rs.getLong("n"))).list();
        assertThat(states.keySet()).contains("submitted", "supplement_requested", "in_progress", "returned");
        assertThat(states.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(50);
        assertThat(jdbc.sql("SELECT count(*) FROM dossiers_rating WHERE dossier_id IN"
                + " (SELECT id FROM dossiers_dossier ORDER BY id LIMIT 50)").query(Long.class).single())
                .as("rated").isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE object_type = 'dossier'").query(Long.class)
                .single()).as("audited like any other").isPositive();
        assertThat(jdbc.sql("SELECT count(*)" + demo + " AND due_at < now() AND state = 'in_progress'")
                .query(Long.class).single()).as("overdue ones").isPositive();
        assertThat(jdbc.sql("SELECT count(*)" + demo + " AND agency_code = 'so-tu-phap'").query(Long.class).single())
                .as("the department's").isPositive();
        assertThat(jdbc.sql("SELECT count(*)" + demo + " AND agency_code = 'ubnd-26740'").query(Long.class).single())
                .as("the ward's").isPositive();
        assertThat(jdbc.sql("SELECT count(DISTINCT dossier_id) FROM dossiers_history WHERE dossier_id IN"
                + " (SELECT id FROM dossiers_dossier ORDER BY id LIMIT 50)").query(Long.class).single())
                .as("with their history").isEqualTo(50);

        ApiClient desk = new ApiClient(port).as("canbo");
        JsonNode queue = desk.get("/api/v1/work-queue?size=100").json();
        assertThat(queue.get("items").size()).as("the demo queue is not empty").isPositive();
        long before = jdbc.sql("SELECT count(*) FROM dossiers_dossier").query(Long.class).single();
        for (ApplicationRunner runner : runners) {
            if (runner.getClass().getSimpleName().startsWith("DemoDossiers")) {
                runner.run(new DefaultApplicationArguments());
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM dossiers_dossier").query(Long.class).single()).as("runs once")
                .isEqualTo(before);
    }
}
