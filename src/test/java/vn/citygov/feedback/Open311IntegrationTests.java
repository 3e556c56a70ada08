package vn.citygov.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;

/**
 * Conformance with Open311 GeoReport v2: every resource in JSON and XML, its parameters, its error format,
 * and api_key from the identity module on POST.
 */
@IntegrationTest
class Open311IntegrationTests {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    String newKey() {
        return newKey("open311.submit");
    }

    String newKey(String scope) {
        Response r = api.as("admin").post("/api/v1/api-keys", Map.of("name", "Ứng dụng Open311 thử nghiệm",
                "scopes", List.of(scope)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("secret").asString();
    }

    Response postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return api.raw("POST", path, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
    }

    static Document xml(Response r) throws Exception {
        assertThat(r.contentType()).startsWith("text/xml");
        assertThat(r.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
    }

    static String text(Document d, String xpath) throws Exception {
        return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.STRING);
    }

    static int count(Document d, String xpath) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.NODESET)).getLength();
    }

    static JsonNode json(Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        return r.json();
    }

    Map<String, String> request(String key) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", key);
        form.put("service_code", "chieu-sang");
        form.put("lat", "10.7809");
        form.put("long", "106.7042");
        form.put("address_string", "Đường Lê Lợi, Phường Sài Gòn");
        form.put("description", "Cột đèn số 12 không sáng từ ba đêm nay");
        form.put("email", "nguoidan@example.vn");
        form.put("first_name", "Lan");
        form.put("media_url", "https://example.vn/anh/den.jpg");
        return form;
    }

    @Test
    void discoveryInJsonAndXml() throws Exception {
        JsonNode d = json(api.get("/open311/v2/discovery.json"), 200);
        assertThat(d.get("endpoints").get(0).get("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(d.get("endpoints").get(0).get("formats").toString()).contains("text/xml", "application/json");
        assertThat(d.has("changeset")).isTrue();
        Document x = xml(api.get("/open311/v2/discovery.xml"));
        assertThat(text(x, "/discovery/endpoints/endpoint/specification")).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(count(x, "/discovery/endpoints/endpoint/formats/format")).isEqualTo(2);
    }

    @Test
    void servicesAndServiceDefinitionsInJsonAndXml() throws Exception {
        JsonNode services = json(api.get("/open311/v2/services.json"), 200);
        assertThat(services.size()).isGreaterThanOrEqualTo(15);
        JsonNode first = services.get(0);
        for (String field : List.of("service_code", "service_name", "description", "metadata", "type", "keywords", "group")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.get("type").asString()).isEqualTo("realtime");
        Document x = xml(api.get("/open311/v2/services.xml?jurisdiction_id=hochiminhcity.gov.vn"));
        assertThat(count(x, "/services/service")).isEqualTo(services.size());
        assertThat(text(x, "/services/service[service_code='chieu-sang']/service_name")).isEqualTo("Chiếu sáng công cộng");

        JsonNode def = json(api.get("/open311/v2/services/chieu-sang.json"), 200);
        assertThat(def.get("service_code").asString()).isEqualTo("chieu-sang");
        assertThat(def.get("attributes").isArray()).isTrue();
        Document defXml = xml(api.get("/open311/v2/services/chieu-sang.xml"));
        assertThat(text(defXml, "/service_definition/service_code")).isEqualTo("chieu-sang");

        Response unknown = api.get("/open311/v2/services/khong-co.json");
        assertThat(json(unknown, 404).get(0).get("code").asInt()).isEqualTo(404);
        Document unknownXml = xml(api.get("/open311/v2/services/khong-co.xml"));
        assertThat(text(unknownXml, "/errors/error/code")).isEqualTo("404");
        assertThat(text(unknownXml, "/errors/error/description")).isNotBlank();
    }

    @Test
    void postARequestInJsonThenFindItByIdTokenAndQuery() throws Exception {
        String key = newKey();
        JsonNode created = json(postForm("/open311/v2/requests.json", request(key)), 201);
        String id = created.get(0).get("service_request_id").asString();
        String token = created.get(0).get("token").asString();
        assertThat(id).startsWith("PA-");
        assertThat(created.get(0).has("service_notice")).isTrue();
        assertThat(created.get(0).has("account_id")).isTrue();

        JsonNode one = json(api.get("/open311/v2/requests/" + id + ".json"), 200);
        assertThat(one.isArray()).isTrue();
        JsonNode r = one.get(0);
        assertThat(r.get("service_request_id").asString()).isEqualTo(id);
        assertThat(r.get("status").asString()).isEqualTo("open");
        assertThat(r.get("service_code").asString()).isEqualTo("chieu-sang");
        assertThat(r.get("lat").asDouble()).isEqualTo(10.7809);
        assertThat(r.get("long").asDouble()).isEqualTo(106.7042);
        assertThat(r.get("media_url").asString()).isEqualTo("https://example.vn/anh/den.jpg");
        assertThat(r.get("agency_responsible").asString()).contains("Sài Gòn");
        assertThat(r.get("requested_datetime").asString()).endsWith("+07:00");
        assertThat(r.get("expected_datetime").asString()).endsWith("+07:00");
        // Personal data never leaves through the public resources.
        assertThat(one.toString()).doesNotContain("nguoidan@example.vn").doesNotContain("Lan");

        JsonNode byToken = json(api.get("/open311/v2/tokens/" + token + ".json"), 200);
        assertThat(byToken.get(0).get("service_request_id").asString()).isEqualTo(id);
        Document tokenXml = xml(api.get("/open311/v2/tokens/" + token + ".xml"));
        assertThat(text(tokenXml, "/service_requests/request/service_request_id")).isEqualTo(id);
        assertThat(json(api.get("/open311/v2/tokens/not-a-token.json"), 404).get(0).get("code").asInt()).isEqualTo(404);

        JsonNode list = json(api.get("/open311/v2/requests.json?service_code=chieu-sang&status=open"), 200);
        assertThat(list.toString()).contains(id);
        JsonNode closed = json(api.get("/open311/v2/requests.json?service_code=chieu-sang&status=closed"), 200);
        assertThat(closed.toString()).doesNotContain(id);
        JsonNode byIds = json(api.get("/open311/v2/requests.json?service_request_id=" + id + ",PA-2000-AAAAAA"), 200);
        assertThat(byIds.size()).isEqualTo(1);
        JsonNode future = json(api.get("/open311/v2/requests.json?start_date=2099-01-01T00:00:00Z"), 200);
        assertThat(future.size()).isZero();
        JsonNode window = json(api.get("/open311/v2/requests.json?start_date=2020-01-01T00:00:00%2B07:00&end_date=2099-01-01T00:00:00Z"), 200);
        assertThat(window.toString()).contains(id);
        assertThat(json(api.get("/open311/v2/requests.json?start_date=yesterday"), 400).get(0).get("code").asInt())
                .isEqualTo(400);
        assertThat(json(api.get("/open311/v2/requests.json?status=pending"), 400).get(0).get("description").asString())
                .contains("status");
        assertThat(json(api.get("/open311/v2/requests/PA-2000-AAAAAA.json"), 404).get(0).get("code").asInt())
                .isEqualTo(404);
    }

    @Test
    void postARequestInXmlAndReadItInXml() throws Exception {
        String key = newKey();
        Map<String, String> form = request(key);
        form.remove("lat");
        form.remove("long");
        form.put("description", "Hố ga mất nắp <b>nguy hiểm</b> & trơn trượt");
        form.put("service_code", "thoat-nuoc");
        Response created = postForm("/open311/v2/requests.xml", form);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Document x = xml(created);
        String id = text(x, "/service_requests/request/service_request_id");
        assertThat(id).startsWith("PA-");
        assertThat(text(x, "/service_requests/request/token")).isNotBlank();

        Document one = xml(api.get("/open311/v2/requests/" + id + ".xml"));
        assertThat(text(one, "/service_requests/request/service_code")).isEqualTo("thoat-nuoc");
        // The address names Phường Sài Gòn: the unit's label point stands for the place.
        assertThat(text(one, "/service_requests/request/lat")).startsWith("10.78");
        assertThat(text(one, "/service_requests/request/description")).isEqualTo("Hố ga mất nắp <b>nguy hiểm</b> & trơn trượt");
        assertThat(one.getDocumentElement().getNodeName()).isEqualTo("service_requests");
        Document list = xml(api.get("/open311/v2/requests.xml?service_request_id=" + id));
        assertThat(count(list, "/service_requests/request")).isEqualTo(1);
        Document none = xml(api.get("/open311/v2/requests/PA-2000-AAAAAA.xml"));
        assertThat(text(none, "/errors/error/code")).isEqualTo("404");
    }

    @Test
    void errorsComeInTheOpen311FormatAndNothingIsSaved() throws Exception {
        String key = newKey();
        Map<String, String> noKey = request(key);
        noKey.remove("api_key");
        JsonNode missing = json(postForm("/open311/v2/requests.json", noKey), 400);
        assertThat(missing.get(0).get("code").asInt()).isEqualTo(400);
        assertThat(missing.get(0).get("description").asString()).contains("api_key");

        Map<String, String> badKey = request("cgk_not-a-real-key");
        assertThat(json(postForm("/open311/v2/requests.json", badKey), 403).get(0).get("code").asInt()).isEqualTo(403);
        Document badKeyXml = xml(postForm("/open311/v2/requests.xml", badKey));
        assertThat(text(badKeyXml, "/errors/error/code")).isEqualTo("403");

        // A revoked key is refused like an unknown one.
        Response keys = api.as("admin").get("/api/v1/api-keys");
        long id = -1;
        for (JsonNode k : keys.json()) {
            if (key.startsWith(k.get("prefix").asString())) {
                id = k.get("id").asLong();
            }
        }
        assertThat(api.as("admin").delete("/api/v1/api-keys/" + id).status()).isEqualTo(204);
        assertThat(json(postForm("/open311/v2/requests.json", request(key)), 403).get(0).get("code").asInt())
                .isEqualTo(403);

        // A live key made for another purpose lacks the open311.submit scope: refused, in both formats.
        String other = newKey("audit.read");
        JsonNode noScope = json(postForm("/open311/v2/requests.json", request(other)), 403);
        assertThat(noScope.get(0).get("description").asString()).contains("open311.submit");
        assertThat(text(xml(postForm("/open311/v2/requests.xml", request(other))), "/errors/error/code"))
                .isEqualTo("403");

        String live = newKey();
        Map<String, String> unknownService = request(live);
        unknownService.put("service_code", "khong-co");
        assertThat(json(postForm("/open311/v2/requests.json", unknownService), 404).get(0).get("code").asInt())
                .isEqualTo(404);
        Map<String, String> outside = request(live);
        outside.put("lat", "21.0285");
        outside.put("long", "105.8542");
        JsonNode outsideError = json(postForm("/open311/v2/requests.json", outside), 400);
        assertThat(outsideError.get(0).get("description").asString()).startsWith("lat:");
        Map<String, String> nowhere = request(live);
        nowhere.remove("lat");
        nowhere.remove("long");
        nowhere.put("address_string", "Somewhere else");
        assertThat(json(postForm("/open311/v2/requests.json", nowhere), 400).get(0).get("code").asInt()).isEqualTo(400);
        Map<String, String> empty = request(live);
        empty.put("description", " ");
        Document emptyXml = xml(postForm("/open311/v2/requests.xml", empty));
        assertThat(text(emptyXml, "/errors/error/code")).isEqualTo("400");
        Map<String, String> notNumber = request(live);
        notNumber.put("lat", "abc");
        assertThat(json(postForm("/open311/v2/requests.json", notNumber), 400).get(0).get("code").asInt()).isEqualTo(400);
    }
}
