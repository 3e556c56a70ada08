package vn.citygov.dossiers;

/**
 * What the applicant sends to rate the service once the result is returned.
 *
 * @param score 1 (very dissatisfied) to 5 (very satisfied)
 * @param comment optional, at most 1000 characters
 */
public record DossierRating(Integer score, String comment) {
}
