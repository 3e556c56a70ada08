package vn.citygov.directory;

import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/** A handling point was added to an agency. */
public record HandlingPointCreated(String code, String agencyCode, String name) implements AuditedChange {

    @Override
    public String objectType() {
        return "handling_point";
    }

    @Override
    public String objectId() {
        return code;
    }

    @Override
    public String action() {
        return "created";
    }

    @Override
    public Map<String, Object> changes() {
        return Events.nonNull("agencyCode", agencyCode, "name", name);
    }
}
