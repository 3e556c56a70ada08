package vn.citygov.dossiers;

/** A processing step was done: started, approved or result issued (see action). */
public record DossierStepDone(long dossierId, String code, String procedureCode, String agencyCode, String action,
        String fromState, String toState, String comment, DossierFacts facts) implements DossierEvent {
}
