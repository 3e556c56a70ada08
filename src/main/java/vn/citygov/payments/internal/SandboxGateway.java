package vn.citygov.payments.internal;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.citygov.payments.CallbackRefusedException;
import vn.citygov.payments.CallbackSignature;
import vn.citygov.payments.GatewayCallback;
import vn.citygov.payments.Payment;
import vn.citygov.payments.PaymentProvider;

/**
 * The built-in gateway, for development, demos and tests: its payment page is part of CityGov
 * ({@code /payments/sandbox/{id}}), and it signs its callbacks with HMAC-SHA256 exactly like a bank would,
 * so the verification path is the one a real provider uses. The secret comes from
 * {@code CITYGOV_PAYMENTS_SANDBOX_SECRET}; the default is for development only.
 */
@Component
public class SandboxGateway implements PaymentProvider {

    public static final String NAME = "sandbox";
    static final String DEV_SECRET = "sandbox-dev-only-not-a-secret";
    private static final Logger log = LoggerFactory.getLogger(SandboxGateway.class);

    private final String secret;
    private final Clock clock;

    SandboxGateway(@Value("${CITYGOV_PAYMENTS_SANDBOX_SECRET:" + DEV_SECRET + "}") String secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
        if (DEV_SECRET.equals(secret)) {
            log.info("Sandbox payment gateway signs with the development secret; set CITYGOV_PAYMENTS_SANDBOX_SECRET");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String start(Payment payment) {
        return "/payments/sandbox/" + payment.id();
    }

    @Override
    public VerifiedCallback verify(GatewayCallback callback) {
        if (callback == null || !CallbackSignature.verify(secret, callback.signedFields(), callback.signature())) {
            throw CallbackRefusedException.badSignature();
        }
        UUID id;
        try {
            id = UUID.fromString(callback.paymentId());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw CallbackRefusedException.malformed();
        }
        if (!("paid".equals(callback.outcome()) || "cancelled".equals(callback.outcome()))
                || callback.amountVnd() == null || callback.transactionId() == null
                || callback.transactionId().isBlank() || callback.transactionId().length() > 64
                || !isInstant(callback.issuedAt())) {
            throw CallbackRefusedException.malformed();
        }
        return new VerifiedCallback(id, callback.outcome(), callback.amountVnd(), callback.transactionId());
    }

    @Override
    public String refund(Payment payment) {
        // The sandbox holds no money: a refund is accepted at once, with a reference like a bank's.
        return "SBR-" + UUID.randomUUID();
    }

    /** The signed notice the sandbox sends when the payer pays or cancels on its page. */
    public GatewayCallback callbackFor(Payment payment, String outcome) {
        GatewayCallback unsigned = new GatewayCallback(payment.id().toString(), outcome, payment.amountVnd(),
                "SBX-" + UUID.randomUUID(), DateTimeFormatter.ISO_INSTANT.format(clock.instant()), null);
        return new GatewayCallback(unsigned.paymentId(), unsigned.outcome(), unsigned.amountVnd(),
                unsigned.transactionId(), unsigned.issuedAt(), CallbackSignature.sign(secret, unsigned.signedFields()));
    }

    private static boolean isInstant(String value) {
        try {
            java.time.Instant.parse(value);
            return true;
        } catch (java.time.format.DateTimeParseException | NullPointerException e) {
            return false;
        }
    }
}
