package vn.citygov.dossiers;

/** A dossier was submitted online or at the counter. */
public record DossierSubmitted(long dossierId, String code, String procedureCode, String agencyCode, String action,
        String fromState, String toState, String comment, DossierFacts facts) implements DossierEvent {
}
