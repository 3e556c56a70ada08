package vn.citygov.dossiers;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/** The postal return of a dossier's result was recorded or moved on (handed to the post, delivered…). */
public record ShipmentUpdated(long dossierId, String agencyCode, String trackingNumber, String status,
        String updateId, Instant occurredAt) implements AuditedChange {

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
        return "shipment_" + status;
    }

    @Override
    public Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("trackingNumber", trackingNumber);
        changes.put("status", status);
        if (updateId != null) {
            changes.put("updateId", updateId);
        }
        return changes;
    }
}
