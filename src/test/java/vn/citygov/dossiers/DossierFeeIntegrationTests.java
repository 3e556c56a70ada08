package vn.citygov.dossiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.citygov.dossiers.DossierRatingIntegrationTests.Page;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;
import vn.citygov.support.OnlineFiling;

/** The fee in force on the day of submission is shown before filing and kept on the dossier with its reason. */
@IntegrationTest
class DossierFeeIntegrationTests {

    static final String JUDICIAL_RECORD = "2.000488";
    /** Extension of a construction permit: 15.000 đồng in the catalogue, no seeded rule. */
    static final String PERMIT_EXTENSION = "1.009980";

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    static Map<String, Object> judicialRecord() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("applicantName", "Lê Thị Dung");
        values.put("applicantIdNumber", "079190001111");
        values.put("applicantPhone", "0909000111");
        values.put("applicantAddress", Map.of("adminUnitCode", "26740", "street", "1 Nguyễn Huệ"));
        values.put("birthDate", "1990-01-01");
        values.put("sex", "female");
        values.put("certificateKind", "1");
        values.put("copies", 1);
        return Map.of("procedureCode", JUDICIAL_RECORD, "values", values, "delivery", "electronic");
    }

    static Map<String, Object> permitExtension() {
        return Map.of("procedureCode", PERMIT_EXTENSION, "values", Map.of("permitNumber", "123/GPXD",
                "permitDate", "2025-03-01", "reason", "Chưa khởi công kịp"), "delivery", "desk");
    }

    @Test
    void theCatalogueFeeIsRecordedWhenNoRuleIsInForce() throws Exception {
        // The city's free-online resolution ended on 31/12/2025: the catalogue fee applies again.
        Response r = OnlineFiling.post(api.as("congdan"), judicialRecord());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode d = r.json();
        assertThat(d.get("feeVnd").asLong()).isEqualTo(200_000);
        assertThat(d.get("feeReason").asString()).contains("200.000 đồng");
        assertThat(d.get("feeReasonEn").asString()).contains("VND 200,000");

        Page citizen = new Page(port).login("congdan");
        assertThat(citizen.get("/dossiers/new?procedure=" + JUDICIAL_RECORD).body())
                .contains("id=\"fee-in-force\"", "200.000 ₫", "Trực tuyến");
        assertThat(citizen.get("/dossiers/" + d.get("id").asLong()).body()).contains("id=\"dossier-fee\"", "200.000 ₫");

        Response free = OnlineFiling.post(api.as("congdan"), OnlineFiling.birth("26740"));
        assertThat(free.json().get("feeVnd").asLong()).isZero();
        assertThat(citizen.get("/dossiers/" + free.json().get("id").asLong()).body()).contains("Miễn phí");
        assertThat(new Page(port).login("canbo").get("/dossiers/new?procedure=" + JUDICIAL_RECORD).body())
                .as("the desk sees the counter fee").contains("200.000 ₫", "Tại quầy");
    }

    @Test
    void aRuleInForceTodayForOnlineFilingIsAppliedAndItsReasonKept() throws Exception {
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        ApiClient admin = api.as("admin");
        Map<String, Object> rule = Map.of("procedureCode", PERMIT_EXTENSION, "channel", "online", "amountVnd", 5000,
                "validFrom", today, "validTo", today, "reason", "Giảm lệ phí khi nộp trực tuyến (thử nghiệm)",
                "reasonEn", "Reduced fee when filed online (trial)");
        Response created = admin.post("/api/v1/fee-rules", rule);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long ruleId = created.json().get("id").asLong();
        try {
            Page citizen = new Page(port).login("congdan");
            assertThat(citizen.get("/dossiers/new?procedure=" + PERMIT_EXTENSION).body())
                    .contains("5.000 ₫", "Giảm lệ phí khi nộp trực tuyến (thử nghiệm)");

            Response r = OnlineFiling.post(api.as("congdan"), permitExtension());
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            JsonNode d = r.json();
            assertThat(d.get("feeVnd").asLong()).isEqualTo(5000);
            assertThat(d.get("feeReason").asString()).isEqualTo("Giảm lệ phí khi nộp trực tuyến (thử nghiệm)");
            assertThat(d.get("feeReasonEn").asString()).isEqualTo("Reduced fee when filed online (trial)");

            Map<String, Object> counter = new LinkedHashMap<>(permitExtension());
            counter.put("channel", "counter");
            counter.put("applicantName", "Phạm Văn Em");
            Response atDesk = OnlineFiling.post(api.as("canbo"), counter);
            assertThat(atDesk.status()).as(atDesk.body()).isEqualTo(201);
            assertThat(atDesk.json().get("feeVnd").asLong()).as("the online rule leaves the counter fee alone")
                    .isEqualTo(15_000);

            assertThat(admin.delete("/api/v1/fee-rules/" + ruleId).status()).isEqualTo(204);
            ruleId = 0;
            JsonNode later = api.as("congdan").get("/api/v1/dossiers/" + d.get("id").asLong()).json();
            assertThat(later.get("feeVnd").asLong()).as("what was in force on the day stays").isEqualTo(5000);
            assertThat(later.get("feeReason").asString()).isEqualTo("Giảm lệ phí khi nộp trực tuyến (thử nghiệm)");
            assertThat(citizen.get("/dossiers/" + d.get("id").asLong()).body())
                    .contains("5.000 ₫", "Giảm lệ phí khi nộp trực tuyến (thử nghiệm)");
        } finally {
            if (ruleId != 0) {
                admin.delete("/api/v1/fee-rules/" + ruleId);
            }
        }
    }
}
