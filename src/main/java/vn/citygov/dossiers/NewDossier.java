package vn.citygov.dossiers;

import java.util.Map;

/**
 * A submission. Online (the default) by the signed-in citizen or business; at the counter
 * ({@code channel=counter}) by an official on {@code applicantName}'s behalf.
 *
 * @param values the e-form values, checked against the procedure's schema
 * @param delivery how the result is returned: desk, post or electronic
 * @param postalAddress required when delivery is post
 * @param adminUnitCode for ward procedures: the ward or commune whose People's Committee handles it
 */
public record NewDossier(String procedureCode, Map<String, Object> values, String delivery, String postalAddress,
        String adminUnitCode, String channel, String applicantName) {
}
