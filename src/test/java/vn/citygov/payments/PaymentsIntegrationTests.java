package vn.citygov.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.citygov.payments.internal.SandboxGateway;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;

/** Paying a fee over HTTP: start, the sandbox's signed callback, replays, forgeries, cancel, refund, access. */
@IntegrationTest
class PaymentsIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SandboxGateway sandbox;

    @Autowired
    PaymentService payments;

    ApiClient anonymous;
    ApiClient citizen;

    @BeforeEach
    void setUp() {
        anonymous = new ApiClient(port);
        citizen = anonymous.as("congdan");
    }

    /** A counter filing of the judicial record: 200.000 ₫ in the catalogue, no rule for that channel. */
    Response start(ApiClient payer, String reference) {
        return payer.post("/api/v1/payments",
                Map.of("reference", reference, "procedureCode", "2.000488", "channel", "counter"));
    }

    /** The callback the sandbox would send for that payment, signed with its secret. */
    GatewayCallback signed(String id, String outcome) {
        Payment payment = jdbcPayment(id);
        return sandbox.callbackFor(payment, outcome);
    }

    Payment jdbcPayment(String id) {
        return new Payment(UUID.fromString(id), 0, "", "", "",
                jdbc.sql("SELECT amount_vnd FROM payments_payment WHERE id = :id").param("id", UUID.fromString(id))
                        .query(Long.class).single(),
                null, null, null, PaymentStatus.PENDING, "sandbox", "", null, null, null, null, null, 0);
    }

    long audited(String id, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE object_type = 'payment' AND object_id = :id AND action = :a")
                .param("id", id).param("a", action).query(Long.class).single();
    }

    @Test
    void aPaymentStartsPendingAndTheCallbackConfirmsItOnce() {
        String reference = "HS-" + UUID.randomUUID();
        Response created = start(citizen, reference);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/payments/" + id);
        assertThat(created.json().get("status").asString()).isEqualTo("pending");
        assertThat(created.json().get("amountVnd").asLong()).isEqualTo(200_000);
        assertThat(created.json().get("redirectUrl").asString()).isEqualTo("/payments/sandbox/" + id);

        GatewayCallback callback = signed(id, "paid");
        Response confirmed = anonymous.post("/api/v1/payments/callback", callback);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("paid");
        String receipt = confirmed.json().get("receiptNumber").asString();
        assertThat(receipt).matches("BL-\\d{4}-\\d{7}");

        Response replayed = anonymous.post("/api/v1/payments/callback", callback);
        assertThat(replayed.status()).isEqualTo(409);
        assertThat(replayed.isProblem()).isTrue();
        assertThat(replayed.json().get("code").asString()).isEqualTo("callback-replayed");

        // A second, fresh notice for a payment no longer pending is out of order.
        Response late = anonymous.post("/api/v1/payments/callback", signed(id, "cancelled"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asString()).isEqualTo("callback-out-of-order");

        Response read = citizen.get("/api/v1/payments/" + id);
        assertThat(read.json().get("status").asString()).isEqualTo("paid");
        assertThat(read.json().get("receiptNumber").asString()).isEqualTo(receipt);
        assertThat(audited(id, "confirmed")).isEqualTo(1);
        assertThat(audited(id, "callback-rejected")).isEqualTo(2);

        Response mine = citizen.get("/api/v1/payments?reference=" + reference);
        assertThat(mine.json().get("total").asLong()).isEqualTo(1);
        assertThat(mine.json().get("items").get(0).get("id").asString()).isEqualTo(id);
    }

    @Test
    void aBadSignatureIsRefusedLoggedAndAudited() {
        String id = start(citizen, "HS-sig").json().get("id").asString();
        GatewayCallback good = signed(id, "paid");
        GatewayCallback cheaper = new GatewayCallback(good.paymentId(), good.outcome(), 1L, good.transactionId(),
                good.issuedAt(), good.signature());
        Response forged = anonymous.post("/api/v1/payments/callback", cheaper);
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.isProblem()).isTrue();
        assertThat(forged.json().get("code").asString()).isEqualTo("invalid-signature");

        Response unsigned = anonymous.post("/api/v1/payments/callback", Map.of("paymentId", id, "outcome", "paid",
                "amountVnd", 200000, "transactionId", "X", "issuedAt", "2026-01-01T00:00:00Z"));
        assertThat(unsigned.status()).isEqualTo(400);
        assertThat(audited(id, "callback-rejected")).isEqualTo(2);
        assertThat(citizen.get("/api/v1/payments/" + id).json().get("status").asString()).isEqualTo("pending");

        // The genuine notice still goes through after the forgeries.
        assertThat(anonymous.post("/api/v1/payments/callback", good).status()).isEqualTo(200);
    }

    @Test
    void theClientCannotSetTheAmount() {
        Response created = citizen.post("/api/v1/payments", Map.of("reference", "HS-amount", "procedureCode", "2.000488",
                "channel", "counter", "amountVnd", 1, "amount", 1, "status", "paid"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("amountVnd").asLong()).isEqualTo(200_000);
        assertThat(created.json().get("status").asString()).isEqualTo("pending");
    }

    @Test
    void aRetriedStartWithTheSameIdempotencyKeyCreatesNothingNew() {
        ApiClient retrying = citizen.header("Idempotency-Key", "pay-" + UUID.randomUUID());
        Response first = start(retrying, "HS-retry");
        Response again = start(retrying, "HS-retry");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(citizen.get("/api/v1/payments?reference=HS-retry").json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void nothingIsChargedWhenARuleMakesTheFeeZero() {
        ApiClient admin = anonymous.as("admin");
        Response rule = admin.post("/api/v1/fee-rules", Map.of("procedureCode", "2.001052", "channel", "any",
                "amountVnd", 0, "validFrom", "2000-01-01", "reason", "Miễn phí thử nghiệm", "reasonEn", "Trial waiver"));
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        try {
            Response free = citizen.post("/api/v1/payments", Map.of("reference", "HS-free", "procedureCode", "2.001052",
                    "channel", "online"));
            assertThat(free.status()).isEqualTo(409);
            assertThat(free.isProblem()).isTrue();
        } finally {
            admin.delete("/api/v1/fee-rules/" + rule.json().get("id").asLong());
        }
        Response charged = citizen.post("/api/v1/payments", Map.of("reference", "HS-free", "procedureCode", "2.001052",
                "channel", "online"));
        assertThat(charged.status()).isEqualTo(201);
        assertThat(charged.json().get("amountVnd").asLong()).isEqualTo(2000);
    }

    @Test
    void invalidRequestsAreProblems() {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("reference", "HS-x", "procedureCode", "2.000488",
                "channel", "post"));
        assertThat(citizen.post("/api/v1/payments", body).json().get("errors").get(0).get("field").asString())
                .isEqualTo("channel");
        body.put("channel", "online");
        body.put("procedureCode", "9.999999");
        Response unknown = citizen.post("/api/v1/payments", body);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("procedureCode");
        body.remove("reference");
        assertThat(citizen.post("/api/v1/payments", body).status()).isEqualTo(400);
    }

    @Test
    void aCancelledPaymentCannotBePaidLater() {
        String id = start(citizen, "HS-cancel").json().get("id").asString();
        Response cancelled = anonymous.post("/api/v1/payments/callback", signed(id, "cancelled"));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.json().get("receiptNumber").isNull()).isTrue();
        assertThat(anonymous.post("/api/v1/payments/callback", signed(id, "paid")).status()).isEqualTo(409);
        assertThat(audited(id, "cancelled")).isEqualTo(1);
    }

    @Test
    void onlyAPaidPaymentIsRefundedAndOnlyByAnAdministrator() {
        ApiClient admin = anonymous.as("admin");
        String id = start(citizen, "HS-refund").json().get("id").asString();
        assertThat(admin.post("/api/v1/payments/" + id + "/refund", Map.of()).status()).isEqualTo(409);

        anonymous.post("/api/v1/payments/callback", signed(id, "paid"));
        assertThat(citizen.post("/api/v1/payments/" + id + "/refund", Map.of()).status()).isEqualTo(403);
        Response refunded = admin.post("/api/v1/payments/" + id + "/refund", Map.of());
        assertThat(refunded.status()).as(refunded.body()).isEqualTo(200);
        assertThat(refunded.json().get("status").asString()).isEqualTo("refunded");
        assertThat(admin.post("/api/v1/payments/" + id + "/refund", Map.of()).status()).isEqualTo(409);
        assertThat(admin.post("/api/v1/payments/" + UUID.randomUUID() + "/refund", Map.of()).status()).isEqualTo(404);
        assertThat(audited(id, "refunded")).isEqualTo(1);
    }

    @Test
    void aPaymentIsVisibleToItsPayerAndAdministratorsOnly() {
        String id = start(citizen, "HS-access").json().get("id").asString();
        assertThat(anonymous.get("/api/v1/payments/" + id).status()).isEqualTo(401);
        assertThat(anonymous.post("/api/v1/payments", Map.of("reference", "x", "procedureCode", "2.000488",
                "channel", "counter")).status()).isEqualTo(401);
        Response other = anonymous.as("doanhnghiep").get("/api/v1/payments/" + id);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.isProblem()).isTrue();
        assertThat(anonymous.as("canbo").get("/api/v1/payments/" + id).status()).isEqualTo(404);
        assertThat(anonymous.as("doanhnghiep").get("/api/v1/payments?reference=HS-access").json().get("total").asLong())
                .isZero();
        assertThat(anonymous.as("admin").get("/api/v1/payments/" + id).status()).isEqualTo(200);
    }

    @Test
    void theSandboxPageLetsThePayerPayAndNotifiesBySignedCallback() throws Exception {
        String id = start(citizen, "HS-page").json().get("id").asString();
        Session session = new Session().login("congdan");
        HttpResponse<String> page = session.get("/payments/sandbox/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Thanh toán").contains("Hủy").contains("200.000 ₫");

        HttpResponse<String> paid = session.post("/payments/sandbox/" + id, Map.of("_csrf", csrf(page.body()),
                "action", "pay"));
        assertThat(paid.statusCode()).isEqualTo(302);
        assertThat(citizen.get("/api/v1/payments/" + id).json().get("status").asString()).isEqualTo("paid");
        assertThat(session.get("/payments/sandbox/" + id).body()).contains("BL-");

        Session other = new Session().login("doanhnghiep");
        assertThat(other.get("/payments/sandbox/" + id).statusCode()).isEqualTo(404);
        assertThat(anonymous.get("/payments/sandbox/" + id).status()).isEqualTo(302);
    }

    @Test
    void cancellingOnTheSandboxPageCancelsThePayment() throws Exception {
        String id = start(citizen, "HS-page-cancel").json().get("id").asString();
        Session session = new Session().login("congdan");
        String page = session.get("/payments/sandbox/" + id).body();
        assertThat(session.post("/payments/sandbox/" + id, Map.of("_csrf", csrf(page), "action", "cancel"))
                .statusCode()).isEqualTo(302);
        assertThat(citizen.get("/api/v1/payments/" + id).json().get("status").asString()).isEqualTo("cancelled");
        assertThat(session.get("/payments/sandbox/" + id).body()).doesNotContain("id=\"sandbox-pay\"");
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("CSRF token in form").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /** A cookie-keeping client that does not follow redirects, like a careful browser. */
    private final class Session {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Session login(String username) throws IOException, InterruptedException {
            String page = get("/login").body();
            HttpResponse<String> response = post("/login", Map.of("_csrf", csrf(page), "username", username,
                    "password", "citygov-demo"));
            assertThat(response.statusCode()).isEqualTo(302);
            return this;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
