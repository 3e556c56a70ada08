package vn.citygov.dossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.citygov.dossiers.DossiersIntegrationTests.act;
import static vn.citygov.dossiers.DossiersIntegrationTests.ok;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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

/** The applicant's satisfaction rating: only them, only once, only after the result is returned. */
@IntegrationTest
class DossierRatingIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    JsonNode returned() {
        ApiClient desk = api.as("canbo");
        Response r = OnlineFiling.post(api.as("congdan"), OnlineFiling.birth("26740"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode d = r.json();
        for (String action : new String[] {"accept", "start", "approve", "issue_result", "return_result"}) {
            d = ok(act(desk, d, action, Map.of()));
        }
        assertThat(d.get("state").asString()).isEqualTo("returned");
        return d;
    }

    static Response rate(ApiClient as, JsonNode d, Object score, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("score", score);
        if (comment != null) {
            body.put("comment", comment);
        }
        return as.post("/api/v1/dossiers/" + d.get("id").asLong() + "/rating", body);
    }

    @Test
    void theApplicantRatesOnceAfterTheResultIsReturned() {
        JsonNode d = returned();
        ApiClient citizen = api.as("congdan");
        JsonNode before = citizen.get("/api/v1/dossiers/" + d.get("id").asLong()).json();
        assertThat(before.get("rateable").asBoolean()).isTrue();
        assertThat(before.get("rating").isNull()).isTrue();

        JsonNode rated = ok(rate(citizen, d, 4, "Cán bộ hướng dẫn tận tình"));
        assertThat(rated.get("rating").get("score").asInt()).isEqualTo(4);
        assertThat(rated.get("rating").get("comment").asString()).isEqualTo("Cán bộ hướng dẫn tận tình");
        assertThat(rated.get("rateable").asBoolean()).isFalse();
        assertThat(api.as("canbo").get("/api/v1/dossiers/" + d.get("id").asLong()).json().get("rating").get("score")
                .asInt()).as("officials see the rating").isEqualTo(4);

        Response again = rate(citizen, d, 5, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(again.json().get("code").asString()).isEqualTo("already-rated");
        assertThat(citizen.get("/api/v1/dossiers/" + d.get("id").asLong()).json().get("rating").get("score").asInt())
                .isEqualTo(4);

        String audit = api.as("admin").get("/api/v1/audit?objectType=dossier&objectId=" + d.get("id").asLong()).body();
        assertThat(audit).contains("rate").doesNotContain("Cán bộ hướng dẫn tận tình");
    }

    @Test
    void onlyTheApplicantMayRate() {
        JsonNode d = returned();
        Response other = rate(api.as("doanhnghiep"), d, 5, null);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.isProblem()).isTrue();
        assertThat(rate(api.as("canbo"), d, 5, null).status()).as("officials read it but do not rate it").isEqualTo(403);
        assertThat(rate(api, d, 5, null).status()).isEqualTo(401);
        assertThat(api.as("congdan").post("/api/v1/dossiers/999999999/rating", Map.of("score", 5)).status())
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM dossiers_rating WHERE dossier_id = :id")
                .param("id", d.get("id").asLong()).query(Long.class).single()).isZero();
    }

    @Test
    void ratingBeforeTheResultIsReturnedIsAConflict() {
        ApiClient citizen = api.as("congdan");
        JsonNode d = OnlineFiling.post(citizen, OnlineFiling.birth("26740")).json();
        Response early = rate(citizen, d, 5, null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.isProblem()).isTrue();
        assertThat(early.json().get("code").asString()).isEqualTo("not-returned");
        assertThat(early.json().get("detail").asString()).contains("Đã nộp");
        assertThat(citizen.get("/api/v1/dossiers/" + d.get("id").asLong()).json().get("rateable").asBoolean()).isFalse();

        JsonNode withdrawn = ok(act(citizen, d, "withdraw", Map.of()));
        assertThat(rate(citizen, withdrawn, 5, null).status()).isEqualTo(409);
    }

    @Test
    void aScoreOutOfRangeOrATooLongCommentIsAFieldError() {
        JsonNode d = returned();
        ApiClient citizen = api.as("congdan");
        for (Object score : new Object[] {0, 6, -1}) {
            Response bad = rate(citizen, d, score, null);
            assertThat(bad.status()).as("score " + score).isEqualTo(400);
            assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("score");
        }
        Response missing = rate(citizen, d, null, "Tốt");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("score");
        Response longComment = rate(citizen, d, 5, "a".repeat(1001));
        assertThat(longComment.status()).isEqualTo(400);
        assertThat(longComment.json().get("errors").get(0).get("field").asString()).isEqualTo("comment");
        assertThat(citizen.get("/api/v1/dossiers/" + d.get("id").asLong()).json().get("rating").isNull())
                .as("nothing saved").isTrue();
        assertThat(ok(rate(citizen, d, 5, "a".repeat(1000))).get("rating").get("score").asInt()).isEqualTo(5);
    }

    @Test
    void theDossierPageOffersTheFormAndShowsTheRating() throws Exception {
        JsonNode d = returned();
        String path = "/dossiers/" + d.get("id").asLong();
        Page page = new Page(port).login("congdan");
        String html = page.get(path).body();
        assertThat(html).contains("id=\"rating-form\"", "Đánh giá mức độ hài lòng");
        assertThat(new Page(port).login("canbo").get(path).body()).doesNotContain("id=\"rating-form\"");

        HttpResponse<String> noScore = page.post(path + "/rating", Map.of("_csrf", csrf(html)));
        assertThat(noScore.statusCode()).isEqualTo(302);
        assertThat(page.get(path).body()).contains("id=\"action-error\"", "id=\"rating-form\"");

        html = page.get(path).body();
        HttpResponse<String> sent = page.post(path + "/rating", Map.of("_csrf", csrf(html), "score", "5",
                "comment", "Nhanh, đúng hẹn"));
        assertThat(sent.statusCode()).isEqualTo(302);
        String after = page.get(path).body();
        assertThat(after).contains("id=\"rating-thanks\"", "5 — Rất hài lòng", "Nhanh, đúng hẹn")
                .doesNotContain("id=\"rating-form\"");
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("CSRF token in form").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /** A cookie-keeping client that does not follow redirects, signed in through the login form. */
    static final class Page {

        private final int port;
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Page(int port) {
            this.port = port;
        }

        Page login(String username) throws IOException, InterruptedException {
            HttpResponse<String> response = post("/login", Map.of("_csrf", csrf(get("/login").body()),
                    "username", username, "password", "citygov-demo"));
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
            return this;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** A multipart form as a browser sends it: text fields, then files (name → {file name, bytes}). */
        HttpResponse<String> multipart(String path, Map<String, String> form, Map<String, Map.Entry<String, byte[]>> files)
                throws IOException, InterruptedException {
            String boundary = "----citygov-form-" + java.util.UUID.randomUUID();
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            form.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                    + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
            files.forEach((k, f) -> {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"; filename=\""
                        + f.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.writeBytes(f.getValue());
                body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            });
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
