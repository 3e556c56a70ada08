package vn.citygov.dossiers;

/** The applicant withdrew a dossier. */
public record DossierWithdrawn(long dossierId, String code, String procedureCode, String agencyCode, String action,
        String fromState, String toState, String comment, DossierFacts facts) implements DossierEvent {
}
