package vn.citygov.procedures;

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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.citygov.support.Browser;
import vn.citygov.support.IntegrationTest;

/** A visitor finds a procedure without typing accents and reads its page, in headless Chromium. */
@IntegrationTest
class ProceduresBrowserTests {

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
    void searchesWithoutAccentsAndOpensAProcedure() {
        browser.get("http://localhost:" + port + "/procedures");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thủ tục hành chính");
        assertThat(browser.findElements(By.cssSelector("#mainNav a[href$='/procedures']"))).isNotEmpty();

        // htmx replaces the results as the visitor types; Enter would submit the same search without it.
        browser.findElement(By.id("q")).sendKeys("dang ky khai sinh");
        WebElement link = new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions
                .visibilityOfElementLocated(By.xpath("//div[@id='results']//a[text()='Đăng ký khai sinh']")));
        assertThat(browser.getCurrentUrl()).contains("q=dang%20ky%20khai%20sinh");
        Browser.screenshot(browser, "procedures");

        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", link);
        link.click();
        waitForText(By.id("procedure-name"), "Đăng ký khai sinh");
        assertThat(browser.findElement(By.id("procedure-fee")).getText()).isEqualTo("Miễn phí");
        assertThat(browser.findElement(By.id("procedure-days")).getText()).isEqualTo("1 ngày làm việc");
        assertThat(browser.findElement(By.id("form-preview")).findElements(By.cssSelector("input, select, textarea")))
                .isNotEmpty().allMatch(e -> !e.isEnabled());
        assertThat(browser.findElement(By.id("preview-applicantIdNumber")).getAttribute("maxlength")).isEqualTo("12");

        browser.get("http://localhost:" + port + "/procedures/2.000488?lang=en");
        waitForText(By.id("procedure-fee"), "200.000 ₫");
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Judicial record certificate for Vietnamese citizens and foreigners residing in Vietnam");
    }

    private static void waitForText(By locator, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(locator, text));
    }
}
