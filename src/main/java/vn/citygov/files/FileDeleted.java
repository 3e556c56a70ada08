package vn.citygov.files;

import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/** A file was deleted; the trail keeps what it was (name and digest) so the deletion can be checked later. */
public record FileDeleted(StoredFile file) implements AuditedChange {

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
        return "deleted";
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("name", file.originalName(), "sha256", file.sha256(), "size", file.size());
    }
}
