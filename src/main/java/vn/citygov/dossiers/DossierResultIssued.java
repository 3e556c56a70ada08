package vn.citygov.dossiers;

/**
 * The result is ready for the applicant (the result step was done). Its own type, not a {@link DossierStepDone},
 * because the applicant and the index care about it while they ignore the internal hand-overs.
 */
public record DossierResultIssued(long dossierId, String code, String procedureCode, String agencyCode,
        String action, String fromState, String toState, String comment, DossierFacts facts) implements DossierEvent {
}
