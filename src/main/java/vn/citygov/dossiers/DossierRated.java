package vn.citygov.dossiers;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/**
 * The applicant rated the service after the result was returned; the service-quality index counts it. Not a
 * {@link DossierEvent}: it changes no state. The comment itself stays out (free text may hold personal data).
 */
public record DossierRated(long dossierId, String code, String procedureCode, String agencyCode, int score,
        boolean commented, DossierFacts facts) implements AuditedChange {

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
        return "rate";
    }

    @Override
    public Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("score", score);
        changes.put("commented", commented);
        if (code != null) {
            changes.put("code", code);
        }
        changes.put("procedureCode", procedureCode);
        return changes;
    }
}
