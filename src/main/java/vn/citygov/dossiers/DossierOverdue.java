package vn.citygov.dossiers;

/**
 * A dossier passed its appointment without a result: published once per dossier by the deadline scan. The state
 * does not change (from and to are the state it was in).
 */
public record DossierOverdue(long dossierId, String code, String procedureCode, String agencyCode, String action,
        String fromState, String toState, String comment, DossierFacts facts) implements DossierEvent {
}
