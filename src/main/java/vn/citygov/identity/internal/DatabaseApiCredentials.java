package vn.citygov.identity.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.citygov.platform.security.ApiCredentials;
import vn.citygov.platform.security.CityGovUser;

/** Checks bearer tokens and API keys against their stored digests. */
@Component
class DatabaseApiCredentials implements ApiCredentials {

    private final CredentialRepository credentials;
    private final Clock clock;

    DatabaseApiCredentials(CredentialRepository credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    public Optional<CityGovUser> byAccessToken(String token) {
        if (token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        return credentials.userOfToken(Hashing.sha256(token), clock.instant());
    }

    @Override
    public Optional<CityGovUser> byApiKey(String key) {
        if (key.isEmpty() || key.length() > 200) {
            return Optional.empty();
        }
        return credentials.findActiveKey(Hashing.sha256(key)).map(record -> {
            credentials.touchKey(record.id());
            // A key may do exactly what its scopes say, limited to its agency when it has one.
            Set<CityGovUser.Grant> grants = record.scopes().stream()
                    .map(scope -> new CityGovUser.Grant(scope, record.agencyCode()))
                    .collect(Collectors.toSet());
            return new CityGovUser(record.id(), "apikey:" + record.prefix(), record.name(),
                    CityGovUser.UserKind.MACHINE, grants);
        });
    }
}
