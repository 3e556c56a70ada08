package vn.citygov.platform.audit;

import java.util.Map;

/**
 * A past-tense event of any module that changed state and must appear in the audit trail. Publish it
 * inside the transaction that made the change: the audit module records it in that same transaction.
 */
public interface AuditedChange {

    /** Kind of object changed, e.g. "agency", "user", "holiday". */
    String objectType();

    /** Stable id or code of the object. */
    String objectId();

    /** What happened, e.g. "created", "renamed", "revoked". */
    String action();

    /** What changed: field → new value, or field → {"from":…, "to":…}. Never secrets. */
    Map<String, Object> changes();

    /** The agency the object belongs to, so that agency administrators can read their own trail. */
    default String agencyCode() {
        return null;
    }
}
