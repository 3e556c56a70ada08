package vn.citygov.identity;

import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/**
 * A change to accounts or credentials: user created, role assigned, password changed or reset, API
 * key created or revoked, account disabled, enabled or unlocked. Never carries a secret. Changes to an
 * agency's staff carry that agency, so its administrators can read them in the trail.
 */
public record IdentityChange(String objectType, String objectId, String action, Map<String, Object> changes,
        String agencyCode) implements AuditedChange {

    public IdentityChange {
        changes = Map.copyOf(changes);
    }

    /** A change that belongs to no single agency, so only citywide auditors see it. */
    public IdentityChange(String objectType, String objectId, String action, Map<String, Object> changes) {
        this(objectType, objectId, action, changes, null);
    }
}
