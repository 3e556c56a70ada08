package vn.citygov.dossiers;

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
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.Browser;
import vn.citygov.support.IntegrationTest;
import vn.citygov.support.OnlineFiling;

/**
 * The main journey in headless Chromium: a citizen submits online, the desk accepts, the specialist claims it from
 * the work queue and forwards it to the head, who approves; the result is issued and returned, the citizen rates
 * the service, the public lookup shows it returned.
 */
@IntegrationTest
class DossiersBrowserTests {

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start(Files.createTempDirectory("citygov-chromium"));
    }

    /** Each journey starts signed out, whatever the one before left behind. */
    @org.junit.jupiter.api.BeforeEach
    void freshSession() {
        browser.manage().deleteAllCookies();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void citizenSubmitsDeskAcceptsAndTheLookupShowsIt() {
        Browser.logIn(browser, port, "congdan");
        Browser.open(browser, port, "/dossiers/new?procedure=1.001193");
        Browser.click(browser, By.id("dossier-submit"));
        WebElement summary = Browser.waitFor(browser, By.id("error-summary"));
        assertThat(summary.getText()).contains("Họ, chữ đệm, tên của trẻ: Trường này là bắt buộc",
                "Nơi sinh: Trường này là bắt buộc", "Giấy chứng sinh do cơ sở y tế cấp: Hãy tải lên giấy tờ bắt buộc này");
        Browser.screenshot(browser, "dossier-form-errors");

        new Select(browser.findElement(By.id("adminUnitCode"))).selectByValue("26740");
        Browser.type(browser, "values-applicantName", "Nguyễn Văn An");
        Browser.type(browser, "values-applicantIdNumber", "079090001234");
        Browser.type(browser, "values-applicantPhone", "0901234567");
        Browser.type(browser, "values-applicantAddress-adminUnitCode", "26740");
        Browser.type(browser, "values-applicantAddress-street", "12 Lê Lợi");
        new Select(browser.findElement(By.id("values-relation"))).selectByValue("parent");
        Browser.type(browser, "values-childName", "Nguyễn Văn Bình");
        browser.executeScript("document.getElementById('values-childBirthDate').value = '2026-11-01'");
        new Select(browser.findElement(By.id("values-childSex"))).selectByValue("male");
        Browser.type(browser, "values-birthPlace-adminUnitCode", "26740");
        Browser.type(browser, "values-birthPlace-street", "Bệnh viện Từ Dũ");
        Browser.type(browser, "values-motherName", "Trần Thị Cúc");
        Browser.type(browser, "values-motherIdNumber", "079190005678");
        Browser.click(browser, By.id("delivery-electronic"));
        Browser.click(browser, By.id("dossier-submit"));
        // Filled in but without the birth certificate: online filing needs its required uploads.
        assertThat(Browser.waitFor(browser, By.id("error-summary")).getText()).contains("Giấy chứng sinh do cơ sở y tế cấp")
                .doesNotContain("Họ, chữ đệm, tên của trẻ");
        Browser.click(browser, By.id("dossier-save-draft"));
        Browser.waitFor(browser, By.id("draft-saved"));
        java.nio.file.Path certificate;
        try {
            certificate = Files.createTempFile("chung-sinh-", ".pdf");
            Files.write(certificate, vn.citygov.files.SampleFiles.pdf());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        browser.findElement(By.id("upload-1")).sendKeys(certificate.toAbsolutePath().toString());
        Browser.click(browser, By.id("upload-send-1"));
        Browser.waitFor(browser, By.id("draft-uploaded"));
        Browser.click(browser, By.id("draft-submit"));
        Browser.waitFor(browser, By.id("submitted-notice"));
        assertThat(browser.findElement(By.id("dossier-state")).getText()).isEqualTo("Đã nộp");
        String url = browser.getCurrentUrl();
        String id = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        Browser.screenshot(browser, "dossier-submitted");

        browser.manage().deleteAllCookies();
        Browser.logIn(browser, port, "canbo");
        Browser.open(browser, port, "/work-queue?state=submitted");
        Browser.screenshot(browser, "dossier-queue");
        Browser.click(browser, By.id("act-accept-" + id));
        Browser.waitFor(browser, By.id("action-done"));
        Browser.open(browser, port, "/dossiers/" + id);
        assertThat(browser.findElement(By.id("dossier-state")).getText()).isEqualTo("Đã tiếp nhận");
        String code = browser.findElement(By.id("dossier-code")).getText();
        assertThat(code).startsWith("H29-");
        // The specialist claims it from their work queue (htmx bulk action), then forwards it to the head.
        Browser.open(browser, port, "/my-work?q=" + code);
        assertThat(browser.findElement(By.id("work-row-" + id)).getText()).contains("Công chức tư pháp - hộ tịch xử lý");
        Browser.click(browser, By.id("select-" + id));
        Browser.click(browser, By.id("bulk-claim"));
        assertThat(Browser.waitFor(browser, By.id("bulk-result-" + id)).getText()).contains("đã thực hiện");
        Browser.screenshot(browser, "work-queue");
        Browser.open(browser, port, "/dossiers/" + id);
        assertThat(Browser.waitFor(browser, By.id("step-civil-status-officer")).getText()).contains("Nguyễn Thị Lan");
        Browser.type(browser, "assignee-forward", "quantri.saigon");
        Browser.click(browser, By.id("do-forward"));
        Browser.waitFor(browser, By.id("action-done"));
        assertThat(Browser.waitFor(browser, By.id("step-chair-approval")).getText()).contains("Trần Văn Minh");

        browser.manage().deleteAllCookies();
        Browser.logIn(browser, port, "quantri.saigon");
        Browser.open(browser, port, "/my-work?scope=mine");
        Browser.waitFor(browser, By.id("work-row-" + id));
        Browser.open(browser, port, "/dossiers/" + id);
        for (String action : new String[] {"approve", "issue_result", "return_result"}) {
            // The steps panel loads after the page (htmx) and moves the buttons: click once it is there.
            Browser.waitFor(browser, By.id("dossier-steps"));
            Browser.click(browser, By.id("do-" + action));
            Browser.waitFor(browser, By.id("action-done"));
        }
        assertThat(browser.findElement(By.id("dossier-state")).getText()).isEqualTo("Đã trả kết quả");
        Browser.waitFor(browser, By.id("control-slip-link"));
        Browser.screenshot(browser, "dossier-handling");
        Browser.open(browser, port, "/dossiers/" + id + "/control-slip");
        assertThat(browser.findElement(By.id("control-slip-steps")).getText()).contains("Tiếp nhận hồ sơ",
                "Chủ tịch UBND phường, xã ký duyệt", "Đúng hạn");
        Browser.open(browser, port, "/ledger");
        Browser.click(browser, By.id("ledger-show"));
        assertThat(Browser.waitFor(browser, By.id("ledger-table")).getText()).contains(code, "Đăng ký khai sinh");
        Browser.screenshot(browser, "dossier-ledger");

        browser.manage().deleteAllCookies();
        Browser.logIn(browser, port, "congdan");
        Browser.open(browser, port, "/dossiers/" + id);
        assertThat(browser.findElement(By.id("dossier-fee")).getText()).isEqualTo("Miễn phí");
        Browser.click(browser, By.id("rating-score-5"));
        Browser.type(browser, "rating-comment-input", "Nhanh, đúng hẹn");
        Browser.click(browser, By.id("rating-send"));
        Browser.waitFor(browser, By.id("rating-thanks"));
        assertThat(browser.findElement(By.id("rating-score")).getText()).isEqualTo("5 — Rất hài lòng");
        Browser.screenshot(browser, "dossier-rated");

        browser.manage().deleteAllCookies();
        Browser.open(browser, port, "/lookup");
        Browser.type(browser, "lookup-code", code);
        Browser.click(browser, By.id("lookup-submit"));
        assertThat(Browser.waitFor(browser, By.id("lookup-state")).getText()).isEqualTo("Đã trả kết quả");
        assertThat(browser.findElement(By.id("lookup-appointment")).getText()).matches("\\d{2}/\\d{2}/\\d{4}");
        assertThat(browser.findElement(By.id("lookup-result")).getText()).doesNotContain("Nguyễn", "079090001234");
        Browser.screenshot(browser, "dossier-lookup");
    }

    /**
     * Online submission in full: a draft saved and resumed, the drawings uploaded, the fee paid at the sandbox
     * gateway, then the ward signs off the result and the citizen downloads it from the dossier page.
     */
    @Test
    void citizenSavesADraftResumesItUploadsPaysAndLaterDownloadsTheResult() throws Exception {
        browser.manage().deleteAllCookies();
        Browser.logIn(browser, port, "congdan");
        Browser.open(browser, port, "/dossiers/new?procedure=1.009994");
        new Select(browser.findElement(By.id("adminUnitCode"))).selectByValue("26740");
        Browser.type(browser, "values-applicantName", "Nguyễn Văn An");
        Browser.type(browser, "values-applicantIdNumber", "079090001234");
        Browser.click(browser, By.id("dossier-save-draft"));
        Browser.waitFor(browser, By.id("draft-saved"));
        String draftUrl = browser.getCurrentUrl();
        String draftId = draftUrl.substring(draftUrl.lastIndexOf('/') + 1);

        Browser.open(browser, port, "/dossiers");
        Browser.screenshot(browser, "dossier-drafts");
        Browser.click(browser, By.id("draft-" + draftId));
        Browser.click(browser, By.id("draft-edit"));
        assertThat(browser.findElement(By.id("values-applicantName")).getAttribute("value")).isEqualTo("Nguyễn Văn An");
        Browser.type(browser, "values-applicantPhone", "0901234567");
        Browser.type(browser, "values-applicantAddress-adminUnitCode", "26740");
        Browser.type(browser, "values-applicantAddress-street", "12 Lê Lợi");
        Browser.type(browser, "values-siteAddress-adminUnitCode", "26740");
        Browser.type(browser, "values-siteAddress-street", "34 Pasteur");
        Browser.type(browser, "values-parcelNumber", "125");
        Browser.type(browser, "values-mapSheet", "17");
        Browser.type(browser, "values-floorArea", "120");
        Browser.type(browser, "values-floors", "3");
        Browser.type(browser, "values-height", "12");
        Browser.type(browser, "values-designer", "Công ty Thiết kế Sài Gòn");
        Browser.click(browser, By.id("delivery-electronic"));
        Browser.click(browser, By.id("draft-save"));
        Browser.waitFor(browser, By.id("draft-saved"));

        Browser.click(browser, By.id("draft-submit"));
        assertThat(Browser.waitFor(browser, By.id("error-summary")).getText()).contains("Bản vẽ thiết kế xây dựng");
        java.nio.file.Path drawings = Files.createTempFile("ban-ve-", ".pdf");
        Files.write(drawings, vn.citygov.files.SampleFiles.pdf());
        browser.findElement(By.id("upload-2")).sendKeys(drawings.toAbsolutePath().toString());
        Browser.click(browser, By.id("upload-send-2"));
        Browser.waitFor(browser, By.id("draft-uploaded"));
        assertThat(browser.findElement(By.id("draft-file-2")).getText()).startsWith("ban-ve-");
        Browser.screenshot(browser, "dossier-draft");

        Browser.click(browser, By.id("draft-submit"));
        assertThat(Browser.waitFor(browser, By.id("sandbox-amount")).getText()).isEqualTo("75.000 ₫");
        Browser.click(browser, By.id("sandbox-pay"));
        Browser.waitFor(browser, By.id("sandbox-receipt"));
        Browser.open(browser, port, "/dossiers");
        String id = browser.findElement(By.cssSelector("#dossier-table tbody tr")).getAttribute("id")
                .replace("dossier-row-", "");
        Browser.open(browser, port, "/dossiers/" + id);
        assertThat(browser.findElement(By.id("payment-status")).getText()).isEqualTo("Đã thanh toán");
        assertThat(browser.findElement(By.id("payment-receipt-0")).getText()).startsWith("BL-");
        assertThat(browser.findElement(By.id("dossier-attachments")).getText()).contains("ban-ve-");
        Browser.screenshot(browser, "dossier-paid");

        browser.manage().deleteAllCookies();
        Browser.logIn(browser, port, "canbo");
        Browser.open(browser, port, "/dossiers/" + id);
        for (String action : new String[] {"accept", "start", "approve"}) {
            actAndWait(action);
        }
        java.nio.file.Path permit = Files.createTempFile("giay-phep-", ".pdf");
        Files.write(permit, vn.citygov.files.SampleFiles.pdf());
        browser.findElement(By.id("result-file")).sendKeys(permit.toAbsolutePath().toString());
        Browser.click(browser, By.id("result-sign"));
        Browser.waitFor(browser, By.id("submission-done"));
        for (String action : new String[] {"issue_result", "return_result"}) {
            actAndWait(action);
        }

        browser.manage().deleteAllCookies();
        Browser.logIn(browser, port, "congdan");
        Browser.open(browser, port, "/dossiers/" + id);
        WebElement result = Browser.waitFor(browser, By.id("result-download"));
        assertThat(browser.findElement(By.id("result-sha256")).getText()).hasSize(64);
        Browser.screenshot(browser, "dossier-result");
        assertThat(signedInDownload(result.getAttribute("href"))).isEqualTo("%PDF-");
        Browser.open(browser, port, "/dossiers/documents");
        assertThat(browser.findElement(By.id("store-documents")).getText()).contains("Giấy phép xây dựng");
    }

    /** Takes a workflow action on the dossier page and waits for the page after it, not the one before. */
    private static void actAndWait(String action) {
        WebElement before = browser.findElement(By.id("do-" + action));
        Browser.click(browser, By.id("do-" + action));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(before));
        Browser.waitFor(browser, By.id("action-done"));
    }

    @Test
    void anOfficialReceivesADossierAtTheCounterInEnglish() {
        browser.manage().deleteAllCookies();
        Browser.logIn(browser, port, "canbo");
        Browser.open(browser, port, "/dossiers/new?procedure=2.000815&lang=en");
        assertThat(browser.findElement(By.id("counter-notice")).getText()).contains("at the counter");
        new Select(browser.findElement(By.id("adminUnitCode"))).selectByValue("26740");
        Browser.type(browser, "values-applicantName", "Phạm Văn Em");
        Browser.type(browser, "values-applicantIdNumber", "079090009999");
        Browser.type(browser, "values-documentTitle", "Bằng tốt nghiệp");
        Browser.type(browser, "values-pages", "1");
        Browser.type(browser, "values-copies", "2");
        Browser.click(browser, By.id("delivery"));
        Browser.click(browser, By.id("dossier-submit"));
        assertThat(Browser.waitFor(browser, By.id("error-summary")).getText()).contains("Applicant's full name: This field is required.");
        assertThat(browser.findElement(By.id("applicantName-error")).getText()).isEqualTo("This field is required.");
        assertThat(browser.findElement(By.id("values-documentTitle")).getAttribute("value")).isEqualTo("Bằng tốt nghiệp");
        Browser.type(browser, "applicantName", "Phạm Văn Em");
        Browser.click(browser, By.id("dossier-submit"));
        Browser.waitFor(browser, By.id("submitted-notice"));
        assertThat(browser.findElement(By.id("dossier-state")).getText()).isEqualTo("Submitted");
        assertThat(browser.findElement(By.id("dossier-values")).getText()).contains("Number of copies", "2");
        Browser.click(browser, By.id("do-accept"));
        Browser.waitFor(browser, By.id("action-done"));
        assertThat(browser.findElement(By.id("dossier-state")).getText()).isEqualTo("Accepted");
        assertThat(browser.findElement(By.id("dossier-code")).getText()).startsWith("H29-");
        WebElement print = browser.findElement(By.id("print-receipt"));
        assertThat(print.getText()).isEqualTo("Print the receipt");
        assertThat(browser.findElement(By.id("document-receipt")).getText()).contains("form 01");
        assertThat(signedInDownload(print.getAttribute("href"))).startsWith("%PDF");
        Browser.screenshot(browser, "dossier-counter-accepted");

        // Form 04: the new appointment, once, from the steps panel.
        java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(3);
        while (day.getDayOfWeek().getValue() > 5) {
            day = day.plusDays(1);
        }
        Browser.waitFor(browser, By.id("extension-form"));
        browser.executeScript("document.getElementById('extension-date').value = '" + day + "'");
        Browser.type(browser, "extension-reason", "Waiting for the original from the archive");
        Browser.click(browser, By.id("extension-send"));
        Browser.waitFor(browser, By.id("action-done"));
        assertThat(Browser.waitFor(browser, By.id("dossier-extension")).getText()).contains(
                "%02d/%02d/%d".formatted(day.getDayOfMonth(), day.getMonthValue(), day.getYear()), "archive");
        assertThat(browser.findElements(By.id("extension-form"))).as("only once").isEmpty();
        assertThat(browser.findElement(By.id("document-extension")).getText()).contains("form 04");
        Browser.open(browser, port, "/dossiers/new?lang=vi");
    }

    @Test
    void citizenAnswersASupplementRequestOnline() {
        ApiClient api = new ApiClient(port);
        ApiClient desk = api.as("canbo");
        JsonNode d = OnlineFiling.post(api.as("congdan"), OnlineFiling.birth("26740")).json();
        DossiersIntegrationTests.ok(DossiersIntegrationTests.act(desk, d, "request_supplement",
                Map.of("items", List.of("Họ tên mẹ ghi sai"))));
        browser.manage().deleteAllCookies();
        Browser.logIn(browser, port, "congdan");
        Browser.open(browser, port, "/dossiers/" + d.get("id").asLong());
        assertThat(browser.findElement(By.id("supplement-items")).getText()).contains("Họ tên mẹ ghi sai");
        Browser.click(browser, By.id("answer-supplement"));
        assertThat(Browser.waitFor(browser, By.id("values-childName")).getAttribute("value")).isEqualTo("Nguyễn Văn Bình");
        assertThat(browser.findElement(By.id("values-birthPlace-street")).getAttribute("value")).isEqualTo("Bệnh viện Từ Dũ");
        browser.findElement(By.id("values-motherName")).clear();
        Browser.click(browser, By.id("supplement-submit"));
        assertThat(Browser.waitFor(browser, By.id("error-summary")).getText()).contains("Họ tên mẹ: Trường này là bắt buộc");
        Browser.type(browser, "values-motherName", "Trần Thị Cúc Hoa");
        Browser.click(browser, By.id("supplement-submit"));
        Browser.waitFor(browser, By.id("action-done"));
        assertThat(browser.findElement(By.id("dossier-state")).getText()).isEqualTo("Đã nộp");
        assertThat(browser.findElement(By.id("dossier-values")).getText()).contains("Trần Thị Cúc Hoa");
        Browser.screenshot(browser, "dossier-supplemented");
    }

    /** Fetches a link with the browser's session, as the signed-in official's click would. */
    private static String signedInDownload(String url) {
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        try {
            java.net.http.HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Cookie", cookies).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
            return new String(r.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
