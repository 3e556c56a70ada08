package vn.citygov.dossiers;

import static vn.citygov.support.OnlineFiling.birth;
import static vn.citygov.support.OnlineFiling.birthValues;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;
import vn.citygov.support.OnlineFiling;

/** Dossiers over HTTP on a real PostgreSQL: submission, every action, access rules, conflicts and the public lookup. */
@IntegrationTest
class DossiersIntegrationTests {

    static final String BIRTH = "1.001193";
    static final String JUDICIAL_RECORD = "2.000488";
    static final String COUNTER_ONLY = "1.003005";
    private static final AtomicInteger KEYS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    JsonNode submitted(ApiClient as) {
        Response r = OnlineFiling.post(as, birth("26740"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static Response act(ApiClient as, JsonNode dossier, String action, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(extra);
        body.put("action", action);
        body.put("version", dossier.get("version").asInt());
        return as.post("/api/v1/dossiers/" + dossier.get("id").asLong() + "/actions", body);
    }

    static JsonNode ok(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void aCitizenSubmitsAWardProcedureRoutedToTheChosenWard() {
        JsonNode d = submitted(api.as("congdan"));
        assertThat(d.get("state").asString()).isEqualTo("submitted");
        assertThat(d.get("agencyCode").asString()).isEqualTo("ubnd-26740");
        assertThat(d.get("channel").asString()).isEqualTo("online");
        assertThat(d.get("code").isNull()).isTrue();
        assertThat(d.get("history")).hasSize(1);
        assertThat(d.get("actions").toString()).contains("withdraw").doesNotContain("accept");
    }

    @Test
    void aDepartmentProcedureGoesToItsAgencyWithPostalDelivery() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("applicantName", "Lê Thị Dung");
        values.put("applicantIdNumber", "079190001111");
        values.put("applicantPhone", "0909000111");
        values.put("applicantAddress", Map.of("adminUnitCode", "26740", "street", "1 Nguyễn Huệ"));
        values.put("birthDate", "1990-01-01");
        values.put("sex", "female");
        values.put("certificateKind", "1");
        values.put("copies", 1);
        Map<String, Object> body = Map.of("procedureCode", JUDICIAL_RECORD, "values", values, "delivery", "post",
                "postalAddress", "1 Nguyễn Huệ, Phường Sài Gòn");
        Response r = OnlineFiling.post(api.as("congdan"), body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("agencyCode").asString()).isEqualTo("so-tu-phap");
        assertThat(r.header("Location")).isEqualTo("/api/v1/dossiers/" + r.json().get("id").asLong());
    }

    @Test
    void invalidValuesAreFieldErrorsAndNothingIsSaved() {
        ApiClient citizen = api.as("congdan");
        long before = citizen.get("/api/v1/dossiers").json().get("total").asLong();
        Map<String, Object> body = birth("26740");
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) body.get("values");
        values.put("applicantIdNumber", "123");
        values.remove("childName");
        body.put("delivery", "post");
        Response r = OnlineFiling.post(citizen, body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("errors").toString()).contains("values.applicantIdNumber", "values.childName",
                "postalAddress");
        assertThat(citizen.get("/api/v1/dossiers").json().get("total").asLong()).isEqualTo(before);

        Response noWard = OnlineFiling.post(citizen, birth(null));
        assertThat(noWard.status()).isEqualTo(400);
        assertThat(noWard.json().get("errors").get(0).get("field").asString()).isEqualTo("adminUnitCode");
        assertThat(OnlineFiling.post(citizen, birth("99999")).status()).isEqualTo(400);
        Map<String, Object> unknown = birth("26740");
        unknown.put("procedureCode", "9.999999");
        assertThat(OnlineFiling.post(citizen, unknown).json().get("errors").get(0).get("field").asString())
                .isEqualTo("procedureCode");
        Map<String, Object> counterOnly = birth("26740");
        counterOnly.put("procedureCode", COUNTER_ONLY);
        assertThat(OnlineFiling.post(citizen, counterOnly).json().get("errors").toString())
                .contains("procedureCode");
    }

    @Test
    void aRetriedSubmissionWithTheSameIdempotencyKeyCreatesOneDossier() {
        ApiClient citizen = api.as("congdan").header("Idempotency-Key", "dossier-test-" + KEYS.incrementAndGet());
        Map<String, Object> body = OnlineFiling.withDocuments(citizen, birth("26740"));
        Response first = citizen.post("/api/v1/dossiers", body);
        Response again = citizen.post("/api/v1/dossiers", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
    }

    @Test
    void theWholeLifecycleWithHistoryAppointmentAndPublicLookup() {
        ApiClient citizen = api.as("congdan");
        ApiClient desk = api.as("canbo");
        JsonNode d = submitted(citizen);
        d = ok(act(desk, d, "accept", Map.of("comment", "Đủ thành phần")));
        assertThat(d.get("state").asString()).isEqualTo("accepted");
        String code = d.get("code").asString();
        assertThat(code).matches("H29-[0-9]{6}-[0-9]{6,}-[A-Z2-9]{5}");
        assertThat(d.get("dueAt").isNull()).isFalse();
        assertThat(d.get("receivedAt").isNull()).isFalse();
        d = ok(act(desk, d, "start", Map.of()));
        d = ok(act(desk, d, "approve", Map.of()));
        d = ok(act(desk, d, "issue_result", Map.of()));
        JsonNode status = api.get("/api/v1/dossiers/" + code + "/status").json();
        assertThat(status.get("state").asString()).isEqualTo("result_issued");
        d = ok(act(desk, d, "return_result", Map.of()));
        assertThat(d.get("state").asString()).isEqualTo("returned");
        assertThat(d.get("finishedAt").isNull()).isFalse();
        assertThat(d.get("history")).hasSize(6);
        assertThat(d.get("history").get(1).get("actor").asString()).isEqualTo("canbo");
        assertThat(d.get("history").get(1).get("comment").asString()).isEqualTo("Đủ thành phần");

        Response lookup = api.get("/api/v1/dossiers/" + code + "/status");
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.json().get("state").asString()).isEqualTo("returned");
        assertThat(lookup.json().get("appointmentDate").isNull()).isFalse();
        assertThat(lookup.json().get("overdue").asBoolean()).isFalse();
        assertThat(lookup.body()).doesNotContain("Nguyễn", "079090001234", "congdan", "applicant", "values");
        assertThat(api.get("/api/v1/dossiers/" + code.toLowerCase() + "/status").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/dossiers/H29-261123-000001-AAAAA/status").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/dossiers/nonsense/status").isProblem()).isTrue();

        String audit = api.as("admin").get("/api/v1/audit?objectType=dossier&objectId=" + d.get("id").asLong()).body();
        assertThat(audit).contains("accept", "return_result", "submit");
    }

    @Test
    void aSupplementRequestListsEveryItemAndTheApplicantAnswersIt() {
        ApiClient citizen = api.as("congdan");
        ApiClient desk = api.as("canbo");
        JsonNode d = submitted(citizen);
        assertThat(act(desk, d, "request_supplement", Map.of()).status()).isEqualTo(400);
        d = ok(act(desk, d, "request_supplement",
                Map.of("items", List.of("Giấy chứng sinh", "Giấy đăng ký kết hôn của cha mẹ"), "comment", "Thiếu giấy tờ")));
        assertThat(d.get("state").asString()).isEqualTo("supplement_requested");
        assertThat(d.get("supplementItems")).hasSize(2);
        assertThat(act(desk, d, "accept", Map.of()).status()).isEqualTo(409);
        Map<String, Object> corrected = birthValues();
        corrected.put("childName", "Nguyễn Văn Bình An");
        d = ok(act(citizen, d, "supplement", Map.of("values", corrected)));
        assertThat(d.get("state").asString()).isEqualTo("submitted");
        assertThat(d.get("values").get("childName").asString()).isEqualTo("Nguyễn Văn Bình An");
        d = ok(act(desk, d, "accept", Map.of()));
        assertThat(d.get("values").get("childName").asString()).as("stored, and kept by later actions")
                .isEqualTo("Nguyễn Văn Bình An");
        d = ok(act(desk, d, "start", Map.of()));
        String due = d.get("dueAt").asString();
        d = ok(act(desk, d, "request_supplement", Map.of("items", List.of("Bản sao CCCD của mẹ"))));
        assertThat(d.get("pausedAt").isNull()).isFalse();
        d = ok(act(citizen, d, "supplement", Map.of()));
        assertThat(d.get("state").asString()).isEqualTo("in_progress");
        assertThat(d.get("pausedAt").isNull()).isTrue();
        assertThat(d.get("dueAt").asString()).as("no working day passed while waiting").isEqualTo(due);
    }

    @Test
    void refusalNeedsAWrittenReasonAndWithdrawalIsForTheApplicantBeforeAcceptance() {
        ApiClient citizen = api.as("congdan");
        ApiClient desk = api.as("canbo");
        JsonNode d = submitted(citizen);
        Response noReason = act(desk, d, "refuse", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("comment");
        d = ok(act(desk, d, "refuse", Map.of("comment", "Không thuộc thẩm quyền")));
        assertThat(d.get("state").asString()).isEqualTo("refused");
        assertThat(d.get("refusalReason").asString()).isEqualTo("Không thuộc thẩm quyền");

        JsonNode other = submitted(citizen);
        assertThat(act(desk, other, "withdraw", Map.of()).status()).as("the desk cannot withdraw an online dossier")
                .isEqualTo(403);
        assertThat(act(citizen, other, "accept", Map.of()).status()).isEqualTo(403);
        other = ok(act(citizen, other, "withdraw", Map.of("comment", "Nộp nhầm")));
        assertThat(other.get("state").asString()).isEqualTo("withdrawn");

        JsonNode accepted = ok(act(desk, submitted(citizen), "accept", Map.of()));
        Response late = act(citizen, accepted, "withdraw", Map.of());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.isProblem()).isTrue();
        assertThat(late.json().get("code").asString()).isEqualTo("illegal-transition");
    }

    @Test
    void illegalTransitionsAndStaleVersionsAreConflicts() {
        ApiClient desk = api.as("canbo");
        JsonNode d = submitted(api.as("congdan"));
        Response illegal = act(desk, d, "approve", Map.of());
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.json().get("code").asString()).isEqualTo("illegal-transition");
        assertThat(illegal.json().get("detail").asString()).contains("Đã nộp");

        JsonNode accepted = ok(act(desk, d, "accept", Map.of()));
        Response stale = act(api.as("quantri.saigon"), d, "accept", Map.of());
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("code").asString()).isEqualTo("stale-version");
        assertThat(accepted.get("version").asInt()).isEqualTo(d.get("version").asInt() + 1);

        assertThat(act(desk, accepted, "fly", Map.of()).status()).isEqualTo(400);
        Response noVersion = desk.post("/api/v1/dossiers/" + d.get("id").asLong() + "/actions", Map.of("action", "start"));
        assertThat(noVersion.status()).isEqualTo(400);
    }

    @Test
    void twoOfficialsActingAtOnceOneWinsTheOtherGetsAConflict() throws Exception {
        JsonNode d = submitted(api.as("congdan"));
        ApiClient one = api.as("canbo");
        ApiClient two = api.as("quantri.saigon");
        var a = java.util.concurrent.CompletableFuture.supplyAsync(() -> act(one, d, "accept", Map.of()).status());
        var b = java.util.concurrent.CompletableFuture.supplyAsync(() -> act(two, d, "accept", Map.of()).status());
        assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 409);
    }

    @Test
    void accessFollowsOwnershipAndAgency() {
        JsonNode d = submitted(api.as("congdan"));
        String path = "/api/v1/dossiers/" + d.get("id").asLong();
        assertThat(api.as("congdan").get(path).status()).isEqualTo(200);
        assertThat(api.as("canbo").get(path).status()).isEqualTo(200);
        assertThat(api.as("admin").get(path).status()).isEqualTo(200);
        Response otherCitizen = api.as("doanhnghiep").get(path);
        assertThat(otherCitizen.status()).isEqualTo(404);
        assertThat(otherCitizen.isProblem()).isTrue();
        assertThat(act(api.as("doanhnghiep"), d, "withdraw", Map.of()).status()).isEqualTo(404);
        Response otherWard = api.as("quantri.benthanh").get(path);
        assertThat(otherWard.status()).isEqualTo(403);
        assertThat(act(api.as("quantri.benthanh"), d, "accept", Map.of()).status()).isEqualTo(403);
        assertThat(api.get(path).status()).isEqualTo(401);
        assertThat(api.as("congdan").get("/api/v1/dossiers/999999999").status()).isEqualTo(404);
    }

    @Test
    void listsAreMineForCitizensAndTheAgencyQueueForOfficials() {
        JsonNode d = submitted(api.as("congdan"));
        JsonNode mine = api.as("congdan").get("/api/v1/dossiers?size=100").json();
        assertThat(mine.get("items").toString()).contains("\"id\":" + d.get("id").asLong());
        for (JsonNode item : mine.get("items")) {
            assertThat(item.get("applicantName").asString()).isNotBlank();
        }
        assertThat(api.as("doanhnghiep").get("/api/v1/dossiers?size=100").json().get("items").toString())
                .doesNotContain("\"id\":" + d.get("id").asLong() + ",");
        JsonNode queue = api.as("canbo").get("/api/v1/dossiers?state=submitted&size=100").json();
        assertThat(queue.get("items").toString()).contains("\"id\":" + d.get("id").asLong() + ",");
        for (JsonNode item : queue.get("items")) {
            assertThat(item.get("agencyCode").asString()).isEqualTo("ubnd-26740");
            assertThat(item.get("state").asString()).isEqualTo("submitted");
        }
        assertThat(api.as("quantri.benthanh").get("/api/v1/dossiers?size=100").json().get("items").toString())
                .doesNotContain("\"id\":" + d.get("id").asLong() + ",");
        assertThat(api.as("canbo").get("/api/v1/dossiers?agency=ubnd-26743").status()).isEqualTo(403);
        assertThat(api.as("canbo").get("/api/v1/dossiers?state=flying").status()).isEqualTo(400);
        assertThat(api.as("admin").get("/api/v1/dossiers?agency=ubnd-26740").json().get("total").asLong()).isPositive();
    }

    @Test
    void anOfficialSubmitsAtTheCounterOnAPersonsBehalf() {
        ApiClient desk = api.as("canbo");
        Map<String, Object> body = birth("26740");
        body.put("channel", "counter");
        Response missingName = OnlineFiling.post(desk, body);
        assertThat(missingName.status()).isEqualTo(400);
        body.put("applicantName", "Phạm Văn Em");
        Response r = OnlineFiling.post(desk, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode d = r.json();
        assertThat(d.get("channel").asString()).isEqualTo("counter");
        assertThat(d.get("applicantName").asString()).isEqualTo("Phạm Văn Em");
        assertThat(d.get("submittedBy").asString()).isEqualTo("canbo");
        assertThat(OnlineFiling.post(api.as("congdan"), body).status()).isEqualTo(403);
        Map<String, Object> online = birth("26740");
        assertThat(OnlineFiling.post(desk, online).status()).as("officials file online only as citizens")
                .isEqualTo(403);
        d = ok(act(desk, d, "accept", Map.of()));
        assertThat(d.get("code").isNull()).isFalse();
    }

    @Test
    void aDossierPastItsAppointmentIsOverdueInTheQueueAndTheLookup() {
        ApiClient desk = api.as("canbo");
        JsonNode d = ok(act(desk, submitted(api.as("congdan")), "accept", Map.of()));
        d = ok(act(desk, d, "start", Map.of()));
        assertThat(d.get("overdue").asBoolean()).isFalse();
        // Move the appointment into the past, as if the working days had gone by.
        jdbc.sql("UPDATE dossiers_dossier SET due_at = now() - interval '3 days' WHERE id = :id")
                .param("id", d.get("id").asLong()).update();
        String code = d.get("code").asString();
        assertThat(api.get("/api/v1/dossiers/" + code + "/status").json().get("overdue").asBoolean()).isTrue();
        JsonNode queue = desk.get("/api/v1/dossiers?state=in_progress&size=100").json();
        for (JsonNode item : queue.get("items")) {
            if (item.get("id").asLong() == d.get("id").asLong()) {
                assertThat(item.get("overdue").asBoolean()).isTrue();
            }
        }
        assertThat(desk.get("/api/v1/dossiers/" + d.get("id").asLong()).json().get("overdue").asBoolean()).isTrue();
    }
}
