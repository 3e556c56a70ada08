package vn.citygov.dossiers;

import java.util.List;

/**
 * One action on several dossiers, each checked and done on its own: one refusal does not stop the others.
 *
 * @param action {@code claim} or {@code forward}: the actions safe to take in bulk
 * @param assignee for forward: the official to take the next step (optional)
 * @param items each dossier with the version the caller saw
 */
public record BulkAction(String action, String assignee, String comment, List<Item> items) {

    public record Item(Long id, Integer version) {
    }

    /**
     * The outcome for one dossier: status 200 with the new version, or the error's status and problem code.
     */
    public record Result(long id, int status, String code, Integer version) {
    }
}
