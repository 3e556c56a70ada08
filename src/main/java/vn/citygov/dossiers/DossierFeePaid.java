package vn.citygov.dossiers;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/**
 * The applicant paid the dossier's fee online (through the payments gateway); the service-quality index counts the
 * dossier as paid online. Not a {@link DossierEvent}: it changes no state. Published once per paid payment.
 */
public record DossierFeePaid(long dossierId, String code, String procedureCode, String agencyCode, long amountVnd,
        String receiptNumber, DossierFacts facts) implements AuditedChange {

    @Override
    public String objectType() {
        return "dossier";
    }

    @Override
    public String objectId() {
        return String.valueOf(dossierId);
    }

    @Override
    public String action() {
        return "fee_paid";
    }

    @Override
    public Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("amountVnd", amountVnd);
        if (receiptNumber != null) {
            changes.put("receiptNumber", receiptNumber);
        }
        if (code != null) {
            changes.put("code", code);
        }
        changes.put("procedureCode", procedureCode);
        return changes;
    }
}
