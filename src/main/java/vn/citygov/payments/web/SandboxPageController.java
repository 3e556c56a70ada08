package vn.citygov.payments.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;
import vn.citygov.payments.GatewayCallback;
import vn.citygov.payments.Payment;
import vn.citygov.payments.PaymentService;
import vn.citygov.payments.PaymentStatus;
import vn.citygov.payments.internal.SandboxGateway;
import vn.citygov.platform.error.CityGovException;
import vn.citygov.procedures.Fees;

/**
 * The sandbox gateway's payment page. Like a bank's page it shows the amount and offers to pay or cancel;
 * then it notifies CityGov server to server, over HTTP to the callback endpoint, with a signed callback,
 * so the sandbox exercises the very path a real provider's notice takes.
 */
@Controller
class SandboxPageController {

    private static final Logger log = LoggerFactory.getLogger(SandboxPageController.class);

    private final PaymentService payments;
    private final SandboxGateway gateway;
    private final JsonMapper json;
    private final Environment environment;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SandboxPageController(PaymentService payments, SandboxGateway gateway, JsonMapper json, Environment environment) {
        this.payments = payments;
        this.gateway = gateway;
        this.json = json;
        this.environment = environment;
    }

    @GetMapping("/payments/sandbox/{id}")
    String page(@PathVariable UUID id, Model model) {
        Payment payment = payments.get(id);
        model.addAttribute("payment", payment);
        model.addAttribute("amount", Fees.format(payment.amountVnd()));
        model.addAttribute("pending", payment.status() == PaymentStatus.PENDING);
        return "payments/sandbox";
    }

    @PostMapping("/payments/sandbox/{id}")
    String decide(@PathVariable UUID id, @RequestParam String action) {
        Payment payment = payments.get(id);
        if (payment.status() == PaymentStatus.PENDING && ("pay".equals(action) || "cancel".equals(action))) {
            notify(gateway.callbackFor(payment, "pay".equals(action) ? "paid" : "cancelled"));
        }
        return "redirect:/payments/sandbox/" + id;
    }

    /** A payment that is not the visitor's gets the platform's error page with the right status. */
    @ExceptionHandler(CityGovException.class)
    void failed(CityGovException ex, HttpServletResponse response) throws IOException {
        response.sendError(ex.status().value());
    }

    private void notify(GatewayCallback callback) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/payments/callback"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(callback))).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.warn("Sandbox callback for payment {} answered {}", callback.paymentId(), response.statusCode());
            }
        } catch (IOException e) {
            log.warn("Sandbox callback for payment {} could not be delivered: {}", callback.paymentId(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
