package vn.citygov.identity;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One account as an administrator sees it, with its roles. {@code manageable} says whether the caller
 * may change the account; {@code removable} on a role whether the caller may take that role away.
 */
public record UserView(long id, String username, String displayName, String email, String phone, String kind,
        boolean enabled, boolean locked, OffsetDateTime lockedUntil, OffsetDateTime createdAt, List<HeldRole> roles,
        boolean manageable) {

    /** A role the user holds, citywide when {@code agencyCode} is null. */
    public record HeldRole(long id, String roleCode, String nameVi, String nameEn, String agencyCode,
            boolean removable) {
    }
}
