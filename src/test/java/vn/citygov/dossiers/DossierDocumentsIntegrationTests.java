package vn.citygov.dossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.citygov.dossiers.DossiersIntegrationTests.act;
import static vn.citygov.support.OnlineFiling.birth;
import static vn.citygov.dossiers.DossiersIntegrationTests.ok;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;
import vn.citygov.support.OnlineFiling;

/** The reception documents (forms 01–03) fetched over HTTP and read back as text. */
@IntegrationTest
class DossierDocumentsIntegrationTests {

    static final ZoneId HCMC = ZoneId.of("Asia/Ho_Chi_Minh");

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    JsonNode submitted() {
        Response r = OnlineFiling.post(api.as("congdan"), birth("26740"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static String path(JsonNode d, String name) {
        return "/api/v1/dossiers/" + d.get("id").asLong() + "/documents/" + name + ".pdf";
    }

    static String text(HttpResponse<byte[]> r) throws IOException {
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        // Kept under target/ so a person can look at what the forms look like after a run.
        Path file = Path.of("target", "documents", Path.of(r.uri().getPath()).getFileName().toString()
                .replace(".pdf", "-" + r.uri().getPath().split("/")[4] + ".pdf"));
        Files.createDirectories(file.getParent());
        Files.write(file, r.body());
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        PdfReader reader = new PdfReader(r.body());
        try {
            assertThat(reader.getPageSize(1).getWidth()).as("A4").isBetween(595f, 596f);
            StringBuilder text = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    @Test
    void theReceiptCarriesCodeTitleAppointmentAndTheLookupLink() throws IOException {
        JsonNode d = submitted();
        assertThat(api.as("congdan").get(path(d, "receipt")).status()).as("not accepted yet").isEqualTo(404);
        d = ok(act(api.as("canbo"), d, "accept", Map.of()));
        String code = d.get("code").asString();
        String appointment = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                .format(Instant.parse(d.get("dueAt").asString()).atZone(HCMC));

        String text = text(api.as("congdan").getBytes(path(d, "receipt")));
        assertThat(text).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", code, appointment,
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Thành phố Hồ Chí Minh, ngày",
                "Đăng ký khai sinh", "/lookup?code=" + code, "Nguyễn Thị Lan", "Mẫu số 01", "Phí, lệ phí",
                "Miễn phí");
        assertThat(text(api.as("canbo").getBytes(path(d, "receipt")))).contains(code);

        Response missing = api.as("congdan").get(path(d, "refusal"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.isProblem()).isTrue();
        assertThat(api.as("congdan").get(path(d, "supplement-request")).status()).isEqualTo(404);
        assertThat(api.as("congdan").get(path(d, "nonsense")).status()).isEqualTo(404);
    }

    @Test
    void theSupplementRequestListsEveryMissingItemAndTheReason() throws IOException {
        JsonNode d = ok(act(api.as("canbo"), submitted(), "request_supplement",
                Map.of("items", List.of("Giấy chứng sinh", "Giấy đăng ký kết hôn của cha mẹ"), "comment",
                        "Thiếu giấy tờ bắt buộc")));
        String text = text(api.as("congdan").getBytes(path(d, "supplement-request")));
        assertThat(text).contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "1. Giấy chứng sinh",
                "2. Giấy đăng ký kết hôn của cha mẹ", "Thiếu giấy tờ bắt buộc", "Mẫu số 02");
        assertThat(api.as("congdan").get(path(d, "receipt")).status()).isEqualTo(404);
    }

    @Test
    void theSupplementRequestCanStillBePrintedOnceTheDossierIsAccepted() throws IOException {
        JsonNode d = ok(act(api.as("canbo"), submitted(), "request_supplement",
                Map.of("items", List.of("Bản sao CCCD của mẹ"), "comment", "Bản sao bị mờ")));
        d = ok(act(api.as("congdan"), d, "supplement", Map.of()));
        d = ok(act(api.as("canbo"), d, "accept", Map.of()));
        assertThat(text(api.as("congdan").getBytes(path(d, "supplement-request"))))
                .contains("1. Bản sao CCCD của mẹ", "Bản sao bị mờ");
        assertThat(text(api.as("congdan").getBytes(path(d, "receipt")))).contains(d.get("code").asString());
    }

    @Test
    void theRefusalCarriesTheWrittenReason() throws IOException {
        JsonNode d = ok(act(api.as("canbo"), submitted(), "refuse", Map.of("comment", "Không thuộc thẩm quyền")));
        String text = text(api.as("congdan").getBytes(path(d, "refusal")));
        assertThat(text).contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Không thuộc thẩm quyền", "Mẫu số 03");

        JsonNode processed = ok(act(api.as("canbo"), submitted(), "accept", Map.of()));
        processed = ok(act(api.as("canbo"), processed, "start", Map.of()));
        processed = ok(act(api.as("canbo"), processed, "refuse", Map.of("comment", "Không đủ điều kiện")));
        assertThat(api.as("congdan").get(path(processed, "refusal")).status())
                .as("refused during processing: not a refusal to receive").isEqualTo(404);
    }

    @Test
    void documentsFollowTheDossiersAccessRules() {
        JsonNode d = ok(act(api.as("canbo"), submitted(), "accept", Map.of()));
        Response otherCitizen = api.as("doanhnghiep").get(path(d, "receipt"));
        assertThat(otherCitizen.status()).isEqualTo(404);
        assertThat(otherCitizen.isProblem()).isTrue();
        assertThat(api.as("quantri.benthanh").get(path(d, "receipt")).status()).isEqualTo(403);
        assertThat(api.get(path(d, "receipt")).status()).isEqualTo(401);
        assertThat(api.as("congdan").get("/api/v1/dossiers/999999999/documents/receipt.pdf").status()).isEqualTo(404);
    }
}
