package vn.citygov.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;

/** A retried creating POST with the same Idempotency-Key creates one thing and gets the same answer. */
@IntegrationTest
class IdempotencyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void retryReturnsTheFirstAnswerAndCreatesOnce() {
        ApiClient admin = new ApiClient(port).as("admin");
        String key = UUID.randomUUID().toString();
        String name = "Hệ thống thử " + key;
        Map<String, Object> body = Map.of("name", name, "scopes", List.of("directory.view-internal"));

        Response first = admin.header("Idempotency-Key", key).post("/api/v1/api-keys", body);
        Response second = admin.header("Idempotency-Key", key).post("/api/v1/api-keys", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(jdbc.sql("SELECT count(*) FROM identity_api_key WHERE name = ?").param(name)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBodyIsRefused() {
        ApiClient admin = new ApiClient(port).as("admin");
        String key = UUID.randomUUID().toString();
        admin.header("Idempotency-Key", key).post("/api/v1/api-keys",
                Map.of("name", "A " + key, "scopes", List.of("audit.read")));
        Response other = admin.header("Idempotency-Key", key).post("/api/v1/api-keys",
                Map.of("name", "B " + key, "scopes", List.of("audit.read")));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.isProblem()).isTrue();
    }

    @Test
    void failedRequestCanBeRetriedWithTheSameKey() {
        ApiClient admin = new ApiClient(port).as("admin");
        String key = UUID.randomUUID().toString();
        Response bad = admin.header("Idempotency-Key", key).post("/api/v1/api-keys",
                Map.of("name", "C " + key, "scopes", List.of("no.such.scope")));
        assertThat(bad.status()).isEqualTo(400);
        // A 4xx answer is kept too: the same request gives the same answer.
        Response again = admin.header("Idempotency-Key", key).post("/api/v1/api-keys",
                Map.of("name", "C " + key, "scopes", List.of("no.such.scope")));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
    }

    @Test
    void unreasonableKeyIsRefused() {
        Response r = new ApiClient(port).as("admin").header("Idempotency-Key", "x".repeat(300))
                .post("/api/v1/api-keys", Map.of("name", "D", "scopes", List.of("audit.read")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
    }
}
