package vn.citygov.payments;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/**
 * A gateway callback was refused (bad signature, replay, out of order). Kept in the audit trail because a
 * forged or replayed payment notice is an attack worth seeing later; only short, capped values are kept.
 */
public record PaymentCallbackRejected(String paymentId, String reason, String outcome, String transactionId)
        implements AuditedChange {

    @Override
    public String objectType() {
        return "payment";
    }

    @Override
    public String objectId() {
        return cap(paymentId == null || paymentId.isBlank() ? "unknown" : paymentId);
    }

    @Override
    public String action() {
        return "callback-rejected";
    }

    @Override
    public Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("reason", reason);
        changes.put("outcome", cap(outcome == null ? "" : outcome));
        changes.put("transactionId", cap(transactionId == null ? "" : transactionId));
        return changes;
    }

    private static String cap(String value) {
        return value.length() > 64 ? value.substring(0, 64) : value;
    }
}
