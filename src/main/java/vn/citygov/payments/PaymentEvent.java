package vn.citygov.payments;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/**
 * What every payment event records in the audit trail: the payment as it now is. Each event type says
 * only which step it was, so listeners can still react to one kind alone.
 */
public interface PaymentEvent extends AuditedChange {

    Payment payment();

    @Override
    default String objectType() {
        return "payment";
    }

    @Override
    default String objectId() {
        return payment().id().toString();
    }

    @Override
    default Map<String, Object> changes() {
        Payment payment = payment();
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
