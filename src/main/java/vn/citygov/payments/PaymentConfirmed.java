package vn.citygov.payments;

/** The provider confirmed the money arrived: the receipt is issued. Dossiers may go on once paid. */
public record PaymentConfirmed(Payment payment) implements PaymentEvent {

    @Override
    public String action() {
        return "confirmed";
    }
}
