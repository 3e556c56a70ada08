package vn.citygov.dossiers;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What anyone may learn from a dossier code without signing in: never the applicant or the form values.
 *
 * @param appointmentDate the day the result is due
 * @param stepName the processing step the dossier is at, from its procedure's workflow (null outside the steps;
 *        and {@code stepNameEn})
 */
public record DossierStatus(String code, String procedureCode, String procedureName, String procedureNameEn,
        String agencyCode, String agencyName, String state, Instant receivedAt, LocalDate appointmentDate,
        boolean overdue, Instant updatedAt, String stepName, String stepNameEn) {
}
