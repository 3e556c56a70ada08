package vn.citygov.dossiers;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/**
 * An audited change to a dossier beside its workflow steps: documents attached, the result signed off, the
 * postal return, the fee paid, the rating. Recorded under the dossier in the audit trail.
 */
public interface DossierChange extends AuditedChange {

    long dossierId();

    @Override
    default String objectType() {
        return "dossier";
    }

    @Override
    default String objectId() {
        return String.valueOf(dossierId());
    }

    /** The changes as name, value pairs in order; null values are left out. */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                changes.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return changes;
    }
}
