package vn.citygov.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver (no browser download), with the flags
 * that keep it quiet on a closed network.
 */
public final class Browser {

    private Browser() {
    }

    public static ChromeDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("citygov.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=vi", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("citygov.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // The profile (tens of MB per browser) is of no use once the tests' JVM ends, when Chromium has quit.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(profile)));
        return driver;
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = java.nio.file.Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException | RuntimeException e) {
            // left for the system's temporary-file cleanup
        }
    }

    /** Saves a screenshot under docs/screenshots, where the README shows it. */
    public static void screenshot(ChromeDriver driver, String name) {
        try {
            Path target = Path.of("docs/screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens a page of the application under test. */
    public static void open(ChromeDriver driver, int port, String path) {
        driver.get("http://localhost:" + port + path);
    }

    /** Signs in through the login form as a demo user and waits for the signed-in page. */
    public static void logIn(ChromeDriver driver, int port, String username) {
        open(driver, port, "/login");
        type(driver, "username", username);
        type(driver, "password", "citygov-demo");
        click(driver, By.id("login-submit"));
        waitFor(driver, By.id("account-link"));
    }

    /** Replaces the text of the field with that id. */
    public static void type(ChromeDriver driver, String id, String text) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    /** Clicks once the element takes clicks: panels loaded by htmx may still be moving the page for a moment. */
    public static void click(ChromeDriver driver, By by) {
        for (int attempt = 1; ; attempt++) {
            WebElement e = driver.findElement(by);
            driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", e);
            try {
                e.click();
                return;
            } catch (ElementClickInterceptedException | StaleElementReferenceException covered) {
                if (attempt == 20) {
                    throw covered;
                }
                pause(100);
            }
        }
    }

    /** Waits for the element a click or a push leads to, instead of racing the page. */
    public static WebElement waitFor(ChromeDriver driver, By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
