package vn.citygov.payments;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A provider's notification that a payment was completed or abandoned, as received. Nothing in it is
 * trusted before {@link PaymentProvider#verify} has checked the signature over {@link #signedFields()}.
 *
 * @param outcome {@code paid} or {@code cancelled}
 * @param issuedAt when the provider issued it, ISO 8601
 */
public record GatewayCallback(String paymentId, String outcome, Long amountVnd, String transactionId, String issuedAt,
        String signature) {

    /** The fields the signature covers, by name; absent fields are empty so a missing one cannot be skipped. */
    public Map<String, String> signedFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("paymentId", paymentId == null ? "" : paymentId);
        fields.put("outcome", outcome == null ? "" : outcome);
        fields.put("amountVnd", amountVnd == null ? "" : amountVnd.toString());
        fields.put("transactionId", transactionId == null ? "" : transactionId);
        fields.put("issuedAt", issuedAt == null ? "" : issuedAt);
        return fields;
    }
}
