package vn.citygov.dossiers;

/** The desk accepted a dossier: it has a code and an appointment date. */
public record DossierAccepted(long dossierId, String code, String procedureCode, String agencyCode, String action,
        String fromState, String toState, String comment, DossierFacts facts) implements DossierEvent {
}
