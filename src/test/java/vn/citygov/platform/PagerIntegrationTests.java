package vn.citygov.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;

/** The shared pager on long lists: links only where they lead, the position, the list's filters kept. */
@IntegrationTest
class PagerIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void middlePageLinksBothWaysAndKeepsTheFilters() {
        Response page = new ApiClient(port).header("Accept", "text/html").get("/directory?tab=units&page=1");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("rel=\"prev\"").contains("rel=\"next\"")
                .contains("tab=units").contains("page=0").contains("page=2")
                .containsPattern("Trang 2 / \\d+");
    }

    @Test
    void firstPageHasNoPreviousLinkAndSpeaksEnglishWhenAsked() {
        Response page = new ApiClient(port).header("Accept", "text/html").get("/procedures?lang=en");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("rel=\"prev\"").contains("rel=\"next\"").containsPattern("Page 1 of \\d+");
    }
}
