package vn.citygov.dossiers;

import java.time.Instant;

/** A dossier in a list: "my dossiers" or an agency's work queue. */
public record DossierSummary(long id, String code, String procedureCode, String procedureName, String agencyCode,
        String applicantName, String channel, String state, Instant submittedAt, Instant dueAt, boolean overdue,
        int version) {
}
