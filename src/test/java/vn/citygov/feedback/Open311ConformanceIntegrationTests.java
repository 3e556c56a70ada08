package vn.citygov.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.citygov.feedback.Open311IntegrationTests.count;
import static vn.citygov.feedback.Open311IntegrationTests.text;
import static vn.citygov.feedback.Open311IntegrationTests.xml;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;

/**
 * GeoReport v2 conformance, every endpoint in both formats: the same answer in JSON and XML, every GET requests
 * filter (service_request_id list, service_code list, start_date, end_date, status), and every error exactly as
 * the specification writes it — a list of {code, description} and nothing else, code equal to the HTTP status.
 */
@IntegrationTest
class Open311ConformanceIntegrationTests {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    /** The answer's requests, each as a map of its fields, whatever the format. */
    static List<Map<String, String>> requests(Response r, String format) throws Exception {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<Map<String, String>> out = new ArrayList<>();
        if (format.equals("json")) {
            assertThat(r.contentType()).startsWith("application/json");
            for (JsonNode n : r.json()) {
                Map<String, String> m = new LinkedHashMap<>();
                for (Iterator<String> it = n.propertyNames().iterator(); it.hasNext(); ) {
                    String k = it.next();
                    m.put(k, n.get(k).isNull() ? null : n.get(k).asString());
                }
                out.add(m);
            }
        } else {
            Document d = xml(r);
            assertThat(d.getDocumentElement().getNodeName()).isEqualTo("service_requests");
            for (Node n = d.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
                assertThat(n.getNodeName()).isEqualTo("request");
                Map<String, String> m = new LinkedHashMap<>();
                for (Node f = n.getFirstChild(); f != null; f = f.getNextSibling()) {
                    m.put(f.getNodeName(), f.getTextContent().isEmpty() ? null : f.getTextContent());
                }
                out.add(m);
            }
        }
        return out;
    }

    /** An error exactly as GeoReport v2 writes it, with the status as its code; its description. */
    static String error(Response r, String format, int status) throws Exception {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        if (format.equals("json")) {
            assertThat(r.contentType()).startsWith("application/json");
            JsonNode errors = r.json();
            assertThat(errors.isArray()).isTrue();
            assertThat(errors.size()).isEqualTo(1);
            List<String> fields = new ArrayList<>();
            errors.get(0).propertyNames().forEach(fields::add);
            assertThat(fields).containsExactly("code", "description");
            assertThat(errors.get(0).get("code").isInt()).isTrue();
            assertThat(errors.get(0).get("code").asInt()).isEqualTo(status);
            return errors.get(0).get("description").asString();
        }
        Document d = xml(r);
        Element root = d.getDocumentElement();
        assertThat(root.getNodeName()).isEqualTo("errors");
        assertThat(count(d, "/errors/*")).isEqualTo(1);
        assertThat(count(d, "/errors/error/*")).isEqualTo(2);
        assertThat(((Element) root.getFirstChild()).getFirstChild().getNodeName()).isEqualTo("code");
        assertThat(text(d, "/errors/error/code")).isEqualTo(String.valueOf(status));
        return text(d, "/errors/error/description");
    }

    String newKey() {
        return api.as("admin").post("/api/v1/api-keys", Map.of("name", "Kiểm thử Open311", "scopes",
                List.of("open311.submit"))).json().get("secret").asString();
    }

    Response post(String format, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return api.raw("POST", "/open311/v2/requests." + format, "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** Files a request and returns its id and token. */
    String[] file(String format, String key, String service, String description) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", key);
        form.put("service_code", service);
        form.put("lat", "10.7809");
        form.put("long", "106.7042");
        form.put("description", description);
        Response r = post(format, form);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        if (format.equals("json")) {
            return new String[] {r.json().get(0).get("service_request_id").asString(), r.json().get(0).get("token").asString()};
        }
        Document d = xml(r);
        return new String[] {text(d, "/service_requests/request/service_request_id"),
                text(d, "/service_requests/request/token")};
    }

    static List<String> ids(List<Map<String, String>> requests) {
        return requests.stream().map(m -> m.get("service_request_id")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    void everyReadingEndpointAnswersInTheFormatAsked(String format) throws Exception {
        Response discovery = api.get("/open311/v2/discovery." + format);
        assertThat(discovery.status()).isEqualTo(200);
        assertThat(discovery.body()).contains("http://wiki.open311.org/GeoReport_v2", "/open311/v2");
        Response services = api.get("/open311/v2/services." + format);
        assertThat(services.status()).isEqualTo(200);
        assertThat(services.body()).contains("chieu-sang", "realtime");
        Response definition = api.get("/open311/v2/services/chieu-sang." + format);
        assertThat(definition.status()).isEqualTo(200);
        assertThat(definition.body()).contains("service_code", "attributes", "pole-number");
        if (format.equals("xml")) {
            assertThat(xml(services).getDocumentElement().getNodeName()).isEqualTo("services");
            assertThat(xml(definition).getDocumentElement().getNodeName()).isEqualTo("service_definition");
            assertThat(xml(discovery).getDocumentElement().getNodeName()).isEqualTo("discovery");
        } else {
            assertThat(services.json().isArray()).isTrue();
            assertThat(definition.json().get("attributes").isArray()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    void theRequestsListHonoursEveryFilter(String format) throws Exception {
        String key = newKey();
        String[] light = file(format, key, "chieu-sang", "Đèn đường nhấp nháy cả đêm");
        String[] drain = file(format, key, "thoat-nuoc", "Cống bốc mùi hôi");
        String[] tree = file(format, key, "cay-xanh", "Cây đổ chắn đường");
        // The tree is answered: closed in Open311's terms.
        ApiClient official = api.as("canbo");
        JsonNode current = official.get("/api/v1/feedback/reports/" + tree[0]).json();
        assertThat(official.post("/api/v1/feedback/reports/" + tree[0] + "/actions", Map.of("action", "answer",
                "version", current.get("version").asInt(), "text", "Đã dọn cây.")).status()).isEqualTo(200);
        String base = "/open311/v2/requests." + format;

        // service_request_id: a comma-separated list; unknown ids are left out; other filters are ignored.
        List<Map<String, String>> byIds = requests(api.get(base + "?service_request_id=" + light[0] + "," + tree[0]
                + ",PA-2000-AAAAAA&service_code=khong-co&status=open"), format);
        assertThat(ids(byIds)).containsExactlyInAnyOrder(light[0], tree[0]);
        Map<String, String> one = byIds.stream().filter(m -> m.get("service_request_id").equals(light[0])).findFirst()
                .orElseThrow();
        for (String field : List.of("service_request_id", "status", "status_notes", "service_name", "service_code",
                "description", "agency_responsible", "service_notice", "requested_datetime", "updated_datetime",
                "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url")) {
            assertThat(one).as(field).containsKey(field);
        }
        assertThat(one.get("status")).isEqualTo("open");
        assertThat(one.get("requested_datetime")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?\\+07:00");

        // service_code: one or several.
        List<String> lights = ids(requests(api.get(base + "?service_code=chieu-sang"), format));
        assertThat(lights).contains(light[0]).doesNotContain(drain[0], tree[0]);
        List<String> two = ids(requests(api.get(base + "?service_code=chieu-sang,thoat-nuoc"), format));
        assertThat(two).contains(light[0], drain[0]).doesNotContain(tree[0]);

        // status: open, closed, or both.
        List<String> open = ids(requests(api.get(base + "?status=open"), format));
        assertThat(open).contains(light[0], drain[0]).doesNotContain(tree[0]);
        List<String> closed = ids(requests(api.get(base + "?status=closed"), format));
        assertThat(closed).contains(tree[0]).doesNotContain(light[0]);
        assertThat(ids(requests(api.get(base + "?status=open,closed"), format))).contains(light[0], tree[0]);
        Map<String, String> treeNow = requests(api.get("/open311/v2/requests/" + tree[0] + "." + format), format).get(0);
        assertThat(treeNow.get("status")).isEqualTo("closed");
        assertThat(treeNow.get("status_notes")).isEqualTo("Đã dọn cây.");

        // start_date and end_date: W3C date-times with a zone, either alone or together.
        String past = "2020-01-01T00:00:00%2B07:00";
        String future = "2099-01-01T00:00:00Z";
        assertThat(ids(requests(api.get(base + "?start_date=" + past), format))).contains(light[0]);
        assertThat(ids(requests(api.get(base + "?start_date=" + future), format))).isEmpty();
        assertThat(ids(requests(api.get(base + "?end_date=" + past), format))).isEmpty();
        assertThat(ids(requests(api.get(base + "?end_date=" + future), format))).contains(light[0]);
        assertThat(ids(requests(api.get(base + "?start_date=" + past + "&end_date=" + future
                + "&service_code=thoat-nuoc&status=open"), format))).contains(drain[0]).doesNotContain(light[0]);

        // The token leads to its request; the request to itself.
        Map<String, String> byToken = requests(api.get("/open311/v2/tokens/" + light[1] + "." + format), format).get(0);
        assertThat(byToken.get("service_request_id")).isEqualTo(light[0]);
        assertThat(ids(requests(api.get("/open311/v2/requests/" + drain[0] + "." + format), format)))
                .containsExactly(drain[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    void everyErrorIsAListOfCodeAndDescription(String format) throws Exception {
        String f = "." + format;
        assertThat(error(api.get("/open311/v2/services/khong-co" + f), format, 404)).contains("service_code");
        assertThat(error(api.get("/open311/v2/requests/PA-2000-AAAAAA" + f), format, 404)).contains("service_request_id");
        assertThat(error(api.get("/open311/v2/tokens/00000000-0000-0000-0000-000000000000" + f), format, 404))
                .contains("token");
        assertThat(error(api.get("/open311/v2/tokens/not-a-token" + f), format, 404)).contains("token");
        assertThat(error(api.get("/open311/v2/requests" + f + "?start_date=yesterday"), format, 400))
                .contains("start_date");
        assertThat(error(api.get("/open311/v2/requests" + f + "?end_date=2026-13-01"), format, 400))
                .contains("end_date");
        assertThat(error(api.get("/open311/v2/requests" + f + "?status=pending"), format, 400)).contains("status");
        assertThat(error(api.get("/open311/v2/nothing-here" + f), format, 404)).contains("discovery");
        assertThat(error(api.raw("DELETE", "/open311/v2/requests" + f, null, null), format, 405)).contains("DELETE");
        assertThat(error(api.raw("POST", "/open311/v2/services" + f, "application/x-www-form-urlencoded",
                new byte[0]), format, 405)).contains("POST");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("service_code", "chieu-sang");
        form.put("lat", "10.7809");
        form.put("long", "106.7042");
        form.put("description", "Đèn hỏng");
        assertThat(error(post(format, form), format, 400)).contains("api_key");
        form.put("api_key", "cgk_not-a-key");
        assertThat(error(post(format, form), format, 403)).contains("api_key");
        form.put("api_key", newKey());
        form.put("service_code", "khong-co");
        assertThat(error(post(format, form), format, 404)).contains("service_code");
        form.put("service_code", "chieu-sang");
        form.put("description", "x".repeat(5001));
        assertThat(error(post(format, form), format, 400)).startsWith("description:");
        form.put("description", "Đèn hỏng");
        form.put("email", "không-phải-email");
        assertThat(error(post(format, form), format, 400)).startsWith("email:");
        form.remove("email");
        form.put("attribute[fault]", "burning");
        assertThat(error(post(format, form), format, 400)).startsWith("attribute[fault]:");
        form.remove("attribute[fault]");
        form.remove("lat");
        assertThat(error(post(format, form), format, 400)).contains("lat");
        // An unknown format is not Open311's: it answers 404 in JSON, the specification's default.
        assertThat(error(api.get("/open311/v2/services.csv"), "json", 404)).isNotBlank();
    }
}
