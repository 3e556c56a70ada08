package vn.citygov.dossiers;

import java.util.List;
import java.util.Map;

/**
 * An action on a dossier.
 *
 * @param action one of {@link Workflow#ACTIONS}
 * @param version the dossier version the action is based on
 * @param comment free text; the written reason is required to refuse
 * @param items for request_supplement: the complete list of what is missing, all at once
 * @param values for supplement: corrected e-form values replacing the previous ones (optional)
 * @param assignee for forward (and approve): username of the official to take the next step (optional)
 */
public record DossierAction(String action, Integer version, String comment, List<String> items,
        Map<String, Object> values, String assignee) {

    public DossierAction(String action, Integer version, String comment, List<String> items,
            Map<String, Object> values) {
        this(action, version, comment, items, values, null);
    }
}
