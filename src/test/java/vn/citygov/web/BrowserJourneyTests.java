package vn.citygov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.Browser;
import vn.citygov.support.IntegrationTest;

/** The main journeys through the real pages in headless Chromium. */
@IntegrationTest
class BrowserJourneyTests {

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

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
            // Thymeleaf shows ??key_lang?? for a missing message: never on a page.
            assertThat(browser.findElement(By.tagName("body")).getText()).as(href).doesNotContain("??");
            String name = href.substring(href.indexOf('/', 8) + 1).replace('/', '-');
            Browser.screenshot(browser, "module-" + (name.isEmpty() ? "home" : name));
        }
        open("/");
        assertThat(browser.findElement(By.tagName("body")).getText()).as("home tiles").doesNotContain("??");
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
    void apiDocumentationOpensInTheBrowser() {
        open("/swagger-ui.html");
        WebElement operation = waitFor(By.cssSelector(".opblock-summary-path"));
        assertThat(operation.getText()).startsWith("/api/v1/");
        assertThat(browser.findElements(By.cssSelector(".opblock-tag")).size()).isGreaterThanOrEqualTo(5);
        Browser.screenshot(browser, "api-docs");
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

    @Test
    void administratorAddsAHolidayOnTheCalendarPageAndTheDeadlineMoves() {
        logIn("admin");
        open("/calendar?year=2030");
        // Tuesday 19/11/2030 plus one working day is Wednesday 20/11 until that becomes a holiday.
        assertThat(calculate("2030-11-19", "10:00", "1")).contains("20/11/2030");

        setValue("holiday-date", "2030-11-20");
        browser.findElement(By.id("holiday-nameVi")).sendKeys("Ngày Nhà giáo (thử nghiệm)");
        browser.findElement(By.id("holiday-nameEn")).sendKeys("Teachers' Day (trial)");
        new Select(browser.findElement(By.id("holiday-status"))).selectByValue("provisional");
        browser.findElement(By.id("holiday-source")).sendKeys("Thông báo thử nghiệm");
        clickThenWaitFor(By.id("holiday-submit"), By.id("holiday-notice"));
        assertThat(browser.findElement(By.id("holiday-notice")).getText()).isEqualTo("Đã thêm ngày nghỉ lễ 20/11/2030.");
        WebElement row = browser.findElement(By.id("holiday-2030-11-20"));
        assertThat(row.getText()).contains("20/11/2030", "Ngày Nhà giáo (thử nghiệm)", "Tạm tính");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", row);
        Browser.screenshot(browser, "calendar-admin");

        assertThat(calculate("2030-11-19", "10:00", "1")).contains("21/11/2030");

        clickThenWaitFor(By.cssSelector("#holiday-2030-11-20 .holiday-delete"), By.id("holiday-confirm-delete"));
        assertThat(browser.findElement(By.id("holiday-to-delete")).getText()).contains("20/11/2030", "Teachers' Day (trial)");
        clickThenWaitFor(By.id("holiday-confirm-delete"), By.id("holiday-notice"));
        assertThat(browser.findElement(By.id("holiday-notice")).getText()).isEqualTo("Đã xóa ngày nghỉ lễ 20/11/2030.");
        assertThat(browser.findElements(By.id("holiday-2030-11-20"))).isEmpty();
        assertThat(calculate("2030-11-19", "10:00", "1")).contains("20/11/2030");

        ApiClient.Response trail = new ApiClient(port).as("admin").get("/api/v1/audit?objectType=holiday&objectId=2030-11-20");
        assertThat(trail.status()).isEqualTo(200);
        assertThat(values(trail.json().get("items"), "action")).containsExactlyInAnyOrder("created", "deleted");
        assertThat(values(trail.json().get("items"), "actor")).containsOnly("admin");

        open("/calendar?year=2030&lang=en");
        assertThat(browser.findElement(By.id("add-holiday-heading")).getText()).isEqualTo("Add a public holiday");
        assertThat(browser.findElement(By.cssSelector("label[for=holiday-nameVi]")).getText()).isEqualTo("Vietnamese name");
        open("/calendar?lang=vi");
    }

    @Test
    void holidayFormExplainsInvalidInputAndEditConflicts() {
        logIn("admin");
        open("/calendar?year=2032");
        // A browser without a date picker lets people type any text into the date field.
        browser.executeScript("document.getElementById('holiday-date').type = 'text'");
        setValue("holiday-date", "31/02/2032");
        clickThenWaitFor(By.id("holiday-submit"), By.id("error-summary"));
        assertThat(browser.findElements(By.cssSelector("#error-summary li a")).stream().map(WebElement::getText))
                .containsExactly("Hãy nhập ngày hợp lệ, ví dụ 24/11/2030.", "Cần nhập Tên tiếng Việt.",
                        "Cần nhập Tên tiếng Anh.");
        assertThat(browser.findElement(By.cssSelector("#error-summary li a")).getAttribute("href")).endsWith("#holiday-date");
        assertThat(browser.findElement(By.id("holiday-nameVi")).getAttribute("aria-describedby"))
                .isEqualTo("holiday-nameVi-error");
        Browser.screenshot(browser, "calendar-admin-errors");

        ApiClient api = new ApiClient(port).as("admin");
        assertThat(api.put("/api/v1/calendar/holidays/2032-11-24",
                Map.of("nameVi", "Ngày Văn hóa Việt Nam", "nameEn", "Vietnam Culture Day")).status()).isEqualTo(201);

        // Adding a second holiday on the same date says so instead of overwriting it.
        open("/calendar/holidays/new");
        setValue("holiday-date", "2032-11-24");
        browser.findElement(By.id("holiday-nameVi")).sendKeys("Trùng ngày");
        browser.findElement(By.id("holiday-nameEn")).sendKeys("Same day");
        clickThenWaitFor(By.id("holiday-submit"), By.id("error-summary"));
        assertThat(browser.findElement(By.id("error-summary")).getText())
                .contains("Ngày 24/11/2032 đã có ngày nghỉ lễ.");

        open("/calendar?year=2032");
        clickThenWaitFor(By.cssSelector("#holiday-2032-11-24 .holiday-edit"), By.id("holiday-nameEn"));
        // Someone else saves the holiday while this form is open.
        assertThat(api.put("/api/v1/calendar/holidays/2032-11-24", Map.of("nameVi", "Ngày Văn hóa Việt Nam",
                "nameEn", "Vietnam Culture Day (changed)", "version", 0)).status()).isEqualTo(200);
        WebElement nameEn = browser.findElement(By.id("holiday-nameEn"));
        nameEn.clear();
        nameEn.sendKeys("Culture Day");
        clickThenWaitFor(By.id("holiday-submit"), By.id("error-summary"));
        assertThat(browser.findElement(By.id("error-summary")).getText())
                .contains("vừa được người khác sửa", "chưa được lưu");
        assertThat(browser.findElement(By.cssSelector("#error-summary li a")).getAttribute("href")).endsWith("#holiday-form");
        assertThat(browser.findElement(By.id("holiday-nameEn")).getAttribute("value"))
                .isEqualTo("Vietnam Culture Day (changed)");

        // The reloaded form carries the current version, so saving it again works.
        nameEn = browser.findElement(By.id("holiday-nameEn"));
        nameEn.clear();
        nameEn.sendKeys("Culture Day");
        clickThenWaitFor(By.id("holiday-submit"), By.id("holiday-notice"));
        assertThat(browser.findElement(By.id("holiday-notice")).getText())
                .isEqualTo("Đã lưu thay đổi của ngày nghỉ lễ 24/11/2032.");
        JsonNode holidays = new ApiClient(port).get("/api/v1/calendar/holidays?year=2032").json();
        assertThat(values(holidays, "nameEn")).contains("Culture Day");

        // A stale delete is refused with the same explanation.
        open("/calendar/holidays/2032-11-24/delete");
        waitFor(By.id("holiday-confirm-delete"));
        assertThat(api.put("/api/v1/calendar/holidays/2032-11-24", Map.of("nameVi", "Ngày Văn hóa Việt Nam",
                "nameEn", "Culture Day", "status", "provisional", "version", 2)).status()).isEqualTo(200);
        clickThenWaitFor(By.id("holiday-confirm-delete"), By.id("error-summary"));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("vừa được người khác sửa");
        clickThenWaitFor(By.id("holiday-confirm-delete"), By.id("holiday-notice"));
        assertThat(browser.findElements(By.id("holiday-2032-11-24"))).isEmpty();
    }

    @Test
    void citizenCannotEditHolidaysEvenByPostingTheFormDirectly() {
        logIn("congdan");
        open("/calendar?year=2033");
        assertThat(browser.findElements(By.id("holiday-form"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector(".holiday-edit, .holiday-delete"))).isEmpty();

        // A well-formed POST in the citizen's own session, with a valid CSRF token.
        browser.executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = '/calendar/holidays';
                const fields = {_csrf: document.querySelector('meta[name=_csrf]').content, date: '2033-11-24',
                        nameVi: 'Ngày giả', nameEn: 'Fake day'};
                for (const [name, value] of Object.entries(fields)) {
                    const input = document.createElement('input');
                    input.type = 'hidden';
                    input.name = name;
                    input.value = value;
                    form.appendChild(input);
                }
                document.body.appendChild(form);
                form.submit();
                """);
        assertThat(waitForText(By.tagName("h1"), "Bạn không có quyền truy cập trang này")).isTrue();
        JsonNode holidays = new ApiClient(port).get("/api/v1/calendar/holidays?year=2033").json();
        assertThat(values(holidays, "date")).doesNotContain("2033-11-24");

        open("/calendar/holidays/new");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Bạn không có quyền truy cập trang này");
    }

    @Test
    void administratorOpensAnOfficialAccountSeesTheRoleAndDisablesIt() {
        logIn("admin");
        open("/admin/users");
        clickThenWaitFor(By.id("new-account"), By.id("new-account-form"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mở tài khoản cán bộ");

        // Nothing filled in: the summary lists each missing field and links to it.
        clickThenWaitFor(By.id("create-account"), By.id("error-summary"));
        assertThat(browser.findElements(By.cssSelector("#error-summary li a")).stream().map(WebElement::getText))
                .containsExactly("Hãy nhập tên đăng nhập.", "Hãy nhập họ và tên.",
                        "Hãy nhập địa chỉ thư điện tử; đường dẫn đặt mật khẩu sẽ được gửi đến đó.");
        assertThat(browser.findElement(By.cssSelector("#error-summary li a")).getAttribute("href")).endsWith("#username");
        assertThat(browser.findElement(By.id("username")).getAttribute("aria-describedby")).isEqualTo("username-error");

        browser.findElement(By.id("username")).sendKeys("cb.lam.trinh");
        browser.findElement(By.id("displayName")).sendKeys("Lâm Thị Trinh");
        browser.findElement(By.id("email")).sendKeys("lam.trinh@demo.citygov.vn");
        new Select(browser.findElement(By.id("kind"))).selectByValue("OFFICIAL");
        new Select(browser.findElement(By.id("roleCode"))).selectByValue("OFFICIAL");
        browser.findElement(By.id("agencyCode")).sendKeys("ubnd-26740");
        Browser.screenshot(browser, "user-new");
        clickThenWaitFor(By.id("create-account"), By.id("user-notice"));
        assertThat(browser.findElement(By.id("user-notice")).getText()).startsWith("Đã mở tài khoản.")
                .contains("lam.trinh@demo.citygov.vn");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Lâm Thị Trinh");
        assertThat(browser.findElement(By.id("user-roles")).getText()).contains("Cán bộ, công chức", "ubnd-26740");
        assertThat(browser.findElement(By.id("user-state")).getText()).isEqualTo("Đang hoạt động");
        Browser.screenshot(browser, "user-admin");

        clickThenWaitFor(By.id("disable-user"), By.id("user-notice"));
        assertThat(browser.findElement(By.id("user-notice")).getText()).isEqualTo("Đã vô hiệu hóa tài khoản.");
        assertThat(browser.findElement(By.id("user-state")).getText()).isEqualTo("Đã vô hiệu hóa");
        assertThat(browser.findElements(By.id("enable-user"))).hasSize(1);

        ApiClient admin = new ApiClient(port).as("admin");
        JsonNode found = admin.get("/api/v1/users?q=cb.lam.trinh").json().get("items").get(0);
        assertThat(found.get("enabled").asBoolean()).isFalse();
        ApiClient.Response trail = admin.get("/api/v1/audit?objectType=user&objectId=cb.lam.trinh");
        assertThat(values(trail.json().get("items"), "action")).containsExactlyInAnyOrder("created", "disabled");
        assertThat(values(trail.json().get("items"), "actor")).containsOnly("admin");

        open("/admin/users/" + found.get("id").asLong() + "?lang=en");
        assertThat(browser.findElement(By.id("user-state")).getText()).isEqualTo("Disabled");
        assertThat(browser.findElement(By.id("enable-user")).getText()).isEqualTo("Enable the account");
        assertThat(browser.findElement(By.id("add-role-heading")).getText()).isEqualTo("Add a role");
        open("/admin/users/new?lang=vi");
    }

    @Test
    void agencyAdministratorOpensAnAccountForTheirOwnAgencyOnly() {
        logIn("quantri.saigon");
        open("/admin/users");
        clickThenWaitFor(By.id("new-account"), By.id("new-account-form"));
        assertThat(browser.findElement(By.id("agencyCode")).getAttribute("value")).isEqualTo("ubnd-26740");
        assertThat(new Select(browser.findElement(By.id("roleCode"))).getOptions().stream().map(o -> o.getAttribute("value")))
                .containsExactly("OFFICIAL");
        assertThat(new Select(browser.findElement(By.id("kind"))).getOptions().stream().map(o -> o.getAttribute("value")))
                .containsExactly("OFFICIAL");

        browser.findElement(By.id("username")).sendKeys("cb.saigon.ngoc");
        browser.findElement(By.id("displayName")).sendKeys("Huỳnh Bảo Ngọc");
        browser.findElement(By.id("email")).sendKeys("bao.ngoc@demo.citygov.vn");
        WebElement agency = browser.findElement(By.id("agencyCode"));
        agency.clear();
        agency.sendKeys("ubnd-26743");
        // Another agency is refused by the service, whatever the form offers.
        clickThenWaitFor(By.id("create-account"), By.tagName("h1"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Bạn không có quyền truy cập trang này");

        open("/admin/users/new");
        browser.findElement(By.id("username")).sendKeys("cb.saigon.ngoc");
        browser.findElement(By.id("displayName")).sendKeys("Huỳnh Bảo Ngọc");
        browser.findElement(By.id("email")).sendKeys("bao.ngoc@demo.citygov.vn");
        clickThenWaitFor(By.id("create-account"), By.id("user-notice"));
        assertThat(browser.findElement(By.id("user-roles")).getText()).contains("ubnd-26740");
        assertThat(browser.findElements(By.cssSelector("#user-roles .role-remove"))).hasSize(1);
        assertThat(browser.findElements(By.id("disable-user"))).hasSize(1);
    }

    @Test
    void roleChangesAndDisablingReachAnOpenPageSession() {
        ApiClient admin = new ApiClient(port).as("admin");
        long id = admin.post("/api/v1/users", Map.of("username", "cb.session", "displayName", "Tạ Minh Khoa",
                "email", "cb.session@demo.citygov.vn", "kind", "OFFICIAL", "roleCode", "OFFICIAL",
                "agencyCode", "ubnd-26743")).json().get("id").asLong();
        jdbc.sql("UPDATE identity_user SET password_hash = (SELECT password_hash FROM identity_user WHERE username = 'canbo') "
                + "WHERE id = ?").param(id).update();
        logIn("cb.session");
        open("/admin/users");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Bạn không có quyền truy cập trang này");

        // Roles granted and removed after login apply from the next page, not the next login.
        long role = admin.post("/api/v1/users/" + id + "/roles", Map.of("roleCode", "AGENCY_ADMIN", "agencyCode", "ubnd-26743"))
                .json().get("id").asLong();
        open("/admin/users");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Người dùng");
        assertThat(admin.delete("/api/v1/users/" + id + "/roles/" + role).status()).isEqualTo(204);
        open("/admin/users");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Bạn không có quyền truy cập trang này");
        open("/account");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tài khoản của tôi");

        assertThat(admin.post("/api/v1/users/" + id + "/disable", Map.of()).status()).isEqualTo(200);
        open("/account");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đăng nhập");
        assertThat(browser.findElements(By.id("logout-button"))).isEmpty();
    }

    @Test
    void agencyAdministratorCannotOpenOrDisableAnotherAgencysStaffThroughThePages() {
        long canbo = new ApiClient(port).as("admin").get("/api/v1/users?q=canbo").json().get("items").get(0)
                .get("id").asLong();
        logIn("quantri.benthanh");
        open("/admin/users/" + canbo);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Bạn không có quyền truy cập trang này");

        // A well-formed POST in their own session, with a valid CSRF token.
        open("/admin/users");
        browser.executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = '/admin/users/' + arguments[0] + '/disable';
                const input = document.createElement('input');
                input.type = 'hidden';
                input.name = '_csrf';
                input.value = document.querySelector('meta[name=_csrf]').content;
                form.appendChild(input);
                document.body.appendChild(form);
                form.submit();
                """, canbo);
        assertThat(waitForText(By.tagName("h1"), "Bạn không có quyền truy cập trang này")).isTrue();
        assertThat(new ApiClient(port).as("admin").get("/api/v1/users/" + canbo).json().get("enabled").asBoolean())
                .isTrue();
    }

    /** Fills in the deadline calculator, submits it and returns the result it shows. */
    private String calculate(String date, String time, String workingDays) {
        setValue("receivedDate", date);
        setValue("receivedTime", time);
        WebElement amount = browser.findElement(By.id("amount"));
        amount.clear();
        amount.sendKeys(workingDays);
        clickThenWaitFor(By.cssSelector("#calculator button[type=submit]"), By.id("calculator-result"));
        return browser.findElement(By.id("calculator-result")).getText();
    }

    /** Date and time inputs take typed keys in the browser's locale order; setting the value is exact. */
    private static void setValue(String id, String value) {
        browser.executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    /** Clicks, waits until the old page is gone, then for the element of the new one. */
    private static void clickThenWaitFor(By button, By locator) {
        WebElement page = browser.findElement(By.tagName("html"));
        WebElement target = browser.findElement(button);
        // Bootstrap scrolls smoothly, so the driver would click before the button has arrived.
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", target);
        target.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
        waitFor(locator);
    }

    private static boolean waitForText(By locator, String text) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(locator, text));
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asString()));
        return values;
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
