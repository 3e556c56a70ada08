package vn.citygov.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.identity.internal.CredentialRepository;
import vn.citygov.identity.internal.Hashing;
import vn.citygov.identity.internal.UserRepository;
import vn.citygov.identity.internal.UserRepository.RoleAssignment;
import vn.citygov.notification.Mail;
import vn.citygov.notification.MailService;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;

/** Accounts: opening them, roles, passwords and password reset by e-mail. */
@Service
public class AccountService {

    static final int MIN_PASSWORD_LENGTH = 10;

    private final UserRepository users;
    private final CredentialRepository credentials;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final MailService mail;
    private final MessageSource messages;
    private final Clock clock;
    private final String baseUrl;

    AccountService(UserRepository users, CredentialRepository credentials, PasswordEncoder encoder,
            ApplicationEventPublisher events, MailService mail, MessageSource messages, Clock clock,
            @Value("${citygov.base-url}") String baseUrl) {
        this.users = users;
        this.credentials = credentials;
        this.encoder = encoder;
        this.events = events;
        this.mail = mail;
        this.messages = messages;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** Opens an account with the given roles; {@code passwordHash} lets bulk loaders hash once for many users. */
    @Transactional
    public long open(NewUser user, String passwordHash, boolean demo, List<RoleGrant> roles) {
        long id = users.insert(user, passwordHash, demo);
        for (RoleGrant role : roles) {
            users.assignRole(id, role.roleCode(), role.agencyCode(), role.handlingPointCode());
        }
        events.publishEvent(new IdentityChange("user", user.username(), "created",
                Map.of("kind", user.kind().name(), "roles", roles.stream().map(RoleGrant::toString).toList())));
        return id;
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    /** The account's e-mail address, for modules that notify a user they know by id. */
    public java.util.Optional<String> emailOf(long userId) {
        return users.findDetail(userId).map(UserRepository.UserDetail::email).filter(e -> !e.isBlank());
    }

    /** An enabled account with its grants, for modules that hand work to a named person (e.g. a dossier step). */
    public java.util.Optional<CityGovUser> enabledUser(String username) {
        return users.findForLogin(username).filter(UserRepository.LoginRecord::enabled).map(users::toUser);
    }

    /**
     * The enabled accounts holding {@code permission} through a role in the agency — the people in charge there,
     * e.g. the coordinators an overdue report is escalated to. City-wide holders are not included.
     */
    public List<PermissionHolder> holdersOf(String permission, String agencyCode) {
        return agencyCode == null ? List.of() : users.holdersOf(permission, agencyCode);
    }

    /** The enabled accounts holding {@code permission} city-wide — e.g. the city's coordinators of a service. */
    public List<PermissionHolder> citywideHoldersOf(String permission) {
        return users.citywideHoldersOf(permission);
    }

    public long userCount() {
        return users.count();
    }

    public List<RoleAssignment> rolesOf(long userId) {
        return users.rolesOf(userId);
    }

    public vn.citygov.platform.api.PageResult<UserRepository.UserSummary> list(String q, String agency,
            vn.citygov.platform.api.PageQuery page) {
        CityGovUser me = CurrentUser.get().orElseThrow(ForbiddenException::new);
        if (!me.canCitywide("identity.user.read")) {
            // An agency administrator sees only the staff of their own agency.
            if (agency == null || !me.can("identity.user.read", agency)) {
                throw new ForbiddenException();
            }
        }
        // PostgreSQL refuses NUL in text parameters: control characters never match a user anyway.
        return users.page(withoutControls(q), withoutControls(agency), page);
    }

    private static String withoutControls(String value) {
        return value == null ? null : value.replaceAll("\\p{Cntrl}", "");
    }

    @Transactional
    public void changePassword(long userId, String current, String next) {
        UserRepository.LoginRecord record = users.findById(userId).orElseThrow(ForbiddenException::new);
        if (record.passwordHash() == null || !encoder.matches(current, record.passwordHash())) {
            throw new InvalidInputException("currentPassword", "identity.password.current-wrong");
        }
        checkStrength(record.username(), next);
        users.updatePassword(userId, encoder.encode(next));
        events.publishEvent(new IdentityChange("user", record.username(), "password-changed", Map.of()));
    }

    /**
     * Sends a reset link to the account with this e-mail address. Says nothing about whether one exists,
     * so the form cannot be used to discover accounts.
     */
    @Transactional
    public void requestReset(String email, Locale locale) {
        if (email == null || email.isBlank() || email.length() > 200) {
            return;
        }
        for (UserRepository.LoginRecord record : users.findByEmail(email.strip())) {
            sendPasswordLink(record.id(), record.email(), record.displayName(), Duration.ofMinutes(30),
                    "identity.reset.mail", locale);
            events.publishEvent(new IdentityChange("user", record.username(), "password-reset-requested", Map.of()));
        }
    }

    /**
     * Mails a one-time link to the password form. Only a hash of the token is stored; the mail texts are
     * {@code <mailKey>.subject} and {@code <mailKey>.body} with the name and the link as arguments.
     */
    void sendPasswordLink(long userId, String email, String displayName, Duration validity, String mailKey,
            Locale locale) {
        String token = Hashing.newSecret(32);
        credentials.insertReset(Hashing.sha256(token), userId, clock.instant().plus(validity));
        String link = baseUrl + "/password/reset?token=" + token;
        mail.send(new Mail(email, messages.getMessage(mailKey + ".subject", null, locale),
                messages.getMessage(mailKey + ".body", new Object[] {displayName, link}, locale)));
    }

    public boolean resetTokenValid(String token) {
        return token != null && token.length() <= 200
                && credentials.findReset(Hashing.sha256(token), clock.instant()).isPresent();
    }

    @Transactional
    public void reset(String token, String next) {
        long userId = (token == null || token.length() > 200 ? java.util.Optional.<Long>empty()
                : credentials.useReset(Hashing.sha256(token), clock.instant()))
                .orElseThrow(() -> new InvalidInputException("token", "identity.reset.invalid"));
        UserRepository.LoginRecord record = users.findById(userId).orElseThrow();
        checkStrength(record.username(), next);
        users.updatePassword(userId, encoder.encode(next));
        events.publishEvent(new IdentityChange("user", record.username(), "password-reset", Map.of()));
    }

    static void checkStrength(String username, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("newPassword", "identity.password.too-short", MIN_PASSWORD_LENGTH);
        }
        if (password.length() > 200) {
            throw new InvalidInputException("newPassword", "validation.too-long");
        }
        if (password.equalsIgnoreCase(username) || password.chars().distinct().count() < 4) {
            throw new InvalidInputException("newPassword", "identity.password.too-weak");
        }
    }

    /** A role to hold, citywide when agencyCode is null. */
    public record RoleGrant(String roleCode, String agencyCode, String handlingPointCode) {

        public static RoleGrant citywide(String roleCode) {
            return new RoleGrant(roleCode, null, null);
        }

        public static RoleGrant inAgency(String roleCode, String agencyCode) {
            return new RoleGrant(roleCode, agencyCode, null);
        }

        @Override
        public String toString() {
            return roleCode + (agencyCode == null ? "" : "@" + agencyCode);
        }
    }
}
