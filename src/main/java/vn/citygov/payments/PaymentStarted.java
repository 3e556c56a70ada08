package vn.citygov.payments;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/** A payer started a payment; the amount is the fee in force, decided by the server. */
public record PaymentStarted(Payment payment) implements AuditedChange {

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
        return "started";
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
