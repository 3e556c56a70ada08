package vn.citygov.dossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.citygov.dossiers.DossierDocumentsIntegrationTests.path;
import static vn.citygov.dossiers.DossierDocumentsIntegrationTests.text;
import static vn.citygov.dossiers.DossiersIntegrationTests.act;
import static vn.citygov.support.OnlineFiling.birth;
import static vn.citygov.dossiers.DossiersIntegrationTests.ok;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;
import vn.citygov.support.OnlineFiling;

/** Forms 04–06 over HTTP: the one-time new appointment with its letter and notification, the stop notice, the control slip. */
@IntegrationTest
class DossierHandlingFormsIntegrationTests {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    JsonNode accepted() {
        Response r = OnlineFiling.post(api.as("congdan"), birth("26740"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return ok(act(api.as("canbo"), r.json(), "accept", Map.of()));
    }

    static Map<String, Object> extension(JsonNode d, LocalDate day, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", d.get("version").asInt());
        body.put("newDueDate", day == null ? null : day.toString());
        body.put("reason", reason);
        return body;
    }

    static LocalDate workingDayAfter(JsonNode d, int days) {
        LocalDate day = java.time.Instant.parse(d.get("dueAt").asString()).atZone(ZoneId.of("Asia/Ho_Chi_Minh"))
                .toLocalDate().plusDays(days);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    @Test
    void aNewAppointmentIsSetOnceWithALetterToTheApplicant() throws Exception {
        ApiClient desk = api.as("canbo");
        JsonNode d = accepted();
        String url = "/api/v1/dossiers/" + d.get("id").asLong() + "/extension";
        LocalDate newDay = workingDayAfter(d, 10);
        assertThat(desk.post(url, extension(d, newDay, " ")).status()).as("reason required").isEqualTo(400);
        LocalDate sunday = newDay.with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.SUNDAY));
        assertThat(desk.post(url, extension(d, sunday, "Chờ xác minh")).status()).isEqualTo(400);
        assertThat(desk.post(url, extension(d, LocalDate.of(2020, 1, 2), "Chờ xác minh")).status()).isEqualTo(400);
        assertThat(api.as("quantri.benthanh").post(url, extension(d, newDay, "x")).status()).isEqualTo(403);
        assertThat(api.as("doanhnghiep").post(url, extension(d, newDay, "x")).status()).isEqualTo(404);
        assertThat(api.as("congdan").get(path(d, "extension")).status()).as("no letter yet").isEqualTo(404);

        Response done = desk.post(url, extension(d, newDay, "Chờ kết quả xác minh của cơ quan công an"));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        JsonNode extended = done.json();
        assertThat(extended.get("dueAt").asString()).isGreaterThan(d.get("dueAt").asString());
        Response stale = desk.post(url, extension(d, newDay.plusDays(7), "Lần nữa"));
        assertThat(stale.status()).isEqualTo(409);
        Response twice = desk.post(url, extension(extended, workingDayAfter(extended, 7), "Lần nữa"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asString()).isEqualTo("already-extended");

        String letter = text(api.as("congdan").getBytes(path(d, "extension")));
        assertThat(letter).contains("Mẫu số 04", "XIN LỖI", d.get("code").asString(), "Chờ kết quả xác minh");
        String shown = "%02d/%02d/%d".formatted(newDay.getDayOfMonth(), newDay.getMonthValue(), newDay.getYear());
        assertThat(letter).contains(shown);
        String inbox = "";
        for (int i = 0; i < 50 && !inbox.contains(d.get("code").asString() + "\""); i++) {
            Thread.sleep(200);
            inbox = api.as("congdan").get("/api/v1/notifications?size=100").body();
            if (inbox.contains("Hẹn lại ngày trả kết quả hồ sơ " + d.get("code").asString())) {
                break;
            }
        }
        assertThat(inbox).contains("Hẹn lại ngày trả kết quả hồ sơ " + d.get("code").asString(), shown);
    }

    @Test
    void stoppingTheHandlingNeedsAReasonEndsTheDossierAndGivesTheNotice() throws IOException {
        ApiClient desk = api.as("canbo");
        JsonNode d = ok(act(desk, accepted(), "claim", Map.of()));
        assertThat(act(desk, d, "stop", Map.of()).status()).isEqualTo(400);
        assertThat(act(api.as("quantri.benthanh"), d, "stop", Map.of("comment", "x")).status()).isEqualTo(403);
        JsonNode stopped = ok(act(desk, d, "stop", Map.of("comment", "Người yêu cầu đã rút yêu cầu bằng văn bản")));
        assertThat(stopped.get("state").asString()).isEqualTo("stopped");
        assertThat(stopped.get("actions")).isEmpty();
        assertThat(act(desk, stopped, "claim", Map.of()).status()).isEqualTo(409);
        assertThat(text(api.as("congdan").getBytes(path(d, "stop-notice")))).contains("Mẫu số 05",
                "DỪNG GIẢI QUYẾT", "rút yêu cầu");
        assertThat(api.get("/api/v1/dossiers/" + d.get("code").asString() + "/status").json().get("state")
                .asString()).isEqualTo("stopped");
    }

    @Test
    void theControlSlipListsEachStepWithItsAgencyTimesAndOutcome() throws IOException {
        ApiClient desk = api.as("canbo");
        JsonNode d = ok(act(desk, accepted(), "claim", Map.of()));
        d = ok(act(desk, d, "forward", Map.of()));
        String slip = text(desk.getBytes(path(d, "control-slip")));
        assertThat(slip).contains("Mẫu số 06", "KIỂM SOÁT", "Tiếp nhận hồ sơ", "Công chức tư pháp", "Đúng",
                "Chủ tịch UBND");
        assertThat(api.as("doanhnghiep").getBytes(path(d, "control-slip")).statusCode()).isEqualTo(404);
    }

    @Test
    void theLedgerListsTheAgencysAcceptedDossiersAsJsonAndCsv() {
        JsonNode d = accepted();
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        String query = "/api/v1/dossier-ledger?agency=ubnd-26740&from=" + today + "&to=" + today;
        Response json = api.as("canbo").get(query);
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(json.body()).contains(d.get("code").asString(), "\"outcome\":\"in_time\"");
        Response csv = api.as("canbo").get(query + "&format=csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF\"stt\"").contains(d.get("code").asString());
        assertThat(api.as("quantri.benthanh").get(query).status()).isEqualTo(403);
        assertThat(api.as("congdan").get(query).status()).isEqualTo(403);
        assertThat(api.as("canbo").get("/api/v1/dossier-ledger?from=" + today + "&to=" + today).status()).isEqualTo(400);
        assertThat(api.as("canbo").get("/api/v1/dossier-ledger?agency=ubnd-26740&from=2024-01-01&to=" + today)
                .status()).as("over 366 days").isEqualTo(400);
        assertThat(api.as("canbo").get(query + "&format=xml").status()).isEqualTo(400);
    }
}
