package vn.citygov.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.citygov.payments.CallbackRefusedException;
import vn.citygov.payments.CallbackSignature;
import vn.citygov.payments.GatewayCallback;
import vn.citygov.payments.Payment;
import vn.citygov.payments.PaymentProvider;
import vn.citygov.payments.PaymentStatus;

/** The sandbox signs what it sends and believes only what carries its own signature. */
class SandboxGatewayUnitTests {

    final SandboxGateway gateway = new SandboxGateway("unit-secret",
            Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC));
    final Payment payment = new Payment(UUID.randomUUID(), 7, "HS-1", "2.000488", "counter", 200_000, null, null, null,
            PaymentStatus.PENDING, "sandbox", "", null, null, null, null, null, 0);

    @Test
    void itsOwnCallbackVerifiesWithEveryField() {
        GatewayCallback callback = gateway.callbackFor(payment, "paid");
        assertThat(callback.issuedAt()).isEqualTo("2026-11-23T08:00:00Z");
        assertThat(callback.transactionId()).startsWith("SBX-");
        PaymentProvider.VerifiedCallback verified = gateway.verify(callback);
        assertThat(verified.paymentId()).isEqualTo(payment.id());
        assertThat(verified.amountVnd()).isEqualTo(200_000);
        assertThat(verified.outcome()).isEqualTo("paid");
        assertThat(gateway.start(payment)).isEqualTo("/payments/sandbox/" + payment.id());
    }

    @Test
    void aTamperedOrForeignCallbackIsABadSignature() {
        GatewayCallback callback = gateway.callbackFor(payment, "cancelled");
        GatewayCallback paidInstead = new GatewayCallback(callback.paymentId(), "paid", callback.amountVnd(),
                callback.transactionId(), callback.issuedAt(), callback.signature());
        assertThatThrownBy(() -> gateway.verify(paidInstead)).isInstanceOf(CallbackRefusedException.class)
                .extracting(e -> ((CallbackRefusedException) e).code()).isEqualTo("invalid-signature");
        SandboxGateway other = new SandboxGateway("another-secret", Clock.systemUTC());
        assertThatThrownBy(() -> other.verify(callback)).isInstanceOf(CallbackRefusedException.class);
        assertThatThrownBy(() -> gateway.verify(null)).isInstanceOf(CallbackRefusedException.class);
    }

    @Test
    void aWellSignedButMalformedCallbackIsRefused() {
        GatewayCallback bad = new GatewayCallback(payment.id().toString(), "paid", 200_000L, "SBX-1", "yesterday", null);
        GatewayCallback signed = new GatewayCallback(bad.paymentId(), bad.outcome(), bad.amountVnd(), bad.transactionId(),
                bad.issuedAt(), CallbackSignature.sign("unit-secret", bad.signedFields()));
        assertThatThrownBy(() -> gateway.verify(signed)).isInstanceOf(CallbackRefusedException.class)
                .extracting(e -> ((CallbackRefusedException) e).code()).isEqualTo("invalid-callback");
    }
}
