package vn.citygov.payments;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/** A fee rule was created, changed or deleted: fees are money, so every change goes to the audit trail. */
public record FeeRuleChanged(FeeRule rule, String action) implements AuditedChange {

    @Override
    public String objectType() {
        return "fee-rule";
    }

    @Override
    public String objectId() {
        return String.valueOf(rule.id());
    }

    @Override
    public Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("procedureCode", rule.procedureCode());
        changes.put("channel", rule.channel());
        changes.put("amountVnd", rule.amountVnd());
        changes.put("validFrom", rule.validFrom().toString());
        changes.put("validTo", rule.validTo() == null ? null : rule.validTo().toString());
        changes.put("reason", rule.reason());
        return changes;
    }
}
