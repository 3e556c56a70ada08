package vn.citygov.directory;

import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/** An agency was merged into another, which took over its children and handling points. */
public record AgencyMerged(String code, String into) implements AuditedChange {

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
        return "merged";
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("status", Map.of("from", "active", "to", "merged"), "mergedInto", into);
    }

    @Override
    public String agencyCode() {
        return code;
    }
}
