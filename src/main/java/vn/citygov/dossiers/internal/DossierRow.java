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
}
