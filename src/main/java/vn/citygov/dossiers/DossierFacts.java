package vn.citygov.dossiers;

import java.time.Instant;
import java.util.UUID;

/**
 * The measurable facts of a dossier at the moment of an event, for listeners that keep statistics (the
 * service-quality index) without reading dossier tables. No personal data.
 *
 * @param eventId unique per event: a listener that sees the same id twice counts it once
 * @param occurredAt when the event happened
 * @param channel {@code online} or {@code counter}
 * @param receivedAt when the desk accepted it (null before)
 * @param dueAt the appointment in force (null before acceptance)
 * @param finishedAt when it reached a final state (null before)
 * @param feeVnd the fee the dossier bears (null or 0: none)
 */
public record DossierFacts(UUID eventId, Instant occurredAt, String adminUnitCode, String channel,
        Instant receivedAt, Instant dueAt, Instant finishedAt, Long feeVnd) {

    /** Facts of an event that does not concern the fee. */
    public DossierFacts(UUID eventId, Instant occurredAt, String adminUnitCode, String channel, Instant receivedAt,
            Instant dueAt, Instant finishedAt) {
        this(eventId, occurredAt, adminUnitCode, channel, receivedAt, dueAt, finishedAt, null);
    }

    /** The dossier bears a fee. */
    public boolean feeBearing() {
        return feeVnd != null && feeVnd > 0;
    }

    /** Finished after the appointment; false while unfinished or without an appointment. */
    public boolean late() {
        return finishedAt != null && dueAt != null && finishedAt.isAfter(dueAt);
    }
}
