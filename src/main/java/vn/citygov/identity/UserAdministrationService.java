package vn.citygov.identity;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import vn.citygov.directory.AgencyService;
import vn.citygov.identity.internal.CredentialRepository;
import vn.citygov.identity.internal.UserRepository;
import vn.citygov.identity.internal.UserRepository.RoleAssignment;
import vn.citygov.identity.internal.UserRepository.UserDetail;
import vn.citygov.platform.error.ConflictException;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CityGovUser.UserKind;
import vn.citygov.platform.security.CurrentUser;

/**
 * Administration of staff accounts: opening them, granting and removing roles, disabling, enabling and
 * unlocking. Whatever the way in, the rules are checked here, and anything they do not allow is refused:
 * <ul>
 * <li>{@code identity.user.manage} citywide (city administrators): every account and every role;</li>
 * <li>{@code identity.user.manage} in agency X (its administrators): only the OFFICIAL role within the
 * agencies they manage, and only accounts that hold nothing else;</li>
 * <li>nobody disables their own account or removes their own roles.</li>
 * </ul>
 */
@Service
@Validated
public class UserAdministrationService {

    static final String READ = "identity.user.read";
    static final String MANAGE = "identity.user.manage";
    /** New staff may not open their mail at once; a reset link lives only 30 minutes. */
    static final Duration NEW_ACCOUNT_LINK_VALIDITY = Duration.ofHours(72);
    /** Roles that only make sense within one agency; all others are held citywide. */
    private static final Set<String> AGENCY_ROLES = Set.of("OFFICIAL", "AGENCY_ADMIN");
    private static final String AGENCY_GRANTABLE_ROLE = "OFFICIAL";
    /** Staff learn about their account in the city's language; they can switch the site to English. */
    private static final Locale MAIL_LOCALE = Locale.forLanguageTag("vi");

    private final UserRepository users;
    private final CredentialRepository credentials;
    private final AccountService accounts;
    private final AgencyService agencies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserAdministrationService(UserRepository users, CredentialRepository credentials, AccountService accounts,
            AgencyService agencies, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.credentials = credentials;
        this.accounts = accounts;
        this.agencies = agencies;
        this.events = events;
        this.clock = clock;
    }

    public UserView get(long id) {
        CityGovUser me = actor();
        UserDetail user = users.findDetail(id).orElseThrow(() -> new NotFoundException("user", id));
        List<RoleAssignment> roles = users.rolesOf(id);
        if (!mayRead(me, roles)) {
            throw new ForbiddenException();
        }
        return view(me, user, roles);
    }

    /** Whether the current user may open accounts at all (for showing the button). */
    public boolean canCreate() {
        return CurrentUser.get().map(me -> me.can(MANAGE) && me.kind() != UserKind.MACHINE).orElse(false);
    }

    /** The roles the current user may grant, for pick lists. */
    public List<UserRepository.Role> grantableRoles() {
        CityGovUser me = actor();
        if (citywide(me)) {
            return users.allRoles();
        }
        return managedAgencies(me).isEmpty() ? List.of()
                : users.allRoles().stream().filter(r -> r.code().equals(AGENCY_GRANTABLE_ROLE)).toList();
    }

    /** The agencies whose staff the current user manages; empty for city administrators (all of them). */
    public Set<String> managedAgencies() {
        CityGovUser me = actor();
        return citywide(me) ? Set.of() : managedAgencies(me);
    }

    @Transactional
    public UserView create(@Valid NewAccount account) {
        CityGovUser me = actor();
        requireMayGrant(me, account.roleCode(), account.agencyCode());
        if (!citywide(me) && !"OFFICIAL".equals(account.kind())) {
            throw new ForbiddenException();
        }
        if (!"OFFICIAL".equals(account.kind()) && !"AGENCY_ADMIN".equals(account.kind())) {
            throw new InvalidInputException("kind", "identity.user.kind-invalid");
        }
        checkRole(account.roleCode(), account.agencyCode());
        if (users.usernameTaken(account.username())) {
            throw new ConflictException("identity.user.username-taken", account.username());
        }
        NewUser user = new NewUser(account.username(), account.displayName(), account.email(), account.phone(),
                UserKind.valueOf(account.kind()));
        // No password hash: the account cannot be used until its owner sets a password from the link.
        long id = users.insert(user, null, false);
        users.addRole(id, account.roleCode(), account.agencyCode());
        accounts.sendPasswordLink(id, account.email(), account.displayName(), NEW_ACCOUNT_LINK_VALIDITY,
                "identity.welcome.mail", MAIL_LOCALE);
        events.publishEvent(new IdentityChange("user", account.username(), "created", changes(
                "kind", account.kind(), "displayName", account.displayName(), "email", account.email(),
                "role", roleLabel(account.roleCode(), account.agencyCode())), account.agencyCode()));
        return get(id);
    }

    @Transactional
    public UserView.HeldRole addRole(long userId, @Valid RoleRequest request) {
        CityGovUser me = actor();
        UserDetail user = manageable(me, userId);
        requireMayGrant(me, request.roleCode(), request.agencyCode());
        checkRole(request.roleCode(), request.agencyCode());
        long roleId = users.addRole(userId, request.roleCode(), request.agencyCode())
                .orElseThrow(() -> new ConflictException("identity.user.role-held"));
        events.publishEvent(new IdentityChange("user", user.username(), "role-assigned",
                changes("role", roleLabel(request.roleCode(), request.agencyCode())), request.agencyCode()));
        return users.rolesOf(userId).stream().filter(r -> r.id() == roleId).findFirst()
                .map(r -> held(me, userId, r, mayManage(me, users.rolesOf(userId)))).orElseThrow();
    }

    @Transactional
    public void removeRole(long userId, long roleId) {
        CityGovUser me = actor();
        UserDetail user = manageable(me, userId);
        RoleAssignment role = users.rolesOf(userId).stream().filter(r -> r.id() == roleId).findFirst()
                .orElseThrow(() -> new NotFoundException("role", roleId));
        if (!mayGrant(me, role.roleCode(), role.agencyCode()) || isSelf(me, userId)) {
            throw new ForbiddenException();
        }
        users.removeRole(userId, roleId);
        events.publishEvent(new IdentityChange("user", user.username(), "role-removed",
                changes("role", roleLabel(role.roleCode(), role.agencyCode())), role.agencyCode()));
    }

    @Transactional
    public UserView disable(long userId) {
        CityGovUser me = actor();
        UserDetail user = manageable(me, userId);
        if (isSelf(me, userId)) {
            throw new ForbiddenException();
        }
        // Tokens check u.enabled on every call, so they stop working with this update; revoking them as
        // well means enabling the account again does not bring back tokens that may have leaked.
        if (users.setEnabled(userId, false)) {
            credentials.revokeTokensOf(userId);
            events.publishEvent(new IdentityChange("user", user.username(), "disabled", Map.of(), agencyOf(userId)));
        }
        return get(userId);
    }

    @Transactional
    public UserView enable(long userId) {
        CityGovUser me = actor();
        UserDetail user = manageable(me, userId);
        if (users.setEnabled(userId, true)) {
            events.publishEvent(new IdentityChange("user", user.username(), "enabled", Map.of(), agencyOf(userId)));
        }
        return get(userId);
    }

    @Transactional
    public UserView unlock(long userId) {
        CityGovUser me = actor();
        UserDetail user = manageable(me, userId);
        if (users.unlock(userId)) {
            events.publishEvent(new IdentityChange("user", user.username(), "unlocked", Map.of(), agencyOf(userId)));
        }
        return get(userId);
    }

    private UserDetail manageable(CityGovUser me, long userId) {
        UserDetail user = users.findDetail(userId).orElseThrow(() -> new NotFoundException("user", userId));
        if (!mayManage(me, users.rolesOf(userId))) {
            throw new ForbiddenException();
        }
        return user;
    }

    private void requireMayGrant(CityGovUser me, String roleCode, String agencyCode) {
        if (!mayGrant(me, roleCode, agencyCode)) {
            throw new ForbiddenException();
        }
    }

    /** The role must exist, agency roles need an existing active agency, the others must be citywide. */
    private void checkRole(String roleCode, String agencyCode) {
        if (users.allRoles().stream().noneMatch(r -> r.code().equals(roleCode))) {
            throw new InvalidInputException("roleCode", "identity.user.role-unknown");
        }
        if (!AGENCY_ROLES.contains(roleCode)) {
            if (agencyCode != null) {
                throw new InvalidInputException("agencyCode", "identity.user.agency-not-allowed");
            }
            return;
        }
        if (agencyCode == null) {
            throw new InvalidInputException("agencyCode", "identity.user.agency-required");
        }
        if (!agencies.exists(agencyCode) || !agencies.get(agencyCode).active()) {
            throw new InvalidInputException("agencyCode", "identity.user.agency-unknown", agencyCode);
        }
    }

    private boolean mayRead(CityGovUser me, List<RoleAssignment> roles) {
        return me.canCitywide(READ) || mayManage(me, roles)
                || roles.stream().anyMatch(r -> r.agencyCode() != null && me.can(READ, r.agencyCode()));
    }

    /**
     * Agency administrators manage an account only if they could have granted every role it holds: so
     * never a fellow administrator, nor an official who also works for another agency.
     */
    private boolean mayManage(CityGovUser me, List<RoleAssignment> roles) {
        if (me.kind() == UserKind.MACHINE) {
            return false;
        }
        if (citywide(me)) {
            return true;
        }
        return !roles.isEmpty() && roles.stream().allMatch(r -> mayGrant(me, r.roleCode(), r.agencyCode()));
    }

    private boolean mayGrant(CityGovUser me, String roleCode, String agencyCode) {
        if (me.kind() == UserKind.MACHINE) {
            return false;
        }
        if (citywide(me)) {
            return true;
        }
        return AGENCY_GRANTABLE_ROLE.equals(roleCode) && agencyCode != null && managedAgencies(me).contains(agencyCode);
    }

    private static boolean citywide(CityGovUser me) {
        return me.canCitywide(MANAGE);
    }

    private static Set<String> managedAgencies(CityGovUser me) {
        return me.grants().stream().filter(g -> g.permission().equals(MANAGE) && g.agencyCode() != null)
                .map(CityGovUser.Grant::agencyCode).collect(Collectors.toSet());
    }

    private static boolean isSelf(CityGovUser me, long userId) {
        return me.kind() != UserKind.MACHINE && me.id() == userId;
    }

    private static CityGovUser actor() {
        return CurrentUser.get().orElseThrow(ForbiddenException::new);
    }

    private UserView view(CityGovUser me, UserDetail user, List<RoleAssignment> roles) {
        boolean locked = user.lockedUntil() != null && user.lockedUntil().toInstant().isAfter(clock.instant());
        boolean manageable = mayManage(me, roles);
        return new UserView(user.id(), user.username(), user.displayName(), user.email(), user.phone(), user.kind(),
                user.enabled(), locked, user.lockedUntil(), user.createdAt(),
                roles.stream().map(r -> held(me, user.id(), r, manageable)).toList(), manageable);
    }

    private UserView.HeldRole held(CityGovUser me, long userId, RoleAssignment role, boolean manageable) {
        return new UserView.HeldRole(role.id(), role.roleCode(), role.nameVi(), role.nameEn(), role.agencyCode(),
                manageable && !isSelf(me, userId) && mayGrant(me, role.roleCode(), role.agencyCode()));
    }

    /** The one agency all of a user's scoped roles lie in, for the audit trail; null otherwise. */
    private String agencyOf(long userId) {
        Set<String> codes = users.rolesOf(userId).stream().map(RoleAssignment::agencyCode)
                .filter(c -> c != null).collect(Collectors.toSet());
        return codes.size() == 1 ? codes.iterator().next() : null;
    }

    private static String roleLabel(String roleCode, String agencyCode) {
        return roleCode + (agencyCode == null ? "" : "@" + agencyCode);
    }

    /** Map.of refuses nulls, and an optional phone or agency may be missing. */
    private static Map<String, Object> changes(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }
}
