package vn.citygov.dossiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.citygov.files.SampleFiles;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;
import vn.citygov.support.OnlineFiling;

/** Drafts of online dossiers and the documents attached to them, through the API. */
@IntegrationTest
class DossierDraftsIntegrationTests {

    /** Birth registration: document 1 (birth notice) is a required upload, 2 is conditional ("nếu …"). */
    static final String BIRTH = "1.001193";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    ApiClient citizen;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        citizen = api.as("congdan");
    }

    static Map<String, Object> birthDraft() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("procedureCode", BIRTH);
        body.put("values", Map.of("childName", "Nguyễn Văn Bình"));
        return body;
    }

    JsonNode draft() {
        Response r = citizen.post("/api/v1/dossier-drafts", birthDraft());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void aPartlyFilledDraftIsSavedListedResumedAndSubmittedWithItsDocuments() {
        JsonNode d = draft();
        long id = d.get("id").asLong();
        assertThat(d.get("documents").get(1).get("required").asBoolean()).isTrue();
        assertThat(d.get("documents").get(2).get("required").asBoolean()).as("conditional document").isFalse();
        assertThat(citizen.get("/api/v1/dossier-drafts").json().get("items").toString()).contains("\"id\":" + id);

        Map<String, Object> save = OnlineFiling.birth("26740");
        save.put("version", d.get("version").asInt());
        Response saved = citizen.put("/api/v1/dossier-drafts/" + id, save);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("values").get("motherName").asString()).isEqualTo("Trần Thị Cúc");
        assertThat(citizen.put("/api/v1/dossier-drafts/" + id, save).status()).as("stale version").isEqualTo(409);

        Response missing = citizen.post("/api/v1/dossier-drafts/" + id + "/submit", Map.of());
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.json().get("errors").toString()).contains("documents[1]").doesNotContain("documents[2]");
        long dossiersBefore = count("dossiers_dossier");

        Response up = citizen.multipart("/api/v1/dossier-drafts/" + id + "/attachments?documentIndex=1", "file",
                "giấy chứng sinh.pdf", "application/pdf", SampleFiles.pdf());
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        JsonNode attachment = up.json().get("documents").get(1).get("attachment");
        assertThat(attachment.get("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(attachment.get("digitised").asBoolean()).isFalse();

        Response submitted = citizen.post("/api/v1/dossier-drafts/" + id + "/submit", Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        long dossierId = submitted.json().get("dossier").get("id").asLong();
        assertThat(submitted.json().get("payment").isNull()).as("birth registration is free").isTrue();
        assertThat(count("dossiers_dossier")).isEqualTo(dossiersBefore + 1);
        assertThat(citizen.get("/api/v1/dossier-drafts/" + id).status()).as("the draft is gone").isEqualTo(404);

        Response docs = citizen.get("/api/v1/dossiers/" + dossierId + "/attachments");
        assertThat(docs.json().get(0).get("name").asString()).isEqualTo("giấy chứng sinh.pdf");
        long attachmentId = docs.json().get(0).get("id").asLong();
        String content = "/api/v1/dossiers/" + dossierId + "/attachments/" + attachmentId + "/content";
        HttpResponse<byte[]> own = citizen.getBytes(content);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).isEqualTo(SampleFiles.pdf());
        assertThat(own.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(api.as("canbo").getBytes(content).statusCode()).as("an official of its ward").isEqualTo(200);
        assertThat(api.as("doanhnghiep").getBytes(content).statusCode()).as("another person").isEqualTo(404);
        assertThat(api.as("quantri.benthanh").get("/api/v1/dossiers/" + dossierId + "/attachments").status())
                .as("an official of another ward").isEqualTo(403);
    }

    @Test
    void aDraftSubmittedTwiceAtOnceFilesOneDossier() throws Exception {
        long id = draft().get("id").asLong();
        Map<String, Object> save = OnlineFiling.birth("26740");
        save.put("version", 0);
        assertThat(citizen.put("/api/v1/dossier-drafts/" + id, save).status()).isEqualTo(200);
        citizen.multipart("/api/v1/dossier-drafts/" + id + "/attachments?documentIndex=1", "file", "a.pdf",
                "application/pdf", SampleFiles.pdf());
        long before = count("dossiers_dossier");
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var first = pool.submit(() -> citizen.post("/api/v1/dossier-drafts/" + id + "/submit", Map.of()).status());
            var second = pool.submit(() -> citizen.post("/api/v1/dossier-drafts/" + id + "/submit", Map.of()).status());
            assertThat(java.util.List.of(first.get(), second.get())).containsExactlyInAnyOrder(201, 404);
        }
        assertThat(count("dossiers_dossier")).isEqualTo(before + 1);
    }

    @Test
    void anotherPersonsDraftDoesNotExistForThem() {
        long id = draft().get("id").asLong();
        ApiClient other = api.as("doanhnghiep");
        assertThat(other.get("/api/v1/dossier-drafts/" + id).status()).isEqualTo(404);
        assertThat(other.put("/api/v1/dossier-drafts/" + id, Map.of("version", 0)).status()).isEqualTo(404);
        assertThat(other.post("/api/v1/dossier-drafts/" + id + "/submit", Map.of()).status()).isEqualTo(404);
        assertThat(other.multipart("/api/v1/dossier-drafts/" + id + "/attachments?documentIndex=1", "file", "a.pdf",
                "application/pdf", SampleFiles.pdf()).status()).isEqualTo(404);
        assertThat(other.delete("/api/v1/dossier-drafts/" + id).status()).isEqualTo(404);
        assertThat(api.as("canbo").get("/api/v1/dossier-drafts/" + id).status()).as("officials too").isEqualTo(404);
        assertThat(other.get("/api/v1/dossier-drafts").json().get("items").toString()).doesNotContain("\"id\":" + id + ",");
        assertThat(api.get("/api/v1/dossier-drafts/" + id).status()).isEqualTo(401);

        Response up = citizen.multipart("/api/v1/dossier-drafts/" + id + "/attachments?documentIndex=1", "file", "a.pdf",
                "application/pdf", SampleFiles.pdf());
        long attachmentId = up.json().get("documents").get(1).get("attachment").get("id").asLong();
        assertThat(other.getBytes("/api/v1/dossier-drafts/" + id + "/attachments/" + attachmentId + "/content")
                .statusCode()).isEqualTo(404);
        assertThat(citizen.getBytes("/api/v1/dossier-drafts/" + id + "/attachments/" + attachmentId + "/content")
                .statusCode()).isEqualTo(200);

        assertThat(citizen.delete("/api/v1/dossier-drafts/" + id).status()).isEqualTo(204);
        assertThat(citizen.get("/api/v1/dossier-drafts/" + id).status()).isEqualTo(404);
    }

    @Test
    void badUploadsAndBadDraftsAreRefusedAndNothingIsKept() {
        long id = draft().get("id").asLong();
        String path = "/api/v1/dossier-drafts/" + id + "/attachments";
        long before = count("dossiers_attachment");
        Response text = citizen.multipart(path + "?documentIndex=1", "file", "note.pdf", "application/pdf",
                "just text".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.isProblem()).isTrue();
        Response mismatch = citizen.multipart(path + "?documentIndex=1", "file", "photo.png", "image/png",
                SampleFiles.pdf());
        assertThat(mismatch.status()).isEqualTo(415);
        byte[] big = Arrays.copyOf(SampleFiles.pdf(), 10 * 1024 * 1024 + 1);
        assertThat(citizen.multipart(path + "?documentIndex=1", "file", "big.pdf", "application/pdf", big).status())
                .isEqualTo(413);
        Response formDocument = citizen.multipart(path + "?documentIndex=0", "file", "a.pdf", "application/pdf",
                SampleFiles.pdf());
        assertThat(formDocument.status()).as("document 0 is the e-form, not an upload").isEqualTo(400);
        assertThat(formDocument.json().get("errors").get(0).get("field").asString()).isEqualTo("documentIndex");
        assertThat(citizen.multipart(path + "?documentIndex=9", "file", "a.pdf", "application/pdf", SampleFiles.pdf())
                .status()).isEqualTo(400);
        assertThat(citizen.multipart(path, "file", "a.pdf", "application/pdf", SampleFiles.pdf()).status())
                .isEqualTo(400);
        assertThat(count("dossiers_attachment")).isEqualTo(before);

        assertThat(citizen.post("/api/v1/dossier-drafts", Map.of("procedureCode", "9.999999")).status()).isEqualTo(400);
        assertThat(citizen.post("/api/v1/dossier-drafts", Map.of("procedureCode", BIRTH, "delivery", "pigeon"))
                .status()).isEqualTo(400);
        assertThat(citizen.post("/api/v1/dossier-drafts", Map.of("procedureCode", BIRTH, "adminUnitCode", "x"))
                .status()).isEqualTo(400);
        assertThat(api.as("canbo").post("/api/v1/dossier-drafts", birthDraft()).status())
                .as("drafts are for people applying for themselves").isEqualTo(403);
    }

    @Test
    void theDeskScansPaperDocumentsAsDigitised() {
        Response filed = OnlineFiling.post(api.as("canbo"), counterBirth());
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long id = filed.json().get("id").asLong();
        Response scan = api.as("canbo").multipart("/api/v1/dossiers/" + id + "/attachments?documentIndex=1", "file",
                "scan.jpg", "image/jpeg", SampleFiles.jpeg());
        assertThat(scan.status()).as(scan.body()).isEqualTo(201);
        assertThat(scan.json().get("digitised").asBoolean()).isTrue();
        assertThat(scan.json().get("uploadedBy").asString()).isEqualTo("canbo");
        assertThat(scan.json().get("uploadedAt").isNull()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE object_type = 'dossier' AND object_id = :id "
                + "AND action = 'document_digitised'").param("id", String.valueOf(id)).query(Long.class).single())
                .isEqualTo(1);
        assertThat(api.as("quantri.benthanh").multipart("/api/v1/dossiers/" + id + "/attachments?documentIndex=1",
                "file", "scan.jpg", "image/jpeg", SampleFiles.jpeg()).status()).as("another ward's desk").isEqualTo(403);
        assertThat(api.as("congdan").multipart("/api/v1/dossiers/" + id + "/attachments?documentIndex=1",
                "file", "scan.jpg", "image/jpeg", SampleFiles.jpeg()).status()).isEqualTo(404);
    }

    static Map<String, Object> counterBirth() {
        Map<String, Object> body = OnlineFiling.birth("26740");
        body.put("channel", "counter");
        body.put("applicantName", "Nguyễn Văn An");
        return body;
    }
}
