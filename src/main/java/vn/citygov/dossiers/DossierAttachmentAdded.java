package vn.citygov.dossiers;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/**
 * A document was attached to a submitted dossier: scanned in by the desk ({@code digitised}) or reused from the
 * citizen's personal document store ({@code reused}). The service-quality index counts digitised components and
 * reuse from these; no personal data and never the content (only its SHA-256).
 */
public record DossierAttachmentAdded(long dossierId, String agencyCode, int documentIndex, String sha256,
        boolean digitised, boolean reused, String channel, Instant occurredAt) implements AuditedChange {

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
        return digitised ? "document_digitised" : "document_attached";
    }

    @Override
    public Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("documentIndex", documentIndex);
        changes.put("sha256", sha256);
        changes.put("digitised", digitised);
        changes.put("reused", reused);
        return changes;
    }
}
