package vn.citygov.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;

/** Uploads over real HTTP multipart: checks, download, ownership, deletion, audit. */
@IntegrationTest
class FilesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient anonymous;
    ApiClient citizen;

    @BeforeEach
    void setUp() {
        anonymous = new ApiClient(port);
        citizen = anonymous.as("congdan");
    }

    @Test
    void uploadedFileDownloadsWithTheSameBytesAndSafeHeaders() {
        byte[] pdf = SampleFiles.pdf();
        Response created = citizen.multipart("/api/v1/files", "file", "Giấy khai sinh.pdf", "application/pdf", pdf);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/files/" + id);
        assertThat(created.json().get("name").asString()).isEqualTo("Giấy khai sinh.pdf");
        assertThat(created.json().get("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(created.json().get("size").asLong()).isEqualTo(pdf.length);
        assertThat(created.json().get("sha256").asString()).hasSize(64);
        assertThat(created.json().get("scanStatus").asString()).isEqualTo("not_scanned");

        Response metadata = citizen.get("/api/v1/files/" + id);
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.json().get("sha256").asString()).isEqualTo(created.json().get("sha256").asString());

        HttpResponse<byte[]> download = citizen.getBytes("/api/v1/files/" + id + "/content");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; ")
                .contains("filename=\"Giay khai sinh.pdf\"")
                .contains("filename*=UTF-8''Gi%E1%BA%A5y%20khai%20sinh.pdf");
    }

    @Test
    void theDeclaredTypeIsIgnoredAndTheContentDecides() {
        Response r = citizen.multipart("/api/v1/files", "file", "scan.pdf", "image/jpeg", SampleFiles.pdf());
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("mediaType").asString()).isEqualTo("application/pdf");

        Response png = citizen.multipart("/api/v1/files", "file", "anh-chup", "application/octet-stream", SampleFiles.png());
        assertThat(png.status()).isEqualTo(201);
        assertThat(png.json().get("mediaType").asString()).isEqualTo("image/png");
        assertThat(png.json().get("name").asString()).isEqualTo("anh-chup.png");
    }

    @Test
    void aPngRenamedPdfIsRefusedInBothLanguages() {
        Response vi = citizen.multipart("/api/v1/files", "file", "hop-dong.pdf", "application/pdf", SampleFiles.png());
        assertThat(vi.status()).isEqualTo(415);
        assertThat(vi.isProblem()).isTrue();
        assertThat(vi.json().get("code").asString()).isEqualTo("file-type-mismatch");
        assertThat(vi.json().get("detail").asString()).contains("đuôi .pdf").contains(".png");

        Response en = citizen.header("Accept-Language", "en").multipart("/api/v1/files", "file", "hop-dong.pdf",
                "application/pdf", SampleFiles.png());
        assertThat(en.json().get("detail").asString()).startsWith("The file's name ends in .pdf but its content is a .png");
    }

    @Test
    void textIsRefusedWithAClearMessageInBothLanguages() {
        byte[] text = "Xin chào, đây không phải là PDF".getBytes(StandardCharsets.UTF_8);
        Response vi = citizen.multipart("/api/v1/files", "file", "note.pdf", "application/pdf", text);
        assertThat(vi.status()).isEqualTo(415);
        assertThat(vi.isProblem()).isTrue();
        assertThat(vi.json().get("code").asString()).isEqualTo("unsupported-file-type");
        assertThat(vi.json().get("detail").asString()).startsWith("Chỉ nhận tệp PDF, JPEG hoặc PNG.");

        Response en = citizen.header("Accept-Language", "en").multipart("/api/v1/files", "file", "note.pdf",
                "application/pdf", text);
        assertThat(en.json().get("detail").asString()).startsWith("Only PDF, JPEG or PNG files are accepted.");
    }

    @Test
    void emptyFileAndMissingPartAre400() {
        Response empty = citizen.multipart("/api/v1/files", "file", "empty.pdf", "application/pdf", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("code").asString()).isEqualTo("empty-file");

        Response wrongField = citizen.multipart("/api/v1/files", "attachment", "a.pdf", "application/pdf", SampleFiles.pdf());
        assertThat(wrongField.status()).isEqualTo(400);
        assertThat(wrongField.isProblem()).isTrue();
    }

    @Test
    void jsonInsteadOfMultipartIs415() {
        Response r = citizen.raw("POST", "/api/v1/files", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.isProblem()).isTrue();
    }

    @Test
    void tooLargeIs413Problem() {
        byte[] big = Arrays.copyOf(SampleFiles.pdf(), 10 * 1024 * 1024 + 1);
        Response r = citizen.multipart("/api/v1/files", "file", "big.pdf", "application/pdf", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.isProblem()).as(r.contentType() + " " + r.body()).isTrue();
        assertThat(r.json().get("status").asInt()).isEqualTo(413);
    }

    @Test
    void aMalformedMultipartBodyIs400Problem() {
        Response r = citizen.raw("POST", "/api/v1/files", "multipart/form-data; boundary=abc",
                "--abc\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4 no end"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).as(r.contentType() + " " + r.body()).isTrue();
    }

    @Test
    void aFileAtTheLimitIsAccepted() {
        byte[] limit = Arrays.copyOf(SampleFiles.pdf(), 10 * 1024 * 1024);
        Response r = citizen.multipart("/api/v1/files", "file", "limit.pdf", "application/pdf", limit);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("size").asLong()).isEqualTo(limit.length);
    }

    @Test
    void anotherUserIsToldTheFileDoesNotExistButAnAdministratorSeesIt() {
        String id = citizen.multipart("/api/v1/files", "file", "mine.png", "image/png", SampleFiles.png())
                .json().get("id").asString();
        ApiClient other = anonymous.as("doanhnghiep");
        Response unknown = other.get("/api/v1/files/" + java.util.UUID.randomUUID());
        for (Response r : java.util.List.of(other.get("/api/v1/files/" + id),
                other.get("/api/v1/files/" + id + "/content"), other.delete("/api/v1/files/" + id))) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.json().get("code").asString()).isEqualTo(unknown.json().get("code").asString());
        }
        assertThat(anonymous.as("admin").get("/api/v1/files/" + id).status()).isEqualTo(200);
        assertThat(citizen.get("/api/v1/files/" + id).status()).isEqualTo(200);
    }

    @Test
    void eachRoleSeesOnlyItsOwnFilesAndACityAdministratorManagesAll() {
        String id = citizen.multipart("/api/v1/files", "file", "cccd.jpg", "image/jpeg", SampleFiles.jpeg())
                .json().get("id").asString();
        for (String username : java.util.List.of("canbo", "quantri.saigon", "quantri.benthanh", "doanhnghiep")) {
            ApiClient other = anonymous.as(username);
            assertThat(other.get("/api/v1/files/" + id).status()).as(username).isEqualTo(404);
            assertThat(other.get("/api/v1/files/" + id + "/content").status()).as(username).isEqualTo(404);
            assertThat(other.delete("/api/v1/files/" + id).status()).as(username).isEqualTo(404);
        }

        ApiClient admin = anonymous.as("admin");
        Response key = admin.post("/api/v1/api-keys", java.util.Map.of("name", "Hệ thống thử tệp",
                "scopes", java.util.List.of("audit.read")));
        assertThat(key.status()).isEqualTo(201);
        ApiClient machine = anonymous.header("X-API-Key", key.json().get("secret").asString());
        Response machineUpload = machine.multipart("/api/v1/files", "file", "a.pdf", "application/pdf", SampleFiles.pdf());
        assertThat(machineUpload.status()).isEqualTo(403);
        assertThat(machineUpload.isProblem()).isTrue();
        assertThat(machine.get("/api/v1/files/" + id).status()).isEqualTo(404);

        assertThat(admin.getBytes("/api/v1/files/" + id + "/content").body()).isEqualTo(SampleFiles.jpeg());
        assertThat(admin.delete("/api/v1/files/" + id).status()).isEqualTo(204);
        assertThat(citizen.get("/api/v1/files/" + id).status()).isEqualTo(404);
    }

    @Test
    void anonymousCallersAre401() {
        Response upload = anonymous.multipart("/api/v1/files", "file", "a.pdf", "application/pdf", SampleFiles.pdf());
        assertThat(upload.status()).isEqualTo(401);
        assertThat(upload.isProblem()).isTrue();
        String id = citizen.multipart("/api/v1/files", "file", "a.jpg", "image/jpeg", SampleFiles.jpeg())
                .json().get("id").asString();
        assertThat(anonymous.get("/api/v1/files/" + id).status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/files/" + id + "/content").status()).isEqualTo(401);
        assertThat(anonymous.delete("/api/v1/files/" + id).status()).isEqualTo(401);
    }

    @Test
    void deleteRemovesTheFileAndBothChangesAreAuditedWithoutContent() {
        Response created = citizen.multipart("/api/v1/files", "file", "xoa.jpg", "image/jpeg", SampleFiles.jpeg());
        String id = created.json().get("id").asString();
        assertThat(citizen.delete("/api/v1/files/" + id).status()).isEqualTo(204);
        assertThat(citizen.get("/api/v1/files/" + id).status()).isEqualTo(404);
        assertThat(citizen.get("/api/v1/files/" + id + "/content").status()).isEqualTo(404);
        assertThat(citizen.delete("/api/v1/files/" + id).status()).isEqualTo(404);

        var audited = jdbc.sql("SELECT action, changes::text FROM audit_entry WHERE object_type = 'file' AND object_id = :id ORDER BY id")
                .param("id", id).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list();
        assertThat(audited).hasSize(2);
        assertThat(audited.get(0)).startsWith("uploaded").contains("xoa.jpg").contains(created.json().get("sha256").asString());
        assertThat(audited.get(1)).startsWith("deleted");
    }

    @Test
    void anIdempotencyKeyDoesNotBreakAMultipartUpload() {
        byte[] pdf = SampleFiles.pdf();
        Response r = citizen.header("Idempotency-Key", "upload-" + System.nanoTime())
                .multipart("/api/v1/files", "file", "retry.pdf", "application/pdf", pdf);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        assertThat(citizen.getBytes("/api/v1/files/" + id + "/content").body()).isEqualTo(pdf);
    }

    @Test
    void namesWithPathsAndControlCharactersAreCleaned() {
        Response r = citizen.multipart("/api/v1/files", "file", "../../windows/ho\u0007 so.pdf", "application/pdf",
                SampleFiles.pdf());
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("name").asString()).isEqualTo("ho so.pdf");
    }

    @Test
    void theOpenApiDocumentDescribesTheUploadAndItsErrors() {
        var paths = anonymous.get("/v3/api-docs").json().get("paths");
        var upload = paths.get("/api/v1/files").get("post");
        assertThat(upload.get("requestBody").get("content").has("multipart/form-data")).isTrue();
        for (String status : java.util.List.of("201", "400", "401", "403", "413", "415", "422")) {
            assertThat(upload.get("responses").has(status)).as(status).isTrue();
        }
        assertThat(paths.get("/api/v1/files/{id}/content").get("get").get("responses").get("200").get("content")
                .has("application/pdf")).isTrue();
        assertThat(paths.get("/api/v1/files/{id}").has("delete")).isTrue();
    }

    @Test
    void aMalformedIdIs400AndAnUnknownOne404() {
        assertThat(citizen.get("/api/v1/files/not-a-uuid").status()).isEqualTo(400);
        assertThat(citizen.get("/api/v1/files/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
    }
}
