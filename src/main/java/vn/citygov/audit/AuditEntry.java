package vn.citygov.audit;

import java.time.OffsetDateTime;

/**
 * One recorded action: who, when, from where, on what, and what changed.
 *
 * @param prevHash the hash of the entry before it in the chain (null until sealed, moments after writing)
 * @param hash this entry's hash (null until sealed)
 * @param seq its place in the chain (null until sealed)
 */
public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String actorIp, String requestId,
        String objectType, String objectId, String action, String agencyCode, String changes, String prevHash,
        String hash, Long seq) {
}
