package vn.citygov.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.IntegrationTest;
import vn.citygov.support.PageSession;

/** The index administration pages: city administrators only; definitions, targets and recompute from forms. */
@IntegrationTest
class InsightAdminPagesIntegrationTests {

    @LocalServerPort
    int port;

    /** The newest audit entry of an object, as the audit API gives it; it was made by the city administrator. */
    JsonNode audited(String type, String id) {
        JsonNode items = new ApiClient(port).as("admin").get("/api/v1/audit?objectType=" + type + "&objectId=" + id)
                .json().get("items");
        assertThat(items.size()).as(type + " " + id + " audited").isPositive();
        assertThat(items.get(0).get("actor").asString()).isEqualTo("admin");
        return items.get(0);
    }

    @Test
    void onlyCityAdministratorsOpenTheAdministration() {
        HttpResponse<String> anonymous = new PageSession(port).get("/admin/service-index");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).contains("/login");
        PageSession official = new PageSession(port).login("canbo");
        assertThat(official.get("/admin/service-index").statusCode()).isEqualTo(403);
        String csrf = PageSession.csrfIn(official.get("/account").body());
        assertThat(official.post("/admin/service-index/recompute", Map.of("_csrf", csrf)).statusCode()).isEqualTo(403);
        assertThat(official.post("/admin/service-index/targets/2031", Map.of("_csrf", csrf, "digitised.city", "10"))
                .statusCode()).isEqualTo(403);
        assertThat(new PageSession(port).login("quantri.saigon").get("/admin/service-index").statusCode()).isEqualTo(403);
        assertThat(new PageSession(port).login("admin").get("/admin/service-index?year=abc").statusCode()).isEqualTo(400);
    }

    @Test
    void aMalformedSetIsRefusedWithTheFieldAndTheReasonAndAGoodOneIsLoaded() {
        PageSession admin = new PageSession(port).login("admin");
        String page = admin.get("/admin/service-index").body();
        assertThat(page).contains("definition-versions").contains("766-2022.1");
        String set = InsightIntegrationTests.defaultSet();

        String bad = set.replace("\"766-2022.1\"", "\"admin-bad\"").replaceFirst("\"kind\": \"ratio\"", "\"kind\": \"script\"");
        HttpResponse<String> refused = admin.post("/admin/service-index/definitions",
                Map.of("_csrf", PageSession.csrfIn(page), "definition", bad));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("definition-error").contains("indicators[0].formula.kind")
                .contains("ratio, complement, average").contains("admin-bad");
        HttpResponse<String> notJson = admin.post("/admin/service-index/definitions",
                Map.of("_csrf", PageSession.csrfIn(page), "definition", "{ not json"));
        assertThat(notJson.statusCode()).isEqualTo(200);
        assertThat(notJson.body()).contains("Nội dung không phải JSON hợp lệ.");
        HttpResponse<String> existing = admin.post("/admin/service-index/definitions",
                Map.of("_csrf", PageSession.csrfIn(page), "definition", set));
        assertThat(existing.body()).contains("definition-error").contains("766-2022.1 đã có");

        String good = set.replace("\"766-2022.1\"", "\"766-admin-page\"").replace("\"2022-06-23\"", "\"2098-01-01\"");
        HttpResponse<String> loaded = admin.post("/admin/service-index/definitions",
                Map.of("_csrf", PageSession.csrfIn(page), "definition", good));
        assertThat(loaded.statusCode()).isEqualTo(302);
        String after = admin.get("/admin/service-index").body();
        assertThat(after).contains("definition-loaded").contains("766-admin-page").contains("01/01/2098");
        assertThat(new ApiClient(port).get("/api/v1/index/scores?period=2098-02").json().get("card").get("version")
                .asString()).isEqualTo("766-admin-page");

        // or uploaded as a file, as the form's file field sends it
        String uploaded = set.replace("\"766-2022.1\"", "\"766-admin-file\"").replace("\"2022-06-23\"", "\"2099-06-01\"");
        HttpResponse<String> fromFile = admin.multipart("/admin/service-index/definitions",
                Map.of("_csrf", PageSession.csrfIn(after), "definition", ""), "file", "bo-chi-so.json", "application/json",
                uploaded.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(fromFile.statusCode()).as(fromFile.body()).isEqualTo(302);
        assertThat(admin.get("/admin/service-index").body()).contains("766-admin-file").contains("01/06/2099");
        assertThat(audited("insight-definition", "766-admin-file").get("action").asString()).isEqualTo("loaded");
        HttpResponse<String> badFile = admin.multipart("/admin/service-index/definitions",
                Map.of("_csrf", PageSession.csrfIn(after), "definition", ""), "file", "x.json", "application/json",
                "[1, 2]".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(badFile.statusCode()).isEqualTo(200);
        assertThat(badFile.body()).contains("definition-error").contains("Bộ chỉ số phải là một đối tượng JSON.");
    }

    @Test
    void targetsAreEditedInAFormAndBadValuesAreShownBesideTheirField() {
        PageSession admin = new PageSession(port).login("admin");
        String page = admin.get("/admin/service-index?year=2031").body();
        assertThat(page).contains("targets-edit").contains("Chỉ tiêu năm 2031");
        Map<String, String> form = new HashMap<>(Map.of("_csrf", PageSession.csrfIn(page), "digitised.city", "140",
                "online_services.ward", "75"));
        HttpResponse<String> refused = admin.post("/admin/service-index/targets/2031", form);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("targets-error").contains("Mục tiêu phải từ 0 đến 100.")
                .containsPattern("id=\"t-digitised-city\"[^>]*value=\"140\"[^>]*is-invalid|is-invalid[^>]*id=\"t-digitised-city\"|id=\"t-digitised-city\"[^>]*is-invalid");
        form.put("digitised.city", "45,5");
        HttpResponse<String> saved = admin.post("/admin/service-index/targets/2031", form);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/service-index?year=2031").body()).contains("targets-saved").contains("value=\"45.5\"")
                .contains("value=\"75\"");
        JsonNode targets = new ApiClient(port).get("/api/v1/index/targets?year=2031").json().get("city");
        assertThat(targets.findValues("target").stream().filter(v -> !v.isNull()).map(JsonNode::asDouble).toList())
                .containsExactly(45.5);
        JsonNode audit = audited("insight-targets", "2031");
        assertThat(audit.get("action").asString()).isEqualTo("replaced");
        assertThat(audit.get("changes").asString()).contains("\"digitised.city\":\"45.5\"").contains("online_services.ward");
        form.put("digitised.city", "");
        form.put("online_services.ward", "");
        HttpResponse<String> empty = admin.post("/admin/service-index/targets/2031", form);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("targets-error");
        assertThat(admin.post("/admin/service-index/targets/abc", form).statusCode()).isEqualTo(400);
        assertThat(admin.post("/admin/service-index/targets/1800", form).statusCode()).isEqualTo(400);
    }

    @Test
    void aFullRecomputeRunsFromThePageAndChangesNoFigure() {
        ApiClient api = new ApiClient(port);
        JsonNode before = api.get("/api/v1/index/ranking?peers=wards&period=ytd&size=100").json();
        PageSession admin = new PageSession(port).login("admin");
        String page = admin.get("/admin/service-index").body();
        HttpResponse<String> run = admin.post("/admin/service-index/recompute", Map.of("_csrf", PageSession.csrfIn(page)));
        assertThat(run.statusCode()).isEqualTo(302);
        // It runs in the background: the page says so, then shows the result once it ends.
        String status = admin.get("/admin/service-index").body();
        for (int i = 0; i < 300 && !status.contains("id=\"recomputed\""); i++) {
            assertThat(status).doesNotContain("id=\"recompute-failed\"");
            assertThat(status).contains("id=\"recompute-running\"");
            sleep(100);
            status = admin.get("/admin/service-index").body();
        }
        assertThat(status).contains("id=\"recomputed\"");
        assertThat(audited("insight-counters", "all").get("changes").asString()).contains("counterRows");
        assertThat(api.get("/api/v1/index/ranking?peers=wards&period=ytd&size=100").json()).isEqualTo(before);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
