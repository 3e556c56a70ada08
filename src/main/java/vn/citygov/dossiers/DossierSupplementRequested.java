package vn.citygov.dossiers;

/** The applicant was asked for the complete list of missing items; the clock stops. */
public record DossierSupplementRequested(long dossierId, String code, String procedureCode, String agencyCode, String action,
        String fromState, String toState, String comment, DossierFacts facts) implements DossierEvent {
}
