package vn.citygov.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vn.citygov.feedback.FeedbackIntegrationTests.SAI_GON_LAT;
import static vn.citygov.feedback.FeedbackIntegrationTests.SAI_GON_LON;
import static vn.citygov.feedback.FeedbackIntegrationTests.act;
import static vn.citygov.feedback.FeedbackIntegrationTests.created;
import static vn.citygov.feedback.FeedbackIntegrationTests.ok;
import static vn.citygov.feedback.FeedbackIntegrationTests.report;
import static vn.citygov.feedback.FeedbackNotificationsIntegrationTests.BEN_THANH_LAT;
import static vn.citygov.feedback.FeedbackNotificationsIntegrationTests.BEN_THANH_LON;

import java.util.ArrayList;
import java.util.List;
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
 * The monitoring counters (feedback_monthly) hold exactly what a GROUP BY over the reports gives, whatever
 * happened to the reports, and the dashboard shows the figures a direct computation over the reports gives.
 */
@IntegrationTest
class FeedbackCountersIntegrationTests {

    /** The counters as a GROUP BY over the reports computes them, one line per non-empty counter row. */
    private static final String FROM_REPORTS = """
            SELECT concat_ws('|', agency, month, admin_unit_code, category_code, count(*),
                       count(*) FILTER (WHERE state IN ('received', 'assigned', 'in_progress', 'declined')),
                       count(*) FILTER (WHERE overdue AND state IN ('received', 'assigned', 'in_progress', 'declined')),
                       count(answered_at), count(*) FILTER (WHERE answered_at <= due_at),
                       coalesce(sum(extract(epoch FROM answered_at - submitted_at) * 1000000), 0)::bigint,
                       count(rating), coalesce(sum(rating), 0), count(*) FILTER (WHERE rating >= 3))
              FROM (SELECT *, coalesce(agency_code, '') AS agency,
                           date_trunc('month', submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS month
                      FROM feedback_report WHERE state <> 'merged') r
             GROUP BY agency, month, admin_unit_code, category_code
             ORDER BY 1
            """;
    private static final String COUNTERS = """
            SELECT concat_ws('|', agency_code, month, admin_unit_code, category_code, received, open, overdue,
                       answered, answered_on_time, handling_micros, rated, rating_sum, satisfied)
              FROM feedback_monthly WHERE received <> 0
             ORDER BY 1
            """;

    /** The dashboard's sums as they were computed before the counters: straight from the reports. */
    private static final String DASHBOARD_FROM_REPORTS = """
            SELECT CASE WHEN GROUPING(category_code, admin_unit_code, month) = 7 THEN 'all'
                        WHEN GROUPING(category_code) = 0 THEN 'category'
                        WHEN GROUPING(admin_unit_code) = 0 THEN 'unit' ELSE 'month' END AS grp,
                   coalesce(category_code, admin_unit_code, month, 'all') AS key,
                   count(*) AS total,
                   count(*) FILTER (WHERE state IN ('received', 'assigned', 'in_progress', 'declined')) AS open,
                   count(*) FILTER (WHERE overdue AND state IN ('received', 'assigned', 'in_progress', 'declined')) AS overdue,
                   100.0 * count(*) FILTER (WHERE answered_at <= due_at) / nullif(count(answered_at), 0) AS on_time,
                   (avg(extract(epoch FROM answered_at - submitted_at)) / 3600.0)::float8 AS hours,
                   avg(rating)::float8 AS rating
              FROM (SELECT category_code, admin_unit_code, state, overdue, answered_at, due_at, submitted_at, rating,
                           to_char(submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM') AS month
                      FROM feedback_report WHERE state <> 'merged' AND (:agency = '' OR agency_code = :agency)) r
             GROUP BY GROUPING SETS ((), (category_code), (admin_unit_code), (month))
             ORDER BY 1, 3 DESC, 2
            """;

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

    @Test
    void countersEqualAGroupByOverTheReportsAfterEveryKindOfChange() {
        ApiClient canbo = api.as("canbo");
        ApiClient coordinator = api.as("quantri.saigon");
        // Answered, then rated satisfied (closes).
        String rated = created(api.as("congdan").post("/api/v1/feedback/reports",
                report("cay-xanh", "Cây xanh che khuất biển báo", SAI_GON_LAT, SAI_GON_LON))).get("code").asString();
        ok(act(canbo, rated, "start", Map.of()));
        ok(act(canbo, rated, "answer", Map.of("text", "Đã cắt tỉa.")));
        ok(api.as("congdan").post("/api/v1/feedback/reports/" + rated + "/rating", Map.of("score", 5)));
        // Answered, rated unsatisfied: reopened with a new deadline, answered again, closed by the officials.
        JsonNode second = created(api.post("/api/v1/feedback/reports",
                report("moi-truong", "Rác thải đổ trộm bên kênh", SAI_GON_LAT, SAI_GON_LON)));
        String reopened = second.get("code").asString();
        ok(act(canbo, reopened, "answer", Map.of("text", "Đã thu gom.")));
        ok(api.post("/api/v1/feedback/reports/" + reopened + "/rating",
                Map.of("score", 1, "token", second.get("token").asString())));
        ok(act(canbo, reopened, "answer", Map.of("text", "Đã thu gom lần hai.")));
        ok(act(canbo, reopened, "close", Map.of()));
        // Transferred to another ward's agency, declined there, re-routed by the city.
        String moved = created(api.post("/api/v1/feedback/reports",
                report("thoat-nuoc", "Cống thoát nước bị tắc", SAI_GON_LAT, SAI_GON_LON))).get("code").asString();
        ok(act(canbo, moved, "transfer", Map.of("handlingPoint", "pa-26743", "text", "Thuộc phường Bến Thành")));
        ok(act(api.as("quantri.benthanh"), moved, "decline", Map.of("text", "Không thuộc thẩm quyền")));
        ok(act(api.as("admin"), moved, "assign", Map.of("handlingPoint", "pa-26743")));
        // A duplicate merged into the first report: it no longer counts.
        String duplicate = created(api.post("/api/v1/feedback/reports",
                report("cay-xanh", "Cây xanh che biển báo giao thông", SAI_GON_LAT, SAI_GON_LON))).get("code").asString();
        ok(act(coordinator, duplicate, "merge", Map.of("mergeInto", rated)));
        // Past its deadline: overdue while open, then answered late; another one hidden while overdue.
        String late = created(api.post("/api/v1/feedback/reports",
                report("chieu-sang", "Đèn đường tắt cả dãy phố", BEN_THANH_LAT, BEN_THANH_LON))).get("code").asString();
        String hidden = created(api.post("/api/v1/feedback/reports",
                report("giao-thong", "Nội dung không phù hợp", SAI_GON_LAT, SAI_GON_LON))).get("code").asString();
        jdbc.sql("UPDATE feedback_report SET due_at = now() - interval '1 hour' WHERE code IN (?, ?)")
                .param(late).param(hidden).update();
        assertThat(feedback.markOverdue()).isGreaterThanOrEqualTo(2);
        assertThat(counters()).isEqualTo(fromReports());
        ok(act(api.as("quantri.benthanh"), late, "answer", Map.of("text", "Đã sửa đèn.")));
        ok(act(coordinator, hidden, "hide", Map.of("text", "Nội dung quảng cáo")));

        List<String> counters = counters();
        assertThat(counters).isEqualTo(fromReports());
        assertThat(String.join("\n", counters)).contains("ubnd-26743|");
        // A row emptied by a move keeps only zeros.
        assertThat(jdbc.sql("""
                SELECT count(*) FROM feedback_monthly WHERE received = 0 AND (open <> 0 OR overdue <> 0 OR answered <> 0
                    OR answered_on_time <> 0 OR handling_micros <> 0 OR rated <> 0 OR rating_sum <> 0 OR satisfied <> 0)
                """).query(Long.class).single()).isZero();
        // Counting again from scratch gives the same rows.
        jdbc.sql("SELECT feedback_monthly_rebuild()").query((rs, n) -> 0).list();
        assertThat(counters()).isEqualTo(counters);
    }

    @Test
    void theDashboardCanBeLimitedToMonthsOfSubmission() {
        created(api.post("/api/v1/feedback/reports",
                report("cap-nuoc", "Nước yếu vào giờ cao điểm", SAI_GON_LAT, SAI_GON_LON)));
        JsonNode all = ok(api.as("admin").get("/api/v1/feedback/dashboard"));
        List<String> months = new ArrayList<>();
        all.get("byMonth").forEach(m -> months.add(m.get("key").asString()));
        String last = months.stream().max(String::compareTo).orElseThrow();
        long inLast = 0;
        for (JsonNode m : all.get("byMonth")) {
            if (m.get("key").asString().equals(last)) {
                inLast = m.get("total").asLong();
            }
        }
        String next = java.time.YearMonth.parse(last).plusMonths(1).toString();
        String before = java.time.YearMonth.parse(months.stream().min(String::compareTo).orElseThrow()).minusMonths(1)
                .toString();

        JsonNode onlyLast = ok(api.as("admin").get("/api/v1/feedback/dashboard?from=" + last + "&to=" + last));
        assertThat(onlyLast.get("total").get("total").asLong()).isEqualTo(inLast).isPositive();
        assertThat(onlyLast.get("byMonth").size()).isEqualTo(1);
        assertThat(onlyLast.get("from").asString()).isEqualTo(last);
        JsonNode later = ok(api.as("admin").get("/api/v1/feedback/dashboard?from=" + next));
        assertThat(later.get("total").get("total").asLong()).as("nothing submitted after the last month").isZero();
        assertThat(later.get("total").get("onTimePercent").isNull()).as("no data, not 0 %").isTrue();
        assertThat(ok(api.as("admin").get("/api/v1/feedback/dashboard?to=" + before)).get("total").get("total")
                .asLong()).isZero();
        assertThat(ok(api.as("admin").get("/api/v1/feedback/dashboard?from=" + before + "&to=" + next)).get("total")
                .get("total").asLong()).isEqualTo(all.get("total").get("total").asLong());
        assertThat(api.as("admin").get("/api/v1/feedback/dashboard.csv?from=" + next).body())
                .doesNotContain("month," + last);

        Response bad = api.as("admin").get("/api/v1/feedback/dashboard?from=2026-13");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("from");
        Response backwards = api.as("admin").get("/api/v1/feedback/dashboard?from=" + next + "&to=" + last);
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("\"to\"");
        assertThat(api.as("quantri.benthanh").get("/api/v1/feedback/dashboard?from=" + last).status())
                .as("a city-wide figure without a city-wide grant").isEqualTo(403);
    }

    @Test
    void theDashboardAndUnitStatisticsShowWhatTheReportsSay() {
        String code = created(api.post("/api/v1/feedback/reports",
                report("cap-nuoc", "Mất nước sinh hoạt cả khu phố", SAI_GON_LAT, SAI_GON_LON))).get("code").asString();
        ok(act(api.as("canbo"), code, "answer", Map.of("text", "Đã khắc phục đường ống.")));
        for (String agency : new String[] {"", "ubnd-26740", "ubnd-26743"}) {
            JsonNode dashboard = ok(api.as("admin").get("/api/v1/feedback/dashboard"
                    + (agency.isEmpty() ? "" : "?agency=" + agency)));
            List<Map<String, Object>> expected = jdbc.sql(DASHBOARD_FROM_REPORTS).param("agency", agency)
                    .query().listOfRows();
            List<JsonNode> shown = new ArrayList<>();
            shown.add(dashboard.get("total"));
            for (String group : new String[] {"byCategory", "byMonth", "byUnit"}) {
                dashboard.get(group).forEach(shown::add);
            }
            // The direct computation sorts the groups alphabetically (all, category, month, unit), as listed above.
            assertThat(shown).hasSize(expected.size());
            for (int i = 0; i < shown.size(); i++) {
                JsonNode f = shown.get(i);
                Map<String, Object> row = expected.get(i);
                assertThat(f.get("key").asString()).isEqualTo(row.get("key"));
                assertThat(f.get("total").asLong()).isEqualTo(((Number) row.get("total")).longValue());
                assertThat(f.get("open").asLong()).isEqualTo(((Number) row.get("open")).longValue());
                assertThat(f.get("overdue").asLong()).isEqualTo(((Number) row.get("overdue")).longValue());
                sameNumber(f.get("onTimePercent"), row.get("on_time"));
                sameNumber(f.get("averageHandlingHours"), row.get("hours"));
                sameNumber(f.get("averageRating"), row.get("rating"));
            }
        }
        JsonNode stats = ok(api.get("/api/v1/feedback/statistics?unit=26740")).get(0);
        Map<String, Object> unit = jdbc.sql("""
                SELECT count(*) AS total, count(answered_at) AS answered,
                       100.0 * count(*) FILTER (WHERE answered_at <= due_at) / nullif(count(answered_at), 0) AS on_time,
                       avg(rating)::float8 AS rating, count(rating) AS ratings
                  FROM feedback_report WHERE state <> 'merged' AND admin_unit_code = '26740'
                """).query().singleRow();
        assertThat(stats.get("total").asLong()).isEqualTo(((Number) unit.get("total")).longValue());
        assertThat(stats.get("answered").asLong()).isEqualTo(((Number) unit.get("answered")).longValue());
        assertThat(stats.get("ratings").asLong()).isEqualTo(((Number) unit.get("ratings")).longValue());
        sameNumber(stats.get("onTimePercent"), unit.get("on_time"));
        sameNumber(stats.get("averageRating"), unit.get("rating"));
    }

    private static void sameNumber(JsonNode shown, Object expected) {
        if (expected == null) {
            assertThat(shown == null || shown.isNull()).as("expected no figure, got %s", shown).isTrue();
        } else {
            assertThat(shown.asDouble()).isCloseTo(((Number) expected).doubleValue(), within(1e-9));
        }
    }

    private List<String> counters() {
        return jdbc.sql(COUNTERS).query(String.class).list();
    }

    private List<String> fromReports() {
        return jdbc.sql(FROM_REPORTS).query(String.class).list();
    }
}
