package vn.citygov.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;
import vn.citygov.support.PageSession;

/** Junk sent to the newer feedback addresses is refused in the caller's format, never answered with a 500. */
@IntegrationTest
class FeedbackBadInputIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void theApiAnswersProblems() {
        ApiClient admin = new ApiClient(port).as("admin");
        for (String path : List.of("/api/v1/feedback/reports/PA-2026-AAAAAA/photos/not-a-uuid",
                "/api/v1/feedback/dashboard/reports?page=abc", "/api/v1/feedback/dashboard/reports?month=%00",
                "/api/v1/feedback/dashboard/reports?category=%3Cscript%3E", "/api/v1/feedback/dashboard?from=2026-02&to=2026-01")) {
            Response r = admin.get(path);
            assertThat(r.status()).as(path + " " + r.body()).isBetween(400, 404);
            assertThat(r.isProblem()).as(path).isTrue();
        }
    }

    @Test
    void thePagesAnswerTheirErrorPage() throws Exception {
        PageSession admin = new PageSession(port).login("admin");
        for (String path : List.of("/feedback/work/PA-2026-AAAAAA/photos/not-a-uuid",
                "/feedback/work/PA-2026-AAAAAA/photos/00000000-0000-0000-0000-000000000000",
                "/feedback/monitoring/reports?month=yesterday", "/feedback/monitoring/reports?page=-5&holder=%27",
                "/feedback/monitoring?agency=%00")) {
            int status = admin.get(path).statusCode();
            assertThat(status).as(path).isBetween(400, 404);
        }
    }

    @Test
    void open311AnswersItsErrors() {
        ApiClient api = new ApiClient(port);
        String key = api.as("admin").post("/api/v1/api-keys", Map.of("name", "Ứng dụng thử dữ liệu xấu",
                "scopes", List.of("open311.submit"))).json().get("secret").asString();
        for (String[] point : new String[][] {{"NaN", "106.7"}, {"1e400", "106.7"}, {"10.78", "-Infinity"},
                {"10,78", "106,70"}}) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("api_key", key);
            form.put("service_code", "khac");
            form.put("lat", point[0]);
            form.put("long", point[1]);
            form.put("description", "Tọa độ lạ");
            String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                    StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            Response r = api.raw("POST", "/open311/v2/requests.json", "application/x-www-form-urlencoded",
                    body.getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).as(point[0] + "," + point[1] + " " + r.body()).isEqualTo(400);
            assertThat(r.json().get(0).get("code").asInt()).isEqualTo(400);
        }
        Response nul = api.get("/open311/v2/requests.json?service_request_id=%00&service_code=%00");
        assertThat(nul.status()).isEqualTo(200);
        assertThat(nul.json().isArray()).isTrue();
    }
}
