package vn.citygov.payments;

/** A payer started a payment; the amount is the fee in force, decided by the server. */
public record PaymentStarted(Payment payment) implements PaymentEvent {

    @Override
    public String action() {
        return "started";
    }
}
