package vn.citygov.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.citygov.feedback.FeedbackIntegrationTests.SAI_GON_LAT;
import static vn.citygov.feedback.FeedbackIntegrationTests.SAI_GON_LON;
import static vn.citygov.feedback.FeedbackIntegrationTests.created;
import static vn.citygov.feedback.FeedbackIntegrationTests.ok;
import static vn.citygov.feedback.FeedbackIntegrationTests.report;
import static vn.citygov.feedback.Open311MediaIntegrationTests.PDF;
import static vn.citygov.feedback.Open311MediaIntegrationTests.PNG;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Part;
import vn.citygov.support.IntegrationTest;
import vn.citygov.support.PageSession;

/**
 * The handling point answers on its page with photos in the same step; the photos show on its page and, with the
 * answer, on the public page of the report. A refused photo leaves the report unanswered.
 */
@IntegrationTest
class FeedbackAnswerPhotosIntegrationTests {

    private static final Pattern WORK_PHOTO = Pattern.compile("src=\"(/feedback/work/PA-[^/]+/photos/[0-9a-f-]+)\"");
    private static final Pattern API_PHOTO = Pattern.compile("src=\"(/api/v1/feedback/reports/PA-[^/]+/photos/[0-9a-f-]+)\"");

    @LocalServerPort
    int port;

    List<String[]> action(PageSession s, String code, String action, String text) throws Exception {
        int version = new ApiClient(port).as("canbo").get("/api/v1/feedback/reports/" + code).json().get("version").asInt();
        return List.of(new String[] {"_csrf", s.csrf("/feedback/work/" + code)}, new String[] {"action", action},
                new String[] {"version", String.valueOf(version)}, new String[] {"text", text});
    }

    @Test
    void anAnswerWithPhotosShowsThemToOfficialsAndThePublic() throws Exception {
        ApiClient api = new ApiClient(port);
        JsonNode c = created(api.post("/api/v1/feedback/reports",
                report("cong-vien", "Ghế đá trong công viên bị vỡ", SAI_GON_LAT, SAI_GON_LON)));
        String code = c.get("code").asString();
        assertThat(api.header("X-Report-Token", c.get("token").asString())
                .multipart("/api/v1/feedback/reports/" + code + "/photos", "file", "truoc.png", "image/png", PNG)
                .status()).isEqualTo(201);

        PageSession official = new PageSession(port).login("canbo");
        String page = official.get("/feedback/work/" + code).body();
        assertThat(page).contains("id=\"work-photos\"", "enctype=\"multipart/form-data\"", "name=\"photos\"",
                "Ảnh kèm câu trả lời (công khai)");

        HttpResponse<String> sent = official.postMultipart("/feedback/work/" + code,
                action(official, code, "answer", "Đã thay ghế đá mới."),
                List.of(new Part("photos", "sau-1.png", "image/png", PNG), new Part("photos", "sau-2.png", "image/png", PNG)));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);

        String after = official.get("/feedback/work/" + code).body();
        assertThat(after).contains("id=\"action-done\"", "id=\"work-answer\"", "Đã thay ghế đá mới.");
        String answerPhotos = after.substring(after.indexOf("id=\"work-answer-photos\""));
        Matcher m = WORK_PHOTO.matcher(answerPhotos);
        int shown = 0;
        String first = null;
        while (m.find() && answerPhotos.indexOf("</div>") > m.start()) {
            first = first == null ? m.group(1) : first;
            shown++;
        }
        assertThat(shown).isEqualTo(2);
        HttpResponse<byte[]> image = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + first)).build(), HttpResponse.BodyHandlers.ofByteArray());
        // The officials' photo address needs the session: a stranger is sent to the login page.
        assertThat(image.statusCode()).isEqualTo(302);

        JsonNode full = ok(api.as("canbo").get("/api/v1/feedback/reports/" + code));
        assertThat(full.get("state").asString()).isEqualTo("answered");
        assertThat(full.get("photos").toString()).contains("\"kind\":\"answer\"");

        // The public page: the answer with its two photos, which anyone may open.
        String pub = new PageSession(port).get("/feedback/" + code).body();
        String answerCard = pub.substring(pub.indexOf("id=\"report-answer\""));
        answerCard = answerCard.substring(0, answerCard.indexOf("id=\"rating-form\"") > 0
                ? answerCard.indexOf("id=\"rating-form\"") : answerCard.length());
        Matcher p = API_PHOTO.matcher(answerCard);
        assertThat(p.find()).isTrue();
        HttpResponse<byte[]> publicImage = api.getBytes(p.group(1));
        assertThat(publicImage.statusCode()).isEqualTo(200);
        assertThat(publicImage.body()).isEqualTo(PNG);
        assertThat(p.find()).isTrue();
        assertThat(answerCard).contains("Đã thay ghế đá mới.");
    }

    @Test
    void aRefusedPhotoLeavesTheReportUnanswered() throws Exception {
        ApiClient api = new ApiClient(port);
        String code = created(api.post("/api/v1/feedback/reports",
                report("cong-vien", "Đèn công viên hỏng", SAI_GON_LAT, SAI_GON_LON))).get("code").asString();
        PageSession official = new PageSession(port).login("canbo");

        HttpResponse<String> pdf = official.postMultipart("/feedback/work/" + code,
                action(official, code, "answer", "Đã sửa."), List.of(new Part("photos", "a.png", "image/png", PDF)));
        assertThat(pdf.statusCode()).isEqualTo(302);
        assertThat(official.get("/feedback/work/" + code).body()).contains("id=\"action-error\"");
        JsonNode still = ok(api.as("canbo").get("/api/v1/feedback/reports/" + code));
        assertThat(still.get("state").asString()).isEqualTo("assigned");
        assertThat(still.get("answer").isNull()).isTrue();
        assertThat(still.get("photos").size()).isZero();

        official.postMultipart("/feedback/work/" + code, action(official, code, "start", ""),
                List.of(new Part("photos", "a.png", "image/png", PNG)));
        assertThat(official.get("/feedback/work/" + code).body()).contains("Chỉ gửi ảnh kèm câu trả lời.");
        assertThat(ok(api.as("canbo").get("/api/v1/feedback/reports/" + code)).get("state").asString())
                .isEqualTo("assigned");

        List<Part> six = List.of(new Part("photos", "1.png", "image/png", PNG), new Part("photos", "2.png", "image/png", PNG),
                new Part("photos", "3.png", "image/png", PNG), new Part("photos", "4.png", "image/png", PNG),
                new Part("photos", "5.png", "image/png", PNG), new Part("photos", "6.png", "image/png", PNG));
        official.postMultipart("/feedback/work/" + code, action(official, code, "answer", "Đã sửa."), six);
        assertThat(official.get("/feedback/work/" + code).body()).contains("Mỗi phản ánh có tối đa 5 ảnh.");
        assertThat(ok(api.as("canbo").get("/api/v1/feedback/reports/" + code)).get("answer").isNull()).isTrue();
    }
}
