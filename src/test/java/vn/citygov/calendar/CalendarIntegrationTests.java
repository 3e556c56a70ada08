package vn.citygov.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;

/** The calendar over real HTTP, on the embedded PostgreSQL seeded by the calendar migrations. */
@IntegrationTest
class CalendarIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    WorkingDayCalendar calendar;

    private ApiClient anonymous() {
        return new ApiClient(port);
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asString()));
        return values;
    }

    private static Map<String, Object> holiday(String nameVi, String nameEn, String status, Integer version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nameVi", nameVi);
        body.put("nameEn", nameEn);
        body.put("kind", "fixed");
        body.put("status", status);
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    @Test
    void seededHolidaysAndSwapsOf2026() {
        Response holidays = anonymous().get("/api/v1/calendar/holidays?year=2026");
        assertThat(holidays.status()).isEqualTo(200);
        JsonNode list = holidays.json();
        assertThat(list.size()).isEqualTo(12);
        assertThat(list.get(0).get("date").asString()).isEqualTo("2026-01-01");
        assertThat(list.get(1).get("date").asString()).isEqualTo("2026-02-16");
        assertThat(list.get(1).get("status").asString()).isEqualTo("official");
        assertThat(list.get(1).get("lunarDate").asString()).isEqualTo("29/12/2025 (Ất Tỵ)");
        assertThat(values(list, "status")).doesNotContain("computed");

        JsonNode swaps = anonymous().get("/api/v1/calendar/swaps?year=2026").json();
        assertThat(values(swaps, "date")).containsExactly("2026-01-02", "2026-01-10", "2026-08-22", "2026-08-31");
        assertThat(values(swaps, "kind")).containsExactly("day_off", "workday", "workday", "day_off");
    }

    @Test
    void computedHolidaysOf2030() {
        JsonNode list = anonymous().get("/api/v1/calendar/holidays?year=2030").json();
        assertThat(list.size()).isEqualTo(14);
        assertThat(values(list, "status")).containsOnly("computed");
        assertThat(list.get(2).get("date").asString()).isEqualTo("2030-02-02");
        assertThat(list.get(2).get("nameEn").asString()).isEqualTo("Lunar New Year (day 1 of 1st lunar month)");
    }

    @Test
    void deadlinesAndWorkingDays() {
        Response days = anonymous().get("/api/v1/calendar/deadline?received=2026-02-13T10:00:00%2B07:00&workingDays=3");
        assertThat(days.status()).isEqualTo(200);
        assertThat(days.json().get("received").asString()).isEqualTo("2026-02-13T10:00:00+07:00");
        assertThat(days.json().get("receivedCountsOn").asString()).isEqualTo("2026-02-13");
        assertThat(days.json().get("workingDays").asInt()).isEqualTo(3);
        assertThat(days.json().get("deadline").asString()).isEqualTo("2026-02-25T17:00:00+07:00");

        Response hours = anonymous().get("/api/v1/calendar/deadline?received=2026-03-03T03:00:00Z&workingHours=4");
        assertThat(hours.json().get("deadline").asString()).isEqualTo("2026-03-03T15:30:00+07:00");

        Response between = anonymous().get("/api/v1/calendar/working-days?from=2026-02-13&to=2026-02-25");
        assertThat(between.json().get("workingDays").asInt()).isEqualTo(3);
    }

    @Test
    void badParametersAnswer400ProblemJson() {
        String[] paths = {
            "/api/v1/calendar/deadline?received=2026-02-13T10:00:00%2B07:00&workingDays=abc",
            "/api/v1/calendar/deadline?received=2026-02-13T10:00:00%2B07:00",
            "/api/v1/calendar/deadline?received=2026-02-13T10:00:00%2B07:00&workingDays=1&workingHours=1",
            "/api/v1/calendar/deadline?received=yesterday&workingDays=1",
            "/api/v1/calendar/deadline?received=2026-02-13T10:00:00%2B07:00&workingDays=-1",
            "/api/v1/calendar/deadline?received=2026-02-13T10:00:00%2B07:00&workingHours=999999",
            "/api/v1/calendar/deadline?workingDays=1",
            "/api/v1/calendar/holidays?year=1800",
            "/api/v1/calendar/holidays?year=abc",
            "/api/v1/calendar/working-days?from=2026-13-01&to=2026-02-01",
            "/api/v1/calendar/working-days?from=2026-01-01",
        };
        for (String path : paths) {
            Response r = anonymous().get(path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.isProblem()).as(path).isTrue();
        }
    }

    @Test
    void editingHolidaysNeedsThePermission() {
        Map<String, Object> body = holiday("Ngày Văn hóa Việt Nam", "Vietnam Culture Day", "official", null);
        Response anonymousPut = anonymous().put("/api/v1/calendar/holidays/2027-11-24", body);
        assertThat(anonymousPut.status()).isEqualTo(401);
        assertThat(anonymousPut.isProblem()).isTrue();
        Response officialPut = anonymous().as("canbo").put("/api/v1/calendar/holidays/2027-11-24", body);
        assertThat(officialPut.status()).isEqualTo(403);
        assertThat(anonymous().as("canbo").delete("/api/v1/calendar/holidays/2027-01-01").status()).isEqualTo(403);
        assertThat(anonymous().delete("/api/v1/calendar/holidays/2027-01-01").status()).isEqualTo(401);
    }

    @Test
    void administratorCreatesUpdatesAndDeletesAHolidayWithAnAuditTrail() {
        ApiClient admin = anonymous().as("admin");
        assertWorkingDays("2027-11-23", "2027-11-24", 1);

        Response created = admin.put("/api/v1/calendar/holidays/2027-11-24",
                holiday("Ngày Văn hóa Việt Nam", "Vietnam Culture Day", "official", null));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("version").asInt()).isZero();
        // The cached 2027 calendar was invalidated: 24/11 is now a day off.
        assertWorkingDays("2027-11-23", "2027-11-24", 0);

        Response again = admin.put("/api/v1/calendar/holidays/2027-11-24",
                holiday("Ngày Văn hóa Việt Nam", "Vietnam Culture Day", "official", null));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();

        Map<String, Object> update = holiday("Ngày Văn hóa Việt Nam", "Vietnam Culture Day", "provisional", 0);
        Response updated = admin.put("/api/v1/calendar/holidays/2027-11-24", update);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("version").asInt()).isEqualTo(1);
        assertThat(updated.json().get("status").asString()).isEqualTo("provisional");
        assertThat(admin.put("/api/v1/calendar/holidays/2027-11-24", update).status()).isEqualTo(409);

        Response missingName = admin.put("/api/v1/calendar/holidays/2027-11-24", Map.of("nameEn", "x", "version", 1));
        assertThat(missingName.status()).isEqualTo(400);
        assertThat(missingName.isProblem()).isTrue();
        Response badKind = admin.put("/api/v1/calendar/holidays/2027-11-24",
                Map.of("nameVi", "a", "nameEn", "b", "kind", "weekly", "version", 1));
        assertThat(badKind.status()).isEqualTo(400);

        Response trail = admin.get("/api/v1/audit?objectType=holiday&objectId=2027-11-24");
        assertThat(trail.status()).isEqualTo(200);
        assertThat(values(trail.json().get("items"), "action")).contains("created", "updated");
        assertThat(values(trail.json().get("items"), "actor")).containsOnly("admin");

        assertThat(admin.delete("/api/v1/calendar/holidays/2027-11-24?version=0").status()).isEqualTo(409);
        assertThat(admin.delete("/api/v1/calendar/holidays/2027-11-24?version=1").status()).isEqualTo(204);
        Response gone = admin.delete("/api/v1/calendar/holidays/2027-11-24");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.isProblem()).isTrue();
        assertWorkingDays("2027-11-23", "2027-11-24", 1);
    }

    @Test
    void theFirstEditOfAComputedYearKeepsItsComputedHolidays() {
        assertThat(values(anonymous().get("/api/v1/calendar/holidays?year=2031").json(), "status"))
                .containsOnly("computed");
        int computed = calendar.holidays(2031).size();
        Response created = anonymous().as("admin").put("/api/v1/calendar/holidays/2031-11-24",
                Map.of("nameVi", "Ngày Văn hóa Việt Nam", "nameEn", "Vietnam Culture Day"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode after = anonymous().get("/api/v1/calendar/holidays?year=2031").json();
        assertThat(after.size()).isEqualTo(computed + 1);
        assertThat(values(after, "status")).contains("official", "computed");
    }

    @Test
    void thePageListsHolidaysAndComputesADeadline() {
        Response vi = anonymous().get("/calendar?year=2026");
        assertThat(vi.status()).isEqualTo(200);
        assertThat(vi.body()).contains("16/02/2026", "Tết Nguyên đán (mùng 1 tháng Giêng)", "Ngày nghỉ lễ, Tết năm 2026")
                .doesNotContain("??");

        Response en = anonymous().header("Cookie", "citygov-lang=en").get("/calendar?year=2026");
        assertThat(en.status()).isEqualTo(200);
        assertThat(en.body()).contains("Lunar New Year (day 1 of 1st lunar month)", "Public holidays in 2026")
                .doesNotContain("??");

        Response calculated = anonymous().get(
                "/calendar?year=2026&receivedDate=2026-02-13&receivedTime=10:00&amount=3&unit=days");
        assertThat(calculated.body()).contains("id=\"calculator-result\"", "25/02/2026");

        assertThat(anonymous().get("/calendar?receivedDate=not-a-date&amount=3").body())
                .contains("id=\"calculator-error\"");
        // Not 2030: the browser journey edits that year, which stores its holidays.
        assertThat(anonymous().get("/calendar?year=2040").body()).contains("id=\"computed-notice\"")
                .doesNotContain("id=\"holiday-form\"", "holiday-delete");
    }

    @Test
    void holidayEditPagesAreClosedToVisitors() {
        Response form = anonymous().get("/calendar/holidays/new");
        assertThat(form.status()).isEqualTo(302);
        assertThat(form.header("Location")).endsWith("/login");
        assertThat(anonymous().get("/calendar/holidays/2026-01-01/delete").status()).isEqualTo(302);
        // Without a session there is no CSRF token, so the POST is refused before any controller runs.
        Response post = anonymous().raw("POST", "/calendar/holidays", "application/x-www-form-urlencoded",
                "date=2027-11-24&nameVi=a&nameEn=b".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(post.status()).isEqualTo(403);
        assertThat(calendar.holidays(2027)).noneMatch(h -> h.date().toString().equals("2027-11-24")
                && h.nameVi().equals("a"));
    }

    private void assertWorkingDays(String from, String to, int expected) {
        Response r = anonymous().get("/api/v1/calendar/working-days?from=" + from + "&to=" + to);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("workingDays").asInt()).isEqualTo(expected);
    }
}
