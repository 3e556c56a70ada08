package vn.citygov.dossiers;

/** A dossier was refused with a written reason. */
public record DossierRefused(long dossierId, String code, String procedureCode, String agencyCode, String action,
        String fromState, String toState, String comment, DossierFacts facts) implements DossierEvent {
}
