package vn.citygov.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.citygov.feedback.FeedbackIntegrationTests.created;
import static vn.citygov.feedback.FeedbackIntegrationTests.ok;
import static vn.citygov.feedback.FeedbackIntegrationTests.report;
import static vn.citygov.feedback.FeedbackNotificationsIntegrationTests.BEN_THANH_LAT;
import static vn.citygov.feedback.FeedbackNotificationsIntegrationTests.BEN_THANH_LON;
import static vn.citygov.feedback.FeedbackNotificationsIntegrationTests.eventually;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.IntegrationTest;

/**
 * The escalation ladder on the working-day calendar, at fixed times: due soon → the handling point's officials,
 * overdue → the agency's coordinators, still overdue two working days later → the city's coordinators; each
 * step once, whatever the number of job runs or instances.
 */
@IntegrationTest
class FeedbackEscalationIntegrationTests {

    private static final ZoneId CITY = ZoneId.of("Asia/Ho_Chi_Minh");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FeedbackService feedback;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    /** A time in the city: Friday 2 October 2026 is a working day, the 3rd and 4th are a weekend. */
    private static Instant at(int day, int hour) {
        return LocalDateTime.of(2026, 10, day, hour, 0).atZone(CITY).toInstant();
    }

    @Test
    void eachLevelOfTheLadderTellsItsPeopleOnce() throws Exception {
        String code = created(api.post("/api/v1/feedback/reports",
                report("chieu-sang", "Cả dãy đèn hẻm tắt nhiều ngày", BEN_THANH_LAT, BEN_THANH_LON))).get("code").asString();
        jdbc.sql("UPDATE feedback_report SET due_at = ? WHERE code = ?").param(at(2, 10).atOffset(ZoneOffset.UTC))
                .param(code).update();
        long coordinator = userId("quantri.benthanh");
        long city = userId("admin");

        // Level 1, four working hours before: the ward's officials who handle reports (the ward's administrator
        // among them), not the city.
        feedback.remindDueSoon(at(2, 8));
        feedback.remindDueSoon(at(2, 9));
        assertThat(eventually(() -> messages(coordinator, code, "sắp đến hạn"), n -> n >= 1)).isEqualTo(1L);
        assertThat(history(code, "due-soon")).isEqualTo(1);

        // Level 2, past the deadline: the agency's coordinators.
        repeat(() -> feedback.markOverdue(at(2, 11)));
        assertThat(eventually(() -> messages(coordinator, code, "quá hạn xử lý"), n -> n >= 1)).isEqualTo(1L);
        assertThat(history(code, "overdue")).isEqualTo(1);

        // Level 3 waits two working days: not on Monday (three calendar days later, one working day), not on
        // Tuesday before the end of the second working day.
        repeat(() -> feedback.escalateToCity(at(5, 10)));
        repeat(() -> feedback.escalateToCity(at(6, 16)));
        assertThat(history(code, "escalate")).isZero();
        assertThat(escalations(code)).isZero();

        // On Wednesday: the city's coordinators, once, even with two instances running the job at the same time.
        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> repeat(() -> feedback.escalateToCity(at(7, 9))));
        CompletableFuture<Void> two = CompletableFuture.runAsync(() -> repeat(() -> feedback.escalateToCity(at(7, 9))));
        CompletableFuture.allOf(one, two).join();
        repeat(() -> feedback.escalateToCity(at(8, 9)));
        assertThat(escalations(code)).isEqualTo(1);
        assertThat(history(code, "escalate")).isEqualTo(1);
        assertThat(eventually(() -> messages(city, code, "cấp thành phố"), n -> n >= 1)).isEqualTo(1L);
        assertThat(jdbc.sql("SELECT link FROM notification_message WHERE recipient_id = ? AND title LIKE ?")
                .param(city).param("%" + code + "%").query(String.class).single()).isEqualTo("/feedback/work/" + code);
        assertThat(eventually(() -> jdbc.sql("SELECT count(*) FROM audit_entry WHERE object_id = ? AND action = 'escalated'")
                .param(code).query(Long.class).single(), n -> n >= 1)).isEqualTo(1L);
        // The agency's coordinator heard of levels 1 and 2 only; the city of level 3 only.
        assertThat(messages(coordinator, code, "")).isEqualTo(2L);
        assertThat(messages(city, code, "")).isEqualTo(1L);

        // Officials see the steps on the timeline; the dashboard's overdue list shows the level reached.
        JsonNode full = ok(api.as("admin").get("/api/v1/feedback/reports/" + code));
        assertThat(full.get("history").toString()).contains("due-soon", "overdue", "escalate");
        JsonNode dashboard = ok(api.as("quantri.benthanh").get("/api/v1/feedback/dashboard?agency=ubnd-26743"));
        JsonNode item = null;
        for (JsonNode o : dashboard.get("overdue")) {
            if (o.get("code").asString().equals(code)) {
                item = o;
            }
        }
        assertThat(item).as("report %s in the overdue list", code).isNotNull();
        assertThat(item.get("escalationLevel").asInt()).isEqualTo(3);
        PageSession pages = new PageSession().login("quantri.benthanh");
        assertThat(pages.get("/feedback/work/" + code)).contains("Cấp 1: cán bộ của đầu mối xử lý",
                "Cấp 2: đầu mối điều phối của cơ quan", "Cấp 3: đầu mối điều phối của thành phố");
        assertThat(pages.get("/feedback/monitoring?agency=ubnd-26743")).contains(code,
                "Cấp 3: đầu mối điều phối của thành phố");
        // The month filter: a mistyped month shows the reason beside the form, and every month's figures.
        assertThat(pages.get("/feedback/monitoring?agency=ubnd-26743&from=2026-13")).contains("id=\"filter-error\"",
                "Tháng không hợp lệ", code);

        // Answered: off the ladder; nothing climbs any more.
        JsonNode current = ok(api.as("quantri.benthanh").get("/api/v1/feedback/reports/" + code));
        ok(api.as("quantri.benthanh").post("/api/v1/feedback/reports/" + code + "/actions", java.util.Map.of(
                "action", "answer", "version", current.get("version").asInt(), "text", "Đã thay bóng đèn.")));
        repeat(() -> feedback.escalateToCity(at(9, 9)));
        assertThat(escalations(code)).isEqualTo(1);
    }

    /** The pages as a signed-in official sees them (session cookie, the login form's CSRF field). */
    private final class PageSession {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        PageSession login(String username) throws Exception {
            Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(get("/login"));
            assertThat(csrf.find()).isTrue();
            String form = "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&username=" + username
                    + "&password=citygov-demo";
            client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            return this;
        }

        String get(String path) throws Exception {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html").header("Accept-Language", "vi").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return r.body();
        }
    }

    /** A job step until it has nothing left (each run handles at most a batch). */
    private static void repeat(IntSupplier step) {
        for (int i = 0; i < 100 && step.getAsInt() > 0; i++) {
            // next batch
        }
    }

    private long userId(String username) {
        return jdbc.sql("SELECT id FROM identity_user WHERE username = ?").param(username).query(Long.class).single();
    }

    private long messages(long user, String code, String titlePart) {
        return jdbc.sql("SELECT count(*) FROM notification_message WHERE recipient_id = ? AND title LIKE ? AND title LIKE ?")
                .param(user).param("%" + code + "%").param("%" + titlePart + "%").query(Long.class).single();
    }

    private int history(String code, String action) {
        return jdbc.sql("""
                SELECT count(*) FROM feedback_history h JOIN feedback_report r ON r.id = h.report_id
                 WHERE r.code = ? AND h.action = ?
                """).param(code).param(action).query(Integer.class).single();
    }

    private int escalations(String code) {
        return jdbc.sql("""
                SELECT count(*) FROM feedback_escalation e JOIN feedback_report r ON r.id = e.report_id WHERE r.code = ?
                """).param(code).query(Integer.class).single();
    }
}
