package vn.citygov.dossiers;

/** The applicant supplied what was missing; handling resumes. */
public record DossierSupplemented(long dossierId, String code, String procedureCode, String agencyCode, String action,
        String fromState, String toState, String comment, DossierFacts facts) implements DossierEvent {
}
