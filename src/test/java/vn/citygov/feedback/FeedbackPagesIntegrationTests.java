package vn.citygov.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.citygov.feedback.FeedbackIntegrationTests.SAI_GON_LAT;
import static vn.citygov.feedback.FeedbackIntegrationTests.SAI_GON_LON;
import static vn.citygov.feedback.FeedbackIntegrationTests.created;
import static vn.citygov.feedback.FeedbackIntegrationTests.report;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;

/** The public pages open without login and escape citizens' text; the officials' pages need a login. */
@IntegrationTest
class FeedbackPagesIntegrationTests {

    @LocalServerPort
    int port;

    ApiClient web;

    @BeforeEach
    void client() {
        web = new ApiClient(port);
    }

    @Test
    void publicPagesOpenWithoutLoginInBothLanguages() {
        for (String path : new String[] {"/feedback", "/feedback/new", "/feedback/statistics",
                "/feedback?status=open&unit=26740", "/feedback/similar?categoryCode=giao-thong&lat=10.78&lon=106.70&title=o%20ga"}) {
            Response vi = web.get(path);
            assertThat(vi.status()).as(path).isEqualTo(200);
            assertThat(vi.body()).doesNotContain("??feedback").doesNotContain("??nav");
            Response en = web.get(path + (path.contains("?") ? "&" : "?") + "lang=en");
            assertThat(en.status()).as(path).isEqualTo(200);
            assertThat(en.body()).doesNotContain("??feedback");
        }
        assertThat(web.get("/feedback/new?lang=en").body()).contains("Report a problem", "Street lighting");
        assertThat(web.get("/feedback/new?lang=vi").body()).contains("Gửi phản ánh", "Chiếu sáng công cộng");
        assertThat(web.get("/feedback/PA-2000-AAAAAA").status()).isEqualTo(404);
        assertThat(web.get("/feedback?status=weird").status()).isEqualTo(400);
    }

    @Test
    void citizensTextIsEscapedOnThePublicPage() {
        Map<String, Object> body = report("khac", "<script>alert('x')</script> Biển báo bị che", SAI_GON_LAT, SAI_GON_LON);
        body.put("description", "<img src=x onerror=alert(1)> nội dung");
        body.put("contactName", "Nguyễn Bí Mật");
        String code = created(web.post("/api/v1/feedback/reports", body)).get("code").asString();
        Response page = web.get("/feedback/" + code);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .doesNotContain("<script>alert('x')</script>").doesNotContain("<img src=x")
                .doesNotContain("Nguyễn Bí Mật");
    }

    @Test
    void officialsPagesNeedALoginAndAPermission() {
        assertThat(web.get("/feedback/work").status()).isEqualTo(302);
        assertThat(web.get("/feedback/monitoring").status()).isEqualTo(302);
        assertThat(web.get("/feedback/monitoring.csv").status()).isEqualTo(302);
        // A form post without the CSRF token is refused.
        Response post = web.raw("POST", "/feedback/new", "application/x-www-form-urlencoded",
                "categoryCode=khac&title=x&description=y&lat=10.78&lon=106.70".getBytes());
        assertThat(post.status()).isIn(302, 403);
    }
}
