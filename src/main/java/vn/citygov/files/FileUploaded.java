package vn.citygov.files;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/** A file was stored. The audit trail gets its name, type, size and digest; never its content. */
public record FileUploaded(StoredFile file) implements AuditedChange {

    @Override
    public String objectType() {
        return "file";
    }

    @Override
    public String objectId() {
        return file.id().toString();
    }

    @Override
    public String action() {
        return "uploaded";
    }

    @Override
    public Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("name", file.originalName());
        changes.put("mediaType", file.mediaType());
        changes.put("size", file.size());
        changes.put("sha256", file.sha256());
        changes.put("digitised", file.digitised());
        changes.put("scanStatus", file.scanStatus().name().toLowerCase());
        return changes;
    }
}
