package vn.citygov.identity.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.citygov.platform.security.CityGovUser;

/** Access tokens, API keys and password-reset tokens, each stored only as a SHA-256 digest. */
@Repository
public class CredentialRepository {

    private static final String INSERT_TOKEN = """
            INSERT INTO identity_access_token (token_hash, user_id, expires_at) VALUES (:hash, :userId, :expiresAt)
            """;
    // One round trip per API call: the token, its user and the user's grants together.
    private static final String TOKEN_USER = """
            SELECT u.id, u.username, u.display_name, u.kind,
                   array_agg(p.permission ORDER BY p.permission, ur.agency_code) FILTER (WHERE p.permission IS NOT NULL) AS permissions,
                   array_agg(ur.agency_code ORDER BY p.permission, ur.agency_code) FILTER (WHERE p.permission IS NOT NULL) AS agencies
            FROM identity_access_token t
            JOIN identity_user u ON u.id = t.user_id
            LEFT JOIN identity_user_role ur ON ur.user_id = u.id
            LEFT JOIN identity_role_permission p ON p.role_code = ur.role_code
            WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > :now AND u.enabled
            GROUP BY u.id
            """;
    private static final String REVOKE_TOKEN = """
            UPDATE identity_access_token SET revoked_at = now() WHERE token_hash = :hash AND revoked_at IS NULL
            """;
    private static final String REVOKE_USER_TOKENS = """
            UPDATE identity_access_token SET revoked_at = now() WHERE user_id = :userId AND revoked_at IS NULL
            """;
    private static final String PURGE_TOKENS = "DELETE FROM identity_access_token WHERE expires_at < :before";
    private static final String INSERT_KEY = """
            INSERT INTO identity_api_key (name, key_prefix, key_hash, scopes, agency_code, created_by)
            VALUES (:name, :prefix, :hash, :scopes, :agencyCode, :createdBy) RETURNING id
            """;
    private static final String FIND_KEY = """
            SELECT id, name, key_prefix, scopes, agency_code, created_by, created_at, revoked_at, last_used_at
            FROM identity_api_key WHERE key_hash = :hash AND revoked_at IS NULL
            """;
    private static final String TOUCH_KEY = """
            UPDATE identity_api_key SET last_used_at = now()
            WHERE id = :id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
            """;
    private static final String LIST_KEYS = """
            SELECT id, name, key_prefix, scopes, agency_code, created_by, created_at, revoked_at, last_used_at
            FROM identity_api_key ORDER BY id DESC
            """;
    private static final String GET_KEY = """
            SELECT id, name, key_prefix, scopes, agency_code, created_by, created_at, revoked_at, last_used_at
            FROM identity_api_key WHERE id = :id
            """;
    private static final String REVOKE_KEY = """
            UPDATE identity_api_key SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL
            """;
    private static final String INSERT_RESET = """
            INSERT INTO identity_password_reset (token_hash, user_id, expires_at) VALUES (:hash, :userId, :expiresAt)
            """;
    private static final String USE_RESET = """
            UPDATE identity_password_reset SET used_at = now()
            WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
            RETURNING user_id
            """;
    private static final String FIND_RESET = """
            SELECT user_id FROM identity_password_reset
            WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
            """;

    private final JdbcClient jdbc;

    public CredentialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertToken(String hash, long userId, Instant expiresAt) {
        jdbc.sql(INSERT_TOKEN).param("hash", hash).param("userId", userId).param("expiresAt", utc(expiresAt)).update();
    }

    public Optional<CityGovUser> userOfToken(String hash, Instant now) {
        return jdbc.sql(TOKEN_USER).param("hash", hash).param("now", utc(now)).query((rs, n) -> {
            Set<CityGovUser.Grant> grants = new HashSet<>();
            java.sql.Array permissions = rs.getArray("permissions");
            if (permissions != null) {
                String[] names = (String[]) permissions.getArray();
                String[] agencies = (String[]) rs.getArray("agencies").getArray();
                for (int i = 0; i < names.length; i++) {
                    grants.add(new CityGovUser.Grant(names[i], agencies[i]));
                }
            }
            return new CityGovUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                    CityGovUser.UserKind.valueOf(rs.getString("kind")), grants);
        }).optional();
    }

    public boolean revokeToken(String hash) {
        return jdbc.sql(REVOKE_TOKEN).param("hash", hash).update() > 0;
    }

    /** Revokes every outstanding token of a user; returns how many. */
    public int revokeTokensOf(long userId) {
        return jdbc.sql(REVOKE_USER_TOKENS).param("userId", userId).update();
    }

    public int purgeTokens(Instant before) {
        return jdbc.sql(PURGE_TOKENS).param("before", utc(before)).update();
    }

    public long insertKey(String name, String prefix, String hash, List<String> scopes, String agencyCode,
            String createdBy) {
        return jdbc.sql(INSERT_KEY).param("name", name).param("prefix", prefix).param("hash", hash)
                .param("scopes", scopes.toArray(String[]::new)).param("agencyCode", agencyCode)
                .param("createdBy", createdBy).query(Long.class).single();
    }

    public Optional<ApiKeyRecord> findActiveKey(String hash) {
        return jdbc.sql(FIND_KEY).param("hash", hash).query(CredentialRepository::mapKey).optional();
    }

    public void touchKey(long id) {
        jdbc.sql(TOUCH_KEY).param("id", id).update();
    }

    public List<ApiKeyRecord> listKeys() {
        return jdbc.sql(LIST_KEYS).query(CredentialRepository::mapKey).list();
    }

    public Optional<ApiKeyRecord> getKey(long id) {
        return jdbc.sql(GET_KEY).param("id", id).query(CredentialRepository::mapKey).optional();
    }

    public boolean revokeKey(long id) {
        return jdbc.sql(REVOKE_KEY).param("id", id).update() > 0;
    }

    public void insertReset(String hash, long userId, Instant expiresAt) {
        jdbc.sql(INSERT_RESET).param("hash", hash).param("userId", userId).param("expiresAt", utc(expiresAt)).update();
    }

    public Optional<Long> findReset(String hash, Instant now) {
        return jdbc.sql(FIND_RESET).param("hash", hash).param("now", utc(now)).query(Long.class).optional();
    }

    public Optional<Long> useReset(String hash, Instant now) {
        return jdbc.sql(USE_RESET).param("hash", hash).param("now", utc(now)).query(Long.class).optional();
    }

    private static ApiKeyRecord mapKey(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ApiKeyRecord(rs.getLong("id"), rs.getString("name"), rs.getString("key_prefix"),
                Arrays.asList((String[]) rs.getArray("scopes").getArray()), rs.getString("agency_code"),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("revoked_at", OffsetDateTime.class), rs.getObject("last_used_at", OffsetDateTime.class));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A machine API key as stored (never the key itself). */
    public record ApiKeyRecord(long id, String name, String prefix, List<String> scopes, String agencyCode,
            String createdBy, OffsetDateTime createdAt, OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {
    }
}
