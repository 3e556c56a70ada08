package vn.citygov.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.citygov.feedback.FeedbackIntegrationTests.SAI_GON_LAT;
import static vn.citygov.feedback.FeedbackIntegrationTests.SAI_GON_LON;
import static vn.citygov.feedback.FeedbackIntegrationTests.act;
import static vn.citygov.feedback.FeedbackIntegrationTests.created;
import static vn.citygov.feedback.FeedbackIntegrationTests.ok;
import static vn.citygov.feedback.FeedbackIntegrationTests.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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
 * An unsatisfied rating (1 or 2) within 7 days of the answer reopens the report once, with a new deadline; later,
 * or a second time, it closes it. The answer's time is moved back in the database to stand on either side of the
 * seven days.
 */
@IntegrationTest
class FeedbackReopenIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    ApiClient official;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        official = api.as("canbo");
    }

    /** A report answered by the ward, with its token. */
    String[] answered(String title) {
        JsonNode c = created(api.post("/api/v1/feedback/reports", report("moi-truong", title, SAI_GON_LAT, SAI_GON_LON)));
        String code = c.get("code").asString();
        ok(act(official, code, "answer", Map.of("text", "Đã xử lý xong.")));
        return new String[] {code, c.get("token").asString()};
    }

    /** As if the report had been filed a day before its answer, {@code ago}, and its deadline had been met. */
    void answeredAgo(String code, Duration ago) {
        jdbc.sql("""
                UPDATE feedback_report SET answered_at = now() - ?::interval, submitted_at = now() - ?::interval,
                       due_at = now() - ?::interval WHERE code = ?""")
                .param(ago.getSeconds() + " seconds").param(ago.plusDays(1).getSeconds() + " seconds")
                .param(ago.minusHours(1).getSeconds() + " seconds").param(code).update();
    }

    Response rate(String code, int score, String token) {
        return api.post("/api/v1/feedback/reports/" + code + "/rating", Map.of("score", score, "token", token));
    }

    long reopenings(String code) {
        return jdbc.sql("SELECT count(*) FROM feedback_history h JOIN feedback_report r ON r.id = h.report_id"
                + " WHERE r.code = ? AND h.action = 'reopen'").param(code).query(Long.class).single();
    }

    @Test
    void justInsideTheSevenDaysItReopensWithANewDeadline() {
        String[] r = answered("Rác đổ trộm bên kênh");
        answeredAgo(r[0], Duration.ofDays(7).minusMinutes(5));
        Instant oldDue = Instant.parse(ok(official.get("/api/v1/feedback/reports/" + r[0])).get("dueAt").asString());
        JsonNode after = ok(rate(r[0], 2, r[1]));
        assertThat(after.get("state").asString()).isEqualTo("in_progress");
        JsonNode full = ok(official.get("/api/v1/feedback/reports/" + r[0]));
        assertThat(full.get("reopened").asBoolean()).isTrue();
        assertThat(Instant.parse(full.get("dueAt").asString())).isAfter(oldDue);
        assertThat(full.get("actions").toString()).contains("answer");
        assertThat(reopenings(r[0])).isEqualTo(1);
    }

    @Test
    void justPastTheSevenDaysAnUnsatisfiedRatingClosesIt() {
        String[] r = answered("Mùi hôi từ bãi rác tạm");
        answeredAgo(r[0], Duration.ofDays(7).plusMinutes(5));
        JsonNode after = ok(rate(r[0], 1, r[1]));
        assertThat(after.get("state").asString()).isEqualTo("closed");
        assertThat(after.get("rating").asInt()).isEqualTo(1);
        assertThat(reopenings(r[0])).isZero();
        // Closed for good: rated, and no second rating of the same answer.
        assertThat(rate(r[0], 1, r[1]).status()).isEqualTo(409);
    }

    @Test
    void onlyOnceEvenWhenTheSecondAnswerIsUnsatisfyingToo() {
        String[] r = answered("Nước thải chảy ra đường");
        assertThat(ok(rate(r[0], 1, r[1])).get("state").asString()).isEqualTo("in_progress");
        // The same answer cannot be rated twice, so the reporter cannot reopen by rating again.
        assertThat(rate(r[0], 1, r[1]).status()).isEqualTo(409);
        ok(act(official, r[0], "answer", Map.of("text", "Đã nạo vét cống lần hai.")));
        JsonNode second = ok(rate(r[0], 1, r[1]));
        assertThat(second.get("state").asString()).isEqualTo("closed");
        assertThat(reopenings(r[0])).isEqualTo(1);
        assertThat(rate(r[0], 1, r[1]).status()).isEqualTo(409);
    }

    @Test
    void aSatisfiedRatingOrOneOfAReportClosedByTheOfficialWithinTheWindow() {
        String[] satisfied = answered("Thùng rác tràn");
        assertThat(ok(rate(satisfied[0], 3, satisfied[1])).get("state").asString()).isEqualTo("closed");
        assertThat(reopenings(satisfied[0])).isZero();

        // Closed by the handling point after answering: the reporter may still rate it, and reopen it in time.
        String[] closed = answered("Cây đổ chắn lối xuống kênh");
        ok(act(official, closed[0], "close", Map.of()));
        assertThat(ok(rate(closed[0], 2, closed[1])).get("state").asString()).isEqualTo("in_progress");
        assertThat(reopenings(closed[0])).isEqualTo(1);
    }

    @Test
    void badRatingsAreRefusedAndChangeNothing() {
        String[] r = answered("Khói đốt rác ban đêm");
        for (int score : new int[] {0, 6, -1}) {
            Response bad = rate(r[0], score, r[1]);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.isProblem()).isTrue();
        }
        assertThat(api.post("/api/v1/feedback/reports/" + r[0] + "/rating", Map.of("token", r[1])).status())
                .isEqualTo(400);
        // Someone without the token or the account is told the report does not exist for them.
        assertThat(rate(r[0], 1, "00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
        assertThat(rate(r[0], 1, "not-a-token").status()).isEqualTo(404);
        // Before any answer there is nothing to rate.
        JsonNode fresh = created(api.post("/api/v1/feedback/reports", report("moi-truong", "Bụi từ công trình",
                SAI_GON_LAT, SAI_GON_LON)));
        assertThat(rate(fresh.get("code").asString(), 1, fresh.get("token").asString()).status()).isEqualTo(409);
        JsonNode still = ok(official.get("/api/v1/feedback/reports/" + r[0]));
        assertThat(still.get("state").asString()).isEqualTo("answered");
        assertThat(still.get("rating").isNull()).isTrue();
    }
}
