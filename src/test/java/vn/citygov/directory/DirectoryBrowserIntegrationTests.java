package vn.citygov.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.citygov.support.Browser;
import vn.citygov.support.IntegrationTest;

/** Live search in a real browser: typing updates the results in place (htmx), and the address follows. */
@IntegrationTest
class DirectoryBrowserIntegrationTests {

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start(Files.createTempDirectory("citygov-directory-chromium"));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void typingSearchesWithoutReloadingThePage() {
        browser.get("http://localhost:" + port + "/directory?tab=units");
        // A marker on the window survives partial updates but not a full page load.
        ((JavascriptExecutor) browser).executeScript("window.directoryMarker = 'same-page';");
        browser.findElement(By.id("q")).sendKeys("phuong sai gon");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#results tbody tr:first-child td:first-child"), "Phường Sài Gòn"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.directoryMarker")).isEqualTo("same-page");
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("q=phuong"));
        Browser.screenshot(browser, "directory-live-search");

        browser.findElement(By.cssSelector("#results tbody tr:first-child a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/directory/units/26740"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Phường Sài Gòn");
    }
}
