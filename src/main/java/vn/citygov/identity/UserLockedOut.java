package vn.citygov.identity;

import java.time.Instant;
import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/** An account was locked after repeated wrong passwords. */
public record UserLockedOut(long userId, String username, Instant lockedUntil) implements AuditedChange {

    @Override
    public String objectType() {
        return "user";
    }

    @Override
    public String objectId() {
        return username;
    }

    @Override
    public String action() {
        return "locked";
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("lockedUntil", lockedUntil.toString());
    }
}
