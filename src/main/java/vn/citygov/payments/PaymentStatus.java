package vn.citygov.payments;

/** Where a payment stands. Only {@code pending} moves on its own (by the gateway's callback). */
public enum PaymentStatus {
    PENDING, PAID, CANCELLED, REFUNDED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
