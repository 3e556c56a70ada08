package vn.citygov.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.citygov.feedback.FeedbackIntegrationTests.SAI_GON_LAT;
import static vn.citygov.feedback.FeedbackIntegrationTests.SAI_GON_LON;
import static vn.citygov.feedback.FeedbackIntegrationTests.created;
import static vn.citygov.feedback.FeedbackIntegrationTests.ok;
import static vn.citygov.feedback.FeedbackIntegrationTests.report;
import static vn.citygov.feedback.Open311IntegrationTests.count;
import static vn.citygov.feedback.Open311IntegrationTests.json;
import static vn.citygov.feedback.Open311IntegrationTests.text;
import static vn.citygov.feedback.Open311IntegrationTests.xml;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;

/**
 * Categories' extra fields as GeoReport v2 service attributes: the definitions coordinators edit (validated,
 * versioned, audited), services' metadata and service definitions in JSON and XML exactly as the specification
 * writes them, POST requests with attribute[code] and attribute[code][] (checked, Open311 errors, nothing saved
 * on error), the JSON API with the same answers, and who sees them.
 */
@IntegrationTest
class Open311AttributesIntegrationTests {

    static final String SETTINGS = "/api/v1/feedback/settings/categories";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    static Map<String, Object> attribute(String code, String datatype, boolean required, int order,
            List<Map<String, Object>> values) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("code", code);
        a.put("datatype", datatype);
        a.put("required", required);
        a.put("order", order);
        a.put("descriptionVi", "Câu hỏi " + code);
        a.put("descriptionEn", "Question " + code);
        if (values != null) {
            a.put("values", values);
        }
        return a;
    }

    static Map<String, Object> value(String key, String vi, String en) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("key", key);
        v.put("nameVi", vi);
        v.put("nameEn", en);
        return v;
    }

    /** A category asking for one field of each datatype, the list ones and the number required. */
    String categoryWithEveryDatatype() {
        String code = "thu-" + System.nanoTime() % 1_000_000;
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("nameVi", "Hố ga hư hỏng");
        body.put("nameEn", "Damaged manhole");
        body.put("deadlineDays", 3);
        body.put("isPublic", true);
        List<Map<String, Object>> attributes = new ArrayList<>();
        attributes.add(attribute("depth", "number", true, 2, null));
        attributes.add(attribute("cover", "singlevaluelist", true, 1,
                List.of(value("missing", "Mất nắp", "Cover missing"), value("broken", "Nắp vỡ", "Cover broken"))));
        attributes.add(attribute("hazards", "multivaluelist", false, 3,
                List.of(value("traffic", "Giữa lòng đường", "In the carriageway"), value("school", "Gần trường học",
                        "Near a school"), value("night", "Không có đèn", "Unlit"))));
        attributes.add(attribute("seen-at", "datetime", false, 4, null));
        attributes.add(attribute("landmark", "string", false, 5, null));
        attributes.add(attribute("notes", "text", false, 6, null));
        Map<String, Object> info = attribute("safety", "string", false, 7, null);
        info.put("variable", false);
        info.put("descriptionVi", "Không đứng gần hố ga khi báo cáo.");
        attributes.add(info);
        body.put("attributes", attributes);
        Response r = api.as("admin").post(SETTINGS, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return code;
    }

    String key() {
        Response r = api.as("admin").post("/api/v1/api-keys", Map.of("name", "Ứng dụng báo hố ga",
                "scopes", List.of("open311.submit")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("secret").asString();
    }

    Response post(String path, List<String[]> form) {
        String body = form.stream().map(p -> URLEncoder.encode(p[0], StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(p[1], StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return api.raw("POST", path, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
    }

    List<String[]> request(String key, String service) {
        List<String[]> form = new ArrayList<>();
        form.add(new String[] {"api_key", key});
        form.add(new String[] {"service_code", service});
        form.add(new String[] {"lat", String.valueOf(SAI_GON_LAT)});
        form.add(new String[] {"long", String.valueOf(SAI_GON_LON)});
        form.add(new String[] {"description", "Hố ga mất nắp trước cổng trường"});
        form.add(new String[] {"email", "phuhuynh@example.vn"});
        return form;
    }

    static List<String[]> with(List<String[]> form, String name, String value) {
        List<String[]> out = new ArrayList<>(form);
        out.add(new String[] {name, value});
        return out;
    }

    long reports() {
        return jdbc.sql("SELECT count(*) FROM feedback_report").query(Long.class).single();
    }

    @Test
    void servicesWithAttributesSayMetadataAndTheirDefinitionFollowsTheSpecification() throws Exception {
        JsonNode services = json(api.get("/open311/v2/services.json"), 200);
        Map<String, Boolean> metadata = new HashMap<>();
        services.forEach(s -> metadata.put(s.get("service_code").asString(), s.get("metadata").asBoolean()));
        assertThat(metadata).containsEntry("chieu-sang", true).containsEntry("thoat-nuoc", true)
                .containsEntry("cay-xanh", true).containsEntry("giao-thong", false);
        Document list = xml(api.get("/open311/v2/services.xml"));
        assertThat(text(list, "/services/service[service_code='chieu-sang']/metadata")).isEqualTo("true");
        assertThat(text(list, "/services/service[service_code='giao-thong']/metadata")).isEqualTo("false");

        JsonNode def = json(api.get("/open311/v2/services/chieu-sang.json"), 200);
        assertThat(def.get("service_code").asString()).isEqualTo("chieu-sang");
        JsonNode pole = def.get("attributes").get(0);
        assertThat(pole.get("variable").asBoolean()).isTrue();
        assertThat(pole.get("code").asString()).isEqualTo("pole-number");
        assertThat(pole.get("datatype").asString()).isEqualTo("string");
        assertThat(pole.get("required").asBoolean()).isFalse();
        assertThat(pole.get("datatype_description").asString()).isEqualTo("Ví dụ: SG-0123");
        assertThat(pole.get("order").asInt()).isEqualTo(1);
        assertThat(pole.get("description").asString()).isEqualTo("Số hiệu cột đèn (ghi trên thân cột)");
        assertThat(pole.has("values")).isFalse();
        JsonNode fault = def.get("attributes").get(1);
        assertThat(fault.get("datatype").asString()).isEqualTo("singlevaluelist");
        assertThat(fault.get("datatype_description").isNull()).isTrue();
        assertThat(fault.get("values").get(0).get("key").asString()).isEqualTo("off");
        assertThat(fault.get("values").get(0).get("name").asString()).isEqualTo("Đèn không sáng");
        // The field order of the specification's example.
        List<String> fields = new ArrayList<>();
        fault.properties().forEach(e -> fields.add(e.getKey()));
        assertThat(fields).containsExactly("variable", "code", "datatype", "required", "datatype_description", "order",
                "description", "values");

        Document x = xml(api.get("/open311/v2/services/chieu-sang.xml"));
        assertThat(x.getDocumentElement().getNodeName()).isEqualTo("service_definition");
        assertThat(text(x, "/service_definition/service_code")).isEqualTo("chieu-sang");
        assertThat(count(x, "/service_definition/attributes/attribute")).isEqualTo(2);
        assertThat(text(x, "/service_definition/attributes/attribute[code='fault']/variable")).isEqualTo("true");
        assertThat(text(x, "/service_definition/attributes/attribute[code='fault']/required")).isEqualTo("false");
        assertThat(text(x, "/service_definition/attributes/attribute[code='fault']/order")).isEqualTo("2");
        assertThat(count(x, "/service_definition/attributes/attribute[code='fault']/datatype_description")).isEqualTo(1);
        assertThat(text(x, "/service_definition/attributes/attribute[code='fault']/values/value[key='wire']/name"))
                .isEqualTo("Dây điện hở, rơi xuống");
        assertThat(text(x, "/service_definition/attributes/attribute[code='pole-number']/datatype")).isEqualTo("string");

        JsonNode depth = json(api.get("/open311/v2/services/thoat-nuoc.json"), 200).get("attributes").get(0);
        assertThat(depth.get("code").asString()).isEqualTo("water-depth");
        assertThat(depth.get("datatype").asString()).isEqualTo("number");
        assertThat(json(api.get("/open311/v2/services/giao-thong.json"), 200).get("attributes").size()).isZero();
    }

    @Test
    void aCoordinatorsDefinitionIsServedInOrderWithInformationalAttributes() throws Exception {
        String code = categoryWithEveryDatatype();
        JsonNode attributes = json(api.get("/open311/v2/services/" + code + ".json"), 200).get("attributes");
        List<String> codes = new ArrayList<>();
        attributes.forEach(a -> codes.add(a.get("code").asString()));
        assertThat(codes).containsExactly("cover", "depth", "hazards", "seen-at", "landmark", "notes", "safety");
        assertThat(attributes.get(0).get("required").asBoolean()).isTrue();
        assertThat(attributes.get(2).get("datatype").asString()).isEqualTo("multivaluelist");
        assertThat(attributes.get(6).get("variable").asBoolean()).isFalse();
        assertThat(attributes.get(6).get("required").asBoolean()).isFalse();
        Document x = xml(api.get("/open311/v2/services/" + code + ".xml"));
        assertThat(count(x, "/service_definition/attributes/attribute[code='hazards']/values/value")).isEqualTo(3);
        assertThat(text(x, "/service_definition/attributes/attribute[7]/code")).isEqualTo("safety");
    }

    @Test
    void postedAttributesAreCheckedAndKeptWithTheReport() throws Exception {
        String service = categoryWithEveryDatatype();
        String key = key();
        List<String[]> good = with(with(with(with(with(with(request(key, service), "attribute[cover]", "missing"),
                "attribute[depth]", "1,5"), "attribute[hazards][]", "traffic"), "attribute[hazards][]", "school"),
                "attribute[seen-at]", "2026-11-20T19:30:00+07:00"), "attribute[landmark]", "Trước cổng trường <b>A</b>");
        JsonNode created = json(post("/open311/v2/requests.json", good), 201);
        String id = created.get(0).get("service_request_id").asString();
        JsonNode stored = ok(api.as("admin").get("/api/v1/feedback/reports/" + id)).get("attributes");
        Map<String, JsonNode> byCode = new HashMap<>();
        stored.forEach(a -> byCode.put(a.get("code").asString(), a));
        assertThat(byCode.get("cover").get("value").asString()).isEqualTo("missing");
        assertThat(byCode.get("cover").get("text").asString()).isEqualTo("Mất nắp");
        assertThat(byCode.get("depth").get("value").asDouble()).isEqualTo(1.5);
        assertThat(byCode.get("hazards").get("value").toString()).isEqualTo("[\"traffic\",\"school\"]");
        assertThat(byCode.get("hazards").get("text").asString()).isEqualTo("Giữa lòng đường, Gần trường học");
        assertThat(byCode.get("seen-at").get("text").asString()).isEqualTo("20/11/2026 19:30");
        assertThat(byCode.get("landmark").get("value").asString()).isEqualTo("Trước cổng trường <b>A</b>");
        // English readers read the English question and names.
        JsonNode en = ok(api.as("admin").header("Accept-Language", "en").get("/api/v1/feedback/reports/" + id));
        assertThat(en.get("attributes").get(0).get("question").asString()).isEqualTo("Question cover");
        assertThat(en.get("attributes").get(0).get("text").asString()).isEqualTo("Cover missing");
        // The public view shows the answers of a public category, never the contact.
        JsonNode pub = ok(api.get("/api/v1/feedback/public/" + id));
        assertThat(pub.get("attributes").size()).isEqualTo(5);
        assertThat(pub.toString()).doesNotContain("phuhuynh@example.vn");
        String page = api.get("/feedback/" + id).body();
        assertThat(page).contains("id=\"report-attributes\"", "Mất nắp", "Trước cổng trường &lt;b&gt;A&lt;/b&gt;");
        // Open311's own views of the request are unchanged.
        Document x = xml(api.get("/open311/v2/requests/" + id + ".xml"));
        assertThat(text(x, "/service_requests/request/service_code")).isEqualTo(service);

        // XML clients send the same; only the required ones are needed.
        List<String[]> minimal = with(with(request(key, service), "attribute[cover]", "broken"), "attribute[depth]", "20");
        Document made = xml(post("/open311/v2/requests.xml", minimal));
        assertThat(text(made, "/service_requests/request/service_request_id")).startsWith("PA-");
    }

    @Test
    void badAttributesGetTheOpen311ErrorAndNothingIsSaved() throws Exception {
        String service = categoryWithEveryDatatype();
        String key = key();
        List<String[]> base = request(key, service);
        long before = reports();
        Map<String, List<String[]>> cases = new LinkedHashMap<>();
        cases.put("attribute[cover]", with(base, "attribute[depth]", "12"));
        cases.put("attribute[depth]", with(with(base, "attribute[cover]", "missing"), "attribute[depth]", "sâu lắm"));
        List<String[]> ok = with(with(base, "attribute[cover]", "missing"), "attribute[depth]", "12");
        cases.put("attribute[cover]:", with(with(base, "attribute[cover]", "open"), "attribute[depth]", "12"));
        cases.put("attribute[hazards]", with(ok, "attribute[hazards][]", "flood"));
        cases.put("attribute[seen-at]", with(ok, "attribute[seen-at]", "hôm qua"));
        cases.put("attribute[landmark]", with(ok, "attribute[landmark]", "dòng 1\ndòng 2"));
        cases.put("attribute[color]", with(ok, "attribute[color]", "đỏ"));
        cases.put("attribute[safety]", with(ok, "attribute[safety]", "đã đọc"));
        List<String[]> twoCovers = with(with(base, "attribute[cover]", "missing"), "attribute[depth]", "12");
        cases.put("attribute[cover]: ", with(twoCovers, "attribute[cover]", "broken"));
        for (Map.Entry<String, List<String[]>> c : cases.entrySet()) {
            JsonNode error = json(post("/open311/v2/requests.json", c.getValue()), 400);
            assertThat(error.get(0).get("code").asInt()).as(c.getKey()).isEqualTo(400);
            assertThat(error.get(0).get("description").asString()).as(c.getKey()).startsWith(c.getKey().strip());
            Document x = xml(post("/open311/v2/requests.xml", c.getValue()));
            assertThat(text(x, "/errors/error/code")).as(c.getKey()).isEqualTo("400");
            assertThat(text(x, "/errors/error/description")).as(c.getKey()).startsWith(c.getKey().strip());
        }
        assertThat(json(post("/open311/v2/requests.json", cases.get("attribute[cover]")), 400).get(0)
                .get("description").asString()).isEqualTo("attribute[cover]: Please answer: Question cover");
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void theJsonApiTakesTheSameAnswersWithProblemDetails() {
        Map<String, Object> body = report("chieu-sang", "Đèn đường tắt", SAI_GON_LAT, SAI_GON_LON);
        body.put("attributes", Map.of("pole-number", "SG-0123", "fault", "off"));
        String code = created(api.post("/api/v1/feedback/reports", body)).get("code").asString();
        JsonNode report = ok(api.as("admin").get("/api/v1/feedback/reports/" + code));
        assertThat(report.get("attributes").get(1).get("text").asString()).isEqualTo("Đèn không sáng");

        long before = reports();
        body.put("attributes", Map.of("fault", "exploded"));
        Response bad = api.post("/api/v1/feedback/reports", body);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("attributes.fault");
        body.put("attributes", Map.of("water-depth", 30));
        assertThat(api.post("/api/v1/feedback/reports", body).json().get("errors").get(0).get("field").asString())
                .isEqualTo("attributes.water-depth");
        body.put("attributes", Map.of("fault", Map.of("nested", "object")));
        assertThat(api.post("/api/v1/feedback/reports", body).status()).isEqualTo(400);
        body.put("attributes", Map.of("fault", List.of("off", "day")));
        assertThat(api.post("/api/v1/feedback/reports", body).status()).isEqualTo(400);
        assertThat(reports()).isEqualTo(before);

        // A number as JSON number, the public categories list says which fields to ask.
        Map<String, Object> flood = report("thoat-nuoc", "Ngập sau mưa", SAI_GON_LAT, SAI_GON_LON);
        flood.put("attributes", Map.of("water-depth", 35));
        created(api.post("/api/v1/feedback/reports", flood));
        JsonNode categories = ok(api.get("/api/v1/feedback/categories"));
        categories.forEach(c -> {
            if ("cay-xanh".equals(c.get("code").asString())) {
                assertThat(c.get("attributes").get(0).get("code").asString()).isEqualTo("tree-state");
            }
        });
    }

    @Test
    void answersOfANonPublicCategoryStayWithTheOfficials() {
        String code = "kin-" + System.nanoTime() % 1_000_000;
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("nameVi", "Tụ tập gây rối");
        body.put("nameEn", "Disorderly gathering");
        body.put("deadlineDays", 1);
        body.put("isPublic", false);
        body.put("attributes", List.of(attribute("people", "number", true, 1, null)));
        assertThat(api.as("admin").post(SETTINGS, body).status()).isEqualTo(201);
        Map<String, Object> report = report(code, "Nhóm thanh niên tụ tập", SAI_GON_LAT, SAI_GON_LON);
        report.put("attributes", Map.of("people", "12"));
        String id = created(api.post("/api/v1/feedback/reports", report)).get("code").asString();
        assertThat(ok(api.get("/api/v1/feedback/public/" + id)).get("attributes").size()).isZero();
        assertThat(api.get("/feedback/" + id).body()).doesNotContain("report-attributes");
        assertThat(ok(api.as("admin").get("/api/v1/feedback/reports/" + id)).get("attributes").get(0).get("text")
                .asString()).isEqualTo("12");
    }

    @Test
    void coordinatorsEditDefinitionsValidatedVersionedAndAudited() {
        String code = categoryWithEveryDatatype();
        ApiClient admin = api.as("admin");
        JsonNode c = ok(admin.get(SETTINGS + "/" + code));
        assertThat(c.get("attributes").size()).isEqualTo(7);
        int version = c.get("version").asInt();
        Map<String, Object> body = new HashMap<>();
        body.put("nameVi", c.get("nameVi").asString());
        body.put("nameEn", c.get("nameEn").asString());
        body.put("deadlineDays", 3);
        body.put("version", version);

        Map<String, String> broken = new LinkedHashMap<>();
        List<List<Map<String, Object>>> bad = new ArrayList<>();
        bad.add(List.of(attribute("có dấu", "string", false, 1, null)));
        broken.put("0", "attributes[0].code");
        bad.add(List.of(attribute("a", "string", false, 1, null), attribute("A", "string", false, 2, null)));
        broken.put("1", "attributes[1].code");
        bad.add(List.of(attribute("a", "picture", false, 1, null)));
        broken.put("2", "attributes[0].datatype");
        bad.add(List.of(attribute("a", "string", false, 1, null), attribute("b", "string", false, 1, null)));
        broken.put("3", "attributes[1].order");
        bad.add(List.of(attribute("a", "singlevaluelist", false, 1, null)));
        broken.put("4", "attributes[0].values");
        bad.add(List.of(attribute("a", "string", false, 1, List.of(value("x", "X", "X")))));
        broken.put("5", "attributes[0].values");
        bad.add(List.of(attribute("a", "singlevaluelist", false, 1, List.of(value("x", "X", "X"), value("x", "Y", "Y")))));
        broken.put("6", "attributes[0].values");
        Map<String, Object> noQuestion = attribute("a", "string", false, 1, null);
        noQuestion.put("descriptionEn", " ");
        bad.add(List.of(noQuestion));
        broken.put("7", "attributes[0].descriptionEn");
        Map<String, Object> requiredInfo = attribute("a", "string", true, 1, null);
        requiredInfo.put("variable", false);
        bad.add(List.of(requiredInfo));
        broken.put("8", "attributes[0].required");
        for (int i = 0; i < bad.size(); i++) {
            body.put("attributes", bad.get(i));
            Response r = admin.put(SETTINGS + "/" + code, body);
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.json().get("errors").get(0).get("field").asString()).as("case " + i)
                    .isEqualTo(broken.get(String.valueOf(i)));
        }
        // Nothing was changed by the refused edits.
        assertThat(ok(admin.get(SETTINGS + "/" + code)).get("version").asInt()).isEqualTo(version);

        body.put("attributes", List.of(attribute("depth", "number", false, 1, null)));
        JsonNode saved = ok(admin.put(SETTINGS + "/" + code, body));
        assertThat(saved.get("version").asInt()).isEqualTo(version + 1);
        assertThat(saved.get("attributes").size()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE object_type = 'feedback-category' AND object_id = ?"
                + " AND action = 'changed' AND changes LIKE '%attributes%'").param(code).query(Long.class).single())
                .isEqualTo(1);
        // A stale version is refused; agency coordinators cannot edit categories.
        assertThat(admin.put(SETTINGS + "/" + code, body).status()).isEqualTo(409);
        body.put("version", version + 1);
        assertThat(api.as("quantri.saigon").put(SETTINGS + "/" + code, body).status()).isEqualTo(403);
        assertThat(json(api.get("/open311/v2/services/" + code + ".json"), 200).get("attributes").size()).isEqualTo(1);
    }
}
