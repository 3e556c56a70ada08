package vn.citygov.platform.security;

import java.io.Serializable;
import java.util.Set;

/**
 * Who is acting: a person (citizen, business representative, official, administrator) or an outside
 * system using an API key. Permissions are data: each grant names a permission and, optionally, the
 * one agency it is limited to.
 *
 * @param id the user's (or API key's) id
 * @param kind what sort of account this is
 * @param grants what it may do, and where
 */
public record CityGovUser(long id, String username, String displayName, UserKind kind, Set<Grant> grants)
        implements Serializable {

    public CityGovUser {
        grants = Set.copyOf(grants);
    }

    /** May do this somewhere (used for menus and coarse checks). */
    public boolean can(String permission) {
        return grants.stream().anyMatch(g -> g.permission().equals(permission));
    }

    /** May do this on an object owned by the given agency (the object-level check). */
    public boolean can(String permission, String agencyCode) {
        return grants.stream().anyMatch(g -> g.permission().equals(permission)
                && (g.agencyCode() == null || g.agencyCode().equals(agencyCode)));
    }

    /** May do this across the whole city. */
    public boolean canCitywide(String permission) {
        return grants.stream().anyMatch(g -> g.permission().equals(permission) && g.agencyCode() == null);
    }

    public Set<String> agencyCodes() {
        return grants.stream().map(Grant::agencyCode).filter(c -> c != null).collect(java.util.stream.Collectors.toSet());
    }

    /** A permission, citywide when {@code agencyCode} is null. */
    public record Grant(String permission, String agencyCode) implements Serializable {
    }

    public enum UserKind {
        CITIZEN, BUSINESS, OFFICIAL, AGENCY_ADMIN, CITY_ADMIN, MACHINE
    }
}
