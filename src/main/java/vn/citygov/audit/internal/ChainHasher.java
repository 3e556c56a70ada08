package vn.citygov.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import vn.citygov.audit.AuditEntry;

/**
 * The hash of one chain link. Fields are length-prefixed so that no two different entries can produce
 * the same input, and the time is written in UTC at microsecond precision, as PostgreSQL keeps it.
 */
final class ChainHasher {

    static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    private ChainHasher() {
    }

    /** The hash an entry must carry given its fields and its {@code prevHash}. */
    static String hashOf(AuditEntry e) {
        return hash(e.prevHash(), e.id(), e.occurredAt(), e.actor(), e.actorIp(), e.requestId(), e.objectType(),
                e.objectId(), e.action(), e.agencyCode(), e.changes());
    }

    static String hash(String prevHash, long id, OffsetDateTime occurredAt, String actor, String actorIp,
            String requestId, String objectType, String objectId, String action, String agencyCode, String changes) {
        StringBuilder input = new StringBuilder(256);
        for (String field : new String[] {prevHash, Long.toString(id), MICROS.format(occurredAt.withOffsetSameInstant(
                ZoneOffset.UTC)), actor, actorIp, requestId, objectType, objectId, action, agencyCode, changes}) {
            String value = field == null ? "" : field;
            input.append(value.length()).append(':').append(value).append('|');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
