package vn.citygov.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;

/** The trail records who did what, cannot be edited by the application, and reveals tampering. */
@IntegrationTest
class AuditIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void stateChangesAreRecordedWithActorAndAddress() {
        ApiClient admin = new ApiClient(port).as("admin");
        Response created = admin.post("/api/v1/api-keys", Map.of("name", "Cổng dịch vụ công quốc gia",
                "scopes", List.of("directory.view-internal")));
        String id = created.json().get("key").get("id").asString();

        Response trail = admin.get("/api/v1/audit?objectType=api-key&objectId=" + id);
        assertThat(trail.status()).isEqualTo(200);
        var entry = trail.json().get("items").get(0);
        assertThat(entry.get("actor").asString()).isEqualTo("admin");
        assertThat(entry.get("action").asString()).isEqualTo("created");
        assertThat(entry.get("actorIp").asString()).isEqualTo("127.0.0.1");
        assertThat(entry.get("changes").asString()).contains("Cổng dịch vụ công quốc gia");
    }

    @Test
    void concurrentChangesAreSealedIntoOneLinearChain() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<?>> writes = new java.util.ArrayList<>();
            for (int i = 0; i < 60; i++) {
                int n = i;
                writes.add(pool.submit(() -> transactions.executeWithoutResult(s -> events.publishEvent(
                        new TestChange("parallel-" + n)))));
            }
            for (var w : writes) {
                w.get();
            }
        } finally {
            pool.shutdown();
        }
        Response verified = new ApiClient(port).as("admin").get("/api/v1/audit/verify");
        assertThat(verified.json().get("valid").asBoolean()).as(verified.body()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE object_id LIKE 'parallel-%' AND seq IS NOT NULL")
                .query(Long.class).single()).isEqualTo(60);
        // Every place in the chain is taken exactly once: no gaps, no forks.
        assertThat(jdbc.sql("SELECT max(seq) - min(seq) + 1 = count(seq) FROM audit_entry").query(Boolean.class)
                .single()).isTrue();
    }

    @Test
    void unsealedEntriesMayOnlyBeSealedNeverEdited() {
        long id = jdbc.sql("INSERT INTO audit_entry (occurred_at, actor, object_type, object_id, action, changes) "
                + "VALUES (now(), 'system', 'test', 'unsealed', 'touched', '{}') RETURNING id").query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET actor = 'x', seq = -1, prev_hash = 'a', hash = 'b' "
                + "WHERE id = ?").param(id).update()).hasMessageContaining("append-only");
    }

    record TestChange(String objectId) implements vn.citygov.platform.audit.AuditedChange {

        @Override
        public String objectType() {
            return "test";
        }

        @Override
        public String action() {
            return "touched";
        }

        @Override
        public Map<String, Object> changes() {
            return Map.of("n", objectId);
        }
    }

    @Test
    void theApplicationCannotRewriteTheTrail() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET actor = 'someone-else'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void verificationFindsTheFirstTamperedEntry() {
        ApiClient admin = new ApiClient(port).as("admin");
        Response ok = admin.get("/api/v1/audit/verify");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("valid").asBoolean()).isTrue();
        long checked = ok.json().get("checked").asLong();
        assertThat(checked).isGreaterThan(100);

        long victim = jdbc.sql("SELECT id FROM audit_entry ORDER BY id OFFSET 50 LIMIT 1").query(Long.class).single();
        String actor = jdbc.sql("SELECT actor FROM audit_entry WHERE id = ?").param(victim).query(String.class).single();
        // Tampering as a database superuser would: switch the guard off, edit, switch it back on.
        jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update").update();
        try {
            jdbc.sql("UPDATE audit_entry SET actor = 'mallory' WHERE id = ?").param(victim).update();
            Response broken = admin.get("/api/v1/audit/verify");
            assertThat(broken.json().get("valid").asBoolean()).isFalse();
            assertThat(broken.json().get("firstBrokenId").asLong()).isEqualTo(victim);
            assertThat(broken.json().get("reason").asString()).isEqualTo("content");
        } finally {
            jdbc.sql("UPDATE audit_entry SET actor = ? WHERE id = ?").param(actor).param(victim).update();
            jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update").update();
        }
        assertThat(admin.get("/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void onlyAdministratorsMayReadOrVerify() {
        ApiClient citizen = new ApiClient(port).as("congdan");
        assertThat(citizen.get("/api/v1/audit").status()).isEqualTo(403);
        assertThat(citizen.get("/api/v1/audit/verify").status()).isEqualTo(403);
        // An agency administrator reads the trail of their own agency only.
        ApiClient saigon = new ApiClient(port).as("quantri.saigon");
        assertThat(saigon.get("/api/v1/audit").status()).isEqualTo(200);
        assertThat(saigon.get("/api/v1/audit?agency=ubnd-26743").status()).isEqualTo(403);
        assertThat(saigon.get("/api/v1/audit/verify").status()).isEqualTo(403);
    }
}
