package vn.citygov.directory;

import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/**
 * An agency's details changed; {@code action} is "renamed" when its name changed, else "updated".
 *
 * @param changes field → {"from": old, "to": new}
 */
public record AgencyUpdated(String code, String action, Map<String, Object> changes) implements AuditedChange {

    @Override
    public String objectType() {
        return "agency";
    }

    @Override
    public String objectId() {
        return code;
    }

    @Override
    public String agencyCode() {
        return code;
    }
}
