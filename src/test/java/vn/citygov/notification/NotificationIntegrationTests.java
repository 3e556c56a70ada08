package vn.citygov.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;
import vn.citygov.support.OnlineFiling;

/** In-app notifications over HTTP: a dossier decision reaches its online applicant, and only them. */
@IntegrationTest
class NotificationIntegrationTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(IntegrationTest.SMTP_PORT, "127.0.0.1", "smtp"))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    /** Submits online as congdan and accepts at the desk; returns the dossier code. */
    String acceptedDossierCode() {
        Response submitted = OnlineFiling.post(api.as("congdan"), OnlineFiling.birth("26740"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        JsonNode d = submitted.json();
        Response accepted = api.as("canbo").post("/api/v1/dossiers/" + d.get("id").asLong() + "/actions",
                Map.of("action", "accept", "version", d.get("version").asInt(), "comment", "Đủ thành phần"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        return accepted.json().get("code").asString();
    }

    /** The listener runs after commit, possibly on another thread: wait a little for its message. */
    Optional<JsonNode> messageAbout(ApiClient as, String code) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            // Every page: the demo dossiers already gave the demo citizen many messages.
            for (int page = 0; page < 10; page++) {
                Response r = as.get("/api/v1/notifications?size=100&page=" + page);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                for (JsonNode item : r.json().get("items")) {
                    if (item.get("title").asString().contains(code)) {
                        return Optional.of(item);
                    }
                }
                if (r.json().get("items").size() < 100) {
                    break;
                }
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    /**
     * The outbox sends after commit, on its own thread, and may first deliver mail other tests left pending: wait
     * for the one about this dossier rather than for any.
     */
    Optional<MimeMessage> mailAbout(String code) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Optional<MimeMessage> mail = Arrays.stream(smtp.getReceivedMessages())
                    .filter(m -> subject(m).contains(code)).findFirst();
            if (mail.isPresent()) {
                return mail;
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    @Test
    void anAcceptedOnlineApplicantGetsAnInAppMessageAndAnEmailWithTheCode() throws Exception {
        String code = acceptedDossierCode();
        ApiClient citizen = api.as("congdan");

        JsonNode message = messageAbout(citizen, code).orElseThrow();
        assertThat(message.get("title").asString()).isEqualTo("Hồ sơ " + code + " đã được tiếp nhận");
        assertThat(message.get("body").asString()).contains(code).containsPattern("\\d{2}/\\d{2}/\\d{4}");
        assertThat(message.get("link").asString()).startsWith("/dossiers/");
        assertThat(message.get("readAt").isNull()).isTrue();

        MimeMessage mail = mailAbout(code).orElseThrow();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("congdan@demo.citygov.vn");
        assertThat(String.valueOf(mail.getContent())).contains(code, "/dossiers/");

        long id = message.get("id").asLong();
        assertThat(citizen.post("/api/v1/notifications/" + id + "/read", Map.of()).status()).isEqualTo(204);
        assertThat(messageAbout(citizen, code).orElseThrow().get("readAt").isNull()).isFalse();
    }

    @Test
    void aSupplementRequestListsTheItemsAndARefusalGivesTheReason() throws Exception {
        ApiClient citizen = api.as("congdan");
        JsonNode d = OnlineFiling.post(citizen, OnlineFiling.birth("26740")).json();
        Response asked = api.as("canbo").post("/api/v1/dossiers/" + d.get("id").asLong() + "/actions",
                Map.of("action", "request_supplement", "version", d.get("version").asInt(),
                        "items", List.of("Giấy chứng sinh", "Giấy đăng ký kết hôn của cha mẹ")));
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        // Not accepted yet, so no code: the message names the procedure.
        String link = "/dossiers/" + d.get("id").asLong();
        JsonNode supplement = latestWithLink(citizen, link, "cần bổ sung");
        assertThat(supplement.get("title").asString()).isEqualTo("Hồ sơ Đăng ký khai sinh cần bổ sung");
        assertThat(supplement.get("body").asString()).contains("- Giấy chứng sinh", "- Giấy đăng ký kết hôn của cha mẹ");

        JsonNode other = OnlineFiling.post(citizen, OnlineFiling.birth("26740")).json();
        Response refused = api.as("canbo").post("/api/v1/dossiers/" + other.get("id").asLong() + "/actions",
                Map.of("action", "refuse", "version", other.get("version").asInt(), "comment", "Không thuộc thẩm quyền"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        JsonNode refusal = latestWithLink(citizen, "/dossiers/" + other.get("id").asLong(), "bị từ chối");
        assertThat(refusal.get("body").asString()).contains("Lý do: Không thuộc thẩm quyền");
    }

    @Test
    void aCounterApplicantWithoutAnAccountGetsNoMessage() {
        ApiClient desk = api.as("canbo");
        Map<String, Object> body = OnlineFiling.birth("26740");
        body.put("channel", "counter");
        body.put("applicantName", "Phạm Văn Em");
        JsonNode d = OnlineFiling.post(desk, body).json();
        Response accepted = desk.post("/api/v1/dossiers/" + d.get("id").asLong() + "/actions",
                Map.of("action", "accept", "version", d.get("version").asInt()));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM notification_message WHERE link = :link")
                .param("link", "/dossiers/" + d.get("id").asLong()).query(Long.class).single()).isZero();
    }

    JsonNode latestWithLink(ApiClient as, String link, String titlePart) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            for (JsonNode item : as.get("/api/v1/notifications?size=100").json().get("items")) {
                if (link.equals(item.get("link").asString()) && item.get("title").asString().contains(titlePart)) {
                    return item;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no message '" + titlePart + "' for " + link);
    }

    @Test
    void onlyTheRecipientMayReadAMessage() throws Exception {
        String code = acceptedDossierCode();
        long id = messageAbout(api.as("congdan"), code).orElseThrow().get("id").asLong();

        Response other = api.as("doanhnghiep").post("/api/v1/notifications/" + id + "/read", Map.of());
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.isProblem()).isTrue();
        assertThat(api.as("doanhnghiep").get("/api/v1/notifications?size=100").body()).doesNotContain(code);
        assertThat(messageAbout(api.as("congdan"), code).orElseThrow().get("readAt").isNull()).isTrue();
    }

    @Test
    void unreadMessagesComeFirstAndPagesHoldTheirSize() throws Exception {
        ApiClient citizen = api.as("congdan");
        String older = acceptedDossierCode();
        String newer = acceptedDossierCode();
        long newerId = messageAbout(citizen, newer).orElseThrow().get("id").asLong();
        messageAbout(citizen, older).orElseThrow();
        assertThat(citizen.post("/api/v1/notifications/" + newerId + "/read", Map.of()).status()).isEqualTo(204);

        boolean seenRead = false;
        for (JsonNode item : citizen.get("/api/v1/notifications?size=100").json().get("items")) {
            boolean read = !item.get("readAt").isNull();
            assertThat(!read && seenRead).as("an unread message after a read one").isFalse();
            seenRead |= read;
        }
        JsonNode page = citizen.get("/api/v1/notifications?size=1&page=1").json();
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("page").asInt()).isEqualTo(1);
    }

    @Test
    void readAllLeavesNothingUnread() throws Exception {
        String code = acceptedDossierCode();
        ApiClient citizen = api.as("congdan");
        messageAbout(citizen, code).orElseThrow();
        assertThat(citizen.post("/api/v1/notifications/read-all", Map.of()).status()).isEqualTo(204);
        for (JsonNode item : citizen.get("/api/v1/notifications?size=100").json().get("items")) {
            assertThat(item.get("readAt").isNull()).isFalse();
        }
    }

    @Test
    void anonymousCallersAreUnauthorized() {
        Response r = api.get("/api/v1/notifications");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.isProblem()).isTrue();
        assertThat(api.post("/api/v1/notifications/read-all", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void theHeaderShowsTheUnreadCountUntilTheMessagesAreRead() throws Exception {
        String code = acceptedDossierCode();
        messageAbout(api.as("congdan"), code).orElseThrow();
        Session citizen = new Session().login("congdan");

        String home = citizen.get("/").body();
        assertThat(home).contains("id=\"unread-badge\"", "href=\"/notifications\"");
        String page = citizen.get("/notifications").body();
        assertThat(page).contains("Hồ sơ " + code + " đã được tiếp nhận", "id=\"read-all\"");

        HttpResponse<String> readAll = citizen.post("/notifications/read-all", Map.of("_csrf", csrf(page)));
        assertThat(readAll.statusCode()).isEqualTo(302);
        assertThat(citizen.get("/").body()).doesNotContain("unread-badge").contains("href=\"/notifications\"");
        assertThat(new Session().get("/").body()).doesNotContain("href=\"/notifications\"");
        assertThat(new Session().get("/notifications").statusCode()).isIn(302, 401);
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF field").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /** A browser-like client with a session cookie, for the pages. */
    private final class Session {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Session login(String username) throws IOException, InterruptedException {
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

    @Autowired
    MailService mail;

    @Test
    void aMailTheServerRefusesStaysInTheOutboxIsRetriedAndFailsOnlyAfterTheLastAttempt() throws Exception {
        smtp.stop();
        String to = "outbox-" + System.nanoTime() + "@demo.citygov.vn";
        mail.send(new Mail(to, "CityGov: thử lại", "Nội dung"));
        Map<String, Object> first = eventually(to, row -> ((Number) row.get("attempts")).intValue() == 1
                && row.get("last_error") != null);
        assertThat(first.get("status")).as("kept for a later attempt").isEqualTo("pending");
        assertThat(((java.sql.Timestamp) first.get("next_attempt_at")).toInstant())
                .as("not tried again at once").isAfter(java.time.Instant.now());

        // the retry delay has passed and the server is back: the next round sends it
        smtp.start();
        jdbc.sql("UPDATE notification_mail SET next_attempt_at = now() WHERE recipient = :to").param("to", to).update();
        mail.send(new Mail("wake-" + to, "CityGov: đánh thức", "x"));
        assertThat(eventually(to, row -> "sent".equals(row.get("status"))).get("sent_at")).isNotNull();
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(NotificationIntegrationTests::subject))
                .contains("CityGov: thử lại");

        // a message still refused at its last attempt is marked failed and left alone
        smtp.stop();
        String other = "failing-" + to;
        mail.send(new Mail(other, "CityGov: lỗi", "x"));
        // leased for its first attempt and that attempt's failure recorded (the lease alone counts the attempt)
        eventually(other, row -> ((Number) row.get("attempts")).intValue() == 1 && row.get("last_error") != null);
        jdbc.sql("UPDATE notification_mail SET attempts = 5, next_attempt_at = now() WHERE recipient = :to")
                .param("to", other).update();
        mail.send(new Mail("wake-" + other, "CityGov: đánh thức", "x"));
        Map<String, Object> failed = eventually(other, row -> "failed".equals(row.get("status")));
        assertThat(failed.get("attempts")).isEqualTo(6);
        assertThat(failed.get("next_attempt_at")).isNull();
    }

    private Map<String, Object> eventually(String recipient, java.util.function.Predicate<Map<String, Object>> done)
            throws InterruptedException {
        Map<String, Object> row = Map.of();
        for (int i = 0; i < 300; i++) {
            row = jdbc.sql("SELECT status, attempts, next_attempt_at, sent_at, last_error FROM notification_mail "
                    + "WHERE recipient = :to").param("to", recipient).query().singleRow();
            if (done.test(row)) {
                return row;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within 30 s: " + row);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException ex) {
            return "";
        }
    }
}
