package vn.citygov.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;

/**
 * An installation replaces the default scanner by declaring its own bean. This one refuses an EICAR-like
 * marker: such an upload gets a clear problem, and neither a row nor a byte is kept.
 */
@IntegrationTest
@Import(VirusScannerIntegrationTests.MarkerScanner.class)
class VirusScannerIntegrationTests {

    static final String MARKER = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$CITYGOV-TEST-MARKER";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Value("${citygov.files.directory}")
    Path directory;

    @Test
    void aDossierDocumentTheScannerRefusesIsNeitherAttachedNorStored() throws Exception {
        ApiClient citizen = new ApiClient(port).as("congdan");
        Response draft = citizen.post("/api/v1/dossier-drafts", java.util.Map.of("procedureCode", "1.001193"));
        long attachments = jdbc.sql("SELECT count(*) FROM dossiers_attachment").query(Long.class).single();
        long rowsBefore = count();
        Response r = citizen.multipart("/api/v1/dossier-drafts/" + draft.json().get("id").asLong()
                        + "/attachments?documentIndex=1", "file", "chung-sinh.pdf", "application/pdf",
                concat(SampleFiles.pdf(), MARKER.getBytes(StandardCharsets.US_ASCII)));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("code").asString()).isEqualTo("file-rejected-by-scan");
        assertThat(jdbc.sql("SELECT count(*) FROM dossiers_attachment").query(Long.class).single()).isEqualTo(attachments);
        assertThat(count()).isEqualTo(rowsBefore);
    }

    @Test
    void aFileTheScannerRefusesIsNotStored() throws Exception {
        ApiClient citizen = new ApiClient(port).as("congdan");
        long rowsBefore = count();
        long filesBefore = filesOnDisk();
        byte[] infected = concat(SampleFiles.pdf(), MARKER.getBytes(StandardCharsets.US_ASCII));

        Response vi = citizen.multipart("/api/v1/files", "file", "hoa-don.pdf", "application/pdf", infected);
        assertThat(vi.status()).isEqualTo(422);
        assertThat(vi.isProblem()).isTrue();
        assertThat(vi.json().get("code").asString()).isEqualTo("file-rejected-by-scan");
        assertThat(vi.json().get("detail").asString()).contains("mã độc");
        Response en = citizen.header("Accept-Language", "en")
                .multipart("/api/v1/files", "file", "hoa-don.pdf", "application/pdf", infected);
        assertThat(en.json().get("detail").asString()).contains("malware check");

        assertThat(count()).isEqualTo(rowsBefore);
        assertThat(filesOnDisk()).isEqualTo(filesBefore);
    }

    @Test
    void aFileTheScannerPassesIsMarkedClean() {
        ApiClient citizen = new ApiClient(port).as("congdan");
        Response r = citizen.multipart("/api/v1/files", "file", "sach.pdf", "application/pdf", SampleFiles.pdf());
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("scanStatus").asString()).isEqualTo("clean");
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM files_object").query(Long.class).single();
    }

    /** Every regular file under the store, temporary ones included. */
    private long filesOnDisk() throws Exception {
        if (!Files.exists(directory)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(directory)) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class MarkerScanner {

        @Bean
        VirusScanner markerScanner() {
            return (InputStream content, String name, String mediaType) -> {
                String text = new String(content.readAllBytes(), StandardCharsets.ISO_8859_1);
                return text.contains(MARKER) ? VirusScanner.Verdict.rejected("test marker found")
                        : VirusScanner.Verdict.clean();
            };
        }
    }
}
