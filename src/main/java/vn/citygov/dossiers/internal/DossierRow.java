package vn.citygov.dossiers.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A row of dossiers_dossier as stored; the fee is the one in force on the day of submission. */
public record DossierRow(long id, String code, String procedureCode, String agencyCode, String adminUnitCode,
        Long applicantId, String applicantName, String submittedBy, String channel, String state, String resumeState,
        Map<String, Object> values, String delivery, String postalAddress, int processingDays, Instant submittedAt,
        Instant receivedAt, Instant dueAt, Instant pausedAt, List<String> supplementItems, String refusalReason,
        Instant finishedAt, int version, Instant updatedAt, Long feeVnd, String feeReason, String feeReasonEn) {

    /** The row as the database holds it after {@link DossierRepository#insert}. */
    public DossierRow inserted(long newId) {
        return new DossierRow(newId, code, procedureCode, agencyCode, adminUnitCode, applicantId, applicantName,
                submittedBy, channel, state, resumeState, values, delivery, postalAddress, processingDays, submittedAt,
                receivedAt, dueAt, pausedAt, supplementItems, refusalReason, finishedAt, 0, updatedAt, feeVnd,
                feeReason, feeReasonEn);
    }

    /** The row as the database holds it after a successful {@link DossierRepository#update} at {@code at}. */
    public DossierRow saved(Instant at) {
        return new DossierRow(id, code, procedureCode, agencyCode, adminUnitCode, applicantId, applicantName,
                submittedBy, channel, state, resumeState, values, delivery, postalAddress, processingDays, submittedAt,
                receivedAt, dueAt, pausedAt, supplementItems, refusalReason, finishedAt, version + 1, at, feeVnd,
                feeReason, feeReasonEn);
    }
}
