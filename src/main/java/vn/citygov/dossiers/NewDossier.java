package vn.citygov.dossiers;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A submission. Online (the default) by the signed-in citizen or business; at the counter
 * ({@code channel=counter}) by an official on {@code applicantName}'s behalf.
 *
 * @param values the e-form values, checked against the procedure's schema
 * @param delivery how the result is returned: desk, post or electronic
 * @param postalAddress required when delivery is post
 * @param adminUnitCode for ward procedures: the ward or commune whose People's Committee handles it
 * @param documents online: the files for the procedure's upload documents, each uploaded first through the files
 *     API or picked from the personal document store; every required one must be there. The counter scans later.
 */
public record NewDossier(String procedureCode, Map<String, Object> values, String delivery, String postalAddress,
        String adminUnitCode, String channel, String applicantName, List<DocumentRef> documents) {

    public NewDossier(String procedureCode, Map<String, Object> values, String delivery, String postalAddress,
            String adminUnitCode, String channel, String applicantName) {
        this(procedureCode, values, delivery, postalAddress, adminUnitCode, channel, applicantName, null);
    }

    /**
     * The file given for one required document: either {@code fileId} (an upload of the caller's) or
     * {@code storedDocumentId} (a result from the caller's personal document store).
     *
     * @param index the position of the document in the procedure's list
     */
    public record DocumentRef(Integer index, UUID fileId, Long storedDocumentId) {
    }
}
