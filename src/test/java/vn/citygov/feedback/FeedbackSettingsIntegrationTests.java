package vn.citygov.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.citygov.feedback.FeedbackIntegrationTests.created;
import static vn.citygov.feedback.FeedbackIntegrationTests.ok;
import static vn.citygov.feedback.FeedbackIntegrationTests.report;
import static vn.citygov.feedback.FeedbackNotificationsIntegrationTests.BEN_THANH_LAT;
import static vn.citygov.feedback.FeedbackNotificationsIntegrationTests.BEN_THANH_LON;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;

/**
 * Categories and routing rules edited without code: who may, validation in problem+json, optimistic
 * versions, the audit trail, and that new reports follow the edited rules.
 */
@IntegrationTest
class FeedbackSettingsIntegrationTests {

    static final String BASE = "/api/v1/feedback/settings";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    static Map<String, Object> category(String code, Integer days, Integer hours) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("nameVi", "Ngập sau mưa <b>lớn</b>");
        body.put("nameEn", "Flooding after heavy rain");
        body.put("deadlineDays", days);
        body.put("deadlineHours", hours);
        body.put("isPublic", true);
        body.put("sortOrder", 45);
        return body;
    }

    long audits(String type, String id, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE object_type = ? AND object_id = ? AND action = ?")
                .param(type).param(id).param(action).query(Long.class).single();
    }

    static void problem(Response r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.isProblem()).isTrue();
        if (field != null) {
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        }
    }

    @Test
    void aCityCoordinatorAddsAndChangesACategoryAudited() {
        String code = "ngap-" + System.nanoTime() % 100000;
        ApiClient admin = api.as("admin");
        problem(admin.post(BASE + "/categories", category(code, 2, 16)), 400, "deadlineDays");
        problem(admin.post(BASE + "/categories", category(code, null, null)), 400, "deadlineDays");
        problem(admin.post(BASE + "/categories", category(code, 0, null)), 400, "deadlineDays");
        problem(admin.post(BASE + "/categories", category("Không hợp lệ", 2, null)), 400, "code");
        Map<String, Object> blank = category(code, 2, null);
        blank.put("nameVi", "  ");
        problem(admin.post(BASE + "/categories", blank), 400, "nameVi");
        Map<String, Object> longName = category(code, 2, null);
        longName.put("nameEn", "x".repeat(201));
        problem(admin.post(BASE + "/categories", longName), 400, "nameEn");
        assertThat(jdbc.sql("SELECT count(*) FROM feedback_category WHERE code = ?").param(code).query(Long.class).single())
                .isZero();
        // Agency coordinators edit their routing, not the city's categories; citizens nothing; strangers must log in.
        problem(api.as("quantri.benthanh").post(BASE + "/categories", category(code, null, 16)), 403, null);
        problem(api.as("congdan").post(BASE + "/categories", category(code, null, 16)), 403, null);
        assertThat(api.post(BASE + "/categories", category(code, null, 16)).status()).isEqualTo(401);

        JsonNode saved = created(admin.post(BASE + "/categories", category(code, null, 16)));
        assertThat(saved.get("deadlineHours").asInt()).isEqualTo(16);
        assertThat(saved.get("version").asInt()).isZero();
        problem(admin.post(BASE + "/categories", category(code, 3, null)), 409, null);
        assertThat(audits("feedback-category", code, "created")).isEqualTo(1);
        // New reports may choose it at once, on every channel.
        assertThat(ok(api.get("/api/v1/feedback/categories")).toString()).contains(code);
        assertThat(api.get("/open311/v2/services.json").body()).contains(code);

        Map<String, Object> change = category(code, 2, null);
        change.put("nameEn", "Flooding after rain");
        change.put("version", 0);
        JsonNode changed = ok(admin.put(BASE + "/categories/" + code, change));
        assertThat(changed.get("deadlineDays").asInt()).isEqualTo(2);
        assertThat(changed.get("deadlineHours").isNull()).isTrue();
        assertThat(changed.get("version").asInt()).isEqualTo(1);
        problem(admin.put(BASE + "/categories/" + code, change), 409, null);
        assertThat(jdbc.sql("SELECT changes FROM audit_entry WHERE object_type = 'feedback-category' AND object_id = ? "
                + "AND action = 'changed'").param(code).query(String.class).single())
                .contains("Flooding after rain").contains("deadlineDays").doesNotContain("nameVi");
        problem(admin.put(BASE + "/categories/khong-co", change), 404, null);

        // Deactivated: gone from the choices, kept for the coordinators.
        change.put("active", false);
        change.put("version", 1);
        ok(admin.put(BASE + "/categories/" + code, change));
        assertThat(ok(api.get("/api/v1/feedback/categories")).toString()).doesNotContain(code);
        assertThat(ok(admin.get(BASE + "/categories")).toString()).contains(code);
        assertThat(api.post("/api/v1/feedback/reports", report(code, "Ngập", BEN_THANH_LAT, BEN_THANH_LON)).status())
                .isEqualTo(400);
    }

    @Test
    void routingRulesAreEditedByTheAgencysCoordinatorsAndReportsFollowThem() {
        String code = "den-" + System.nanoTime() % 100000;
        created(api.as("admin").post(BASE + "/categories", category(code, 1, null)));
        ApiClient coordinator = api.as("quantri.benthanh");
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("categoryCode", code);
        rule.put("adminUnitCode", "26743");
        rule.put("handlingPointCode", "pa-26740");
        // Another ward's point is not theirs to route to.
        problem(coordinator.post(BASE + "/routing-rules", rule), 403, null);
        rule.put("handlingPointCode", "khong-co");
        problem(coordinator.post(BASE + "/routing-rules", rule), 400, "handlingPointCode");
        rule.put("handlingPointCode", "pa-26743");
        rule.put("adminUnitCode", "99999");
        problem(coordinator.post(BASE + "/routing-rules", rule), 400, "adminUnitCode");
        rule.put("adminUnitCode", "26743");
        rule.put("categoryCode", "khong-co");
        problem(coordinator.post(BASE + "/routing-rules", rule), 400, "categoryCode");
        rule.put("categoryCode", code);
        problem(api.as("canbo").post(BASE + "/routing-rules", rule), 403, null);

        JsonNode saved = created(coordinator.post(BASE + "/routing-rules", rule));
        long id = saved.get("id").asLong();
        assertThat(saved.get("agencyCode").asString()).isEqualTo("ubnd-26743");
        problem(coordinator.post(BASE + "/routing-rules", rule), 409, null);
        assertThat(audits("feedback-routing", String.valueOf(id), "created")).isEqualTo(1);
        assertThat(ok(coordinator.get(BASE + "/routing-rules?category=" + code)).get("total").asLong()).isEqualTo(1);

        String first = created(api.post("/api/v1/feedback/reports", report(code, "Đèn chớp tắt", BEN_THANH_LAT, BEN_THANH_LON)))
                .get("code").asString();
        assertThat(ok(api.as("admin").get("/api/v1/feedback/reports/" + first)).get("handlingPointCode").asString())
                .isEqualTo("pa-26743");

        Map<String, Object> move = new LinkedHashMap<>();
        move.put("handlingPointCode", "tt-26743");
        move.put("version", 0);
        JsonNode moved = ok(coordinator.put(BASE + "/routing-rules/" + id, move));
        assertThat(moved.get("handlingPointCode").asString()).isEqualTo("tt-26743");
        problem(coordinator.put(BASE + "/routing-rules/" + id, move), 409, null);
        move.put("handlingPointCode", "pa-26740");
        move.put("version", 1);
        problem(coordinator.put(BASE + "/routing-rules/" + id, move), 403, null);
        assertThat(audits("feedback-routing", String.valueOf(id), "changed")).isEqualTo(1);
        String second = created(api.post("/api/v1/feedback/reports", report(code, "Đèn tắt hẳn", BEN_THANH_LAT, BEN_THANH_LON)))
                .get("code").asString();
        assertThat(ok(api.as("admin").get("/api/v1/feedback/reports/" + second)).get("handlingPointCode").asString())
                .isEqualTo("tt-26743");

        problem(api.as("quantri.saigon").delete(BASE + "/routing-rules/" + id), 403, null);
        assertThat(coordinator.delete(BASE + "/routing-rules/" + id).status()).isEqualTo(204);
        assertThat(coordinator.get(BASE + "/routing-rules/" + id).status()).isEqualTo(404);
        assertThat(audits("feedback-routing", String.valueOf(id), "removed")).isEqualTo(1);
    }
}
