package vn.citygov.platform.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.citygov.platform.error.ForbiddenException;

/** The user of the current request, for the object-level checks that services make. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<CityGovUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CityGovPrincipal principal) {
            return Optional.of(principal.user());
        }
        return Optional.empty();
    }

    /** The acting user's name for records (audit, history); "anonymous" or "system" otherwise. */
    public static String name() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return "system";
        }
        return get().map(CityGovUser::username).orElse("anonymous");
    }

    /** Fails with 403 unless the current user may do this on an object of that agency. */
    public static CityGovUser require(String permission, String agencyCode) {
        CityGovUser user = get().orElseThrow(ForbiddenException::new);
        if (!user.can(permission, agencyCode)) {
            throw new ForbiddenException();
        }
        return user;
    }
}
