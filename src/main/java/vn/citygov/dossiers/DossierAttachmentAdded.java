package vn.citygov.dossiers;

import java.time.Instant;
import java.util.Map;

/**
 * A document was attached to a submitted dossier: scanned in by the desk ({@code digitised}) or reused from the
 * citizen's personal document store ({@code reused}). The service-quality index counts digitised components and
 * reuse from these; no personal data and never the content (only its SHA-256).
 */
public record DossierAttachmentAdded(long dossierId, String agencyCode, int documentIndex, String sha256,
        boolean digitised, boolean reused, String channel, Instant occurredAt) implements DossierChange {

    @Override
    public String action() {
        return digitised ? "document_digitised" : "document_attached";
    }

    @Override
    public Map<String, Object> changes() {
        return DossierChange.fields("documentIndex", documentIndex, "sha256", sha256, "digitised", digitised,
                "reused", reused);
    }
}
