package vn.citygov.payments;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/** The provider confirmed the money arrived: the receipt is issued. Dossiers may go on once paid. */
public record PaymentConfirmed(Payment payment) implements AuditedChange {

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
        return "confirmed";
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
