package vn.citygov.dossiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    @Autowired
    JdbcClient jdbc;

    /** A valid birth registration as the plain form sends it (flat names), with the page's CSRF token. */
    static Map<String, String> birthForm(String csrf) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("_csrf", csrf);
        f.put("procedureCode", "1.001193");
        f.put("adminUnitCode", "26740");
        OnlineFiling.birthValues().forEach((k, v) -> {
            if (v instanceof Map<?, ?> address) {
                address.forEach((ak, av) -> f.put("values." + k + "." + ak, String.valueOf(av)));
            } else {
                f.put("values." + k, String.valueOf(v));
            }
        });
        f.put("delivery", "electronic");
        return f;
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void theFormFilesWithItsDocumentsInOnePostAndKeepsNothingWhenSomethingIsWrong() throws Exception {
        Page citizen = new Page(port).login("congdan");
        String form = citizen.get("/dossiers/new?procedure=1.001193").body();
        assertThat(form).contains("enctype=\"multipart/form-data\"", "id=\"documents-1\"", "name=\"documents[1]\"");
        String csrf = DossierRatingIntegrationTests.csrf(form);
        long dossiers = count("SELECT count(*) FROM dossiers_dossier");
        long files = count("SELECT count(*) FROM files_object");

        // A file that is not a PDF, JPEG or PNG: the form comes back with that document's error and the values.
        Map<String, String> fields = birthForm(csrf);
        HttpResponse<String> wrongType = citizen.multipart("/dossiers/new", fields,
                Map.of("documents[1]", Map.entry("chung-sinh.pdf", "not a pdf at all".getBytes())));
        assertThat(wrongType.statusCode()).isEqualTo(200);
        assertThat(wrongType.body()).contains("id=\"error-summary\"", "id=\"documents-1-error\"", "href=\"#documents-1\"",
                "value=\"Nguyễn Văn Bình\"", "value=\"Bệnh viện Từ Dũ\"");

        // A good file but a form error: the error is shown and the file is not kept.
        fields = birthForm(csrf);
        fields.remove("values.childName");
        HttpResponse<String> formError = citizen.multipart("/dossiers/new", fields,
                Map.of("documents[1]", Map.entry("chung-sinh.png", SampleFiles.png())));
        assertThat(formError.statusCode()).isEqualTo(200);
        assertThat(formError.body()).contains("id=\"error-summary\"", "Trường này là bắt buộc.", "value=\"Trần Thị Cúc\"")
                .doesNotContain("id=\"documents-1-error\"");
        // Without the required document at all: named in the errors.
        HttpResponse<String> missing = citizen.multipart("/dossiers/new", birthForm(csrf),
                Map.of("documents[1]", Map.entry("", new byte[0])));
        assertThat(missing.body()).contains("id=\"documents-1-error\"", "Giấy chứng sinh do cơ sở y tế cấp: ");
        assertThat(count("SELECT count(*) FROM dossiers_dossier")).as("no dossier").isEqualTo(dossiers);
        assertThat(count("SELECT count(*) FROM files_object")).as("no file left behind").isEqualTo(files);

        // Everything right: one post files the dossier with its document.
        HttpResponse<String> filed = citizen.multipart("/dossiers/new", birthForm(csrf),
                Map.of("documents[1]", Map.entry("chung-sinh.pdf", SampleFiles.pdf())));
        String dossierPath = location(filed);
        assertThat(dossierPath).matches("/dossiers/\\d+\\?submitted");
        long id = Long.parseLong(dossierPath.replaceAll("\\D", ""));
        assertThat(count("SELECT count(*) FROM dossiers_attachment WHERE dossier_id = " + id + " AND document_index = 1"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM files_object")).as("the dossier's copy, not the upload as well")
                .isEqualTo(files + 1);
        assertThat(citizen.get("/dossiers/" + id).body()).contains("chung-sinh.pdf");
        // Without the CSRF token nothing is filed.
        Map<String, String> noToken = birthForm(csrf);
        noToken.remove("_csrf");
        assertThat(citizen.multipart("/dossiers/new", noToken, Map.of("documents[1]",
                Map.entry("chung-sinh.pdf", SampleFiles.pdf()))).statusCode()).isEqualTo(403);
        assertThat(count("SELECT count(*) FROM dossiers_dossier")).isEqualTo(dossiers + 1);
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
