package vn.citygov.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.citygov.support.Browser;
import vn.citygov.support.IntegrationTest;

/**
 * The main journey in headless Chromium: a citizen pins a report on the map, the handling point answers it,
 * the citizen rates the answer, and the public page shows the answer and the ward's changed statistics.
 */
@IntegrationTest
class FeedbackBrowserTests {

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start(Files.createTempDirectory("citygov-chromium"));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void citizenPinsAReportOfficialAnswersCitizenRatesAndThePublicPageShowsIt() throws java.io.IOException {
        Browser.logIn(browser, port, "congdan");
        Browser.open(browser, port, "/feedback/new");
        new Select(browser.findElement(By.id("categoryCode"))).selectByValue("chieu-sang");
        Browser.type(browser, "title", "Đèn đường <b>tắt</b> cả tuần");
        Browser.type(browser, "description", "Ba cột đèn trước số 12 Lê Lợi không sáng <script>alert(1)</script>");
        Browser.click(browser, By.id("report-submit"));
        // Without a place the form comes back with the error and keeps what was typed.
        assertThat(Browser.waitFor(browser, By.id("error-summary")).getText()).contains("Chọn vị trí trên bản đồ");
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo("Đèn đường <b>tắt</b> cả tuần");

        Browser.waitFor(browser, By.cssSelector("#report-map.leaflet-container"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(
                "#report-map path.leaflet-interactive")).isEmpty());
        Browser.click(browser, By.id("report-map"));
        assertThat(browser.findElement(By.id("lat")).getAttribute("value")).startsWith("10.7");
        assertThat(browser.findElement(By.id("lon")).getAttribute("value")).startsWith("106.7");
        Browser.click(browser, By.id("check-similar"));
        Browser.waitFor(browser, By.id("similar-list"));
        Browser.screenshot(browser, "feedback-form");
        Browser.click(browser, By.id("report-submit"));
        Browser.waitFor(browser, By.id("created-notice"));
        assertThat(browser.findElement(By.id("report-token")).getText()).isNotBlank();
        String url = browser.getCurrentUrl();
        String code = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        assertThat(browser.findElement(By.id("report-state")).getText()).isEqualTo("Đã chuyển xử lý");
        // Citizens' text is shown as text, never run as markup.
        assertThat(browser.findElement(By.id("report-title")).getText()).isEqualTo("Đèn đường <b>tắt</b> cả tuần");
        assertThat(browser.findElement(By.id("report-description")).getText()).contains("<script>alert(1)</script>");
        String ratingsBefore = browser.findElements(By.id("stat-rating")).isEmpty() ? ""
                : browser.findElement(By.id("stat-rating")).getText();

        browser.manage().deleteAllCookies();
        Browser.logIn(browser, port, "canbo");
        Browser.open(browser, port, "/feedback/work");
        Browser.click(browser, By.linkText(code));
        Browser.waitFor(browser, By.id("work-state"));
        Browser.type(browser, "text-answer", "Đã thay bóng đèn và kiểm tra đường dây ngày hôm nay.");
        // The photo of the repaired light goes with the answer.
        java.nio.file.Path photo = java.nio.file.Files.createTempFile("den-da-sua", ".png");
        java.nio.file.Files.write(photo, Open311MediaIntegrationTests.PNG);
        browser.findElement(By.id("answer-photos")).sendKeys(photo.toAbsolutePath().toString());
        Browser.click(browser, By.id("do-answer"));
        Browser.waitFor(browser, By.id("action-done"));
        assertThat(browser.findElement(By.id("work-state")).getText()).isEqualTo("Đã trả lời");
        assertThat(browser.findElements(By.cssSelector("#work-answer-photos img"))).hasSize(1);
        java.nio.file.Files.deleteIfExists(photo);

        browser.manage().deleteAllCookies();
        Browser.logIn(browser, port, "congdan");
        Browser.open(browser, port, "/feedback/" + code);
        assertThat(browser.findElement(By.id("answer-text")).getText())
                .isEqualTo("Đã thay bóng đèn và kiểm tra đường dây ngày hôm nay.");
        Browser.click(browser, By.id("score-5"));
        Browser.click(browser, By.id("rate-submit"));
        Browser.waitFor(browser, By.id("rating-thanks"));
        assertThat(browser.findElement(By.id("report-state")).getText()).isEqualTo("Đã kết thúc");
        assertThat(browser.findElement(By.id("report-rating")).getText()).isEqualTo("5 / 5");

        browser.manage().deleteAllCookies();
        Browser.open(browser, port, "/feedback/" + code);
        assertThat(browser.findElement(By.id("answer-text")).getText()).contains("Đã thay bóng đèn");
        // The answer's photo shows to anyone, and really loads.
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("var i = document.querySelector('#report-answer img'); return i != null && i.complete && i.naturalWidth > 0;")));
        assertThat(browser.findElement(By.id("stat-rating")).getText()).isNotEqualTo(ratingsBefore);
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Phạm Minh Tuấn")
                .doesNotContain("congdan");
        Browser.screenshot(browser, "feedback-answered");

        Browser.open(browser, port, "/feedback?unit=26740");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(
                "#report-map .leaflet-marker-pane, #report-map path.leaflet-interactive")).isEmpty());
        assertThat(browser.findElement(By.id("report-list")).getText()).contains(code);
        Browser.screenshot(browser, "feedback-map");
        Browser.open(browser, port, "/feedback/statistics?lang=en");
        assertThat(Browser.waitFor(browser, By.id("statistics-table")).getText()).contains("Phường Sài Gòn");
        Browser.open(browser, port, "/feedback?lang=vi");
    }

    /** Choosing a category brings its extra fields into the form; an address places the report without a pin. */
    @Test
    void aCitizenAnswersTheCategorysFieldsAndGivesAnAddressInsteadOfAPin() {
        browser.manage().deleteAllCookies();
        Browser.open(browser, port, "/feedback/new");
        new Select(browser.findElement(By.id("categoryCode"))).selectByValue("cay-xanh");
        Browser.waitFor(browser, By.id("attr-tree-state"));
        assertThat(browser.findElement(By.cssSelector("label[for=attr-tree-state]")).getText()).contains("Tình trạng cây");
        new Select(browser.findElement(By.id("categoryCode"))).selectByValue("chieu-sang");
        Browser.waitFor(browser, By.id("attr-pole-number"));
        assertThat(browser.findElements(By.id("attr-tree-state"))).isEmpty();
        Browser.type(browser, "attr-pole-number", "SG-0123");
        new Select(browser.findElement(By.id("attr-fault"))).selectByValue("flicker");
        Browser.type(browser, "title", "Đèn chập chờn trước chợ");
        Browser.type(browser, "description", "Đèn đường chập chờn cả đêm");
        Browser.type(browser, "address", "Trước số 5 Nguyễn Du, P. Sài Gòn");
        Browser.click(browser, By.id("report-submit"));
        Browser.waitFor(browser, By.id("created-notice"));
        assertThat(browser.findElement(By.id("report-attributes")).getText()).contains("SG-0123", "Đèn chập chờn");
    }

    /** A city coordinator adds a category and a routing rule from the pages, then renames the category. */
    @Test
    void aCoordinatorEditsCategoriesAndRoutingOnThePages() {
        browser.manage().deleteAllCookies();
        Browser.logIn(browser, port, "admin");
        String code = "ngap-trang-" + System.nanoTime() % 10000;
        Browser.open(browser, port, "/feedback/settings");
        Browser.waitFor(browser, By.id("categories"));
        // Both deadlines given: refused with the reason, nothing saved.
        Browser.type(browser, "c-code", code);
        Browser.type(browser, "c-vi", "Ngập khu dân cư");
        Browser.type(browser, "c-en", "Flooding in homes");
        Browser.type(browser, "c-days", "2");
        Browser.type(browser, "c-hours", "8");
        Browser.click(browser, By.cssSelector("#new-category button[type=submit]"));
        assertThat(Browser.waitFor(browser, By.id("settings-error")).getText()).contains("không nhập cả hai");
        Browser.type(browser, "c-code", code);
        Browser.type(browser, "c-vi", "Ngập khu dân cư");
        Browser.type(browser, "c-en", "Flooding in homes");
        Browser.type(browser, "c-hours", "8");
        Browser.click(browser, By.cssSelector("#new-category button[type=submit]"));
        Browser.waitFor(browser, By.id("settings-saved"));
        assertThat(browser.findElement(By.id("categories")).getText()).contains(code, "8 giờ làm việc");

        new Select(browser.findElement(By.id("r-category"))).selectByValue(code);
        Browser.type(browser, "r-unit", "26740");
        Browser.type(browser, "r-point", "tt-26740");
        Browser.click(browser, By.cssSelector("#new-rule button[type=submit]"));
        Browser.waitFor(browser, By.id("settings-saved"));
        Browser.open(browser, port, "/feedback/settings?category=" + code);
        assertThat(Browser.waitFor(browser, By.id("rules")).getText()).contains("26740", "ubnd-26740");
        Browser.screenshot(browser, "feedback-settings");

        Browser.click(browser, By.linkText(code));
        Browser.type(browser, "e-en", "Flooding in residential streets");
        Browser.click(browser, By.cssSelector("#edit-category button[type=submit]"));
        Browser.waitFor(browser, By.id("settings-saved"));
        assertThat(browser.findElement(By.id("e-en")).getAttribute("value")).isEqualTo("Flooding in residential streets");
    }

}
