package vn.citygov.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;

/** The fee in force over HTTP, and the rules behind it: seed, fallback, overlap, permissions, audit. */
@IntegrationTest
class FeesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient anonymous;

    @BeforeEach
    void setUp() {
        anonymous = new ApiClient(port);
    }

    @Test
    void onlineFilingIsFreeIn2025AndTheReasonSaysWhy() {
        Response free = anonymous.get("/api/v1/fees?procedure=2.000488&channel=online&date=2025-12-31");
        assertThat(free.status()).as(free.body()).isEqualTo(200);
        assertThat(free.json().get("amountVnd").asLong()).isZero();
        assertThat(free.json().get("reason").asString()).contains("Nghị quyết của HĐND Thành phố");
        assertThat(free.json().get("ruleId").isNull()).isFalse();

        Response counter = anonymous.get("/api/v1/fees?procedure=2.000488&channel=counter&date=2025-06-01");
        assertThat(counter.json().get("amountVnd").asLong()).isEqualTo(200_000);
        assertThat(counter.json().get("ruleId").isNull()).isTrue();

        Response nextYear = anonymous.get("/api/v1/fees?procedure=2.000488&channel=online&date=2026-01-01");
        assertThat(nextYear.json().get("amountVnd").asLong()).isEqualTo(200_000);
    }

    @Test
    void badQueriesAreProblems() {
        assertThat(anonymous.get("/api/v1/fees?procedure=2.000488&channel=post").status()).isEqualTo(400);
        assertThat(anonymous.get("/api/v1/fees?procedure=2.000488&channel=online&date=31/12/2025").status())
                .isEqualTo(400);
        Response unknown = anonymous.get("/api/v1/fees?procedure=9.999999&channel=online");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
    }

    @Test
    void administratorsKeepRulesWithoutOverlaps() {
        ApiClient admin = anonymous.as("admin");
        Map<String, Object> rule = new LinkedHashMap<>(Map.of("procedureCode", "2.000815", "channel", "counter",
                "amountVnd", 1000, "validFrom", "2031-01-01", "validTo", "2031-06-30",
                "reason", "Giảm lệ phí thử nghiệm", "reasonEn", "Trial reduction"));
        Response created = admin.post("/api/v1/fee-rules", rule);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(anonymous.get("/api/v1/fees?procedure=2.000815&channel=counter&date=2031-03-01").json()
                .get("amountVnd").asLong()).isEqualTo(1000);

        Map<String, Object> overlapping = new LinkedHashMap<>(rule);
        overlapping.put("validFrom", "2031-06-30");
        overlapping.remove("validTo");
        Response clash = admin.post("/api/v1/fee-rules", overlapping);
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.isProblem()).isTrue();

        overlapping.put("channel", "online");
        Response otherChannel = admin.post("/api/v1/fee-rules", overlapping);
        assertThat(otherChannel.status()).isEqualTo(201);

        Map<String, Object> changed = new LinkedHashMap<>(rule);
        changed.put("amountVnd", 1500);
        changed.put("version", 0);
        Response updated = admin.put("/api/v1/fee-rules/" + id, changed);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(admin.put("/api/v1/fee-rules/" + id, changed).status()).isEqualTo(409);

        Map<String, Object> invalid = new LinkedHashMap<>(rule);
        invalid.put("validTo", "2030-01-01");
        Response bad = admin.post("/api/v1/fee-rules", invalid);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("validTo");

        assertThat(admin.delete("/api/v1/fee-rules/" + id).status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/fee-rules/" + otherChannel.json().get("id").asLong()).status()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE object_type = 'fee-rule' AND object_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void onlyAdministratorsSeeOrChangeRules() {
        assertThat(anonymous.get("/api/v1/fee-rules").status()).isEqualTo(401);
        assertThat(anonymous.as("congdan").get("/api/v1/fee-rules").status()).isEqualTo(403);
        assertThat(anonymous.as("canbo").post("/api/v1/fee-rules", Map.of()).status()).isEqualTo(403);
        Response list = anonymous.as("admin").get("/api/v1/fee-rules?procedure=2.000488");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("total").asLong()).isEqualTo(1);
    }
}
