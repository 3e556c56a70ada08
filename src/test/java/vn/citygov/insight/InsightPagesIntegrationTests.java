package vn.citygov.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;
import vn.citygov.support.PageSession;
import vn.citygov.support.Xlsx;

/**
 * The index pages as people use them: every table downloads as CSV and XLSX with the rows shown, KPI targets
 * with their trend and who is behind, the drill-down behind any score for officials only, the map with the
 * departments, and alerts for sudden changes.
 */
@IntegrationTest
class InsightPagesIntegrationTests {

    private static final Pattern TABLE = Pattern.compile("<(table|ol|ul)[^>]*\\sid=\"([^\"]+)\"[^>]*>(.*?)</\\1>", Pattern.DOTALL);
    private static final Pattern EXPORT = Pattern.compile("<a [^>]*id=\"export-([^\"]+)-(csv|xlsx)\"[^>]*>");
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void everyTableOfTheIndexPagesAndTheOperationsCentreDownloadsAsCsvAndXlsxWithTheRowsShown() {
        PageSession anonymous = new PageSession(port);
        PageSession admin = new PageSession(port).login("admin");
        int tables = 0;
        for (var page : List.of(Map.entry(anonymous, "/service-index?period=ytd"), Map.entry(anonymous, "/service-index/targets"),
                Map.entry(anonymous, "/service-index/agencies/ubnd-26740?period=ytd"), Map.entry(admin, "/ioc"),
                Map.entry(admin, "/service-index/agencies/ubnd-26740?period=ytd&measure=dossier.received"),
                Map.entry(admin, "/service-index/drill?scope=unit&code=26740&indicator=online.dossiers&period=ytd"))) {
            HttpResponse<String> r = page.getKey().get(page.getValue());
            assertThat(r.statusCode()).as(page.getValue()).isEqualTo(200);
            String html = r.body();
            Map<String, String[]> links = new java.util.HashMap<>();
            Matcher e = EXPORT.matcher(html);
            while (e.find()) {
                Matcher href = HREF.matcher(e.group());
                assertThat(href.find()).isTrue();
                links.computeIfAbsent(e.group(1), k -> new String[2])["csv".equals(e.group(2)) ? 0 : 1] =
                        href.group(1).replace("&amp;", "&");
            }
            Matcher t = TABLE.matcher(html);
            while (t.find()) {
                String id = t.group(2);
                if (!t.group(1).equals("table") && !id.startsWith("ioc-") && !id.startsWith("drill-")
                        || id.equals("ioc-board")) {
                    continue;
                }
                tables++;
                String where = page.getValue() + " #" + id;
                assertThat(links).as(where + " has export links").containsKey(id);
                int shown = t.group(1).equals("table") ? count(body(t.group(3)), "<tr") : count(t.group(3), "<li");
                if (id.equals("ioc-map")) {
                    // the map is drawn by script: its table is the dashboard's points
                    shown = api.get("/api/v1/index/dashboard").json().get("map").size();
                }
                HttpResponse<byte[]> csv = page.getKey().bytes(links.get(id)[0]);
                assertThat(csv.statusCode()).as(where + " csv").isEqualTo(200);
                assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
                String text = new String(csv.body(), StandardCharsets.UTF_8);
                assertThat(text).startsWith("\uFEFF");
                long lines = text.lines().count();
                HttpResponse<byte[]> xlsx = page.getKey().bytes(links.get(id)[1]);
                assertThat(xlsx.statusCode()).as(where + " xlsx").isEqualTo(200);
                List<List<String>> sheet = Xlsx.firstSheet(xlsx.body());
                if (id.equals("drill-list") || id.equals("drill-table")) {
                    // the page shows the newest 50, the export all of them
                    assertThat(lines - 1).as(where).isGreaterThanOrEqualTo(shown);
                } else {
                    assertThat(lines - 1).as(where + " csv rows").isEqualTo(shown);
                }
                assertThat(sheet).as(where + " xlsx rows").hasSize((int) lines);
            }
        }
        assertThat(tables).isGreaterThanOrEqualTo(15);
        // bad names and formats are 404, bad parameters 400, never 500
        assertThat(anonymous.get("/service-index/tables/nothing.csv").statusCode()).isEqualTo(404);
        assertThat(anonymous.get("/service-index/tables/targets.pdf").statusCode()).isEqualTo(404);
        assertThat(anonymous.get("/service-index/tables/targets.csv?year=abcd").statusCode()).isEqualTo(400);
        assertThat(anonymous.get("/service-index/tables/ranking.csv?peers=planets").statusCode()).isEqualTo(400);
        assertThat(anonymous.get("/service-index/tables/drill.csv?scope=city&indicator=timeliness.on_time").statusCode())
                .isEqualTo(403);
    }

    @Test
    void targetsShowActualAgainstTargetWithTheTrendAndWhoIsBehind() {
        JsonNode report = api.get("/api/v1/index/targets").json();
        YearMonth now = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        JsonNode trend = report.get("trend");
        assertThat(trend).hasSize(now.getMonthValue());
        assertThat(trend.get(0).get("month").asString()).isEqualTo(now.getYear() + "-01");
        assertThat(trend.get(trend.size() - 1).get("actuals").propertyNames()).containsExactly("online_services",
                "dossiers_online", "digitised", "work_records_online", "periodic_reports");
        for (JsonNode k : report.get("city")) {
            if (!k.get("actual").isNull() && !k.get("target").isNull()) {
                assertThat(k.get("gap").asDouble()).isCloseTo(k.get("actual").asDouble() - k.get("target").asDouble(),
                        org.assertj.core.api.Assertions.within(0.011));
                assertThat(k.get("behind").asBoolean()).isEqualTo(k.get("gap").asDouble() < 0);
            }
        }
        JsonNode behind = report.get("behind");
        assertThat(behind.size()).isPositive();
        for (int i = 1; i < behind.size(); i++) {
            assertThat(behind.get(i).get("behindOn").size()).isLessThanOrEqualTo(behind.get(i - 1).get("behindOn").size());
        }
        JsonNode first = behind.get(0);
        List<String> behindOn = first.get("behindOn").valueStream().map(JsonNode::asString).toList();
        for (JsonNode k : first.get("kpis")) {
            assertThat(behindOn.contains(k.get("kpi").asString())).as(k.toString()).isEqualTo(k.get("behind").asBoolean(false));
        }
        // an agency's own KPIs, public, with the previous year and its months
        JsonNode agency = api.get("/api/v1/index/agencies/ubnd-26740/targets?year=" + now.getYear()).json();
        assertThat(agency.get("scope").asString()).isEqualTo("ward");
        assertThat(agency.get("kpis")).hasSize(5);
        assertThat(agency.get("trend")).hasSize(now.getMonthValue());
        assertThat(api.get("/api/v1/index/agencies/nowhere/targets").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/index/agencies/ubnd-26740/targets?year=1700").status()).isEqualTo(400);
        // the page lists the same agencies behind
        String page = new PageSession(port).get("/service-index/targets").body();
        assertThat(count(body(section(page, "targets-behind")), "<tr")).isEqualTo(behind.size());
        assertThat(page).contains(first.get("name").asString()).contains("Chỉ tiêu năm " + now.getYear());
        // the trend's cells show the month's actuals as the API gives them
        String trendRows = body(section(page, "targets-trend"));
        int withData = 0;
        for (JsonNode m : trend) {
            for (JsonNode v : m.get("actuals")) {
                withData += v.isNull() ? 0 : 1;
            }
        }
        assertThat(withData).isPositive();
        assertThat(count(trendRows, "%</td>")).isEqualTo(withData);
        assertThat(new PageSession(port).get("/service-index/targets?year=abc").statusCode()).isEqualTo(400);
        assertThat(new PageSession(port).get("/service-index/targets?year=1999").statusCode()).isEqualTo(400);
        assertThat(new PageSession(port).get("/service-index/targets?lang=en").body()).contains("Agencies behind target")
                .contains("Month by month").contains("Previous year");
    }

    @Test
    void theDrillDownBehindAnyScoreIsForOfficialsOfThatScopeOnly() {
        JsonNode done = InsightDossiers.completed(api);
        String code = done.get("code").asString();
        JsonNode unitPoint = null;
        for (JsonNode p : api.get("/api/v1/index/dashboard").json().get("map")) {
            if (p.get("kind").asString().equals("unit") && p.get("code").asString().equals(InsightDossiers.WARD)) {
                unitPoint = p;
            }
        }
        assertThat(unitPoint).isNotNull();
        Response filed = api.post("/api/v1/feedback/reports", Map.of("categoryCode", "cay-xanh", "title",
                "Cây đổ chắn lối đi", "description", "Cây đổ chắn lối đi bộ trước số 12", "lat", unitPoint.get("lat").asDouble(),
                "lon", unitPoint.get("lon").asDouble()));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String report = filed.json().get("code").asString();

        ApiClient admin = api.as("admin");
        ApiClient official = api.as("canbo");
        String city = "/api/v1/index/drill?scope=city&indicator=timeliness.on_time&size=100";
        InsightDossiers.eventually(() -> admin.get(city).body().contains(code), "the dossier behind the city's score");
        JsonNode cityDrill = admin.get(city).json();
        assertThat(cityDrill.get("measures").valueStream().map(JsonNode::asString).toList())
                .containsExactly("dossier.finished_on_time", "dossier.finished");
        assertThat(cityDrill.get("indicatorScore").get("code").asString()).isEqualTo("timeliness.on_time");
        assertThat(cityDrill.get("items").get("items").findValuesAsString("measure"))
                .isSubsetOf("dossier.finished_on_time", "dossier.finished");

        // the ward's own official: its agency and its unit (its own facts there), not the city nor another ward
        JsonNode agency = official.get("/api/v1/index/drill?scope=agency&code=ubnd-26740&indicator=timeliness.on_time"
                + "&measure=dossier.finished_on_time&size=100").json();
        assertThat(agency.get("items").get("items").findValuesAsString("ref")).contains(code);
        assertThat(agency.get("items").get("items").findValuesAsString("measure")).containsOnly("dossier.finished_on_time");
        JsonNode unit = official.get("/api/v1/index/drill?scope=unit&code=26740&measure=report.received&size=100").json();
        assertThat(unit.get("items").get("items").findValuesAsString("ref")).contains(report);
        assertThat(unit.get("items").get("items").findValuesAsString("source")).containsOnly("feedback");
        assertThat(unit.get("items").get("items").findValuesAsString("agencyCode")).containsOnly("ubnd-26740");
        assertThat(official.get("/api/v1/index/drill?scope=city&indicator=timeliness.on_time").status()).isEqualTo(403);
        assertThat(official.get("/api/v1/index/drill?scope=agency&code=ubnd-26743&measure=dossier.finished").status())
                .isEqualTo(403);
        assertThat(api.as("quantri.benthanh").get("/api/v1/index/drill?scope=agency&code=ubnd-26740&measure=dossier.finished")
                .status()).isEqualTo(403);
        assertThat(api.as("congdan").get("/api/v1/index/drill?scope=unit&code=26740&measure=report.received").status())
                .isEqualTo(403);
        assertThat(api.get(city).status()).isEqualTo(401);

        // bad input is a 400 problem with the field
        for (var bad : Map.of("/api/v1/index/drill?scope=city&indicator=no.such", "indicator",
                "/api/v1/index/drill?scope=city&indicator=timeliness.on_time&measure=report.rated", "measure",
                "/api/v1/index/drill?scope=planet&measure=dossier.finished", "scope",
                "/api/v1/index/drill?scope=city", "measure",
                "/api/v1/index/drill?scope=city&measure=dossier.finished&period=2026-13", "period").entrySet()) {
            Response r = admin.get(bad.getKey());
            assertThat(r.status()).as(bad.getKey()).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(bad.getValue());
        }
        assertThat(admin.get("/api/v1/index/drill?scope=unit&code=99999&measure=dossier.finished").status()).isEqualTo(404);

        // the pages: officials see the codes linked to the public lookup; the public is sent to log in
        PageSession canbo = new PageSession(port).login("canbo");
        String html = canbo.get("/service-index/drill?scope=agency&code=ubnd-26740&indicator=timeliness.on_time").body();
        assertThat(html).contains("/lookup?code=" + code).contains("drill-table");
        assertThat(canbo.get("/service-index/agencies/ubnd-26740").body()).contains("/service-index/drill?scope=agency");
        assertThat(canbo.get("/service-index/drill?scope=city&indicator=timeliness.on_time").statusCode()).isEqualTo(403);
        assertThat(canbo.get("/service-index/drill?scope=city&indicator=nope").statusCode()).isEqualTo(403);
        PageSession adminPages = new PageSession(port).login("admin");
        assertThat(adminPages.get("/service-index/drill?scope=city&indicator=nope").statusCode()).isEqualTo(400);
        assertThat(adminPages.get("/service-index/drill?scope=city&indicator=timeliness.on_time&page=-1").statusCode())
                .isEqualTo(400);
        // a page is at most 100 rows, however many are asked for
        assertThat(admin.get("/api/v1/index/drill?scope=city&measure=dossier.finished&size=1000").json().get("items")
                .get("size").asInt()).isEqualTo(100);
        // in English too, with the indicator's measures to choose from
        String english = adminPages.get("/service-index/drill?scope=city&indicator=timeliness.on_time&lang=en").body();
        assertThat(english).contains("Dossiers and reports behind the score").contains("Dossiers finished")
                .contains("Ho Chi Minh City");
        assertThat(adminPages.get("/service-index?period=ytd").body()).contains("city-drill");
        HttpResponse<String> anonymous = new PageSession(port).get("/service-index/drill?scope=city&indicator=timeliness.on_time");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).contains("/login");
        assertThat(new PageSession(port).get("/service-index?period=ytd").body()).doesNotContain("city-drill");
        assertThat(new PageSession(port).get("/service-index/agencies/ubnd-26740").body()).doesNotContain("/service-index/drill");
    }

    @Test
    void theMapShowsEveryDepartmentAsWellAsTheWards() {
        JsonNode map = api.get("/api/v1/index/dashboard").json().get("map");
        List<String> departments = new ArrayList<>();
        java.util.Set<String> places = new java.util.HashSet<>();
        double eastmostUnit = -180;
        double westmostDepartment = 180;
        int units = 0;
        for (JsonNode p : map) {
            if (p.get("kind").asString().equals("agency")) {
                departments.add(p.get("code").asString());
                places.add(p.get("lat").asDouble() + "," + p.get("lon").asDouble());
                westmostDepartment = Math.min(westmostDepartment, p.get("lon").asDouble());
                assertThat(p.get("lat").asDouble()).isBetween(10.0, 12.0);
            } else {
                assertThat(p.get("kind").asString()).isEqualTo("unit");
                eastmostUnit = Math.max(eastmostUnit, p.get("lon").asDouble());
                units++;
            }
        }
        assertThat(units).isGreaterThan(100);
        List<String> ranked = api.get("/api/v1/index/ranking?peers=departments&size=100").json().get("items")
                .findValuesAsString("code");
        assertThat(departments).containsExactlyInAnyOrderElementsOf(ranked);
        // each department has a square of its own, in a block beside the wards rather than on top of them
        assertThat(places).hasSize(departments.size());
        assertThat(westmostDepartment).isGreaterThan(eastmostUnit).isLessThan(eastmostUnit + 0.5);
    }

    @Test
    void aSuddenDropSinceLastMonthIsAnAlertOnTheDashboard() {
        JsonNode wards = api.get("/api/v1/index/ranking?peers=wards&size=100&page=1").json().get("items");
        String agency = wards.get(wards.size() - 1).get("code").asString();
        ZoneId city = ZoneId.of("Asia/Ho_Chi_Minh");
        Instant lastMonth = YearMonth.now(city).minusMonths(1).atDay(15).atTime(10, 0).atZone(city).toInstant();
        Instant now = Instant.now().minusSeconds(60);
        List<Map<String, Object>> facts = List.of(
                Map.of("eventId", UUID.randomUUID().toString(), "kind", "test.finished", "agencyCode", agency,
                        "occurredAt", lastMonth.toString(), "measures", Map.of("dossier.finished", 400,
                                "dossier.finished_on_time", 400)),
                Map.of("eventId", UUID.randomUUID().toString(), "kind", "test.finished", "agencyCode", agency,
                        "occurredAt", now.toString(), "measures", Map.of("dossier.finished", 400,
                                "dossier.finished_on_time", 20, "dossier.finished_late", 380)));
        assertThat(api.as("admin").post("/api/v1/index/facts", facts).json().get("added").asInt()).isEqualTo(2);
        InsightDossiers.eventually(() -> api.get("/api/v1/index/alerts").body().contains("\"code\":\"" + agency + "\""),
                "an alert for " + agency);
        JsonNode alerts = api.get("/api/v1/index/alerts").json();
        List<String> kinds = new ArrayList<>();
        for (JsonNode a : alerts) {
            if (a.get("code").asString().equals(agency)) {
                kinds.add(a.get("kind").asString());
                assertThat(a.get("change").asDouble()).isEqualTo(
                        Math.round((a.get("value").asDouble() - a.get("previous").asDouble()) * 100) / 100.0);
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder("score_drop", "late_spike");
        // the late spike (+90 points) is among the ten on the wall
        JsonNode shown = api.get("/api/v1/index/dashboard").json().get("alerts");
        assertThat(shown.size()).isLessThanOrEqualTo(10);
        assertThat(shown.findValuesAsString("code")).contains(agency);
        String ioc = new PageSession(port).login("admin").get("/ioc").body();
        assertThat(ioc).contains("data-key=\"late_spike:" + agency + "\"");
    }

    private static String section(String html, String id) {
        Matcher t = TABLE.matcher(html);
        while (t.find()) {
            if (t.group(2).equals(id)) {
                return t.group(3);
            }
        }
        throw new AssertionError("no #" + id);
    }

    private static String body(String table) {
        int i = table.indexOf("<tbody");
        return i < 0 ? table : table.substring(i);
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
