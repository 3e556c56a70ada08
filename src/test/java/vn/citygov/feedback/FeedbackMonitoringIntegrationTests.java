package vn.citygov.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.citygov.feedback.FeedbackIntegrationTests.SAI_GON_LAT;
import static vn.citygov.feedback.FeedbackIntegrationTests.SAI_GON_LON;
import static vn.citygov.feedback.FeedbackIntegrationTests.created;
import static vn.citygov.feedback.FeedbackIntegrationTests.ok;
import static vn.citygov.feedback.FeedbackIntegrationTests.report;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.IntegrationTest;
import vn.citygov.support.PageSession;
import vn.citygov.support.Xlsx;

/**
 * The leaders' view: per agency (picked from those a leader may follow) and for the city, names rather than
 * codes, every figure leading to its reports and every report to its page, the overdue list with names, and all
 * of it in the CSV and XLSX exports.
 */
@IntegrationTest
class FeedbackMonitoringIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FeedbackService feedback;

    ApiClient api;
    String code;
    String categoryName;

    @BeforeEach
    void anOverdueReportInSaiGon() {
        api = new ApiClient(port);
        code = created(api.post("/api/v1/feedback/reports",
                report("cap-nuoc", "Vỡ ống nước trên đường Đồng Khởi", SAI_GON_LAT, SAI_GON_LON))).get("code").asString();
        jdbc.sql("UPDATE feedback_report SET due_at = now() - interval '1 hour' WHERE code = ?").param(code).update();
        feedback.markOverdue();
        for (JsonNode c : ok(api.get("/api/v1/feedback/categories"))) {
            if (c.get("code").asString().equals("cap-nuoc")) {
                categoryName = c.get("nameVi").asString();
            }
        }
        assertThat(categoryName).isNotBlank();
    }

    @Test
    void theDashboardNamesEveryGroupAndTheOverdueReports() {
        JsonNode d = ok(api.as("quantri.saigon").get("/api/v1/feedback/dashboard?agency=ubnd-26740"));
        assertThat(d.get("agencyName").asString()).contains("Sài Gòn");
        assertThat(d.get("byCategory").toString()).contains("\"key\":\"cap-nuoc\"", "\"name\":\"" + categoryName + "\"");
        d.get("byCategory").forEach(f -> assertThat(f.get("name").isNull()).as(f.toString()).isFalse());
        d.get("byUnit").forEach(f -> assertThat(f.get("name").asString()).as(f.toString()).isNotBlank());
        JsonNode overdue = null;
        for (JsonNode r : d.get("overdue")) {
            if (r.get("code").asString().equals(code)) {
                overdue = r;
            }
        }
        assertThat(overdue).as(d.get("overdue").toString()).isNotNull();
        assertThat(overdue.get("categoryName").asString()).isEqualTo(categoryName);
        assertThat(overdue.get("adminUnitName").asString()).isEqualTo("Phường Sài Gòn");
        assertThat(overdue.get("handlingPointName").asString()).isNotBlank();

        // The city: the same figures per holding agency, named.
        JsonNode city = ok(api.as("admin").get("/api/v1/feedback/dashboard"));
        assertThat(city.get("agency").isNull()).isTrue();
        JsonNode saiGon = null;
        for (JsonNode f : city.get("byAgency")) {
            if (f.get("key").asString().equals("ubnd-26740")) {
                saiGon = f;
            }
        }
        assertThat(saiGon).isNotNull();
        assertThat(saiGon.get("name").asString()).contains("Sài Gòn");
        assertThat(saiGon.get("overdue").asLong()).isPositive();
    }

    @Test
    void everyFigureLeadsToItsReportsAndEachReportToItsPage() {
        JsonNode drilled = ok(api.as("quantri.saigon").get(
                "/api/v1/feedback/dashboard/reports?agency=ubnd-26740&category=cap-nuoc&overdue=true&size=100"));
        assertThat(drilled.get("items").toString()).contains(code, categoryName, "Phường Sài Gòn");
        assertThat(drilled.get("total").asLong()).isPositive();
        JsonNode month = ok(api.as("admin").get("/api/v1/feedback/dashboard/reports?month="
                + java.time.YearMonth.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")) + "&unit=26740&size=100"));
        assertThat(month.get("items").toString()).contains(code);
        // Another ward's leader may not look, and junk is refused.
        assertThat(api.as("quantri.benthanh").get("/api/v1/feedback/dashboard/reports?agency=ubnd-26740").status())
                .isEqualTo(403);
        assertThat(api.as("admin").get("/api/v1/feedback/dashboard/reports?month=2026-13").status()).isEqualTo(400);
        assertThat(api.as("admin").get("/api/v1/feedback/dashboard/reports?holder=%27%3B").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/feedback/dashboard/reports").status()).isEqualTo(401);
    }

    @Test
    void leadersPickTheirAgencyAndFollowAFigureDownToTheReport() throws Exception {
        PageSession admin = new PageSession(port).login("admin");
        String city = admin.get("/feedback/monitoring").body();
        assertThat(city).contains("id=\"agency\"", "Toàn thành phố", "id=\"by-agency\"", "value=\"ubnd-26740\"",
                "id=\"overdue-list\"", categoryName, "/feedback/monitoring/reports?");
        String one = admin.get("/feedback/monitoring?agency=ubnd-26740").body();
        assertThat(one).contains("id=\"monitoring-scope\"", "Sài Gòn", "href=\"/feedback/work/" + code + "\"",
                "/feedback/monitoring/reports?agency=ubnd-26740&amp;category=cap-nuoc").doesNotContain("id=\"by-agency\"");

        // The ward's own leader lands on the ward without choosing, and cannot pick the city.
        PageSession ward = new PageSession(port).login("quantri.saigon");
        String own = ward.get("/feedback/monitoring").body();
        assertThat(own).contains("id=\"monitoring-scope\"", "Sài Gòn", code).doesNotContain("Toàn thành phố");
        String reports = ward.get("/feedback/monitoring/reports?category=cap-nuoc").body();
        assertThat(reports).contains("id=\"monitoring-reports\"", "href=\"/feedback/work/" + code + "\"",
                "Vỡ ống nước trên đường Đồng Khởi", "Phường Sài Gòn");
        assertThat(ward.get("/feedback/work/" + code).statusCode()).isEqualTo(200);
        assertThat(ward.get("/feedback/monitoring?agency=ubnd-26743").statusCode()).isEqualTo(403);
    }

    @Test
    void theExportsCarryNamesTheAgenciesAndTheOverdueList() throws Exception {
        String csv = api.as("admin").get("/api/v1/feedback/dashboard.csv").body();
        assertThat(csv).contains("group,key,total,open,overdue,on_time_percent,average_handling_hours,average_rating,"
                + "name,due_at,handling_point,escalation_level");
        assertThat(csv).contains("category,cap-nuoc,").contains(categoryName).contains("agency,ubnd-26740,")
                .contains("overdue," + code + ",");
        List<List<String>> sheet = Xlsx.firstSheet(api.as("admin").getBytes("/api/v1/feedback/dashboard.xlsx").body());
        assertThat(sheet).anySatisfy(row -> {
            assertThat(row.subList(0, 2)).containsExactly("overdue", code);
            assertThat(row).contains("Vỡ ống nước trên đường Đồng Khởi");
        });
        assertThat(sheet).anySatisfy(row -> assertThat(row.subList(0, 2)).containsExactly("agency", "ubnd-26740"));
        // The page's export of a ward leader is their ward's.
        PageSession ward = new PageSession(port).login("quantri.saigon");
        String wardCsv = ward.get("/feedback/monitoring.csv").body();
        assertThat(wardCsv).contains("overdue," + code + ",").doesNotContain("agency,ubnd-26743");
    }
}
