package vn.citygov.dossiers;

import java.util.Map;

/**
 * The applicant rated the service after the result was returned; the service-quality index counts it. Not a
 * {@link DossierEvent}: it changes no state. The comment itself stays out (free text may hold personal data).
 */
public record DossierRated(long dossierId, String code, String procedureCode, String agencyCode, int score,
        boolean commented, DossierFacts facts) implements DossierChange {

    @Override
    public String action() {
        return "rate";
    }

    @Override
    public Map<String, Object> changes() {
        return DossierChange.fields("score", score, "commented", commented, "code", code, "procedureCode",
                procedureCode);
    }
}
