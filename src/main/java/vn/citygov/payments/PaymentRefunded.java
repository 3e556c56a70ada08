package vn.citygov.payments;

/** The money went back to the payer; dossiers may need to know the fee is no longer paid. */
public record PaymentRefunded(Payment payment) implements PaymentEvent {

    @Override
    public String action() {
        return "refunded";
    }
}
