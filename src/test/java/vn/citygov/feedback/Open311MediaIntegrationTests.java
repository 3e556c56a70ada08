package vn.citygov.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Part;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;
import vn.citygov.support.PageSession;

/**
 * Photos sent with an Open311 service request as multipart/form-data ({@code media}, as GeoReport v2 allows, next
 * to media_url) and with the report form: real images only, at most five, each and all together under the upload
 * limits; every refusal is a clear error in the channel's format and keeps nothing.
 */
@IntegrationTest
class Open311MediaIntegrationTests {

    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    String key;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        key = api.as("admin").post("/api/v1/api-keys", Map.of("name", "Ứng dụng có ảnh",
                "scopes", List.of("open311.submit"))).json().get("secret").asString();
    }

    List<Part> request(byte[]... media) {
        List<Part> parts = new ArrayList<>();
        parts.add(Part.field("api_key", key));
        parts.add(Part.field("service_code", "giao-thong"));
        parts.add(Part.field("lat", "10.7809"));
        parts.add(Part.field("long", "106.7042"));
        parts.add(Part.field("description", "Biển báo giao thông bị gãy đổ xuống lòng đường"));
        for (int i = 0; i < media.length; i++) {
            parts.add(new Part("media", "anh-" + i + ".png", "image/png", media[i]));
        }
        return parts;
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void aRequestWithAPhotoKeepsItAndShowsItAsMediaUrl() {
        Response r = api.multipart("/open311/v2/requests.json", request(PNG));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get(0).get("service_request_id").asString();
        JsonNode one = api.get("/open311/v2/requests/" + id + ".json").json().get(0);
        String mediaUrl = one.get("media_url").asString();
        assertThat(mediaUrl).contains("/api/v1/feedback/reports/" + id + "/photos/");
        HttpResponse<byte[]> image = api.getBytes(mediaUrl.substring(mediaUrl.indexOf("/api/")));
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        assertThat(image.body()).isEqualTo(PNG);
        assertThat(api.get("/api/v1/feedback/public/" + id).json().get("photos").size()).isEqualTo(1);

        // In XML, with two photos.
        Response xml = api.multipart("/open311/v2/requests.xml", request(PNG, PNG));
        assertThat(xml.status()).as(xml.body()).isEqualTo(201);
        assertThat(xml.body()).contains("<service_requests><request><service_request_id>PA-");
        String second = xml.body().replaceAll("(?s).*<service_request_id>(PA-[^<]+)</service_request_id>.*", "$1");
        assertThat(api.get("/api/v1/feedback/public/" + second).json().get("photos").size()).isEqualTo(2);
    }

    @Test
    void refusedPhotosAreOpen311ErrorsAndKeepNothing() {
        long reports = count("feedback_report");
        long files = count("files_object");

        // Named and declared a PNG, but a PDF inside.
        Response notImage = api.multipart("/open311/v2/requests.json", request(PNG, PDF));
        assertThat(notImage.status()).as(notImage.body()).isEqualTo(415);
        assertThat(notImage.contentType()).startsWith("application/json");
        assertThat(notImage.json().get(0).get("code").asInt()).isEqualTo(415);
        assertThat(notImage.json().get(0).get("description").asString()).startsWith("media: ");

        Response six = api.multipart("/open311/v2/requests.xml", request(PNG, PNG, PNG, PNG, PNG, PNG));
        assertThat(six.status()).isEqualTo(400);
        assertThat(six.body()).contains("<errors><error><code>400</code><description>media: A report has at most 5 photos."
                + "</description></error></errors>");

        // One photo over the per-file limit (10 MB), in JSON and XML.
        byte[] big = Arrays.copyOf(PNG, 10 * 1024 * 1024 + 1);
        Response tooBig = api.multipart("/open311/v2/requests.json", request(big));
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.contentType()).startsWith("application/json");
        assertThat(tooBig.json().get(0).get("code").asInt()).isEqualTo(413);
        assertThat(tooBig.json().get(0).get("description").asString())
                .isEqualTo("media: the request is too large (at most 10 MB a file and 25 MB a request)");
        Response tooBigXml = api.multipart("/open311/v2/requests.xml", request(big));
        assertThat(tooBigXml.status()).isEqualTo(413);
        assertThat(tooBigXml.body()).contains("<errors><error><code>413</code>");

        // Each under the limit, together over the request's 25 MB.
        byte[] nine = Arrays.copyOf(PNG, 9 * 1024 * 1024);
        Response together = api.multipart("/open311/v2/requests.json", request(nine, nine, nine));
        assertThat(together.status()).isEqualTo(413);
        assertThat(together.json().get(0).get("code").asInt()).isEqualTo(413);

        // A broken multipart body.
        Response broken = api.raw("POST", "/open311/v2/requests.json", "multipart/form-data; boundary=abc",
                "--abc\r\nnot a part".getBytes(StandardCharsets.US_ASCII));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get(0).get("code").asInt()).isEqualTo(400);

        assertThat(count("feedback_report")).isEqualTo(reports);
        assertThat(count("files_object")).isEqualTo(files);
    }

    @Test
    void theFormRefusesANonImageBesideTheFieldAndAnOversizedOneWithAFriendlyPage() throws Exception {
        long reports = count("feedback_report");
        PageSession s = new PageSession(port);
        List<String[]> form = new ArrayList<>();
        form.add(new String[] {"_csrf", s.csrf("/feedback/new")});
        form.add(new String[] {"categoryCode", "giao-thong"});
        form.add(new String[] {"title", "Biển báo gãy"});
        form.add(new String[] {"description", "Biển báo cấm đỗ bị gãy"});
        form.add(new String[] {"lat", "10.7809"});
        form.add(new String[] {"lon", "106.7042"});
        HttpResponse<String> pdf = s.postMultipart("/feedback/new", form,
                List.of(new Part("photos", "bien-bao.png", "image/png", PDF)));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).contains("id=\"error-summary\"", "href=\"#photos\"", "Biển báo cấm đỗ bị gãy");

        HttpResponse<String> big = s.postMultipart("/feedback/new", form,
                List.of(new Part("photos", "to.png", "image/png", Arrays.copyOf(PNG, 10 * 1024 * 1024 + 1))));
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.headers().firstValue("Content-Type").orElse("")).as(big.body()).startsWith("text/html");
        assertThat(big.body()).contains("Tệp gửi lên quá lớn", "chọn ít ảnh hơn hoặc ảnh nhỏ hơn");
        assertThat(count("feedback_report")).isEqualTo(reports);

        // The API keeps its problem+json for the same mistake.
        Response apiBig = api.as("congdan").multipart("/api/v1/files", "file", "to.png", "image/png",
                Arrays.copyOf(PNG, 10 * 1024 * 1024 + 1));
        assertThat(apiBig.status()).isEqualTo(413);
        assertThat(apiBig.isProblem()).isTrue();
    }
}
