package vn.citygov.procedures;

import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/**
 * A procedure was created or updated, by hand or by an import.
 *
 * @param action "created" or "updated"
 * @param changes field → new value when created, field → {"from","to"} when updated
 */
public record ProcedureChanged(String code, String action, Map<String, Object> changes, String agencyCode)
        implements AuditedChange {

    @Override
    public String objectType() {
        return "procedure";
    }

    @Override
    public String objectId() {
        return code;
    }
}
