package vn.citygov.dossiers;

/**
 * A processing step was handed over inside the agencies: started, claimed, forwarded, sent back or approved (see
 * action). The result step is {@link DossierResultIssued}.
 */
public record DossierStepDone(long dossierId, String code, String procedureCode, String agencyCode, String action,
        String fromState, String toState, String comment, DossierFacts facts) implements DossierEvent {
}
