package vn.citygov.calendar;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The calendar over HTTP, on the embedded PostgreSQL with the seeded data. */
@SpringBootTest(properties = {
    "citygov.db.embedded.data-directory=target/calendar-it/pgdata",
    "citygov.db.embedded.clean=true",
    "citygov.db.embedded.durable=false"})
@AutoConfigureMockMvc
class CalendarIntegrationTests {

    private static final String PROBLEM = "application/problem+json";

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkingDayCalendar calendar;

    private static RequestPostProcessor editor() {
        return user("calendar-admin").authorities(new SimpleGrantedAuthority("calendar.holiday.edit"));
    }

    @Test
    void seededHolidaysOf2026() throws Exception {
        mvc.perform(get("/api/v1/calendar/holidays").param("year", "2026"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(12)))
                .andExpect(jsonPath("$[0].date", is("2026-01-01")))
                .andExpect(jsonPath("$[1].date", is("2026-02-16")))
                .andExpect(jsonPath("$[1].status", is("official")))
                .andExpect(jsonPath("$[1].lunarDate", is("29/12/2025 (Ất Tỵ)")))
                .andExpect(jsonPath("$[*].status", not(hasItem("computed"))));
        mvc.perform(get("/api/v1/calendar/swaps").param("year", "2026"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(4)))
                .andExpect(jsonPath("$[0].date", is("2026-01-02")))
                .andExpect(jsonPath("$[0].kind", is("day_off")))
                .andExpect(jsonPath("$[1].date", is("2026-01-10")))
                .andExpect(jsonPath("$[1].kind", is("workday")));
    }

    @Test
    void computedHolidaysOf2030() throws Exception {
        mvc.perform(get("/api/v1/calendar/holidays").param("year", "2030"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(14)))
                .andExpect(jsonPath("$[*].status", everyItem(is("computed"))))
                .andExpect(jsonPath("$[2].date", is("2030-02-02")))
                .andExpect(jsonPath("$[2].nameEn", is("Lunar New Year (day 1 of 1st lunar month)")));
    }

    @Test
    void deadlines() throws Exception {
        mvc.perform(get(URI.create("/api/v1/calendar/deadline?received=2026-02-13T10:00:00%2B07:00&workingDays=3")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.received", is("2026-02-13T10:00:00+07:00")))
                .andExpect(jsonPath("$.receivedCountsOn", is("2026-02-13")))
                .andExpect(jsonPath("$.workingDays", is(3)))
                .andExpect(jsonPath("$.deadline", is("2026-02-25T17:00:00+07:00")));
        mvc.perform(get(URI.create("/api/v1/calendar/deadline?received=2026-03-03T03:00:00Z&workingHours=4")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deadline", is("2026-03-03T15:30:00+07:00")));
        mvc.perform(get("/api/v1/calendar/working-days").param("from", "2026-02-13").param("to", "2026-02-25"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.workingDays", is(3)));
    }

    @Test
    void badParametersAnswer400ProblemJson() throws Exception {
        String[] urls = {
            "/api/v1/calendar/deadline?received=2026-02-13T10:00:00%2B07:00&workingDays=abc",
            "/api/v1/calendar/deadline?received=2026-02-13T10:00:00%2B07:00",
            "/api/v1/calendar/deadline?received=2026-02-13T10:00:00%2B07:00&workingDays=1&workingHours=1",
            "/api/v1/calendar/deadline?received=yesterday&workingDays=1",
            "/api/v1/calendar/deadline?received=2026-02-13T10:00:00%2B07:00&workingDays=-1",
            "/api/v1/calendar/deadline?workingDays=1",
            "/api/v1/calendar/holidays?year=1800",
            "/api/v1/calendar/holidays?year=abc",
            "/api/v1/calendar/working-days?from=2026-13-01&to=2026-02-01",
        };
        for (String url : urls) {
            // A URI, so that MockMvc does not encode the %2B a second time.
            mvc.perform(get(URI.create(url)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        }
    }

    @Test
    void editingHolidaysNeedsThePermission() throws Exception {
        String body = """
                {"nameVi":"Ngày Văn hóa Việt Nam","nameEn":"Vietnam Culture Day","kind":"fixed","status":"official"}
                """;
        mvc.perform(put("/api/v1/calendar/holidays/2026-11-24").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(put("/api/v1/calendar/holidays/2026-11-24").contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(user("clerk").authorities(new SimpleGrantedAuthority("dossier.read"))))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/calendar/holidays/2026-01-01"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void administratorCreatesUpdatesAndDeletesAHoliday() throws Exception {
        assertWorkingDays("2026-11-23", "2026-11-24", 1);
        String body = """
                {"nameVi":"Ngày Văn hóa Việt Nam","nameEn":"Vietnam Culture Day","kind":"fixed","status":"official"}
                """;
        mvc.perform(put("/api/v1/calendar/holidays/2026-11-24").with(editor())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version", is(0)))
                .andExpect(jsonPath("$.status", is("official")));
        // The cached 2026 calendar was invalidated: 24/11 is now a day off.
        assertWorkingDays("2026-11-23", "2026-11-24", 0);

        // Creating again without a version is a conflict; updating needs the current version.
        mvc.perform(put("/api/v1/calendar/holidays/2026-11-24").with(editor())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        String update = """
                {"nameVi":"Ngày Văn hóa Việt Nam","nameEn":"Vietnam Culture Day","kind":"fixed",
                 "status":"provisional","version":0}
                """;
        mvc.perform(put("/api/v1/calendar/holidays/2026-11-24").with(editor())
                        .contentType(MediaType.APPLICATION_JSON).content(update))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version", is(1)))
                .andExpect(jsonPath("$.status", is("provisional")));
        mvc.perform(put("/api/v1/calendar/holidays/2026-11-24").with(editor())
                        .contentType(MediaType.APPLICATION_JSON).content(update))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/v1/calendar/holidays/2026-11-24").with(editor())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"nameEn\":\"x\",\"version\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(put("/api/v1/calendar/holidays/2026-11-24").with(editor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nameVi\":\"a\",\"nameEn\":\"b\",\"kind\":\"weekly\",\"version\":1}"))
                .andExpect(status().isBadRequest());

        mvc.perform(delete("/api/v1/calendar/holidays/2026-11-24").param("version", "0").with(editor()))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/calendar/holidays/2026-11-24").param("version", "1").with(editor()))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/calendar/holidays/2026-11-24").with(editor()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        assertWorkingDays("2026-11-23", "2026-11-24", 1);
    }

    @Test
    void theFirstEditOfAComputedYearKeepsItsComputedHolidays() throws Exception {
        mvc.perform(get("/api/v1/calendar/holidays").param("year", "2031"))
                .andExpect(jsonPath("$[*].status", everyItem(is("computed"))));
        int computed = calendar.holidays(2031).size();
        mvc.perform(put("/api/v1/calendar/holidays/2031-11-24").with(editor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nameVi\":\"Ngày Văn hóa Việt Nam\",\"nameEn\":\"Vietnam Culture Day\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/calendar/holidays").param("year", "2031"))
                .andExpect(jsonPath("$", hasSize(computed + 1)))
                .andExpect(jsonPath("$[*].status", hasItem("official")))
                .andExpect(jsonPath("$[*].status", hasItem("computed")));
    }

    @Test
    void thePageListsHolidaysAndComputesADeadline() throws Exception {
        mvc.perform(get("/calendar").param("year", "2026"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("16/02/2026")))
                .andExpect(content().string(containsString("Tết Nguyên đán (mùng 1 tháng Giêng)")))
                .andExpect(content().string(containsString("Ngày nghỉ lễ, Tết năm 2026")))
                .andExpect(content().string(not(containsString("??"))));
        mvc.perform(get("/calendar").param("year", "2026").cookie(new Cookie("citygov-lang", "en")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lunar New Year (day 1 of 1st lunar month)")))
                .andExpect(content().string(containsString("Public holidays in 2026")))
                .andExpect(content().string(not(containsString("??"))));
        mvc.perform(get("/calendar").param("year", "2026").param("receivedDate", "2026-02-13")
                        .param("receivedTime", "10:00").param("amount", "3").param("unit", "days"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("25/02/2026")))
                .andExpect(content().string(containsString("id=\"calculator-result\"")));
        mvc.perform(get("/calendar").param("receivedDate", "not-a-date").param("amount", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"calculator-error\"")));
        mvc.perform(get("/calendar").param("year", "2030"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"computed-notice\"")));
    }

    private void assertWorkingDays(String from, String to, int expected) throws Exception {
        mvc.perform(get("/api/v1/calendar/working-days").param("from", from).param("to", to))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.workingDays", is(expected)));
    }
}
