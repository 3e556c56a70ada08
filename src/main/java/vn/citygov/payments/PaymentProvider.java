package vn.citygov.payments;

/**
 * A payment gateway: where the payer is sent to pay, how its callbacks are checked, how money goes back.
 * The sandbox gateway is the built-in one; a bank or wallet gateway implements the same interface.
 */
public interface PaymentProvider {

    /** Short stable name kept with each payment, e.g. "sandbox". */
    String name();

    /** Registers the payment with the provider and returns where to send the payer. */
    String start(Payment payment);

    /** Checks the callback's signature; fails with {@link CallbackRefusedException} when it does not hold. */
    VerifiedCallback verify(GatewayCallback callback);

    /** Gives the money back; returns the provider's refund reference. */
    String refund(Payment payment);

    /** A callback whose signature holds: its fields can now be believed. */
    record VerifiedCallback(java.util.UUID paymentId, String outcome, long amountVnd, String transactionId) {
    }
}
