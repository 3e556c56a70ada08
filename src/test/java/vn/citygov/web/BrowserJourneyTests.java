package vn.citygov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.citygov.support.Browser;
import vn.citygov.support.IntegrationTest;

/** The main journeys through the real pages in headless Chromium. */
@IntegrationTest
class BrowserJourneyTests {

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

    @BeforeEach
    void freshSession() {
        open("/");
        browser.manage().deleteAllCookies();
    }

    @Test
    void vietnameseByDefaultAndEnglishSticksOnceChosen() {
        open("/");
        assertThat(htmlLang()).isEqualTo("vi");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Chính quyền số Thành phố Hồ Chí Minh");
        Browser.screenshot(browser, "home-vi");

        browser.findElement(By.id("lang-switch")).click();
        waitForLang("en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ho Chi Minh City digital government");

        open("/login");
        assertThat(htmlLang()).isEqualTo("en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Log in");
        browser.findElement(By.id("lang-switch")).click();
        waitForLang("vi");
    }

    @Test
    void administratorLogsInAndOpensEveryModule() {
        logIn("admin");
        assertThat(browser.findElement(By.id("account-link")).getText()).isEqualTo("Quản trị Thành phố");
        List<String> modules = browser.findElements(By.cssSelector("#mainNav a.nav-link:not(.dropdown-toggle):not(#lang-switch):not(#login-link):not(#account-link), #mainNav a.dropdown-item")).stream()
                .map(a -> a.getAttribute("href")).toList();
        assertThat(modules).anyMatch(href -> href.endsWith("/audit")).anyMatch(href -> href.endsWith("/admin/users"));
        for (String href : modules) {
            browser.get(href);
            assertThat(browser.getTitle()).as(href).doesNotContain("lỗi").doesNotContain("Không tìm thấy");
            assertThat(browser.findElements(By.tagName("h1"))).as(href).isNotEmpty();
            String name = href.substring(href.indexOf('/', 8) + 1).replace('/', '-');
            Browser.screenshot(browser, "module-" + (name.isEmpty() ? "home" : name));
        }
        open("/account");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tài khoản của tôi");
        Browser.screenshot(browser, "account");

        browser.findElement(By.id("logout-button")).click();
        waitFor(By.id("login-link"));
    }

    @Test
    void citizenSeesNoAdministrationAndGetsAFriendly403() {
        logIn("congdan");
        assertThat(browser.findElements(By.cssSelector("a[href$='/audit']"))).isEmpty();
        open("/audit");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Bạn không có quyền truy cập trang này");
        open("/audit?lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You may not open this page");
    }

    @Test
    void wrongPasswordShowsAnErrorSummary() {
        open("/login");
        browser.findElement(By.id("username")).sendKeys("canbo");
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.id("login-submit")).click();
        WebElement error = waitFor(By.id("login-error"));
        assertThat(error.getText()).contains("Tên đăng nhập hoặc mật khẩu không đúng.");
        Browser.screenshot(browser, "login-error");
    }

    @Test
    void unknownPageIsAFriendly404InBothLanguages() {
        open("/no-such-page");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Không tìm thấy trang");
        open("/no-such-page?lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
    }

    @Test
    void layoutFitsAPhone() {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            open("/");
            Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
            assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(390);
            assertThat(browser.findElement(By.cssSelector(".navbar-toggler")).isDisplayed()).isTrue();
            Browser.screenshot(browser, "home-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void forgottenPasswordFormAnswersWithoutRevealingAccounts() {
        open("/password/forgot");
        browser.findElement(By.id("email")).sendKeys("nobody@example.org");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(waitFor(By.id("reset-sent")).getText())
                .isEqualTo("Nếu địa chỉ này thuộc một tài khoản, thư hướng dẫn đã được gửi đến.");
    }

    private void logIn(String username) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("citygov-demo");
        browser.findElement(By.id("login-submit")).click();
        waitFor(By.id("logout-button"));
    }

    /** Waits for the page that a click leads to, instead of racing the navigation. */
    private static WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private static void waitForLang(String lang) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", lang));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private String htmlLang() {
        return browser.findElement(By.tagName("html")).getAttribute("lang");
    }

}
