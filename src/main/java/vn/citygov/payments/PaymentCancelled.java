package vn.citygov.payments;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/** The payer abandoned the payment at the provider; nothing was charged. */
public record PaymentCancelled(Payment payment) implements AuditedChange {

    @Override
    public String objectType() {
        return "payment";
    }

    @Override
    public String objectId() {
        return payment.id().toString();
    }

    @Override
    public String action() {
        return "cancelled";
    }

    @Override
    public Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("status", payment.status().code());
        changes.put("reference", payment.reference());
        changes.put("procedureCode", payment.procedureCode());
        changes.put("amountVnd", payment.amountVnd());
        if (payment.receiptNumber() != null) {
            changes.put("receiptNumber", payment.receiptNumber());
        }
        if (payment.transactionId() != null) {
            changes.put("transactionId", payment.transactionId());
        }
        return changes;
    }
}
