package vn.citygov.payments;

/** What a payer sends to start a payment. There is no amount: the server decides it from the fee rules. */
public record PaymentRequest(String reference, String procedureCode, String channel) {
}
