package vn.citygov.feedback;

/**
 * What the reporter gets at once: the public tracking code, and a secret token that lets them add photos
 * and rate the answer without an account. The token is shown only here.
 */
public record CreatedReport(String code, String token, PublicReport report) {
}
