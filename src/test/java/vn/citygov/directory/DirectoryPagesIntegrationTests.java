package vn.citygov.directory;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.citygov.support.IntegrationTest;

/** The directory pages as a browser uses them: session login, CSRF-protected forms, error summary, conflicts. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryPagesIntegrationTests {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static final String PASSWORD = "citygov-demo";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    private static final Pattern VERSION = Pattern.compile("name=\"version\"\\s+value=\"(\\d+)\"");

    @LocalServerPort
    int port;

    @Test
    void searchWorksWithoutJavaScriptInBothLanguages() throws Exception {
        Browser browser = new Browser();
        String vi = browser.get("/directory?q=phuong+sai+gon&tab=units").body();
        assertThat(vi).contains("Phường Sài Gòn").contains("Tìm thấy").doesNotContain("??");
        // The language choice is kept in a cookie, so English gets a browser of its own.
        String en = new Browser().get("/directory?q=so+y+te&lang=en").body();
        assertThat(en).contains("Department of Health").contains("1 result found.").doesNotContain("??");
        String points = browser.get("/directory?tab=points&q=mot+cua+sai+gon").body();
        assertThat(points).contains("Bộ phận Một cửa Phường Sài Gòn");
        assertThat(browser.get("/directory/handling-points/mot-cua-26740").statusCode()).isEqualTo(200);
        assertThat(browser.get("/directory/units/26740").body()).contains("Ủy ban nhân dân Phường Sài Gòn");
    }

    @Test
    void editFormsNeedALogin() throws Exception {
        HttpResponse<String> page = new Browser().get("/directory/agencies/ubnd-26740/edit");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void theWardAdministratorEditsTheirAgencyThroughTheForm() throws Exception {
        Browser browser = new Browser().login("quantri.saigon");
        assertThat(browser.get("/directory/agencies/ubnd-26740").body()).contains("/directory/agencies/ubnd-26740/edit");

        String form = browser.get("/directory/agencies/ubnd-26740/edit").body();
        assertThat(form).contains("name=\"_csrf\"").contains("<label");
        String version = find(VERSION, form);

        // Invalid input: the error summary lists the problem and links to the field.
        HttpResponse<String> invalid = browser.post("/directory/agencies/ubnd-26740/edit", fields(form, version,
                "Ủy ban nhân dân Phường Sài Gòn", "not-an-email"));
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("error-summary").contains("href=\"#email\"").contains("is-invalid");

        HttpResponse<String> saved = browser.post("/directory/agencies/ubnd-26740/edit", fields(form, version,
                "Ủy ban nhân dân Phường Sài Gòn", "ubnd.saigon@tphcm.gov.vn"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(browser.get("/directory/agencies/ubnd-26740").body()).contains("ubnd.saigon@tphcm.gov.vn");

        // The same form sent again with the old version: a clear conflict message, nothing overwritten.
        HttpResponse<String> stale = browser.post("/directory/agencies/ubnd-26740/edit", fields(form, version,
                "Ủy ban nhân dân Phường Sài Gòn", "other@tphcm.gov.vn"));
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("stale-warning");
        assertThat(browser.get("/directory/agencies/ubnd-26740").body()).doesNotContain("other@tphcm.gov.vn");
    }

    @Test
    void anotherWardsEditFormIsForbidden() throws Exception {
        Browser browser = new Browser().login("quantri.saigon");
        assertThat(browser.get("/directory/agencies/ubnd-26743/edit").statusCode()).isEqualTo(403);
        assertThat(browser.get("/directory/agencies/ubnd-26743").body()).doesNotContain("/directory/agencies/ubnd-26743/edit");
        assertThat(browser.get("/directory/handling-points/mot-cua-26743/edit").statusCode()).isEqualTo(403);
    }

    @Test
    void theWardAdministratorAddsAHandlingPoint() throws Exception {
        Browser browser = new Browser().login("quantri.saigon");
        String form = browser.get("/directory/agencies/ubnd-26740/handling-points/new").body();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf(form));
        fields.put("agencyCode", "ubnd-26740");
        fields.put("code", "sai-gon-tiep-dan");
        fields.put("name", "Tổ Tiếp công dân Phường Sài Gòn");
        fields.put("workKinds", "complaint");
        HttpResponse<String> created = browser.post("/directory/agencies/ubnd-26740/handling-points/new", fields);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(browser.get("/directory/handling-points/sai-gon-tiep-dan").body()).contains("Tổ Tiếp công dân Phường Sài Gòn");

        fields.put("_csrf", csrf(browser.get("/directory/agencies/ubnd-26740/handling-points/new").body()));
        HttpResponse<String> duplicate = browser.post("/directory/agencies/ubnd-26740/handling-points/new", fields);
        assertThat(duplicate.statusCode()).isEqualTo(200);
        assertThat(duplicate.body()).contains("error-summary").contains("href=\"#code\"");
    }

    @Test
    void aPausedHandlingPointIsHiddenFromThePublicButNotFromOfficials() throws Exception {
        Browser admin = new Browser().login("quantri.saigon");
        String token = admin.token("quantri.saigon");
        assertThat(admin.postJson("/api/v1/handling-points", "{\"code\":\"sai-gon-tam-dung\",\"agencyCode\":\"ubnd-26740\","
                + "\"name\":\"Điểm tạm dừng Phường Sài Gòn\",\"workKinds\":[\"feedback\"]}", token).statusCode()).isEqualTo(201);

        String form = admin.get("/directory/handling-points/sai-gon-tam-dung/edit").body();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf(form));
        fields.put("version", find(VERSION, form));
        fields.put("name", "Điểm tạm dừng Phường Sài Gòn");
        fields.put("workKinds", "feedback");
        fields.put("active", "false");
        assertThat(admin.post("/directory/handling-points/sai-gon-tam-dung/edit", fields).statusCode()).isEqualTo(302);
        // Feedback's copy of the directory takes the pause in its stride: its listener completes rather than
        // failing on a point it may no longer read.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(jdbc.sql("""
                        SELECT count(*) FROM event_publication
                         WHERE listener_id LIKE '%HandlingPointProjection%' AND event_type LIKE '%HandlingPointUpdated'
                           AND serialized_event LIKE '%sai-gon-tam-dung%' AND completion_date IS NOT NULL
                        """).query(Long.class).single()).isEqualTo(1));

        // Sent again with the old version: the conflict message, not a silent overwrite.
        fields.put("active", "true");
        HttpResponse<String> stale = admin.post("/directory/handling-points/sai-gon-tam-dung/edit", fields);
        assertThat(stale.body()).contains("stale-warning");

        assertThat(new Browser().get("/directory/handling-points/sai-gon-tam-dung").statusCode()).isEqualTo(404);
        assertThat(new Browser().get("/directory?tab=points&q=diem+tam+dung").body()).doesNotContain("sai-gon-tam-dung");
        assertThat(admin.get("/directory?tab=points&q=diem+tam+dung").body()).contains("sai-gon-tam-dung");
        assertThat(admin.get("/directory/handling-points/sai-gon-tam-dung").body()).contains("Điểm tạm dừng Phường Sài Gòn");
    }

    @Test
    void aCityAdministratorMergesAnAgencyThroughTheForm() throws Exception {
        Browser admin = new Browser().login("admin");
        String token = admin.token("admin");
        assertThat(admin.postJson("/api/v1/agencies", "{\"code\":\"ban-sap-nhap\",\"name\":\"Ban Sắp nhập\","
                + "\"kind\":\"other\",\"parentCode\":\"ubnd-tphcm\"}", token).statusCode()).isEqualTo(201);
        assertThat(admin.get("/directory/agencies/ban-sap-nhap").body()).contains("/directory/agencies/ban-sap-nhap/merge");

        String form = admin.get("/directory/agencies/ban-sap-nhap/merge").body();
        HttpResponse<String> missing = admin.post("/directory/agencies/ban-sap-nhap/merge", Map.of("_csrf", csrf(form)));
        assertThat(missing.statusCode()).isEqualTo(200);
        assertThat(missing.body()).contains("error-summary").contains("href=\"#into\"");

        HttpResponse<String> merged = admin.post("/directory/agencies/ban-sap-nhap/merge",
                Map.of("_csrf", csrf(form), "into", "van-phong-ubnd"));
        assertThat(merged.statusCode()).isEqualTo(302);
        String page = admin.get("/directory/agencies/ban-sap-nhap").body();
        assertThat(page).contains("/directory/agencies/van-phong-ubnd").doesNotContain("/directory/agencies/ban-sap-nhap/merge");

        // A ward administrator may edit their ward but never restructure the city.
        Browser ward = new Browser().login("quantri.saigon");
        assertThat(ward.get("/directory/agencies/ubnd-26740/merge").statusCode()).isEqualTo(403);
    }

    @Test
    void sessionCookieDoesNotAuthenticateTheApiAndFormsNeedTheCsrfToken() throws Exception {
        Browser browser = new Browser().login("admin");
        // The API is stateless: a logged-in browser session is no credential there, so no CSRF risk.
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
        String form = browser.get("/directory/agencies/ubnd-26740/edit").body();
        Map<String, String> noToken = new LinkedHashMap<>(fields(form, find(VERSION, form), "Tên mới", "a@b.vn"));
        noToken.remove("_csrf");
        assertThat(browser.post("/directory/agencies/ubnd-26740/edit", noToken).statusCode()).isEqualTo(403);
    }

    private static Map<String, String> fields(String form, String version, String name, String email) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf(form));
        fields.put("version", version);
        fields.put("name", name);
        fields.put("nameEn", "Sai Gon Ward People's Committee");
        fields.put("kind", "ward_committee");
        fields.put("parentCode", "ubnd-tphcm");
        fields.put("adminUnitCode", "26740");
        fields.put("email", email);
        return fields;
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("CSRF token in form").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private static String find(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** A cookie-keeping client that does not follow redirects, like a careful browser. */
    private final class Browser {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Browser login(String username) throws IOException, InterruptedException {
            String page = get("/login").body();
            HttpResponse<String> response = post("/login", Map.of("_csrf", csrf(page), "username", username,
                    "password", PASSWORD));
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
            return this;
        }

        String token(String username) throws IOException, InterruptedException {
            HttpResponse<String> response = postJson("/api/v1/auth/token",
                    "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}", null);
            Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            assertThat(m.find()).as(response.body()).isTrue();
            return m.group(1);
        }

        HttpResponse<String> postJson(String path, String json, String token) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
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
