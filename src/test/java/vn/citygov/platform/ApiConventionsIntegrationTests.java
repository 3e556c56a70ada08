package vn.citygov.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;

/** Every error of the API is problem+json with the right status and a detail in the caller's language. */
@IntegrationTest
class ApiConventionsIntegrationTests {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void unknownPathIs404ProblemEvenWithoutLogin() {
        Response r = api.get("/api/v1/does-not-exist");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("status").asInt()).isEqualTo(404);
        assertThat(r.json().get("detail").asString()).isEqualTo("Không tìm thấy tài nguyên được yêu cầu.");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at vn.citygov");
    }

    @Test
    void detailFollowsAcceptLanguage() {
        Response r = api.header("Accept-Language", "en-GB,en;q=0.9").get("/api/v1/does-not-exist");
        assertThat(r.json().get("detail").asString()).isEqualTo("The requested resource was not found.");
        assertThat(r.json().get("title").asString()).isEqualTo("Not found");
    }

    @Test
    void malformedJsonIs400() {
        Response r = api.raw("POST", "/api/v1/auth/token", "application/json",
                "{\"username\": \"admin\",".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("code").asString()).isEqualTo("malformed-body");
    }

    @Test
    void missingFieldsAre400WithFieldErrors() {
        Response r = api.post("/api/v1/auth/token", Map.of("username", "admin"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(r.json().get("errors").get(0).get("message").asString()).isEqualTo("Trường này là bắt buộc.");
    }

    @Test
    void wrongMethodIs405() {
        Response r = api.raw("DELETE", "/api/v1/auth/token", null, null);
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.header("Allow")).contains("POST");
    }

    @Test
    void unsupportedMediaTypeIs415() {
        Response r = api.raw("POST", "/api/v1/auth/token", "text/plain", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.isProblem()).isTrue();
    }

    @Test
    void tooLargeBodyIs413() {
        byte[] big = ("{\"username\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        Response r = api.raw("POST", "/api/v1/auth/token", "application/json", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.isProblem()).isTrue();
    }

    @Test
    void protectedEndpointWithoutTokenIs401() {
        Response r = api.get("/api/v1/me");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void badTokenIs401() {
        Response r = api.bearer("not-a-real-token").get("/api/v1/me");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.isProblem()).isTrue();
    }

    @Test
    void permissionMissingIs403() {
        Response r = api.as("congdan").get("/api/v1/audit/verify");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.isProblem()).isTrue();
    }

    @Test
    void invalidQueryParameterIs400() {
        Response r = api.as("admin").get("/api/v1/users?page=abc");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("page");
    }

    @Test
    void listsArePagedAndSizeIsCapped() {
        Response r = api.as("admin").get("/api/v1/users?page=0&size=5000");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("size").asInt()).isEqualTo(100);
        assertThat(r.json().get("page").asInt()).isZero();
        assertThat(r.json().get("total").asLong()).isGreaterThan(100);
        assertThat(r.json().get("items").size()).isEqualTo(100);
    }

    @Test
    void negativePageIs400() {
        Response r = api.as("admin").get("/api/v1/users?page=-1");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
    }

    @Test
    void everyResponseCarriesARequestId() {
        Response r = api.header("X-Request-Id", "test-request-0001").get("/api/v1/does-not-exist");
        assertThat(r.header("X-Request-Id")).isEqualTo("test-request-0001");
        assertThat(r.json().get("requestId").asString()).isEqualTo("test-request-0001");
    }

    @Test
    void openApiDocumentListsTheApi() {
        Response r = api.get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("paths").has("/api/v1/auth/token")).isTrue();
        assertThat(r.json().get("paths").has("/api/v1/audit/verify")).isTrue();
    }

    @Test
    void everyOperationDocumentsItsErrorsAsProblems() {
        var paths = api.get("/v3/api-docs").json().get("paths");
        int operations = 0;
        for (var path : paths.properties()) {
            for (var operation : path.getValue().properties()) {
                var responses = operation.getValue().get("responses");
                for (String status : java.util.List.of("400", "401", "403", "404", "500")) {
                    assertThat(responses.has(status)).as(operation.getKey() + " " + path.getKey() + " " + status).isTrue();
                }
                operations++;
            }
        }
        assertThat(operations).isGreaterThan(20);
    }

    @Test
    void healthAndMetricsAreExposed() {
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
        Response metrics = api.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests");
    }
}
