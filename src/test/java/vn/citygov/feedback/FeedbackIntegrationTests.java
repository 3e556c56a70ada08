package vn.citygov.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import vn.citygov.support.Xlsx;

/** Reports through the REST API: routing, deadlines, the handling steps, rating and reopening, merging, moderation. */
@IntegrationTest
class FeedbackIntegrationTests {

    /** Inside Phường Sài Gòn (26740), whose ward People's Committee is ubnd-26740. */
    static final double SAI_GON_LAT = 10.7809;
    static final double SAI_GON_LON = 106.7042;

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

    static Map<String, Object> report(String category, String title, double lat, double lon) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("categoryCode", category);
        body.put("title", title);
        body.put("description", "Mô tả chi tiết: " + title);
        body.put("lat", lat);
        body.put("lon", lon);
        return body;
    }

    static JsonNode created(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static JsonNode ok(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static Response act(ApiClient as, String code, String action, Map<String, Object> more) {
        JsonNode current = as.get("/api/v1/feedback/reports/" + code).json();
        Map<String, Object> body = new HashMap<>(more);
        body.put("action", action);
        body.put("version", current.get("version").asInt());
        return as.post("/api/v1/feedback/reports/" + code + "/actions", body);
    }

    @Test
    void aReportIsRoutedToTheWardFeedbackDeskWithItsCategoryDeadline() {
        JsonNode c = created(api.post("/api/v1/feedback/reports",
                report("chieu-sang", "Đèn đường hỏng trên đường Lê Lợi", SAI_GON_LAT, SAI_GON_LON)));
        String code = c.get("code").asString();
        assertThat(code).matches("PA-\\d{4}-[A-Z2-9]{6}");
        assertThat(c.get("token").asString()).isNotBlank();
        JsonNode pub = c.get("report");
        assertThat(pub.get("state").asString()).isEqualTo("assigned");
        assertThat(pub.get("adminUnitCode").asString()).isEqualTo("26740");
        assertThat(pub.get("handlingPointName").asString()).contains("Sài Gòn");

        JsonNode full = ok(api.as("canbo").get("/api/v1/feedback/reports/" + code));
        assertThat(full.get("handlingPointCode").asString()).isEqualTo("pa-26740");
        assertThat(full.get("agencyCode").asString()).isEqualTo("ubnd-26740");
        // Street lighting: 3 working days, ending at the close of a working day.
        Instant submitted = Instant.parse(full.get("submittedAt").asString());
        Instant due = Instant.parse(full.get("dueAt").asString());
        assertThat(due).isAfter(submitted.plus(java.time.Duration.ofDays(2)));
        assertThat(full.get("actions").toString()).contains("start", "answer", "transfer", "decline");

        // Public order reports go to the ward police, an agency of its own.
        JsonNode order = created(api.post("/api/v1/feedback/reports",
                report("an-ninh-trat-tu", "Tụ tập gây mất trật tự ban đêm", SAI_GON_LAT, SAI_GON_LON)));
        JsonNode orderFull = ok(api.as("admin").get("/api/v1/feedback/reports/" + order.get("code").asString()));
        assertThat(orderFull.get("handlingPointCode").asString()).isEqualTo("ca-26740");
        assertThat(orderFull.get("agencyCode").asString()).isEqualTo("cong-an-tp");
        // Hours-based deadline: 8 working hours.
        assertThat(Instant.parse(orderFull.get("dueAt").asString()))
                .isBefore(Instant.parse(orderFull.get("submittedAt").asString()).plus(java.time.Duration.ofDays(5)));
        // A non-public category does not show on the public side.
        assertThat(orderFull.get("isPublic").asBoolean()).isFalse();
        JsonNode hiddenPublic = ok(api.get("/api/v1/feedback/public/" + order.get("code").asString()));
        assertThat(hiddenPublic.get("title").isNull()).isTrue();
    }

    @Test
    void theHandlingPointAnswersTheReporterRatesAndStatisticsChange() {
        String code = created(api.as("congdan").post("/api/v1/feedback/reports",
                report("cay-xanh", "Cây xanh nghiêng sắp đổ", SAI_GON_LAT, SAI_GON_LON))).get("code").asString();
        ApiClient official = api.as("canbo");
        assertThat(ok(act(official, code, "start", Map.of())).get("state").asString()).isEqualTo("in_progress");
        assertThat(act(official, code, "answer", Map.of()).status()).isEqualTo(400);
        JsonNode answered = ok(act(official, code, "answer", Map.of("text", "Đã cắt tỉa và chằng chống cây.")));
        assertThat(answered.get("state").asString()).isEqualTo("answered");

        JsonNode pub = ok(api.get("/api/v1/feedback/public/" + code));
        assertThat(pub.get("answer").asString()).isEqualTo("Đã cắt tỉa và chằng chống cây.");
        assertThat(pub.toString()).doesNotContain("congdan").doesNotContain("canbo");

        // Only the reporter rates.
        assertThat(api.as("doanhnghiep").post("/api/v1/feedback/reports/" + code + "/rating", Map.of("score", 5))
                .status()).isEqualTo(403);
        assertThat(api.post("/api/v1/feedback/reports/" + code + "/rating", Map.of("score", 5)).status())
                .isEqualTo(404);
        ApiClient citizen = api.as("congdan");
        assertThat(citizen.post("/api/v1/feedback/reports/" + code + "/rating", Map.of("score", 9)).status())
                .isEqualTo(400);
        JsonNode rated = ok(citizen.post("/api/v1/feedback/reports/" + code + "/rating", Map.of("score", 5)));
        assertThat(rated.get("state").asString()).isEqualTo("closed");
        assertThat(rated.get("rating").asInt()).isEqualTo(5);
        assertThat(citizen.post("/api/v1/feedback/reports/" + code + "/rating", Map.of("score", 4)).status())
                .isEqualTo(409);

        JsonNode stats = ok(api.get("/api/v1/feedback/statistics?unit=26740"));
        assertThat(stats.get(0).get("ratings").asLong()).isPositive();
        assertThat(stats.get(0).get("onTimePercent").asDouble()).isPositive();
        assertThat(stats.get(0).get("adminUnitName").asString()).isEqualTo("Phường Sài Gòn");
    }

    @Test
    void anUnsatisfiedRatingWithinSevenDaysReopensOnce() {
        JsonNode c = created(api.post("/api/v1/feedback/reports",
                report("moi-truong", "Rác thải ùn ứ ở góc đường", SAI_GON_LAT, SAI_GON_LON)));
        String code = c.get("code").asString();
        String token = c.get("token").asString();
        ApiClient official = api.as("canbo");
        ok(act(official, code, "answer", Map.of("text", "Đã thu gom.")));
        JsonNode reopened = ok(api.post("/api/v1/feedback/reports/" + code + "/rating", Map.of("score", 1, "token", token)));
        assertThat(reopened.get("state").asString()).isEqualTo("in_progress");
        assertThat(reopened.get("timeline").toString()).contains("reopen");

        ok(act(official, code, "answer", Map.of("text", "Đã thu gom lần hai và bố trí thùng rác.")));
        JsonNode second = ok(api.post("/api/v1/feedback/reports/" + code + "/rating", Map.of("score", 2, "token", token)));
        // Only once: the second unsatisfied rating closes it.
        assertThat(second.get("state").asString()).isEqualTo("closed");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE object_id = ? AND action = 'reopened'")
                .param(code).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void transferDeclineAndCoordinatorReRouting() {
        String code = created(api.post("/api/v1/feedback/reports",
                report("thoat-nuoc", "Ngập sâu sau mưa, cống bị tắc", SAI_GON_LAT, SAI_GON_LON))).get("code").asString();
        ApiClient official = api.as("canbo");
        assertThat(act(official, code, "transfer", Map.of("handlingPoint", "pa-26743")).status()).isEqualTo(400);
        JsonNode moved = ok(act(official, code, "transfer",
                Map.of("handlingPoint", "pa-26743", "text", "Vị trí thuộc phường Bến Thành")));
        assertThat(moved.get("handlingPointCode").asString()).isEqualTo("pa-26743");
        // Now canbo's agency no longer holds it.
        assertThat(official.get("/api/v1/feedback/reports/" + code).status()).isEqualTo(403);

        ApiClient benThanh = api.as("quantri.benthanh");
        assertThat(act(benThanh, code, "decline", Map.of()).status()).isEqualTo(400);
        JsonNode declined = ok(act(benThanh, code, "decline", Map.of("text", "Không thuộc thẩm quyền")));
        assertThat(declined.get("state").asString()).isEqualTo("declined");
        assertThat(declined.get("actions").size()).isZero();
        // Declined reports are the city coordinators' to re-route.
        ApiClient admin = api.as("admin");
        JsonNode rerouted = ok(act(admin, code, "assign", Map.of("handlingPoint", "tt-26740")));
        assertThat(rerouted.get("state").asString()).isEqualTo("assigned");
        assertThat(rerouted.get("handlingPointCode").asString()).isEqualTo("tt-26740");
        assertThat(rerouted.get("history").toString()).contains("transfer", "decline", "assign");
        // The decline reason is internal: not on the public timeline.
        assertThat(ok(api.get("/api/v1/feedback/public/" + code)).toString()).doesNotContain("Không thuộc thẩm quyền");
        // Unknown target point.
        assertThat(act(admin, code, "assign", Map.of("handlingPoint", "khong-co")).status()).isEqualTo(400);
    }

    @Test
    void aHandlingPointAddedInTheDirectoryForFeedbackBecomesATransferTarget() throws Exception {
        String point = "to-dan-pho-" + (System.nanoTime() % 100000);
        Response made = api.as("quantri.saigon").post("/api/v1/handling-points", Map.of("code", point,
                "agencyCode", "ubnd-26740", "name", "Tổ dân phố 5 - Phường Sài Gòn", "workKinds", List.of("feedback")));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(FeedbackNotificationsIntegrationTests.eventually(() -> jdbc.sql(
                "SELECT count(*) FROM feedback_handling_point WHERE code = ?").param(point).query(Long.class).single(),
                n -> n == 1)).isEqualTo(1L);
        String code = created(api.post("/api/v1/feedback/reports",
                report("moi-truong", "Rác tồn đọng trong hẻm", SAI_GON_LAT, SAI_GON_LON))).get("code").asString();
        JsonNode moved = ok(act(api.as("canbo"), code, "transfer", Map.of("handlingPoint", point, "text", "Tổ dân phố xử lý")));
        assertThat(moved.get("handlingPointName").asString()).isEqualTo("Tổ dân phố 5 - Phường Sài Gòn");
    }

    @Test
    void officialsSeeAndActOnlyOnTheirHandlingPointsReports() {
        String code = created(api.post("/api/v1/feedback/reports",
                report("giao-thong", "Ổ gà lớn giữa đường", SAI_GON_LAT, SAI_GON_LON))).get("code").asString();
        ApiClient other = api.as("quantri.benthanh");
        assertThat(other.get("/api/v1/feedback/reports/" + code).status()).isEqualTo(403);
        Map<String, Object> start = Map.of("action", "start", "version", 0);
        assertThat(other.post("/api/v1/feedback/reports/" + code + "/actions", start).status()).isEqualTo(403);
        assertThat(api.as("congdan").get("/api/v1/feedback/reports/" + code).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/feedback/reports/" + code).status()).isEqualTo(401);
        // The inbox lists only the caller's agencies' reports.
        JsonNode inbox = ok(other.get("/api/v1/feedback/reports?size=100"));
        for (JsonNode item : inbox.get("items")) {
            assertThat(item.get("code").asString()).isNotEqualTo(code);
        }
        JsonNode mine = ok(api.as("canbo").get("/api/v1/feedback/reports?handlingPoint=pa-26740&size=100"));
        assertThat(mine.get("items").toString()).contains(code);
        assertThat(api.as("congdan").get("/api/v1/feedback/reports").status()).isEqualTo(403);
        // Stale version.
        ApiClient canbo = api.as("canbo");
        int version = canbo.get("/api/v1/feedback/reports/" + code).json().get("version").asInt();
        ok(canbo.post("/api/v1/feedback/reports/" + code + "/actions", Map.of("action", "start", "version", version)));
        assertThat(canbo.post("/api/v1/feedback/reports/" + code + "/actions",
                Map.of("action", "answer", "version", version, "text", "x")).status()).isEqualTo(409);
        // Citizens and an official without coordination cannot merge or hide.
        assertThat(act(canbo, code, "hide", Map.of("text", "spam")).status()).isEqualTo(403);
    }

    @Test
    void duplicatesAreSuggestedAndMergedAndFollowersMove() {
        Map<String, Object> first = report("trat-tu-do-thi", "Lấn chiếm vỉa hè bán hàng rong trước chợ",
                SAI_GON_LAT + 0.0003, SAI_GON_LON);
        String kept = created(api.post("/api/v1/feedback/reports", first)).get("code").asString();
        JsonNode similar = ok(api.get("/api/v1/feedback/similar?category=trat-tu-do-thi&lat=" + SAI_GON_LAT + "&lon="
                + SAI_GON_LON + "&text=" + java.net.URLEncoder.encode("lấn chiếm vỉa hè trước chợ", java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(similar.toString()).contains(kept);
        // Far away (Bến Thành is ~1.5 km off): not suggested.
        JsonNode far = ok(api.get("/api/v1/feedback/similar?category=trat-tu-do-thi&lat=10.7707&lon=106.6945&text=via%20he"));
        assertThat(far.toString()).doesNotContain(kept);

        String dup = created(api.post("/api/v1/feedback/reports", first)).get("code").asString();
        assertThat(api.post("/api/v1/feedback/reports/" + dup + "/followers", Map.of("email", "not-an-email")).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/feedback/reports/" + dup + "/followers", Map.of("email", "theodoi@example.vn"))
                .status()).isEqualTo(204);
        ApiClient coordinator = api.as("quantri.saigon");
        assertThat(act(coordinator, dup, "merge", Map.of("mergeInto", dup)).status()).isEqualTo(400);
        JsonNode merged = ok(act(coordinator, dup, "merge", Map.of("mergeInto", kept)));
        assertThat(merged.get("state").asString()).isEqualTo("merged");
        assertThat(merged.get("mergedIntoCode").asString()).isEqualTo(kept);
        long id = jdbc.sql("SELECT id FROM feedback_report WHERE code = ?").param(kept).query(Long.class).single();
        assertThat(jdbc.sql("SELECT email FROM feedback_follower WHERE report_id = ?").param(id).query(String.class).list())
                .contains("theodoi@example.vn");
        assertThat(ok(api.get("/api/v1/feedback/public/" + dup)).get("mergedIntoCode").asString()).isEqualTo(kept);
    }

    @Test
    void moderationHidesContentButKeepsItForTheRecord() {
        String code = created(api.post("/api/v1/feedback/reports",
                report("khac", "Nội dung xúc phạm cá nhân", SAI_GON_LAT, SAI_GON_LON))).get("code").asString();
        ApiClient moderator = api.as("quantri.saigon");
        assertThat(act(moderator, code, "hide", Map.of()).status()).isEqualTo(400);
        JsonNode hidden = ok(act(moderator, code, "hide", Map.of("text", "Ngôn từ xúc phạm")));
        assertThat(hidden.get("hidden").asBoolean()).isTrue();
        assertThat(hidden.get("hiddenReason").asString()).isEqualTo("Ngôn từ xúc phạm");
        assertThat(hidden.get("title").asString()).isEqualTo("Nội dung xúc phạm cá nhân");
        JsonNode pub = ok(api.get("/api/v1/feedback/public/" + code));
        assertThat(pub.get("hidden").asBoolean()).isTrue();
        assertThat(pub.get("title").isNull()).isTrue();
        assertThat(pub.toString()).doesNotContain("xúc phạm cá nhân").doesNotContain("Ngôn từ");
        JsonNode map = ok(api.get("/api/v1/feedback/map?bbox=106.69,10.77,106.72,10.79&limit=1000"));
        assertThat(map.toString()).doesNotContain(code);
    }

    @Test
    void overdueReportsAreMarkedOnceAndEscalated() {
        String code = created(api.post("/api/v1/feedback/reports",
                report("den-tin-hieu", "Đèn tín hiệu giao lộ không hoạt động", SAI_GON_LAT, SAI_GON_LON)))
                .get("code").asString();
        jdbc.sql("UPDATE feedback_report SET due_at = now() - interval '1 hour' WHERE code = ?").param(code).update();
        assertThat(feedback.markOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(feedback.markOverdue()).isZero();
        JsonNode full = ok(api.as("admin").get("/api/v1/feedback/reports/" + code));
        assertThat(full.get("overdue").asBoolean()).isTrue();
        assertThat(full.get("history").toString()).contains("overdue");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE object_id = ? AND action = 'overdue'")
                .param(code).query(Long.class).single()).isEqualTo(1L);
        JsonNode overdueList = ok(api.as("admin").get("/api/v1/feedback/reports?overdue=true&size=100"));
        assertThat(overdueList.get("items").toString()).contains(code);
        JsonNode dashboard = ok(api.as("admin").get("/api/v1/feedback/dashboard"));
        assertThat(dashboard.get("overdue").toString()).contains(code);
        assertThat(dashboard.get("total").get("total").asLong()).isPositive();
        Response csv = api.as("admin").get("/api/v1/feedback/dashboard.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("group,key,total").contains("category,den-tin-hieu");
        // The XLSX export opens as a workbook with the same rows; figures are numbers.
        var xlsx = api.as("admin").getBytes("/api/v1/feedback/dashboard.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.openxmlformats");
        List<List<String>> sheet = Xlsx.firstSheet(xlsx.body());
        assertThat(sheet.getFirst()).startsWith("group", "key", "total", "open", "overdue");
        assertThat(sheet.get(1).subList(0, 3)).containsExactly("all", "all", dashboard.get("total").get("total").asString());
        assertThat(sheet).anySatisfy(row -> assertThat(row.subList(0, 2)).containsExactly("category", "den-tin-hieu"));
        assertThat(sheet).hasSize(csv.body().split("\r\n").length);
        assertThat(api.as("quantri.benthanh").getBytes("/api/v1/feedback/dashboard.xlsx").statusCode()).isEqualTo(403);
        assertThat(api.as("quantri.benthanh").get("/api/v1/feedback/dashboard").status()).isEqualTo(403);
        assertThat(ok(api.as("quantri.benthanh").get("/api/v1/feedback/dashboard?agency=ubnd-26743"))
                .get("agency").asString()).isEqualTo("ubnd-26743");
    }

    @Test
    void badInputIsRefusedAndNothingIsSaved() {
        long before = jdbc.sql("SELECT count(*) FROM feedback_report").query(Long.class).single();
        // Hà Nội is not in Ho Chi Minh City.
        Response outside = api.post("/api/v1/feedback/reports", report("giao-thong", "Ổ gà", 21.0285, 105.8542));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.isProblem()).isTrue();
        assertThat(outside.json().get("errors").get(0).get("field").asString()).isEqualTo("lat");
        assertThat(api.post("/api/v1/feedback/reports", report("khong-co", "Ổ gà", SAI_GON_LAT, SAI_GON_LON)).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/feedback/reports", report("giao-thong", "   ", SAI_GON_LAT, SAI_GON_LON)).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/feedback/reports", report("giao-thong", "x".repeat(201), SAI_GON_LAT, SAI_GON_LON))
                .status()).isEqualTo(400);
        Map<String, Object> noPlace = report("giao-thong", "Ổ gà", SAI_GON_LAT, SAI_GON_LON);
        noPlace.remove("lat");
        assertThat(api.post("/api/v1/feedback/reports", noPlace).status()).isEqualTo(400);
        Map<String, Object> badEmail = report("giao-thong", "Ổ gà", SAI_GON_LAT, SAI_GON_LON);
        badEmail.put("contactEmail", "<script>");
        assertThat(api.post("/api/v1/feedback/reports", badEmail).status()).isEqualTo(400);
        assertThat(api.raw("POST", "/api/v1/feedback/reports", "application/json", "{".getBytes()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/feedback/map?bbox=1,2,3").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/feedback/public?status=weird").status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM feedback_report").query(Long.class).single()).isEqualTo(before);
        assertThat(api.get("/api/v1/feedback/public/PA-2026-ZZZZZZ").status()).isEqualTo(404);
        // NUL and other junk never reach the database as codes.
        assertThat(api.get("/api/v1/feedback/public/PA-%27x").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/feedback/public?unit=%00").status()).isEqualTo(400);
        assertThat(api.as("admin").get("/api/v1/feedback/reports?handlingPoint=%00").status()).isEqualTo(400);
        assertThat(api.as("admin").get("/api/v1/feedback/dashboard?agency=%27%3B").status()).isEqualTo(400);
    }

    @Test
    void photosAreImagesOnlyAtMostFiveAndShownPublicly() throws Exception {
        JsonNode c = created(api.post("/api/v1/feedback/reports",
                report("cong-vien", "Ghế đá công viên bị vỡ", SAI_GON_LAT, SAI_GON_LON)));
        String code = c.get("code").asString();
        ApiClient reporter = api.header("X-Report-Token", c.get("token").asString());
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes();
        long files = jdbc.sql("SELECT count(*) FROM files_object").query(Long.class).single();
        Response notImage = reporter.multipart("/api/v1/feedback/reports/" + code + "/photos", "file", "a.pdf",
                "application/pdf", pdf);
        assertThat(notImage.status()).as(notImage.body()).isEqualTo(415);
        assertThat(jdbc.sql("SELECT count(*) FROM files_object").query(Long.class).single()).isEqualTo(files);
        // Without the token (and not signed in) the report is not yours.
        assertThat(api.multipart("/api/v1/feedback/reports/" + code + "/photos", "file", "a.png", "image/png", png)
                .status()).isEqualTo(404);
        String url = null;
        for (int i = 0; i < 5; i++) {
            Response r = reporter.multipart("/api/v1/feedback/reports/" + code + "/photos", "file", "p" + i + ".png",
                    "image/png", png);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            url = r.json().get("url").asString();
        }
        assertThat(reporter.multipart("/api/v1/feedback/reports/" + code + "/photos", "file", "p6.png", "image/png", png)
                .status()).isEqualTo(409);
        var image = api.getBytes(url);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(png);
        assertThat(ok(api.get("/api/v1/feedback/public/" + code)).get("photos").size()).isEqualTo(5);
        // Open311 clients get the first photo as media_url.
        assertThat(ok(api.get("/open311/v2/requests/" + code + ".json")).get(0).get("media_url").asString())
                .contains("/api/v1/feedback/reports/" + code + "/photos/");
        // An official adds a photo to the answer.
        Response answerPhoto = api.as("canbo").multipart("/api/v1/feedback/reports/" + code + "/answer-photos", "file",
                "after.png", "image/png", png);
        assertThat(answerPhoto.status()).as(answerPhoto.body()).isEqualTo(201);
        assertThat(answerPhoto.json().get("kind").asString()).isEqualTo("answer");
    }

    @Test
    void submissionsAreRateLimitedPerAddress() {
        String address = "203.0.113." + (System.nanoTime() % 200);
        int sent = 0;
        while (feedback.allowsSubmissionFrom(address)) {
            feedback.submit(new NewReport("khac", "Phản ánh số " + sent, "Nội dung", SAI_GON_LAT, SAI_GON_LON, null,
                    null, null, null, null, null), "web", address);
            sent++;
            assertThat(sent).isLessThanOrEqualTo(1000);
        }
        assertThat(sent).isPositive();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> feedback.submit(new NewReport("khac", "Một nữa",
                        "Nội dung", SAI_GON_LAT, SAI_GON_LON, null, null, null, null, null, null), "web", address))
                .isInstanceOf(TooManyReportsException.class);
    }

    @Test
    void publicMapListsAndCategories() {
        String code = created(api.post("/api/v1/feedback/reports",
                report("o-nhiem", "Karaoke gây ồn sau 22 giờ <script>alert(1)</script>", SAI_GON_LAT, SAI_GON_LON)))
                .get("code").asString();
        JsonNode map = ok(api.get("/api/v1/feedback/map?bbox=106.69,10.77,106.72,10.79&category=o-nhiem&status=open"));
        assertThat(map.toString()).contains(code);
        JsonNode elsewhere = ok(api.get("/api/v1/feedback/map?bbox=106.60,10.70,106.61,10.71"));
        assertThat(elsewhere.toString()).doesNotContain(code);
        JsonNode list = ok(api.get("/api/v1/feedback/public?unit=26740&status=open&size=100&from="
                + java.time.LocalDate.now().minusDays(1)));
        assertThat(list.get("items").toString()).contains(code);
        JsonNode categories = ok(api.get("/api/v1/feedback/categories"));
        assertThat(categories.size()).isGreaterThanOrEqualTo(15);
        List<String> codes = new java.util.ArrayList<>();
        categories.forEach(cat -> codes.add(cat.get("code").asString()));
        assertThat(codes).contains("giao-thong", "chieu-sang", "thoat-nuoc", "dien", "cay-xanh", "moi-truong",
                "an-ninh-trat-tu");
        assertThat(jdbc.sql("SELECT count(*) FROM feedback_handling_point").query(Long.class).single())
                .isGreaterThan(600L);
    }
}
