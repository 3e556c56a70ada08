package vn.citygov.payments;

/** The payer abandoned the payment at the provider; nothing was charged. */
public record PaymentCancelled(Payment payment) implements PaymentEvent {

    @Override
    public String action() {
        return "cancelled";
    }
}
