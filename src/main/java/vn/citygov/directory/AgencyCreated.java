package vn.citygov.directory;

import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/** An agency was added to the directory. */
public record AgencyCreated(String code, String name, String kind, String parentCode) implements AuditedChange {

    @Override
    public String objectType() {
        return "agency";
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
        return Events.nonNull("name", name, "kind", kind, "parentCode", parentCode);
    }

    @Override
    public String agencyCode() {
        return code;
    }
}
