package vn.citygov.platform.security;

import java.util.Optional;

/**
 * Checks the credentials that API calls carry. Implemented by the identity module; the platform's
 * security chain only asks it.
 */
public interface ApiCredentials {

    /** A bearer access token issued by {@code POST /api/v1/auth/token}; empty when unknown, expired or revoked. */
    Optional<CityGovUser> byAccessToken(String token);

    /** A machine API key given to an outside system; empty when unknown or revoked. */
    Optional<CityGovUser> byApiKey(String key);
}
