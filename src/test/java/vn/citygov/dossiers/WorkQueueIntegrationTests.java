package vn.citygov.dossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.citygov.dossiers.DossiersIntegrationTests.act;
import static vn.citygov.dossiers.DossiersIntegrationTests.ok;

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
import vn.citygov.support.OnlineFiling;

/** The officials' work queue over HTTP: filters, sorting, badge counts, bulk actions, and the overdue scan. */
@IntegrationTest
class WorkQueueIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OverdueWatch overdue;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    /** A counter dossier for a person with a name no other test uses, so text search finds just it. */
    JsonNode counter(String name, boolean accept) {
        ApiClient desk = api.as("canbo");
        Map<String, Object> body = OnlineFiling.birth("26740");
        body.put("channel", "counter");
        body.put("applicantName", name);
        Response r = OnlineFiling.post(desk, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return accept ? ok(act(desk, r.json(), "accept", Map.of())) : r.json();
    }

    static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    JsonNode queue(ApiClient as, String query) {
        Response r = as.get("/api/v1/work-queue?size=100&" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void filtersNarrowTheQueueAndTextFindsACodeOrPartOfAName() {
        ApiClient desk = api.as("canbo");
        String tag = "Queue" + System.nanoTime() % 1_000_000;
        JsonNode accepted = counter("Lê Thị Hồng " + tag, true);
        JsonNode waiting = counter("Lê Thị Hồng " + tag, false);
        JsonNode byName = queue(desk, "q=" + tag);
        assertThat(ids(byName)).containsExactlyInAnyOrder(accepted.get("id").asLong(), waiting.get("id").asLong());
        assertThat(ids(queue(desk, "q=" + accepted.get("code").asString()))).containsExactly(accepted.get("id").asLong());
        assertThat(ids(queue(desk, "q=" + tag + "&state=accepted"))).containsExactly(accepted.get("id").asLong());
        assertThat(ids(queue(desk, "q=" + tag + "&step=civil-status-officer"))).containsExactly(accepted.get("id").asLong());
        assertThat(ids(queue(desk, "q=" + tag + "&channel=online"))).isEmpty();
        assertThat(ids(queue(desk, "q=" + tag + "&procedure=1.001193&channel=counter"))).hasSize(2);
        JsonNode item = queue(desk, "q=" + accepted.get("code").asString()).get("items").get(0);
        assertThat(item.get("stepName").asString()).isEqualTo("Công chức tư pháp - hộ tịch xử lý");
        assertThat(item.get("workAgencyCode").asString()).isEqualTo("ubnd-26740");
        assertThat(ids(queue(desk, "q=" + tag + "&sort=submitted")).get(0)).as("newest first")
                .isEqualTo(waiting.get("id").asLong());
        assertThat(ids(queue(desk, "q=" + tag + "&sort=due")).get(0)).as("dossiers with an appointment first")
                .isEqualTo(accepted.get("id").asLong());
        assertThat(ids(queue(api.as("quantri.benthanh"), "q=" + tag))).as("another ward's queue").isEmpty();
        assertThat(ids(queue(api.as("admin"), "q=" + tag))).as("city-wide").hasSize(2);
    }

    @Test
    void theQueueWorksPerPersonPerHandlingPointAndPerAgency() throws Exception {
        ApiClient desk = api.as("canbo");
        String tag = "Desk" + System.nanoTime() % 1_000_000;
        JsonNode waiting = counter("Đặng Văn Bàn " + tag, false);
        JsonNode accepted = counter("Đặng Thị Bàn " + tag, true);
        long w = waiting.get("id").asLong();
        long a = accepted.get("id").asLong();
        JsonNode atDesk = queue(desk, "q=" + tag + "&handlingPoint=mot-cua-26740");
        assertThat(ids(atDesk)).containsExactlyInAnyOrder(w, a);
        assertThat(atDesk.get("items").get(0).get("handlingPointCode").asString()).isEqualTo("mot-cua-26740");
        assertThat(ids(queue(desk, "q=" + tag + "&handlingPoint=mot-cua-26743"))).as("another ward's desk").isEmpty();
        assertThat(ids(queue(desk, "q=" + tag + "&agency=ubnd-26740"))).containsExactlyInAnyOrder(w, a);
        assertThat(ids(queue(desk, "scope=mine&q=" + tag))).as("nothing claimed yet").isEmpty();
        ok(act(desk, accepted, "claim", Map.of()));
        assertThat(ids(queue(desk, "scope=mine&q=" + tag))).containsExactly(a);
        assertThat(ids(queue(desk, "scope=mine&handlingPoint=mot-cua-26740&q=" + tag))).containsExactly(a);

        Response bad = desk.get("/api/v1/work-queue?handlingPoint=" + java.net.URLEncoder.encode("x' OR 1=1",
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("handlingPoint");

        DossierRatingIntegrationTests.Page page = new DossierRatingIntegrationTests.Page(port).login("canbo");
        String html = page.get("/my-work?handlingPoint=mot-cua-26740&q=" + tag).body();
        assertThat(html).contains("id=\"f-handling-point\"", "value=\"mot-cua-26740\"",
                accepted.get("code").asString());
    }

    @Test
    void nameSearchIgnoresAccentsCaseAndSpacing() {
        ApiClient desk = api.as("canbo");
        String tag = "Fold" + System.nanoTime() % 1_000_000;
        JsonNode d = counter("Nguyễn Văn Đức " + tag, true);
        for (String q : List.of("nguyen van duc " + tag, "NGUYEN  VĂN", "Nguyễn Văn Đức " + tag, "van duc " + tag)) {
            String query = "q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(ids(queue(desk, query + "&agency=ubnd-26740"))).as(q).contains(d.get("id").asLong());
        }
        assertThat(ids(queue(desk, "q=nguyen+van+dung+" + tag))).isEmpty();
        assertThat(ids(queue(desk, "q=" + tag + "%25"))).as("a % is a character, not a wildcard").isEmpty();
        // The database folds stored names the way TextFolding folds the query.
        for (String name : List.of("Nguyễn Văn Đức", "ĐẶNG THỊ HỒNG", "  Lê   Ánh\tTuyết ", "Trương Ngọc Ỷ",
                "Phạm Gia Quý", "Hoàng Thị Ỳ")) {
            assertThat(jdbc.sql("SELECT dossiers_fold(:n)").param("n", name).query(String.class).single()).as(name)
                    .isEqualTo(vn.citygov.platform.text.TextFolding.fold(name));
        }
    }

    @Test
    void aStepPastItsOwnDeadlineIsMarkedApartFromAnOverdueDossier() throws Exception {
        ApiClient desk = api.as("canbo");
        String tag = "Step" + System.nanoTime() % 1_000_000;
        JsonNode lateStep = counter("Bùi Văn Chậm " + tag, true);
        JsonNode onTime = counter("Bùi Văn Kịp " + tag, true);
        jdbc.sql("UPDATE dossiers_dossier SET step_due_at = now() - interval '1 hour' WHERE id = :id")
                .param("id", lateStep.get("id").asLong()).update();
        JsonNode page = queue(desk, "q=" + tag);
        for (JsonNode item : page.get("items")) {
            boolean late = item.get("id").asLong() == lateStep.get("id").asLong();
            assertThat(item.get("stepOverdue").asBoolean()).as(item.get("applicantName").asString()).isEqualTo(late);
            assertThat(item.get("overdue").asBoolean()).as("the appointment is still ahead").isFalse();
            assertThat(item.get("stepDueAt").isNull()).as("both are at a step with a deadline").isFalse();
        }
        assertThat(ids(page)).hasSize(2);

        DossierRatingIntegrationTests.Page browser = new DossierRatingIntegrationTests.Page(port).login("canbo");
        String html = browser.get("/my-work?q=" + tag).body();
        assertThat(html).contains("id=\"step-overdue-" + lateStep.get("id").asLong() + "\"", "Quá hạn bước",
                "step-overdue").doesNotContain("id=\"step-overdue-" + onTime.get("id").asLong() + "\"");
    }

    @Test
    void dueSoonAndOverdueAreFilteredCountedAndHighlighted() {
        ApiClient desk = api.as("canbo");
        String tag = "Due" + System.nanoTime() % 1_000_000;
        JsonNode late = counter("Trần Văn Trễ " + tag, true);
        JsonNode soon = counter("Trần Văn Sớm " + tag, true);
        jdbc.sql("UPDATE dossiers_dossier SET due_at = now() - interval '2 hours' WHERE id = :id")
                .param("id", late.get("id").asLong()).update();
        jdbc.sql("UPDATE dossiers_dossier SET due_at = now() + interval '1 hour' WHERE id = :id")
                .param("id", soon.get("id").asLong()).update();
        JsonNode overdueOnly = queue(desk, "q=" + tag + "&due=overdue");
        assertThat(ids(overdueOnly)).containsExactly(late.get("id").asLong());
        assertThat(overdueOnly.get("items").get(0).get("overdue").asBoolean()).isTrue();
        JsonNode soonOnly = queue(desk, "q=" + tag + "&due=soon");
        assertThat(ids(soonOnly)).containsExactly(soon.get("id").asLong());
        assertThat(soonOnly.get("items").get(0).get("dueSoon").asBoolean()).isTrue();
        JsonNode counts = queue(desk, "").get("counts");
        assertThat(counts.get("overdue").asLong()).isPositive();
        assertThat(counts.get("dueSoon").asLong()).isPositive();
        assertThat(counts.get("accepted").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(counts.has("returned")).as("badges are for open work").isFalse();
    }

    @Test
    void bulkClaimReportsEachDossierOnItsOwnAndMineListsWhatIClaimed() {
        ApiClient desk = api.as("canbo");
        String tag = "Bulk" + System.nanoTime() % 1_000_000;
        JsonNode one = counter("Võ Văn Một " + tag, true);
        JsonNode two = counter("Võ Văn Hai " + tag, true);
        JsonNode notAccepted = counter("Võ Văn Ba " + tag, false);
        Response r = desk.post("/api/v1/dossiers/bulk", Map.of("action", "claim", "items", List.of(
                Map.of("id", one.get("id").asLong(), "version", one.get("version").asInt()),
                Map.of("id", two.get("id").asLong(), "version", two.get("version").asInt() - 1),
                Map.of("id", notAccepted.get("id").asLong(), "version", notAccepted.get("version").asInt()),
                Map.of("id", 999_999_999L, "version", 0))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode results = r.json().get("results");
        assertThat(results.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(results.get(0).get("version").asInt()).isEqualTo(one.get("version").asInt() + 1);
        assertThat(results.get(1).get("status").asInt()).isEqualTo(409);
        assertThat(results.get(1).get("code").asString()).isEqualTo("stale-version");
        assertThat(results.get(2).get("code").asString()).isEqualTo("illegal-transition");
        assertThat(results.get(3).get("status").asInt()).isEqualTo(404);

        JsonNode mine = queue(desk, "scope=mine&q=" + tag);
        assertThat(ids(mine)).containsExactly(one.get("id").asLong());
        assertThat(mine.get("counts").get("mine").asLong()).isPositive();

        Response otherWard = api.as("quantri.benthanh").post("/api/v1/dossiers/bulk", Map.of("action", "claim",
                "items", List.of(Map.of("id", two.get("id").asLong(), "version", two.get("version").asInt()))));
        assertThat(otherWard.json().get("results").get(0).get("status").asInt()).isEqualTo(403);

        Response forward = desk.post("/api/v1/dossiers/bulk", Map.of("action", "forward", "assignee", "quantri.saigon",
                "items", List.of(Map.of("id", one.get("id").asLong(), "version", one.get("version").asInt() + 1),
                        Map.of("id", two.get("id").asLong(), "version", two.get("version").asInt()))));
        assertThat(forward.json().get("results").findValues("status").stream().map(JsonNode::asInt))
                .as(forward.body()).containsExactly(200, 200);
        assertThat(ids(queue(api.as("quantri.saigon"), "scope=mine&q=" + tag)))
                .containsExactlyInAnyOrder(one.get("id").asLong(), two.get("id").asLong());
    }

    @Test
    void cursorPagingReturnsEveryDossierOnceEvenWhenSortKeysAreEqual() throws Exception {
        ApiClient desk = api.as("canbo");
        String tag = "Keyset" + System.nanoTime() % 1_000_000;
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            // Six with an appointment, three still waiting at the desk (no appointment: last by due date).
            made.add(counter("Phan Văn Trang " + tag, i < 6).get("id").asLong());
        }
        // Every accepted one shares one appointment and all share one submission time: only the id breaks ties.
        jdbc.sql("UPDATE dossiers_dossier SET due_at = CASE WHEN due_at IS NULL THEN NULL ELSE timestamptz "
                + "'2030-01-02 10:00:00+07' END, submitted_at = timestamptz '2026-01-02 09:00:00+07' WHERE id IN (:ids)")
                .param("ids", made).update();
        for (String sort : List.of("due", "submitted")) {
            List<Long> whole = ids(queue(desk, "q=" + tag + "&sort=" + sort));
            assertThat(whole).containsExactlyInAnyOrderElementsOf(made);
            List<Long> forward = new ArrayList<>();
            List<JsonNode> pages = new ArrayList<>();
            JsonNode page = pageOf(desk, "q=" + tag + "&size=2&sort=" + sort);
            assertThat(page.get("previous").isNull()).as("the first page has none before it").isTrue();
            while (true) {
                pages.add(page);
                ids(page).forEach(forward::add);
                if (page.get("next").isNull()) {
                    break;
                }
                page = pageOf(desk, "q=" + tag + "&size=2&sort=" + sort + "&after=" + page.get("next").asString());
            }
            assertThat(forward).as(sort + ": forward, in the queue's order, each once").isEqualTo(whole);
            assertThat(pages).hasSize(5);
            // And back again from the last page.
            List<Long> backward = new ArrayList<>(ids(page));
            while (!page.get("previous").isNull()) {
                page = pageOf(desk, "q=" + tag + "&size=2&sort=" + sort + "&before=" + page.get("previous").asString());
                backward.addAll(0, ids(page));
            }
            assertThat(backward).as(sort + ": backward").isEqualTo(whole);
        }
        // Offset pages still answer for older callers; cursors of another sort or made up are refused.
        assertThat(ids(pageOf(desk, "q=" + tag + "&size=2&page=1&sort=due"))).hasSize(2);
        String cursor = pageOf(desk, "q=" + tag + "&size=2&sort=due").get("next").asString();
        for (String bad : List.of("sort=submitted&after=" + cursor, "after=x.1.2", "after=d.999999999999999999.1",
                "after=" + cursor + "&before=" + cursor)) {
            Response r = desk.get("/api/v1/work-queue?q=" + tag + "&" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.contentType()).contains("application/problem+json");
        }
        // The page pages the same way (newest first) with next and previous links.
        DossierRatingIntegrationTests.Page browser = new DossierRatingIntegrationTests.Page(port).login("canbo");
        var stale = browser.get("/work-queue?after=nonsense");
        assertThat(stale.statusCode()).as("a stale link shows the first page").isEqualTo(200);
        // Static links carry the webjar's version; page links are left as written.
        assertThat(stale.body()).containsPattern("href=\"/webjars/bootstrap/\\d[^\"]*/css/bootstrap.min.css\"")
                .contains("href=\"/work-queue?state=submitted\"");
    }

    JsonNode pageOf(ApiClient as, String query) {
        Response r = as.get("/api/v1/work-queue?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Autowired
    vn.citygov.dossiers.internal.HandlingPointBackfill backfill;

    @Test
    void olderDossiersGetTheHoldingAgencysDeskAsTheirHandlingPoint() {
        String tag = "Old" + System.nanoTime() % 1_000_000;
        // As filed before handling points were recorded: straight into the table, without one.
        long id = jdbc.sql("""
                INSERT INTO dossiers_dossier (code, procedure_code, agency_code, admin_unit_code, applicant_name,
                    submitted_by, channel, state, delivery, processing_days, submitted_at, received_at, due_at)
                VALUES (NULL, '1.001193', 'ubnd-26740', '26740', :name, 'canbo', 'counter', 'accepted', 'desk', 5,
                    now(), now(), now() + interval '5 days') RETURNING id
                """).param("name", "Lâm Văn Cũ " + tag).query(Long.class).single();
        assertThat(ids(queue(api.as("canbo"), "q=" + tag + "&handlingPoint=mot-cua-26740"))).isEmpty();
        assertThat(backfill.fill()).isPositive();
        assertThat(jdbc.sql("SELECT handling_point_code FROM dossiers_dossier WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("mot-cua-26740");
        assertThat(ids(queue(api.as("canbo"), "q=" + tag + "&handlingPoint=mot-cua-26740"))).containsExactly(id);
        assertThat(backfill.fill()).as("nothing left to fill for that desk").isZero();
    }

    @Test
    void badRequestsAreRefused() {
        ApiClient desk = api.as("canbo");
        assertThat(desk.get("/api/v1/work-queue?due=tomorrow").status()).isEqualTo(400);
        assertThat(desk.get("/api/v1/work-queue?state=flying").status()).isEqualTo(400);
        assertThat(desk.get("/api/v1/work-queue?sort=name").status()).isEqualTo(400);
        assertThat(desk.get("/api/v1/work-queue?step=DROP%20TABLE").status()).isEqualTo(400);
        assertThat(desk.get("/api/v1/work-queue?page=500&size=100").status()).isEqualTo(400);
        assertThat(desk.get("/api/v1/work-queue?agency=ubnd-26743").status()).isEqualTo(403);
        assertThat(desk.get("/api/v1/work-queue?q=%00abc").status()).isEqualTo(200);
        assertThat(api.as("congdan").get("/api/v1/work-queue").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/work-queue").status()).isEqualTo(401);
        assertThat(desk.post("/api/v1/dossiers/bulk", Map.of("action", "approve", "items", List.of(Map.of("id", 1))))
                .status()).isEqualTo(400);
        assertThat(desk.post("/api/v1/dossiers/bulk", Map.of("action", "claim", "items", List.of())).status())
                .isEqualTo(400);
    }

    @Test
    void theOverdueScanPublishesOncePerDossier() {
        JsonNode d = counter("Đặng Văn Hạn " + System.nanoTime() % 1_000_000, true);
        long id = d.get("id").asLong();
        jdbc.sql("UPDATE dossiers_dossier SET due_at = now() - interval '1 minute' WHERE id = :id").param("id", id)
                .update();
        overdue.scan();
        overdue.scan();
        String audit = api.as("admin").get("/api/v1/audit?objectType=dossier&objectId=" + id + "&action=overdue").body();
        assertThat(audit.split("\"action\":\"overdue\"", -1)).as(audit).hasSize(2);
        assertThat(jdbc.sql("SELECT overdue_notified_at IS NOT NULL FROM dossiers_dossier WHERE id = :id")
                .param("id", id).query(Boolean.class).single()).isTrue();
    }
}
