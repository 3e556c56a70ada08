package vn.citygov.directory;

import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/**
 * A handling point's details changed.
 *
 * @param action "renamed" when its name changed, else "updated"
 * @param changes field → {"from": old, "to": new}
 */
public record HandlingPointUpdated(String code, String agencyCode, String action, Map<String, Object> changes)
        implements AuditedChange {

    @Override
    public String objectType() {
        return "handling_point";
    }

    @Override
    public String objectId() {
        return code;
    }
}
