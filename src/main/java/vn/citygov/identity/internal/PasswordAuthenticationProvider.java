package vn.citygov.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.citygov.identity.UserLockedOut;
import vn.citygov.platform.security.CityGovUser;

/**
 * Password login for pages and for the token endpoint alike. After {@code threshold} wrong passwords in a
 * row the account locks, first briefly, then for twice as long at each further failure (capped).
 */
@Component
public class PasswordAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(PasswordAuthenticationProvider.class);

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int threshold;
    private final long baseLockSeconds;
    private final long maxLockSeconds;
    // Compared against when the user does not exist, so that timing does not reveal which names exist.
    private final String decoyHash;

    PasswordAuthenticationProvider(UserRepository users, PasswordEncoder encoder, ApplicationEventPublisher events,
            TransactionTemplate transactions, Clock clock,
            @Value("${citygov.identity.lockout.threshold:5}") int threshold,
            @Value("${citygov.identity.lockout.base-seconds:60}") long baseLockSeconds,
            @Value("${citygov.identity.lockout.max-seconds:3600}") long maxLockSeconds) {
        this.users = users;
        this.encoder = encoder;
        this.events = events;
        // Failures are counted in their own transaction: the caller's rolls back when login fails.
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.threshold = threshold;
        this.baseLockSeconds = baseLockSeconds;
        this.maxLockSeconds = maxLockSeconds;
        this.decoyHash = encoder.encode("decoy-password-never-used");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = String.valueOf(authentication.getPrincipal()).strip();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        CityGovUser user = verify(username, password);
        CityGovUserDetails details = new CityGovUserDetails(user);
        return UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
    }

    /** Checks a username and password, counting failures; the one place that decides a password login. */
    public CityGovUser verify(String username, String password) {
        Optional<UserRepository.LoginRecord> found = username.isEmpty() || username.length() > 100
                ? Optional.empty() : users.findForLogin(username);
        if (found.isEmpty() || found.get().passwordHash() == null) {
            encoder.matches(password, decoyHash);
            throw new BadCredentialsException("bad credentials");
        }
        UserRepository.LoginRecord record = found.get();
        Instant now = clock.instant();
        if (record.lockedAt(now)) {
            throw new LockedException("locked until " + record.lockedUntil());
        }
        if (!record.enabled()) {
            throw new DisabledException("disabled");
        }
        if (!encoder.matches(password, record.passwordHash())) {
            transactions.executeWithoutResult(tx -> users.recordFailure(record.id(), threshold, baseLockSeconds,
                    maxLockSeconds).ifPresent(until -> {
                        if (until.isAfter(now)) {
                            log.warn("Account {} locked until {} after repeated failed logins", record.username(), until);
                            events.publishEvent(new UserLockedOut(record.id(), record.username(), until));
                        }
                    }));
            throw new BadCredentialsException("bad credentials");
        }
        users.resetFailures(record.id());
        return users.toUser(record);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
