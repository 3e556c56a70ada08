package vn.citygov.dossiers;

/**
 * The handling agency apologised and set a new appointment (form 04), once per dossier; the facts carry the new
 * appointment and the comment the reason.
 */
public record DossierExtended(long dossierId, String code, String procedureCode, String agencyCode, String action,
        String fromState, String toState, String comment, DossierFacts facts) implements DossierEvent {
}
