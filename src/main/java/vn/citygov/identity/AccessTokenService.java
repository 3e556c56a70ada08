package vn.citygov.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.identity.internal.CredentialRepository;
import vn.citygov.identity.internal.Hashing;
import vn.citygov.identity.internal.PasswordAuthenticationProvider;
import vn.citygov.platform.security.CityGovUser;

/** Issues and revokes the bearer access tokens of the API. Tokens are opaque, so revoking one takes effect at once. */
@Service
public class AccessTokenService {

    private final PasswordAuthenticationProvider passwords;
    private final CredentialRepository credentials;
    private final Clock clock;
    private final Duration lifetime;

    AccessTokenService(PasswordAuthenticationProvider passwords, CredentialRepository credentials, Clock clock,
            @Value("${citygov.identity.token-lifetime:PT1H}") Duration lifetime) {
        this.passwords = passwords;
        this.credentials = credentials;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** Checks the password (with lockout) and returns a new token; throws Spring Security's AuthenticationException. */
    @Transactional
    public IssuedToken issue(String username, String password) {
        CityGovUser user = passwords.verify(username, password);
        String token = Hashing.newSecret(32);
        Instant expiresAt = clock.instant().plus(lifetime);
        credentials.insertToken(Hashing.sha256(token), user.id(), expiresAt);
        return new IssuedToken(token, lifetime.toSeconds());
    }

    public boolean revoke(String token) {
        return credentials.revokeToken(Hashing.sha256(token));
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeExpired() {
        credentials.purgeTokens(clock.instant().minus(Duration.ofDays(1)));
    }

    /** A token as given to its holder, the only time it is seen in clear. */
    public record IssuedToken(String accessToken, long expiresIn) {
    }
}
