package vn.citygov.identity;

import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/**
 * A change to accounts or credentials: user created, role assigned, password changed or reset, API
 * key created or revoked. Never carries a secret.
 */
public record IdentityChange(String objectType, String objectId, String action, Map<String, Object> changes)
        implements AuditedChange {

    public IdentityChange {
        changes = Map.copyOf(changes);
    }
}
