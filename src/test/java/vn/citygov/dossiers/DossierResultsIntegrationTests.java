package vn.citygov.dossiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
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

/**
 * Result documents signed off by officials, the personal document store and the reuse of a held result in a
 * later dossier (once-only), and the postal return of results with the postal partner's reports.
 */
@IntegrationTest
class DossierResultsIntegrationTests {

    /** A new house's construction permit (ward): document 2, the drawings, is a required upload. */
    static final String PERMIT = "1.009994";
    /** Extending a construction permit (Department of Construction): document 1 is the permit itself. */
    static final String PERMIT_EXTENSION = "1.009980";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    ApiClient citizen;
    ApiClient desk;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        citizen = api.as("congdan");
        desk = api.as("canbo");
    }

    static Map<String, Object> permit(String delivery) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("applicantName", "Nguyễn Văn An");
        v.put("applicantIdNumber", "079090001234");
        v.put("applicantPhone", "0901234567");
        v.put("applicantAddress", Map.of("adminUnitCode", "26740", "street", "12 Lê Lợi"));
        v.put("siteAddress", Map.of("adminUnitCode", "26740", "street", "34 Pasteur"));
        v.put("parcelNumber", "125");
        v.put("mapSheet", "17");
        v.put("floorArea", 120);
        v.put("floors", 3);
        v.put("height", 12);
        v.put("designer", "Công ty Thiết kế Sài Gòn");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("procedureCode", PERMIT);
        body.put("values", v);
        body.put("delivery", delivery);
        body.put("adminUnitCode", "26740");
        if ("post".equals(delivery)) {
            body.put("postalAddress", "12 Lê Lợi, Phường Sài Gòn");
        }
        return body;
    }

    /** A permit filed from a draft with its drawings, taken by the ward through to an approved decision. */
    JsonNode approvedPermit(String delivery) {
        Response draft = citizen.post("/api/v1/dossier-drafts", permit(delivery));
        long draftId = draft.json().get("id").asLong();
        assertThat(citizen.multipart("/api/v1/dossier-drafts/" + draftId + "/attachments?documentIndex=2", "file",
                "ban-ve.pdf", "application/pdf", SampleFiles.pdf()).status()).isEqualTo(201);
        Response submitted = citizen.post("/api/v1/dossier-drafts/" + draftId + "/submit", Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        JsonNode d = submitted.json().get("dossier");
        for (String action : List.of("accept", "start", "approve")) {
            d = ok(DossiersIntegrationTests.act(desk, d, action, Map.of()));
        }
        return d;
    }

    static JsonNode ok(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void aSignedResultIsDownloadedStoredAndReusedInsteadOfUploadingAgain() throws Exception {
        JsonNode d = approvedPermit("electronic");
        long id = d.get("id").asLong();
        assertThat(citizen.get("/api/v1/dossiers/" + id + "/result").status()).as("not signed yet").isEqualTo(404);
        assertThat(citizen.multipart("/api/v1/dossiers/" + id + "/result", "file", "gp.pdf", "application/pdf",
                SampleFiles.pdf()).status()).as("the applicant cannot sign").isEqualTo(403);

        byte[] resultPdf = SampleFiles.pdf();
        Response signed = desk.multipart("/api/v1/dossiers/" + id + "/result", "file", "giấy phép xây dựng.pdf",
                "application/pdf", resultPdf);
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        assertThat(signed.json().get("signedBy").asString()).isEqualTo("canbo");
        assertThat(signed.json().get("sha256").asString())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(resultPdf)));
        assertThat(desk.multipart("/api/v1/dossiers/" + id + "/result", "file", "other.pdf", "application/pdf",
                SampleFiles.pdf()).status()).as("signed off once").isEqualTo(409);
        assertThat(desk.delete("/api/v1/files/" + signed.json().get("fileId").asString()).status())
                .as("the signer cannot remove the signed file through the files API").isEqualTo(404);

        HttpResponse<byte[]> download = citizen.getBytes("/api/v1/dossiers/" + id + "/result/content");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(resultPdf);
        assertThat(api.as("doanhnghiep").getBytes("/api/v1/dossiers/" + id + "/result/content").statusCode())
                .isEqualTo(404);

        JsonNode store = citizen.get("/api/v1/me/documents").json();
        JsonNode held = null;
        for (JsonNode doc : store) {
            if (doc.get("dossierId").asLong() == id) {
                held = doc;
            }
        }
        assertThat(held).as("the electronic result is in the personal store").isNotNull();
        assertThat(held.get("documentType").asString()).isEqualTo("Giấy phép xây dựng");
        assertThat(api.as("doanhnghiep").get("/api/v1/me/documents").body()).doesNotContain("\"dossierId\":" + id + ",");

        // Later: extending that permit asks for the permit itself; the citizen picks it from the store.
        Response draft = citizen.post("/api/v1/dossier-drafts", Map.of("procedureCode", PERMIT_EXTENSION,
                "values", Map.of("permitNumber", "123/GPXD", "permitDate", "2026-01-05", "reason", "Chưa khởi công kịp"),
                "delivery", "desk"));
        long draftId = draft.json().get("id").asLong();
        assertThat(draft.json().get("documents").get(1).get("reusable").toString()).contains("\"id\":" + held.get("id"));
        assertThat(api.as("doanhnghiep").post("/api/v1/dossier-drafts/" + draftId + "/reuse", Map.of("documentIndex", 1,
                "storedDocumentId", held.get("id").asLong())).status()).isEqualTo(404);
        assertThat(citizen.post("/api/v1/dossier-drafts/" + draftId + "/reuse", Map.of("documentIndex", 0,
                "storedDocumentId", held.get("id").asLong())).status()).as("not an upload document").isEqualTo(400);
        Response reused = citizen.post("/api/v1/dossier-drafts/" + draftId + "/reuse", Map.of("documentIndex", 1,
                "storedDocumentId", held.get("id").asLong()));
        assertThat(reused.status()).as(reused.body()).isEqualTo(200);
        Response filed = citizen.post("/api/v1/dossier-drafts/" + draftId + "/submit", Map.of());
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long laterId = filed.json().get("dossier").get("id").asLong();
        JsonNode docs = citizen.get("/api/v1/dossiers/" + laterId + "/attachments").json();
        assertThat(docs.get(0).get("storedDocumentId").asLong()).isEqualTo(held.get("id").asLong());
        assertThat(docs.get(0).get("sha256").asString()).isEqualTo(signed.json().get("sha256").asString());
        HttpResponse<byte[]> reusedContent = api.as("admin").getBytes("/api/v1/dossiers/" + laterId + "/attachments/"
                + docs.get(0).get("id").asLong() + "/content");
        assertThat(reusedContent.statusCode()).as("the handling department reads the reused permit").isEqualTo(200);
        assertThat(reusedContent.body()).isEqualTo(resultPdf);
    }

    @Test
    void aResultReturnedByPostIsTrackedWithThePartnersReportsAppliedOnce() {
        JsonNode d = approvedPermit("post");
        long id = d.get("id").asLong();
        assertThat(desk.post("/api/v1/dossiers/" + id + "/shipment", Map.of("carrier", "VNPost",
                "trackingNumber", "EX0001")).status()).as("result not issued yet").isEqualTo(409);
        d = ok(DossiersIntegrationTests.act(desk, d, "issue_result", Map.of()));
        String tracking = "EP" + id + "VN";
        assertThat(desk.post("/api/v1/dossiers/" + id + "/shipment", Map.of("carrier", "VNPost")).status())
                .isEqualTo(400);
        assertThat(citizen.post("/api/v1/dossiers/" + id + "/shipment", Map.of("carrier", "VNPost",
                "trackingNumber", tracking)).status()).isEqualTo(403);
        Response shipped = desk.post("/api/v1/dossiers/" + id + "/shipment", Map.of("carrier", "VNPost",
                "trackingNumber", tracking));
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(201);
        assertThat(shipped.json().get("status").asString()).isEqualTo("handed_to_post");

        Response key = api.as("admin").post("/api/v1/api-keys", Map.of("name", "Bưu điện Thành phố",
                "scopes", List.of("dossier.shipment.update")));
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        ApiClient post = api.header("X-API-Key", key.json().get("secret").asString());
        Map<String, Object> transit = Map.of("updateId", "vnp-" + id + "-1", "trackingNumber", tracking,
                "status", "in_transit", "occurredAt", "2026-11-24T08:00:00+07:00");
        Response first = post.post("/api/v1/shipment-updates", transit);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("replayed").asBoolean()).isFalse();
        Response delivered = post.post("/api/v1/shipment-updates", Map.of("updateId", "vnp-" + id + "-2",
                "trackingNumber", tracking, "status", "delivered", "occurredAt", "2026-11-25T10:30:00+07:00",
                "note", "Người nhận: Nguyễn Văn An"));
        assertThat(delivered.json().get("shipment").get("status").asString()).isEqualTo("delivered");
        Response replayed = post.post("/api/v1/shipment-updates", transit);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().get("replayed").asBoolean()).isTrue();
        assertThat(replayed.json().get("shipment").get("status").asString()).as("an old report replayed")
                .isEqualTo("delivered");
        assertThat(jdbc.sql("SELECT count(*) FROM dossiers_shipment_update WHERE update_id = :u")
                .param("u", "vnp-" + id + "-1").query(Long.class).single()).isEqualTo(1);

        JsonNode seen = citizen.get("/api/v1/dossiers/" + id + "/shipment").json();
        assertThat(seen.get("status").asString()).isEqualTo("delivered");
        assertThat(seen.get("reports").size()).isEqualTo(2);
        assertThat(api.as("doanhnghiep").get("/api/v1/dossiers/" + id + "/shipment").status()).isEqualTo(404);

        assertThat(post.post("/api/v1/shipment-updates", Map.of("updateId", "x1", "trackingNumber", tracking,
                "status", "lost", "occurredAt", "2026-11-25T10:30:00+07:00")).status()).isEqualTo(400);
        assertThat(post.post("/api/v1/shipment-updates", Map.of("updateId", "x2", "trackingNumber", "NOPE",
                "status", "delivered", "occurredAt", "2026-11-25T10:30:00+07:00")).status()).isEqualTo(400);
        assertThat(post.post("/api/v1/shipment-updates", Map.of("updateId", "x3", "trackingNumber", tracking,
                "status", "delivered", "occurredAt", "yesterday")).status()).isEqualTo(400);
        assertThat(citizen.post("/api/v1/shipment-updates", transit).status()).as("citizens are no postal partner")
                .isEqualTo(403);
        assertThat(api.post("/api/v1/shipment-updates", transit).status()).isEqualTo(401);
        Response auditKey = api.as("admin").post("/api/v1/api-keys", Map.of("name", "Kiểm toán",
                "scopes", List.of("audit.read")));
        assertThat(api.header("X-API-Key", auditKey.json().get("secret").asString())
                .post("/api/v1/shipment-updates", transit).status()).as("a key without the scope").isEqualTo(403);
    }
}
