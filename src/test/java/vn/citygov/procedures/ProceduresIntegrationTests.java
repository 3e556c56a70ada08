package vn.citygov.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

/** The procedure catalogue over HTTP on a real PostgreSQL: search, filters, paging, changes, import, export, access. */
@IntegrationTest
class ProceduresIntegrationTests {

    private static final String BIRTH = "1.001193";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void theReferenceCatalogueIsLoadedWithAnEFormForEveryProcedure() {
        JsonNode page = api.get("/api/v1/procedures?size=100").json();
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(40);
        for (JsonNode item : page.get("items")) {
            JsonNode full = api.get("/api/v1/procedures/" + item.get("code").asString()).json();
            assertThat(full.get("form").get("fields").size()).as(item.get("code").asString()).isPositive();
            assertThat(full.get("steps").size()).isPositive();
        }
        assertThat(api.get("/api/v1/procedure-fields").json()).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void searchIgnoresAccentsAndCase() {
        JsonNode page = api.get("/api/v1/procedures?q=" + enc("dang ky khai sinh")).json();
        assertThat(page.get("items").get(0).get("name").asString()).isEqualTo("Đăng ký khai sinh");
        JsonNode accented = api.get("/api/v1/procedures?q=" + enc("ĐĂNG KÝ KHAI SINH")).json();
        assertThat(accented.get("total")).isEqualTo(page.get("total"));
        assertThat(api.get("/api/v1/procedures?q=" + enc("ly lich tu phap")).json().get("items").get(0).get("agencyCode")
                .asString()).isEqualTo("so-tu-phap");
        assertThat(api.get("/api/v1/procedures?q=" + enc("1.000894")).json().get("items").get(0).get("code").asString())
                .isEqualTo("1.000894");
        assertThat(api.get("/api/v1/procedures?q=" + enc("xyzzy qwerty")).json().get("total").asLong()).isZero();
        assertThat(api.get("/api/v1/procedures?q=" + enc("ly lich tu phapp")).json().get("items").get(0).get("code")
                .asString()).as("a typo still finds it").isEqualTo("2.000488");
    }

    @Test
    void filtersByFieldAgencyLevelAndOnlineLevel() {
        assertThat(codes("field=certification", "fieldCode")).isNotEmpty().containsOnly("certification");
        assertThat(codes("agency=so-tu-phap", "agencyCode")).isNotEmpty().containsOnly("so-tu-phap");
        assertThat(codes("level=ward", "level")).isNotEmpty().containsOnly("ward");
        assertThat(codes("level=city_department", "level")).isNotEmpty().containsOnly("city_department");
        assertThat(codes("onlineLevel=full_online", "onlineLevel")).isNotEmpty().containsOnly("full_online");
        assertThat(codes("field=business-registration&level=ward", "level")).isNotEmpty().containsOnly("ward");
        for (JsonNode item : api.get("/api/v1/procedures?level=ward&size=100").json().get("items")) {
            assertThat(item.get("agencyCode").isNull()).isTrue();
        }
        Response bad = api.get("/api/v1/procedures?onlineLevel=level4");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("onlineLevel");
        assertThat(api.get("/api/v1/procedures?agency=" + enc("Sở Tư pháp")).status()).isEqualTo(400);
    }

    @Test
    void pagesThroughTheCatalogue() {
        JsonNode first = api.get("/api/v1/procedures?size=5").json();
        JsonNode second = api.get("/api/v1/procedures?size=5&page=1").json();
        assertThat(first.get("items")).hasSize(5);
        assertThat(second.get("items")).hasSize(5);
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("total")).isEqualTo(first.get("total"));
        assertThat(second.get("items").get(0).get("code")).isNotEqualTo(first.get("items").get(0).get("code"));
        assertThat(api.get("/api/v1/procedures?size=500").json().get("size").asInt()).isEqualTo(100);
        assertThat(api.get("/api/v1/procedures?size=0").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/procedures?page=-1").status()).isEqualTo(400);
    }

    @Test
    void oneProcedureWithItsPartsAndA404Problem() {
        JsonNode birth = api.get("/api/v1/procedures/" + BIRTH).json();
        assertThat(birth.get("level").asString()).isEqualTo("ward");
        assertThat(birth.get("feeVnd").asLong()).isZero();
        assertThat(birth.get("documents").get(0).get("kind").asString()).isEqualTo("form");
        assertThat(birth.get("documents")).anyMatch(d -> d.get("kind").asString().equals("registry")
                && d.get("registry").asString().equals("Cơ sở dữ liệu quốc gia về dân cư"));
        Response missing = api.header("Accept-Language", "en").get("/api/v1/procedures/9.999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.isProblem()).isTrue();
        assertThat(missing.json().get("code").asString()).isEqualTo("not-found");
    }

    @Test
    void anAdministratorCreatesAndUpdatesWithOptimisticLocking() {
        ApiClient admin = api.as("admin");
        Map<String, Object> body = procedure("TP-0001", "Cấp giấy phép tổ chức lễ hội", "so-van-hoa-the-thao");
        Response created = admin.post("/api/v1/procedures", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/procedures/TP-0001");
        assertThat(created.json().get("version").asInt()).isZero();
        assertThat(admin.post("/api/v1/procedures", body).status()).isEqualTo(409);

        body.put("feeVnd", 50000);
        body.put("version", 0);
        Response updated = admin.put("/api/v1/procedures/TP-0001", body);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("version").asInt()).isEqualTo(1);
        assertThat(updated.json().get("feeVnd").asLong()).isEqualTo(50000);
        Response stale = admin.put("/api/v1/procedures/TP-0001", body);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.isProblem()).isTrue();
        assertThat(admin.put("/api/v1/procedures/TP-0404", body).status()).isEqualTo(404);

        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE object_type = 'procedure' AND object_id = 'TP-0001' ORDER BY id")
                .query(String.class).list()).containsExactly("created", "updated");
    }

    @Test
    void aRetriedCreationWithTheSameIdempotencyKeyCreatesNothingNew() {
        ApiClient admin = api.as("admin").header("Idempotency-Key", "procedure-TP-0300");
        Map<String, Object> body = procedure("TP-0300", "Thủ tục gửi lại", "so-xay-dung");
        Response first = admin.post("/api/v1/procedures", body);
        Response retry = admin.post("/api/v1/procedures", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE object_type = 'procedure' AND object_id = 'TP-0300'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anInvalidProcedureIsRefusedWithEveryFieldError() {
        Map<String, Object> body = procedure("TP-0002", "Thủ tục sai", "khong-co-co-quan");
        body.put("onlineLevel", "level4");
        body.put("feeVnd", -1);
        body.put("form", Map.of("fields", List.of(Map.of("name", "kind", "type", "select", "label", "Loại", "labelEn", "Kind"))));
        Response r = api.as("admin").post("/api/v1/procedures", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().has("errors")).as(r.body()).isTrue();
        assertThat(fields(r)).containsExactlyInAnyOrder("agencyCode", "onlineLevel", "feeVnd", "form.fields[0].options");
        Map<String, Object> ward = procedure("TP-0003", "Thủ tục phường", "so-tu-phap");
        ward.put("level", "ward");
        assertThat(fields(api.as("admin").post("/api/v1/procedures", ward))).containsExactly("agencyCode");
    }

    @Test
    void importIsAllOrNothingAndNamesEachProblemByIndex() {
        ApiClient admin = api.as("admin");
        Map<String, Object> good = procedure("TP-0100", "Thủ tục nhập thử", "so-tu-phap");
        Map<String, Object> bad = procedure("TP-0101", "", "so-tu-phap");
        bad.put("processingDays", 400);
        Response refused = admin.post("/api/v1/procedures/import", List.of(good, bad, good));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(fields(refused)).containsExactlyInAnyOrder("[1].name", "[1].processingDays", "[2].code");
        assertThat(api.get("/api/v1/procedures/TP-0100").status()).isEqualTo(404);

        Response accepted = admin.post("/api/v1/procedures/import", List.of(good));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("created").get(0).asString()).isEqualTo("TP-0100");
        good.put("processingDays", 7);
        JsonNode again = admin.post("/api/v1/procedures/import", List.of(good)).json();
        assertThat(again.get("updated").get(0).asString()).isEqualTo("TP-0100");
        assertThat(api.get("/api/v1/procedures/TP-0100").json().get("processingDays").asInt()).isEqualTo(7);
        assertThat(admin.raw("POST", "/api/v1/procedures/import", "application/json", "[]".getBytes()).status()).isEqualTo(400);
        assertThat(admin.raw("POST", "/api/v1/procedures/import", "application/json", "[null]".getBytes()).status()).isEqualTo(400);
    }

    @Test
    void exportThenImportGivesTheSameCatalogue() {
        ApiClient admin = api.as("admin");
        Response first = admin.get("/api/v1/procedures/export?format=json");
        assertThat(first.status()).isEqualTo(200);
        JsonNode catalogue = first.json();
        assertThat(catalogue.size()).isGreaterThanOrEqualTo(40);
        Response imported = admin.raw("POST", "/api/v1/procedures/import", "application/json",
                first.body().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("created")).isEmpty();
        assertThat(imported.json().get("updated")).hasSize(catalogue.size());
        assertThat(admin.get("/api/v1/procedures/export").json()).isEqualTo(catalogue);

        Response csv = admin.get("/api/v1/procedures/export?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFcode,name,name_en,");
        assertThat(csv.body()).contains("\"1.001193\",\"Đăng ký khai sinh\",\"Birth registration\",\"civil-status\",\"\",\"ward\"");
        assertThat(csv.body().lines().count()).isEqualTo(catalogue.size() + 1L);
        assertThat(admin.get("/api/v1/procedures/export?format=xml").status()).isEqualTo(400);
    }

    @Test
    void changesNeedTheManagePermission() {
        Map<String, Object> body = procedure("TP-0200", "Thủ tục không được phép", "so-tu-phap");
        // A citizen, an official and a ward's administrator: none keeps the city's catalogue.
        for (String username : List.of("congdan", "canbo", "quantri.saigon")) {
            ApiClient user = api.as(username);
            assertThat(user.post("/api/v1/procedures", body).status()).as(username).isEqualTo(403);
            assertThat(user.put("/api/v1/procedures/" + BIRTH, body).status()).as(username).isEqualTo(403);
            assertThat(user.post("/api/v1/procedures/import", List.of(body)).status()).as(username).isEqualTo(403);
            Response export = user.get("/api/v1/procedures/export");
            assertThat(export.status()).as(username).isEqualTo(403);
            assertThat(export.isProblem()).isTrue();
            assertThat(user.get("/api/v1/procedures/" + BIRTH).status()).as(username).isEqualTo(200);
        }
        for (Response r : List.of(api.post("/api/v1/procedures", body), api.put("/api/v1/procedures/" + BIRTH, body),
                api.post("/api/v1/procedures/import", List.of(body)), api.get("/api/v1/procedures/export"),
                api.get("/api/v1/procedures/export?format=csv"))) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.isProblem()).isTrue();
        }
        assertThat(api.get("/api/v1/procedures/TP-0200").status()).isEqualTo(404);
    }

    @Test
    void publicPagesInPlainLanguage() {
        Response list = api.get("/procedures?q=" + enc("dang ky khai sinh"));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Đăng ký khai sinh").contains("href=\"/procedures/1.001193\"");
        Response birth = api.get("/procedures/" + BIRTH);
        assertThat(birth.body()).contains("Miễn phí").contains("Giấy chứng sinh do cơ sở y tế cấp")
                .contains("Cơ sở dữ liệu quốc gia về dân cư").contains("id=\"form-preview\"").contains("Luật Hộ tịch 2014");
        assertThat(api.get("/procedures/2.000488").body()).contains("200.000 ₫").contains("Sở Tư pháp");
        Response english = api.get("/procedures/" + BIRTH + "?lang=en");
        assertThat(english.body()).contains("Birth registration").contains("Free").contains("Documents to prepare");
        assertThat(api.get("/procedures?field=land&level=city_department").body()).contains("Đất đai");
        assertThat(api.get("/procedures/9.999999").status()).isEqualTo(404);
    }

    private List<String> codes(String query, String property) {
        List<String> values = new ArrayList<>();
        api.get("/api/v1/procedures?size=100&" + query).json().get("items").forEach(i -> values.add(i.get(property).asString()));
        return values;
    }

    private static List<String> fields(Response r) {
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    private static Map<String, Object> procedure(String code, String name, String agency) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", code);
        p.put("name", name);
        p.put("nameEn", "Test procedure " + code);
        p.put("fieldCode", "justice");
        p.put("agencyCode", agency);
        p.put("level", "city_department");
        p.put("onlineLevel", "partial_online");
        p.put("processingDays", 10);
        p.put("feeVnd", 0);
        p.put("legalBasis", "Luật Thủ đô 2024");
        p.put("steps", List.of(Map.of("text", "Nộp hồ sơ.", "textEn", "Apply.")));
        p.put("resultDocument", "Giấy phép");
        p.put("resultDocumentEn", "Permit");
        p.put("documents", List.of(Map.of("name", "Đơn đề nghị", "nameEn", "Application", "copies", 1, "kind", "form"),
                Map.of("name", "Căn cước", "nameEn", "ID card", "copies", 0, "kind", "registry",
                        "registry", "Cơ sở dữ liệu quốc gia về dân cư", "registryEn", "National population database")));
        p.put("form", Map.of("fields", List.of(Map.of("name", "fullName", "type", "text", "label", "Họ tên",
                "labelEn", "Full name", "required", true))));
        return p;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
