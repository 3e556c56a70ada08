package vn.citygov.identity;

import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.identity.internal.CredentialRepository;
import vn.citygov.identity.internal.CredentialRepository.ApiKeyRecord;
import vn.citygov.identity.internal.Hashing;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.security.CurrentUser;

/**
 * Machine API keys for outside systems. A key is shown once when created; only its digest and a short
 * prefix (to recognise it in lists) are kept. Each key carries the permissions it may use.
 */
@Service
public class ApiKeyService {

    /** Permissions an API key may be given; anything else is refused. */
    public static final List<String> GRANTABLE_SCOPES = List.of(
            "directory.view-internal", "directory.edit", "audit.read", "calendar.holiday.edit",
            "dossier.shipment.update", "open311.submit");

    private final CredentialRepository credentials;
    private final ApplicationEventPublisher events;

    ApiKeyService(CredentialRepository credentials, ApplicationEventPublisher events) {
        this.credentials = credentials;
        this.events = events;
    }

    @Transactional
    public CreatedKey create(String name, List<String> scopes, String agencyCode) {
        CurrentUser.require("identity.apikey.manage", agencyCode);
        for (String scope : scopes) {
            if (!GRANTABLE_SCOPES.contains(scope)) {
                throw new InvalidInputException("scopes", "identity.apikey.scope-unknown", scope);
            }
        }
        String secret = "cgk_" + Hashing.newSecret(32);
        String prefix = secret.substring(0, 12);
        long id = credentials.insertKey(name, prefix, Hashing.sha256(secret), List.copyOf(scopes), agencyCode,
                CurrentUser.name());
        events.publishEvent(new IdentityChange("api-key", String.valueOf(id), "created",
                Map.of("name", name, "scopes", scopes, "agency", agencyCode == null ? "" : agencyCode)));
        return new CreatedKey(credentials.getKey(id).orElseThrow(), secret);
    }

    public List<ApiKeyRecord> list() {
        CurrentUser.require("identity.apikey.manage", null);
        return credentials.listKeys();
    }

    @Transactional
    public void revoke(long id) {
        ApiKeyRecord key = credentials.getKey(id).orElseThrow(() -> new NotFoundException("api-key", id));
        CurrentUser.require("identity.apikey.manage", key.agencyCode());
        if (credentials.revokeKey(id)) {
            events.publishEvent(new IdentityChange("api-key", String.valueOf(id), "revoked", Map.of("name", key.name())));
        }
    }

    /** A new key and its secret, shown once. */
    public record CreatedKey(ApiKeyRecord key, String secret) {
    }
}
