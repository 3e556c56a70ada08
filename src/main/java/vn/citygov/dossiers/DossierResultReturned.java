package vn.citygov.dossiers;

/** The result was returned to the applicant. */
public record DossierResultReturned(long dossierId, String code, String procedureCode, String agencyCode, String action,
        String fromState, String toState, String comment, DossierFacts facts) implements DossierEvent {
}
