package vn.citygov.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;

/** The index API: public aggregates, officials' drill-down, definitions, facts, targets and recompute. */
@IntegrationTest
class InsightIntegrationTests {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void theCityScoreIsPublicWithGroupsAndTheVersionUsed() {
        Response r = api.get("/api/v1/index/scores?scope=city&period=ytd");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode card = r.json().get("card");
        assertThat(card.get("version").asString()).isEqualTo("766-2022.1");
        assertThat(card.get("score").asDouble()).isBetween(1.0, 100.0);
        assertThat(card.get("maxPoints").asDouble()).isEqualTo(100.0);
        assertThat(card.get("groups")).hasSize(6);
        assertThat(card.get("band").asString()).isIn("excellent", "good", "fair", "average", "weak");
    }

    @Test
    void anAgencyWithoutFactsHasNoDataRatherThanZero() {
        JsonNode card = api.get("/api/v1/index/scores?scope=agency&code=hdnd-tphcm").json().get("card");
        assertThat(card.get("score").isNull()).isTrue();
        assertThat(card.get("band").isNull()).isTrue();
        assertThat(card.get("indicators").get(0).get("value").isNull()).isTrue();
        assertThat(card.get("indicators").get(0).get("points").isNull()).isTrue();
    }

    @Test
    void wardsAreRankedByScoreWithTheChangeSinceLastMonth() {
        JsonNode page = api.get("/api/v1/index/ranking?peers=wards&size=100").json();
        assertThat(page.get("total").asInt()).isGreaterThan(100);
        JsonNode items = page.get("items");
        assertThat(items.get(0).get("rank").asInt()).isEqualTo(1);
        for (int i = 1; i < items.size(); i++) {
            assertThat(items.get(i).get("score").asDouble()).isLessThanOrEqualTo(items.get(i - 1).get("score").asDouble());
        }
        JsonNode agency = api.get("/api/v1/index/scores?scope=agency&code=" + items.get(2).get("code").asString()).json();
        assertThat(agency.get("rank").asInt()).isEqualTo(items.get(2).get("rank").asInt());
        assertThat(agency.get("peerGroup").asString()).isEqualTo("wards");
    }

    @Test
    void badScopesPeriodsAndPeersAre400Problems() {
        for (String path : List.of("/api/v1/index/scores?period=2026-13", "/api/v1/index/scores?scope=planet",
                "/api/v1/index/ranking?peers=planets", "/api/v1/index/targets?year=1800")) {
            Response r = api.get(path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
        }
        assertThat(api.get("/api/v1/index/agencies/no-such-agency").status()).isEqualTo(404);
    }

    @Test
    void aCompletedDossierCountsOnceAndOfficialsSeeItBehindTheScore() {
        String today = Instant.now().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate().toString();
        JsonNode before = api.get("/api/v1/index/scores?scope=agency&code=ubnd-26740").json();
        JsonNode d = InsightDossiers.completed(api);
        String code = d.get("code").asString();
        ApiClient official = api.as("canbo");
        InsightDossiers.eventually(() -> official.get("/api/v1/index/agencies/ubnd-26740/dossiers?measure=dossier.finished")
                .body().contains(code), "the returned dossier is counted");
        JsonNode list = official.get("/api/v1/index/agencies/ubnd-26740/dossiers?measure=dossier.finished_on_time&size=100").json();
        assertThat(list.get("items").findValuesAsString("ref")).contains(code);
        assertThat(before.get("period").asString()).isEqualTo(today.substring(0, 7));

        // the public and officials of other agencies see aggregates only
        assertThat(api.get("/api/v1/index/agencies/ubnd-26740/dossiers?measure=dossier.finished").status()).isEqualTo(401);
        assertThat(api.as("quantri.benthanh").get("/api/v1/index/agencies/ubnd-26740/dossiers?measure=dossier.finished")
                .status()).isEqualTo(403);
        assertThat(official.get("/api/v1/index/agencies/ubnd-26740/dossiers?measure=not%20a%20measure").status()).isEqualTo(400);
        assertThat(api.get("/service-index/agencies/ubnd-26740").body()).doesNotContain("agency-drill").doesNotContain(code);
    }

    @Test
    void aMalformedDefinitionIsRefusedWithTheFieldAndTheReason() {
        String current = defaultSet();
        String body = current.replace("\"766-2022.1\"", "\"test-bad\"").replaceFirst("\"kind\": \"ratio\"", "\"kind\": \"script\"");
        Response r = api.as("admin").raw("POST", "/api/v1/index/definitions", "application/json", body.getBytes());
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("indicators[0].formula.kind");
        assertThat(r.json().get("detail").asString()).contains("ratio, complement, average");

        String tooMany = current.replace("\"766-2022.1\"", "\"test-bad2\"").replace("\"points\": 20,", "\"points\": 25,");
        Response r2 = api.as("admin").raw("POST", "/api/v1/index/definitions", "application/json", tooMany.getBytes());
        assertThat(r2.status()).isEqualTo(400);
        assertThat(r2.json().get("errors").get(0).get("field").asString()).endsWith(".points");
    }

    static String defaultSet() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("src/main/resources/insight/indicators-766-2022.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void administratorsLoadANewVersionThatScoresPeriodsFromItsDate() {
        String body = defaultSet().replace("\"766-2022.1\"", "\"766-future\"").replace("\"2022-06-23\"", "\"2099-01-01\"");
        assertThat(api.as("canbo").raw("POST", "/api/v1/index/definitions", "application/json", body.getBytes())
                .status()).isEqualTo(403);
        Response created = api.as("admin").raw("POST", "/api/v1/index/definitions", "application/json", body.getBytes());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.as("admin").raw("POST", "/api/v1/index/definitions", "application/json", body.getBytes()).status())
                .isEqualTo(409);
        assertThat(api.get("/api/v1/index/definitions").body()).contains("766-future").contains("766-2022.1");
        assertThat(api.get("/api/v1/index/definitions/766-2022.1").body()).contains("\"kind\":\"complement\"");
        assertThat(api.get("/api/v1/index/scores?period=2099-01").json().get("card").get("version").asString())
                .isEqualTo("766-future");
        assertThat(api.get("/api/v1/index/scores?period=2026").json().get("card").get("version").asString())
                .isEqualTo("766-2022.1");
    }

    @Test
    void loadedFactsCountOnceAndFeedTheTargets() {
        UUID id = UUID.randomUUID();
        List<Map<String, Object>> facts = List.of(Map.of("eventId", id.toString(), "kind", "periodic.reports",
                "agencyCode", "so-tu-phap", "occurredAt", Instant.now().minusSeconds(60).toString(),
                "measures", Map.of("periodic_report.total", 10, "periodic_report.on_system", 2)));
        assertThat(api.as("canbo").post("/api/v1/index/facts", facts).status()).isEqualTo(403);
        JsonNode first = api.as("admin").post("/api/v1/index/facts", facts).json();
        assertThat(first.get("added").asInt()).isEqualTo(1);
        JsonNode again = api.as("admin").post("/api/v1/index/facts", facts).json();
        assertThat(again.get("added").asInt()).isZero();
        Response bad = api.as("admin").post("/api/v1/index/facts", List.of(Map.of("eventId", UUID.randomUUID().toString(),
                "kind", "x", "agencyCode", "so-tu-phap", "occurredAt", Instant.now().toString(),
                "measures", Map.of("periodic_report.total", -1))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("facts[0].measures.periodic_report.total");

        JsonNode targets = api.get("/api/v1/index/targets").json();
        assertThat(targets.get("city")).hasSize(5);
        assertThat(targets.get("city").findValuesAsString("kpi")).contains("online_services", "periodic_reports");
        assertThat(targets.get("behind").size()).isPositive();
    }

    @Test
    void targetsAreDataPerYearAndScope() {
        Response bad = api.as("admin").put("/api/v1/index/targets/2030", List.of(Map.of("kpi", "digitised", "scope", "city",
                "percent", 140)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(api.as("canbo").put("/api/v1/index/targets/2030", List.of(Map.of("kpi", "digitised", "scope", "city",
                "percent", 40))).status()).isEqualTo(403);
        Response ok = api.as("admin").put("/api/v1/index/targets/2030", List.of(Map.of("kpi", "digitised", "scope", "city",
                "percent", 45), Map.of("kpi", "work_records_online", "scope", "ward", "percent", 70)));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        JsonNode city = api.get("/api/v1/index/targets?year=2030").json().get("city");
        assertThat(city.findValues("target").stream().filter(v -> !v.isNull()).map(JsonNode::asDouble).toList())
                .containsExactly(45.0);
        JsonNode defaults = api.get("/api/v1/index/targets?year=2026").json().get("city");
        assertThat(defaults.findValues("target").stream().map(JsonNode::asDouble).toList())
                .containsExactly(80.0, 50.0, 40.0, 90.0, 80.0);
    }

    @Test
    void recomputeGivesTheSameNumbersAndIsForAdministrators() {
        assertThat(api.as("canbo").post("/api/v1/index/recompute", Map.of()).status()).isEqualTo(403);
        JsonNode before = api.get("/api/v1/index/ranking?peers=departments&period=ytd&size=100").json();
        Response r = api.as("admin").post("/api/v1/index/recompute", Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("facts").asLong()).isPositive();
        JsonNode after = api.get("/api/v1/index/ranking?peers=departments&period=ytd&size=100").json();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aBackgroundRecomputeAnswersAtOnceAndIsFollowedToItsResult() throws InterruptedException {
        assertThat(api.as("canbo").post("/api/v1/index/recompute?async=true", Map.of()).status()).isEqualTo(403);
        assertThat(api.as("canbo").get("/api/v1/index/recompute").status()).isEqualTo(403);
        Response started = api.as("admin").post("/api/v1/index/recompute?async=true", Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.header("Location")).isEqualTo("/api/v1/index/recompute");
        assertThat(started.json().get("startedBy").asString()).isEqualTo("admin");
        JsonNode run = started.json();
        for (int i = 0; i < 300 && "RUNNING".equals(run.get("state").asString()); i++) {
            Thread.sleep(100);
            run = api.as("admin").get("/api/v1/index/recompute").json();
        }
        assertThat(run.get("state").asString()).isEqualTo("DONE");
        assertThat(run.get("result").get("facts").asLong()).isPositive();
        assertThat(run.get("finishedAt").isNull()).isFalse();
    }

    @Test
    void theDashboardAndAgencyDetailArePublicAggregates() {
        JsonNode d = api.get("/api/v1/index/dashboard").json();
        assertThat(d.get("map").size()).isGreaterThan(100);
        assertThat(d.get("trend")).hasSize(12);
        assertThat(d.get("top")).hasSize(5);
        assertThat(d.get("alerts").size()).isPositive();
        JsonNode detail = api.get("/api/v1/index/agencies/ubnd-26740?period=ytd").json();
        assertThat(detail.get("targets")).hasSize(5);
        assertThat(detail.get("score").get("card").get("indicators").size()).isEqualTo(22);
    }

    @Test
    void tablesExportAsCsvAndTheMonthlyReportAsPdf() {
        Response csv = api.get("/service-index/ranking.csv?peers=wards&period=ytd");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment").contains("ranking-wards-").contains("-ytd.csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("\uFEFFThứ hạng,Mã,Cơ quan,Điểm,Xếp loại,Thay đổi so với kỳ trước");
        assertThat(lines[1]).startsWith("1,ubnd-");
        assertThat(lines.length).isGreaterThan(100);
        assertThat(api.get("/service-index/ranking.pdf").status()).isEqualTo(404);
        assertThat(api.get("/service-index?period=2026-13").status()).isEqualTo(400);
        assertThat(api.get("/service-index/agencies/nowhere").status()).isEqualTo(404);

        var pdf = api.getBytes("/service-index/agencies/ubnd-26740/report.pdf?period=ytd");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(pdf.body().length).isGreaterThan(5_000);
        assertThat(api.get("/service-index/agencies/ubnd-26740").body()).contains("agency-indicators");
    }
}
