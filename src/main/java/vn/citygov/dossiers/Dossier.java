package vn.citygov.dossiers;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One dossier as its applicant and the handling officials see it. Send {@code version} back with each
 * action: a stale one is refused.
 *
 * @param code the human dossier code, issued on acceptance (null before)
 * @param dueAt the appointment: when the result is due (null before acceptance)
 * @param overdue the result is (or was) late against the appointment
 * @param actions the actions the workflow allows from the current state
 * @param rating the applicant's satisfaction rating, once given (null before)
 * @param feeVnd the fee in force on the day of submission, in VND (null for dossiers older than fee recording)
 * @param feeReason why that fee: the fee rule's reason or the catalogue's note (and {@code feeReasonEn})
 * @param rateable the caller is the applicant and may rate now: result returned, not rated yet
 */
public record Dossier(long id, String code, String procedureCode, String procedureName, String procedureNameEn,
        String agencyCode, String adminUnitCode, Long applicantId, String applicantName, String submittedBy,
        String channel, String state, Map<String, Object> values, String delivery, String postalAddress,
        Instant submittedAt, Instant receivedAt, Instant dueAt, Instant pausedAt, List<String> supplementItems,
        String refusalReason, Instant finishedAt, boolean overdue, int version, List<String> actions,
        List<HistoryEntry> history, Rating rating, boolean rateable, Long feeVnd, String feeReason,
        String feeReasonEn) {

    /**
     * One row of the dossier's history.
     *
     * @param actorName the actor's display name at the time, for printed forms (null in rows older than it)
     */
    public record HistoryEntry(Instant at, String actor, String actorName, String action, String fromState,
            String toState, String comment) {
    }

    /** The applicant's satisfaction rating: 1 to 5, with an optional comment. */
    public record Rating(int score, String comment, Instant ratedAt) {
    }
}
