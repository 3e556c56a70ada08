package vn.citygov.dossiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.citygov.dossiers.DossierRatingIntegrationTests.Page;
import vn.citygov.files.SampleFiles;
import vn.citygov.support.ApiClient;
import vn.citygov.support.IntegrationTest;
import vn.citygov.support.OnlineFiling;

/** The submission pages over HTTP: saving and resuming a draft, its privacy, errors at submission, the dossier panel. */
@IntegrationTest
class DossierSubmissionPagesIntegrationTests {

    @LocalServerPort
    int port;

    static String location(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return r.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    @Test
    void aDraftIsSavedFromTheFormResumedAndRefusedWithTheMissingDocumentNamed() throws Exception {
        Page citizen = new Page(port).login("congdan");
        String form = citizen.get("/dossiers/new?procedure=1.001193").body();
        assertThat(form).contains("id=\"dossier-save-draft\"", "id=\"dossier-submit\"");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", DossierRatingIntegrationTests.csrf(form));
        fields.put("procedureCode", "1.001193");
        fields.put("adminUnitCode", "26740");
        fields.put("values.childName", "Nguyễn Văn Bình");
        fields.put("values.birthPlace.street", "Bệnh viện Từ Dũ");
        fields.put("delivery", "electronic");
        String draftPath = location(citizen.post("/dossiers/drafts", fields));
        assertThat(draftPath).matches("/dossiers/drafts/\\d+");
        String draft = citizen.get(draftPath).body();
        assertThat(draft).contains("id=\"draft-saved\"", "Giấy chứng sinh do cơ sở y tế cấp", "id=\"upload-1\"")
                .doesNotContain("id=\"upload-0\"");
        assertThat(citizen.get("/dossiers").body()).contains("id=\"draft-list\"", "href=\"" + draftPath + "\"");

        String edit = citizen.get(draftPath + "/edit").body();
        assertThat(edit).contains("value=\"Nguyễn Văn Bình\"", "value=\"Bệnh viện Từ Dũ\"", "id=\"draft-save\"")
                .doesNotContain("id=\"dossier-submit\"");

        Map<String, String> submit = Map.of("_csrf", DossierRatingIntegrationTests.csrf(draft));
        assertThat(location(citizen.post(draftPath + "/submit", submit))).isEqualTo(draftPath);
        String refused = citizen.get(draftPath).body();
        assertThat(refused).contains("id=\"error-summary\"", "Giấy chứng sinh do cơ sở y tế cấp: Hãy tải lên giấy tờ bắt buộc này.",
                "Tờ khai — Họ, chữ đệm, tên người yêu cầu: Trường này là bắt buộc.");

        Page other = new Page(port).login("doanhnghiep");
        assertThat(other.get(draftPath).statusCode()).isEqualTo(404);
        assertThat(other.get(draftPath + "/edit").statusCode()).isEqualTo(404);
        assertThat(other.get("/dossiers").body()).doesNotContain(draftPath + "\"");

        assertThat(location(citizen.post(draftPath + "/delete", submit))).isEqualTo("/dossiers");
        assertThat(citizen.get("/dossiers").body()).contains("id=\"draft-deleted\"");
        assertThat(citizen.get(draftPath).statusCode()).isEqualTo(404);
    }

    @Test
    void theDossierPageShowsDocumentsPaymentAndOffersTheDeskItsForms() throws Exception {
        ApiClient api = new ApiClient(port);
        var filed = OnlineFiling.post(api.as("canbo"), DossierDraftsIntegrationTests.counterBirth());
        long id = filed.json().get("id").asLong();
        api.as("canbo").multipart("/api/v1/dossiers/" + id + "/attachments?documentIndex=1", "file", "chung-sinh.png",
                "image/png", SampleFiles.png());
        String desk = new Page(port).login("canbo").get("/dossiers/" + id).body();
        assertThat(desk).contains("id=\"dossier-attachments\"", "chung-sinh.png", "Số hóa bởi canbo",
                "id=\"scan-form\"").doesNotContain("id=\"result-form\"", "id=\"dossier-payment\"");

        var draft = api.as("congdan").post("/api/v1/dossier-drafts",
                new LinkedHashMap<>(DossierFeeIntegrationTests.judicialRecord()));
        var submitted = api.as("congdan").post("/api/v1/dossier-drafts/" + draft.json().get("id").asLong()
                + "/submit", Map.of());
        long paid = submitted.json().get("dossier").get("id").asLong();
        String page = new Page(port).login("congdan").get("/dossiers/" + paid).body();
        assertThat(page).contains("id=\"payment-status\"", "Chờ thanh toán", "id=\"payment-pay\"",
                "/payments/sandbox/" + submitted.json().get("payment").get("paymentId").asString())
                .doesNotContain("id=\"scan-form\"");
        assertThat(new Page(port).login("congdan").get("/dossiers/documents").body()).contains("Kho dữ liệu cá nhân");
    }
}
