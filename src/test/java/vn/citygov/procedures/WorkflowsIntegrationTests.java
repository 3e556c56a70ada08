package vn.citygov.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;

/** Workflows as data over HTTP: public reads, validated versions by effective date, the catalogue's reference. */
@IntegrationTest
class WorkflowsIntegrationTests {

    @LocalServerPort
    int port;

    ApiClient api;

    @org.springframework.beans.factory.annotation.Autowired
    vn.citygov.procedures.internal.WorkflowRepository workflows;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void theShippedWorkflowsArePublicAndProceduresNameThem() {
        JsonNode all = api.get("/api/v1/workflows").json();
        List<String> codes = new ArrayList<>();
        all.forEach(w -> codes.add(w.get("code").asString()));
        assertThat(codes).contains("standard", "department-review", "ward-quick", "inter-agency-residence");
        JsonNode inter = api.get("/api/v1/workflows/inter-agency-residence").json();
        assertThat(inter.get("steps").toString()).contains("\"agencyCode\":\"cong-an-tp\"");
        assertThat(api.get("/api/v1/workflows/none-such").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/procedures/1.004837").json().get("workflow").asString())
                .isEqualTo("inter-agency-residence");
        String csv = api.as("admin").get("/api/v1/procedures/export?format=csv").body();
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith("\"workflow\"".replace("\"", ""));
        assertThat(api.as("admin").get("/api/v1/procedures/export").body()).contains("\"workflow\":\"ward-quick\"");
    }

    @Test
    void aNewVersionIsValidatedAndTakesEffectOnItsDate() {
        Map<String, Object> body = version("2099-01-01", 60);
        assertThat(api.as("congdan").put("/api/v1/workflows/test-flow", body).status()).isEqualTo(403);
        Response bad = api.as("admin").put("/api/v1/workflows/test-flow", version("2099-01-01", 61));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("\"steps\"", "100%");
        Response saved = api.as("admin").put("/api/v1/workflows/test-flow", body);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/workflows/test-flow").status()).as("not in force before its date").isEqualTo(404);
        Response today = api.as("admin").put("/api/v1/workflows/test-flow", version("2025-07-01", 60));
        assertThat(today.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/workflows/test-flow").json().get("effectiveFrom").asString()).isEqualTo("2025-07-01");

        // Each saved version is in the audit trail with who saved it and the steps; the refused one is not.
        Response trail = api.as("admin").get("/api/v1/audit?objectType=workflow&objectId=test-flow");
        assertThat(trail.status()).as(trail.body()).isEqualTo(200);
        JsonNode items = trail.json().get("items");
        assertThat(items.size()).isEqualTo(2);
        assertThat(items.get(0).get("action").asString()).isEqualTo("version_saved");
        assertThat(items.get(0).get("actor").asString()).isEqualTo("admin");
        String changes = items.get(0).get("changes").asString() + items.get(1).get("changes").asString();
        assertThat(changes).contains("2099-01-01", "2025-07-01", "\"share\":60", "\"code\":\"specialist\"")
                .doesNotContain("\"share\":61");
        assertThat(api.as("admin").get("/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
    }

    /** Dossiers read their workflow from a cache: each saved version must reach the next acceptance. */
    @Test
    void theWorkflowDossiersReadFollowsEachSavedVersion() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(workflows.inForceCached("cache-flow", today)).isEmpty();
        assertThat(api.as("admin").put("/api/v1/workflows/cache-flow", version("2025-07-01", 60)).status())
                .isEqualTo(200);
        assertThat(workflows.inForceCached("cache-flow", today)).get()
                .extracting(w -> w.effectiveFrom().toString()).isEqualTo("2025-07-01");
        assertThat(api.as("admin").put("/api/v1/workflows/cache-flow", version("2026-01-01", 60)).status())
                .isEqualTo(200);
        assertThat(workflows.inForceCached("cache-flow", today)).get()
                .extracting(w -> w.effectiveFrom().toString()).isEqualTo("2026-01-01");
    }

    private static Map<String, Object> version(String from, int specialistShare) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Quy trình thử");
        body.put("nameEn", "Test workflow");
        body.put("effectiveFrom", from);
        body.put("steps", List.of(step("reception", "reception", "dossier.receive", 5),
                step("specialist", "processing", "dossier.process", specialistShare),
                step("head", "approval", "dossier.approve", 25), step("result", "result", "dossier.process", 5),
                step("return", "delivery", "dossier.receive", 5)));
        return body;
    }

    private static Map<String, Object> step(String code, String kind, String permission, int share) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("code", code);
        s.put("name", "Bước " + code);
        s.put("nameEn", "Step " + code);
        s.put("kind", kind);
        s.put("permission", permission);
        s.put("share", share);
        return s;
    }
}
