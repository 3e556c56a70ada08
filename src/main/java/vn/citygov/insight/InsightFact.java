package vn.citygov.insight;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One measurable fact, whatever module it came from: the neutral form every source adapter produces and
 * every score is computed from.
 *
 * @param eventId unique per source event: a fact seen twice is counted once
 * @param source the module or loader it came from: dossiers, feedback, manual, demo
 * @param kind what happened, e.g. dossier.accepted
 * @param adminUnitCode the ward or commune it belongs to, or empty
 * @param subjectRef the dossier or report code behind it, for drill-down by officials (may be null)
 * @param measures counter increments, e.g. {"dossier.received": 1, "dossier.received_online": 1}
 * @param open when not null, the subject is open with this due time (an empty optional means closed)
 */
public record InsightFact(UUID eventId, String source, String kind, String agencyCode, String adminUnitCode,
        Instant occurredAt, String subjectRef, Map<String, Long> measures, OpenState open) {

    /**
     * The fact opens (with a due time) or closes an item, for the "overdue now" count.
     *
     * @param key the item, unique within the source (e.g. the dossier id)
     */
    public record OpenState(String key, boolean closed, Instant dueAt) {
    }
}
