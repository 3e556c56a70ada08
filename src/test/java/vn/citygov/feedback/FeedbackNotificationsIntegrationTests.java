package vn.citygov.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.citygov.feedback.FeedbackIntegrationTests.act;
import static vn.citygov.feedback.FeedbackIntegrationTests.created;
import static vn.citygov.feedback.FeedbackIntegrationTests.ok;
import static vn.citygov.feedback.FeedbackIntegrationTests.report;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;

/**
 * Reporters are told each step (in the app and by e-mail), followers by e-mail, and the agency is reminded
 * before the deadline and escalated to after it. Idempotent creation.
 */
@IntegrationTest
class FeedbackNotificationsIntegrationTests {

    /** Inside Phường Bến Thành (26743), whose People's Committee is ubnd-26743. */
    static final double BEN_THANH_LAT = 10.7707;
    static final double BEN_THANH_LON = 106.6945;
    static final String AGENCY_MAIL = "phananh.benthanh@demo.citygov.vn";

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
        ApiClient admin = api.as("admin");
        JsonNode agency = ok(admin.get("/api/v1/agencies/ubnd-26743"));
        if (!AGENCY_MAIL.equals(agency.path("email").asString(""))) {
            Map<String, Object> changes = new LinkedHashMap<>();
            for (String field : new String[] {"name", "nameEn", "kind", "parentCode", "adminUnitCode", "address", "phone",
                    "website"}) {
                changes.put(field, agency.get(field).isNull() ? null : agency.get(field).asString());
            }
            changes.put("email", AGENCY_MAIL);
            changes.put("version", agency.get("version").asInt());
            Response r = admin.put("/api/v1/agencies/ubnd-26743", changes);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
    }

    static <T> T eventually(Supplier<T> check, java.util.function.Predicate<T> done) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        T value = check.get();
        while (!done.test(value) && Instant.now().isBefore(until)) {
            Thread.sleep(200);
            value = check.get();
        }
        return value;
    }

    long mails(String recipient, String subjectPart) {
        return jdbc.sql("SELECT count(*) FROM notification_mail WHERE recipient = ? AND subject LIKE ?")
                .param(recipient).param("%" + subjectPart + "%").query(Long.class).single();
    }

    @Test
    void theReporterAndFollowersHearOfEachPublicStep() throws Exception {
        String code = created(api.as("congdan").post("/api/v1/feedback/reports",
                report("giao-thong", "Nắp cống bị vỡ trên vỉa hè", BEN_THANH_LAT, BEN_THANH_LON))).get("code").asString();
        long reporter = jdbc.sql("SELECT id FROM identity_user WHERE username = 'congdan'").query(Long.class).single();
        assertThat(eventually(() -> jdbc.sql("SELECT count(*) FROM notification_message WHERE recipient_id = ? AND title LIKE ?")
                .param(reporter).param("%" + code + "%").query(Long.class).single(), n -> n >= 1)).isEqualTo(1L);

        assertThat(api.post("/api/v1/feedback/reports/" + code + "/followers", Map.of("email", "Hang.Xom@Example.vn"))
                .status()).isEqualTo(204);
        ApiClient official = api.as("quantri.benthanh");
        ok(act(official, code, "start", Map.of()));
        ok(act(official, code, "answer", Map.of("text", "Đã thay nắp cống mới.")));

        assertThat(eventually(() -> jdbc.sql("SELECT count(*) FROM notification_message WHERE recipient_id = ? AND title LIKE ?")
                .param(reporter).param("%" + code + "%").query(Long.class).single(), n -> n >= 3)).isEqualTo(3L);
        assertThat(eventually(() -> mails("hang.xom@example.vn", code), n -> n >= 2)).isEqualTo(2L);
        assertThat(eventually(() -> mails("congdan@demo.citygov.vn", code + " đã có trả lời"), n -> n >= 1)).isEqualTo(1L);
    }

    @Test
    void everyoneFollowingAMergedDuplicateHearsOfTheMergeAndThenOfTheKeptReport() throws Exception {
        String kept = created(api.post("/api/v1/feedback/reports", report("trat-tu-do-thi",
                "Quán cà phê lấn chiếm vỉa hè", BEN_THANH_LAT, BEN_THANH_LON))).get("code").asString();
        // A duplicate by a citizen with an account, followed by a neighbour...
        String byAccount = created(api.as("congdan").post("/api/v1/feedback/reports", report("trat-tu-do-thi",
                "Vỉa hè bị quán cà phê chiếm hết", BEN_THANH_LAT, BEN_THANH_LON))).get("code").asString();
        assertThat(api.post("/api/v1/feedback/reports/" + byAccount + "/followers",
                Map.of("email", "ban.gan.nha@example.vn")).status()).isEqualTo(204);
        // ...and one by an anonymous reporter who left an address.
        Map<String, Object> anonymous = report("trat-tu-do-thi", "Không còn lối đi bộ", BEN_THANH_LAT, BEN_THANH_LON);
        anonymous.put("contactEmail", "nguoi.qua.duong@example.vn");
        String byContact = created(api.post("/api/v1/feedback/reports", anonymous)).get("code").asString();

        ApiClient coordinator = api.as("quantri.benthanh");
        ok(act(coordinator, byAccount, "merge", Map.of("mergeInto", kept)));
        ok(act(coordinator, byContact, "merge", Map.of("mergeInto", kept.toLowerCase())));

        long reporter = userId("congdan");
        String merged = " được gộp với " + kept;
        assertThat(eventually(() -> messages(reporter, byAccount + merged), n -> n >= 1)).isEqualTo(1L);
        assertThat(eventually(() -> mails("ban.gan.nha@example.vn", byAccount + merged), n -> n >= 1)).isEqualTo(1L);
        assertThat(eventually(() -> mails("nguoi.qua.duong@example.vn", byContact + merged), n -> n >= 1))
                .isEqualTo(1L);
        // The message leads to the report kept.
        assertThat(jdbc.sql("SELECT body FROM notification_mail WHERE recipient = 'ban.gan.nha@example.vn' AND subject"
                + " LIKE ?").param("%" + byAccount + "%").query(String.class).single()).contains("/feedback/" + kept);

        // From now on each of them hears of the kept report's public steps, once.
        ok(act(coordinator, kept, "start", Map.of()));
        ok(act(coordinator, kept, "answer", Map.of("text", "Đã lập biên bản và trả lại vỉa hè.")));
        String answered = kept + " đã có trả lời";
        assertThat(eventually(() -> messages(reporter, answered), n -> n >= 1)).isEqualTo(1L);
        assertThat(eventually(() -> mails("ban.gan.nha@example.vn", answered), n -> n >= 1)).isEqualTo(1L);
        assertThat(eventually(() -> mails("nguoi.qua.duong@example.vn", answered), n -> n >= 1)).isEqualTo(1L);
        assertThat(eventually(() -> mails("congdan@demo.citygov.vn", answered), n -> n >= 1)).isEqualTo(1L);
        // The duplicates themselves stay merged and tell nobody more.
        assertThat(mails("ban.gan.nha@example.vn", byAccount)).isEqualTo(1L);
    }

    @Test
    void anonymousReportersHearThroughTheirContactAddress() throws Exception {
        Map<String, Object> body = report("cay-xanh", "Cành cây gãy treo lơ lửng", BEN_THANH_LAT, BEN_THANH_LON);
        body.put("contactEmail", "an.danh@example.vn");
        String code = created(api.post("/api/v1/feedback/reports", body)).get("code").asString();
        ok(act(api.as("quantri.benthanh"), code, "answer", Map.of("text", "Đã cắt bỏ cành gãy.")));
        assertThat(eventually(() -> mails("an.danh@example.vn", code), n -> n >= 2)).isEqualTo(2L);
        // Contact details stay out of the public view.
        assertThat(ok(api.get("/api/v1/feedback/public/" + code)).toString()).doesNotContain("an.danh");
    }

    @Test
    void theAgencyIsRemindedBeforeTheDeadlineAndEscalatedToAfterIt() throws Exception {
        String code = created(api.post("/api/v1/feedback/reports",
                report("chieu-sang", "Cụm đèn công viên tắt", BEN_THANH_LAT, BEN_THANH_LON))).get("code").asString();
        jdbc.sql("UPDATE feedback_report SET due_at = now() + interval '30 minutes' WHERE code = ?").param(code).update();
        assertThat(feedback.remindDueSoon()).isGreaterThanOrEqualTo(1);
        assertThat(eventually(() -> mails(AGENCY_MAIL, code), n -> n >= 1)).isEqualTo(1L);
        feedback.remindDueSoon();
        jdbc.sql("UPDATE feedback_report SET due_at = now() - interval '1 minute' WHERE code = ?").param(code).update();
        assertThat(feedback.markOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(eventually(() -> mails(AGENCY_MAIL, code), n -> n >= 2)).isEqualTo(2L);
        assertThat(jdbc.sql("SELECT subject FROM notification_mail WHERE recipient = ? AND subject LIKE ? ORDER BY id")
                .param(AGENCY_MAIL).param("%" + code + "%").query(String.class).list())
                .anySatisfy(s -> assertThat(s).contains("sắp đến hạn"))
                .anySatisfy(s -> assertThat(s).contains("quá hạn"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE object_id = ? AND action IN ('due-soon', 'overdue')")
                .param(code).query(Long.class).single()).isEqualTo(2L);
        // The ward's officials who handle reports (feedback.handle there) are reminded before the deadline, the
        // agency's coordinators (feedback.coordinate there) told once it has passed, in the app and by e-mail,
        // once each; the ward's administrator holds both. An official without coordination hears only of the first.
        long coordinator = userId("quantri.benthanh");
        assertThat(eventually(() -> messages(coordinator, code), n -> n >= 2)).isEqualTo(2L);
        assertThat(jdbc.sql("SELECT DISTINCT link FROM notification_message WHERE recipient_id = ? AND title LIKE ?")
                .param(coordinator).param("%" + code + "%").query(String.class).single()).isEqualTo("/feedback/work/" + code);
        assertThat(eventually(() -> mails("quantri.benthanh@demo.citygov.vn", code), n -> n >= 2)).isEqualTo(2L);
        assertThat(messages(userId("admin"), code)).isZero();
        jdbc.sql("SELECT id FROM identity_user WHERE username = 'cb.26743.1'").query(Long.class).optional()
                .ifPresent(official -> assertThat(messages(official, code)).isEqualTo(1L));
    }

    long userId(String username) {
        return jdbc.sql("SELECT id FROM identity_user WHERE username = ?").param(username).query(Long.class).single();
    }

    long messages(long recipient, String code) {
        return jdbc.sql("SELECT count(*) FROM notification_message WHERE recipient_id = ? AND title LIKE ?")
                .param(recipient).param("%" + code + "%").query(Long.class).single();
    }

    @Test
    void aRetriedSubmissionWithTheSameIdempotencyKeyCreatesOneReport() {
        ApiClient client = api.header("Idempotency-Key", "bao-cao-" + System.nanoTime());
        Map<String, Object> body = report("moi-truong", "Đổ trộm xà bần ven kênh", BEN_THANH_LAT, BEN_THANH_LON);
        Response first = client.post("/api/v1/feedback/reports", body);
        Response again = client.post("/api/v1/feedback/reports", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(again.json().get("code").asString()).isEqualTo(first.json().get("code").asString());
        assertThat(jdbc.sql("SELECT count(*) FROM feedback_report WHERE title = 'Đổ trộm xà bần ven kênh'")
                .query(Long.class).single()).isEqualTo(1L);
    }
}
