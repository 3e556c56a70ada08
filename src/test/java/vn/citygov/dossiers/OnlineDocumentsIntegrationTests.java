package vn.citygov.dossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.citygov.support.OnlineFiling.birth;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.citygov.files.SampleFiles;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;
import vn.citygov.support.OnlineFiling;

/** Every online filing path asks for the required uploads; the counter files first and scans later. */
@IntegrationTest
class OnlineDocumentsIntegrationTests {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    String upload(ApiClient as) {
        Response r = as.multipart("/api/v1/files", "file", "chung-sinh.pdf", "application/pdf", SampleFiles.pdf());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    @Test
    void theApiRefusesAnOnlineFilingWithoutItsRequiredUploadAndSavesNothing() {
        ApiClient citizen = api.as("congdan");
        long before = citizen.get("/api/v1/dossiers").json().get("total").asLong();
        Map<String, Object> body = birth("26740");
        body.put("values", Map.of());
        Response r = citizen.post("/api/v1/dossiers", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        // Form and documents come back together; the conditional power of attorney (index 2) is not asked for.
        assertThat(r.json().get("errors").toString()).contains("values.childName", "\"documents[1]\"")
                .doesNotContain("documents[2]");
        assertThat(citizen.get("/api/v1/dossiers").json().get("total").asLong()).isEqualTo(before);
    }

    @Test
    void anUploadedFileIsFiledWithTheDossierAndLeavesTheUploaderHands() {
        ApiClient citizen = api.as("congdan");
        String fileId = upload(citizen);
        Map<String, Object> body = birth("26740");
        body.put("documents", List.of(Map.of("index", 1, "fileId", fileId)));
        Response r = citizen.post("/api/v1/dossiers", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        Response docs = citizen.get("/api/v1/dossiers/" + id + "/attachments");
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        assertThat(docs.body()).contains("\"documentIndex\":1", "chung-sinh.pdf");
        assertThat(api.as("canbo").get("/api/v1/dossiers/" + id + "/attachments").body()).contains("chung-sinh.pdf");
        // The upload now belongs to the dossier: its uploader can neither see nor delete it as their own file.
        assertThat(citizen.get("/api/v1/files/" + fileId).status()).isEqualTo(404);
        assertThat(citizen.delete("/api/v1/files/" + fileId).status()).isEqualTo(404);
        // A file cannot be filed twice.
        Map<String, Object> again = birth("26740");
        again.put("documents", List.of(Map.of("index", 1, "fileId", fileId)));
        Response twice = citizen.post("/api/v1/dossiers", again);
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().get("errors").toString()).contains("documents[1]");
    }

    @Test
    void someoneElsesFileOrAWrongPositionIsAFieldError() {
        String othersFile = upload(api.as("doanhnghiep"));
        Map<String, Object> body = birth("26740");
        body.put("documents", List.of(Map.of("index", 1, "fileId", othersFile)));
        Response r = api.as("congdan").post("/api/v1/dossiers", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("documents[1]");

        ApiClient citizen = api.as("congdan");
        Map<String, Object> wrong = birth("26740");
        wrong.put("documents", List.of(Map.of("index", 0, "fileId", upload(citizen))));
        Response form = citizen.post("/api/v1/dossiers", wrong);
        assertThat(form.status()).isEqualTo(400);
        assertThat(form.json().get("errors").toString()).contains("\"documents\"", "documents[1]");
        Map<String, Object> neither = birth("26740");
        neither.put("documents", List.of(Map.of("index", 1)));
        assertThat(citizen.post("/api/v1/dossiers", neither).json().get("errors").toString()).contains("documents[1]");
    }

    @Test
    void theCounterFilesWithoutUploadsAndTheHelperFilesOnlineWithThem() {
        Map<String, Object> counter = birth("26740");
        counter.put("channel", "counter");
        counter.put("applicantName", "Lê Thị Hoa");
        Response desk = api.as("canbo").post("/api/v1/dossiers", counter);
        assertThat(desk.status()).as(desk.body()).isEqualTo(201);

        Response online = OnlineFiling.post(api.as("congdan"), birth("26740"));
        assertThat(online.status()).as(online.body()).isEqualTo(201);
    }

    @Test
    void thePlainFormNamesTheMissingDocument() throws Exception {
        DossierRatingIntegrationTests.Page page = new DossierRatingIntegrationTests.Page(port).login("congdan");
        String csrf = DossierRatingIntegrationTests.csrf(page.get("/dossiers/new?procedure=1.001193").body());
        String html = page.post("/dossiers/new", Map.of("_csrf", csrf, "procedureCode", "1.001193",
                "delivery", "desk", "adminUnitCode", "26740")).body();
        assertThat(html).contains("id=\"error-summary\"", "Giấy chứng sinh do cơ sở y tế cấp: Hãy tải lên giấy tờ bắt buộc này.");
    }
}
