package vn.citygov.audit;

import java.time.OffsetDateTime;

/** One recorded action: who, when, from where, on what, and what changed. */
public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String actorIp, String requestId,
        String objectType, String objectId, String action, String agencyCode, String changes, String prevHash,
        String hash) {
}
