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
    void citizenPinsAReportOfficialAnswersCitizenRatesAndThePublicPageShowsIt() {
        logIn("congdan");
        open("/feedback/new");
        new Select(browser.findElement(By.id("categoryCode"))).selectByValue("chieu-sang");
        type("title", "Đèn đường <b>tắt</b> cả tuần");
        type("description", "Ba cột đèn trước số 12 Lê Lợi không sáng <script>alert(1)</script>");
        click(By.id("report-submit"));
        // Without a place the form comes back with the error and keeps what was typed.
        assertThat(waitFor(By.id("error-summary")).getText()).contains("Chọn vị trí trên bản đồ");
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo("Đèn đường <b>tắt</b> cả tuần");

        waitFor(By.cssSelector("#report-map.leaflet-container"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(
                "#report-map path.leaflet-interactive")).isEmpty());
        click(By.id("report-map"));
        assertThat(browser.findElement(By.id("lat")).getAttribute("value")).startsWith("10.7");
        assertThat(browser.findElement(By.id("lon")).getAttribute("value")).startsWith("106.7");
        click(By.id("check-similar"));
        waitFor(By.id("similar-list"));
        Browser.screenshot(browser, "feedback-form");
        click(By.id("report-submit"));
        waitFor(By.id("created-notice"));
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
        logIn("canbo");
        open("/feedback/work");
        click(By.linkText(code));
        waitFor(By.id("work-state"));
        type("text-answer", "Đã thay bóng đèn và kiểm tra đường dây ngày hôm nay.");
        click(By.id("do-answer"));
        waitFor(By.id("action-done"));
        assertThat(browser.findElement(By.id("work-state")).getText()).isEqualTo("Đã trả lời");

        browser.manage().deleteAllCookies();
        logIn("congdan");
        open("/feedback/" + code);
        assertThat(browser.findElement(By.id("answer-text")).getText())
                .isEqualTo("Đã thay bóng đèn và kiểm tra đường dây ngày hôm nay.");
        click(By.id("score-5"));
        click(By.id("rate-submit"));
        waitFor(By.id("rating-thanks"));
        assertThat(browser.findElement(By.id("report-state")).getText()).isEqualTo("Đã kết thúc");
        assertThat(browser.findElement(By.id("report-rating")).getText()).isEqualTo("5 / 5");

        browser.manage().deleteAllCookies();
        open("/feedback/" + code);
        assertThat(browser.findElement(By.id("answer-text")).getText()).contains("Đã thay bóng đèn");
        assertThat(browser.findElement(By.id("stat-rating")).getText()).isNotEqualTo(ratingsBefore);
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Phạm Minh Tuấn")
                .doesNotContain("congdan");
        Browser.screenshot(browser, "feedback-answered");

        open("/feedback?unit=26740");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(
                "#report-map .leaflet-marker-pane, #report-map path.leaflet-interactive")).isEmpty());
        assertThat(browser.findElement(By.id("report-list")).getText()).contains(code);
        Browser.screenshot(browser, "feedback-map");
        open("/feedback/statistics?lang=en");
        assertThat(waitFor(By.id("statistics-table")).getText()).contains("Phường Sài Gòn");
        open("/feedback?lang=vi");
    }

    /** Choosing a category brings its extra fields into the form; an address places the report without a pin. */
    @Test
    void aCitizenAnswersTheCategorysFieldsAndGivesAnAddressInsteadOfAPin() {
        browser.manage().deleteAllCookies();
        open("/feedback/new");
        new Select(browser.findElement(By.id("categoryCode"))).selectByValue("cay-xanh");
        waitFor(By.id("attr-tree-state"));
        assertThat(browser.findElement(By.cssSelector("label[for=attr-tree-state]")).getText()).contains("Tình trạng cây");
        new Select(browser.findElement(By.id("categoryCode"))).selectByValue("chieu-sang");
        waitFor(By.id("attr-pole-number"));
        assertThat(browser.findElements(By.id("attr-tree-state"))).isEmpty();
        type("attr-pole-number", "SG-0123");
        new Select(browser.findElement(By.id("attr-fault"))).selectByValue("flicker");
        type("title", "Đèn chập chờn trước chợ");
        type("description", "Đèn đường chập chờn cả đêm");
        type("address", "Trước số 5 Nguyễn Du, P. Sài Gòn");
        click(By.id("report-submit"));
        waitFor(By.id("created-notice"));
        assertThat(browser.findElement(By.id("report-attributes")).getText()).contains("SG-0123", "Đèn chập chờn");
    }

    /** A city coordinator adds a category and a routing rule from the pages, then renames the category. */
    @Test
    void aCoordinatorEditsCategoriesAndRoutingOnThePages() {
        browser.manage().deleteAllCookies();
        logIn("admin");
        String code = "ngap-trang-" + System.nanoTime() % 10000;
        open("/feedback/settings");
        waitFor(By.id("categories"));
        // Both deadlines given: refused with the reason, nothing saved.
        type("c-code", code);
        type("c-vi", "Ngập khu dân cư");
        type("c-en", "Flooding in homes");
        type("c-days", "2");
        type("c-hours", "8");
        click(By.cssSelector("#new-category button[type=submit]"));
        assertThat(waitFor(By.id("settings-error")).getText()).contains("không nhập cả hai");
        type("c-code", code);
        type("c-vi", "Ngập khu dân cư");
        type("c-en", "Flooding in homes");
        type("c-hours", "8");
        click(By.cssSelector("#new-category button[type=submit]"));
        waitFor(By.id("settings-saved"));
        assertThat(browser.findElement(By.id("categories")).getText()).contains(code, "8 giờ làm việc");

        new Select(browser.findElement(By.id("r-category"))).selectByValue(code);
        type("r-unit", "26740");
        type("r-point", "tt-26740");
        click(By.cssSelector("#new-rule button[type=submit]"));
        waitFor(By.id("settings-saved"));
        open("/feedback/settings?category=" + code);
        assertThat(waitFor(By.id("rules")).getText()).contains("26740", "ubnd-26740");
        Browser.screenshot(browser, "feedback-settings");

        click(By.linkText(code));
        type("e-en", "Flooding in residential streets");
        click(By.cssSelector("#edit-category button[type=submit]"));
        waitFor(By.id("settings-saved"));
        assertThat(browser.findElement(By.id("e-en")).getAttribute("value")).isEqualTo("Flooding in residential streets");
    }

    private void logIn(String username) {
        open("/login");
        type("username", username);
        type("password", "citygov-demo");
        click(By.id("login-submit"));
        waitFor(By.id("account-link"));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private static void type(String id, String text) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private static void click(By by) {
        WebElement e = browser.findElement(by);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", e);
        e.click();
    }

    private static WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }
}
