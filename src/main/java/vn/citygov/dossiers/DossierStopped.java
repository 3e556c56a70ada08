package vn.citygov.dossiers;

/** The handling was stopped with a written reason (form 05): a final state. */
public record DossierStopped(long dossierId, String code, String procedureCode, String agencyCode, String action,
        String fromState, String toState, String comment, DossierFacts facts) implements DossierEvent {
}
