package vn.citygov.dossiers;

import java.time.Instant;
import java.util.Map;

/** The postal return of a dossier's result was recorded or moved on (handed to the post, delivered…). */
public record ShipmentUpdated(long dossierId, String agencyCode, String trackingNumber, String status,
        String updateId, Instant occurredAt) implements DossierChange {

    @Override
    public String action() {
        return "shipment_" + status;
    }

    @Override
    public Map<String, Object> changes() {
        return DossierChange.fields("trackingNumber", trackingNumber, "status", status, "updateId", updateId);
    }
}
