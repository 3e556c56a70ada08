package vn.citygov.identity.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.citygov.identity.NewUser;
import vn.citygov.identity.PermissionHolder;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CityGovUser.Grant;
import vn.citygov.platform.security.CityGovUser.UserKind;

/** Users, their roles and grants, and the counters behind login lockout. */
@Repository
public class UserRepository {

    private static final String HOLDERS = """
            SELECT DISTINCT u.id AS user_id, u.username, nullif(u.email, '') AS email
              FROM identity_user u
              JOIN identity_user_role ur ON ur.user_id = u.id
              JOIN identity_role_permission rp ON rp.role_code = ur.role_code
             WHERE u.enabled AND rp.permission = :permission AND ur.agency_code = :agency
             ORDER BY u.id
            """;
    private static final String CITYWIDE_HOLDERS = """
            SELECT DISTINCT u.id AS user_id, u.username, nullif(u.email, '') AS email
              FROM identity_user u
              JOIN identity_user_role ur ON ur.user_id = u.id
              JOIN identity_role_permission rp ON rp.role_code = ur.role_code
             WHERE u.enabled AND rp.permission = :permission AND ur.agency_code IS NULL
             ORDER BY u.id
            """;
    private static final String FIND_LOGIN = """
            SELECT id, username, display_name, email, kind, password_hash, enabled, failed_attempts, locked_until
            FROM identity_user WHERE lower(username) = lower(:username)
            """;
    private static final String FIND_BY_ID = """
            SELECT id, username, display_name, email, kind, password_hash, enabled, failed_attempts, locked_until
            FROM identity_user WHERE id = :id
            """;
    private static final String FIND_BY_EMAIL = """
            SELECT id, username, display_name, email, kind, password_hash, enabled, failed_attempts, locked_until
            FROM identity_user WHERE lower(email) = lower(:email) AND enabled
            """;
    private static final String GRANTS = """
            SELECT p.permission, ur.agency_code
            FROM identity_user_role ur JOIN identity_role_permission p ON p.role_code = ur.role_code
            WHERE ur.user_id = :userId
            """;
    private static final String ROLES = """
            SELECT ur.id, ur.role_code, r.name_vi, r.name_en, ur.agency_code, ur.handling_point_code
            FROM identity_user_role ur JOIN identity_role r ON r.code = ur.role_code
            WHERE ur.user_id = :userId ORDER BY ur.role_code, ur.agency_code
            """;
    private static final String FIND_DETAIL = """
            SELECT id, username, display_name, email, phone, kind, enabled, failed_attempts, locked_until, created_at
            FROM identity_user WHERE id = :id
            """;
    private static final String USERNAME_TAKEN = """
            SELECT EXISTS (SELECT 1 FROM identity_user WHERE lower(username) = lower(:username))
            """;
    private static final String ASSIGN_ROLE = """
            INSERT INTO identity_user_role (user_id, role_code, agency_code)
            VALUES (:userId, :roleCode, :agencyCode)
            ON CONFLICT DO NOTHING
            RETURNING id
            """;
    private static final String REMOVE_ROLE = """
            DELETE FROM identity_user_role WHERE id = :roleId AND user_id = :userId
            """;
    private static final String SET_ENABLED = """
            UPDATE identity_user SET enabled = :enabled, version = version + 1
            WHERE id = :id AND enabled <> :enabled
            """;
    private static final String UNLOCK = """
            UPDATE identity_user SET failed_attempts = 0, locked_until = NULL, version = version + 1
            WHERE id = :id AND (failed_attempts <> 0 OR locked_until IS NOT NULL)
            """;
    private static final String IS_ENABLED = """
            SELECT enabled FROM identity_user WHERE id = :id
            """;
    private static final String ALL_ROLES = """
            SELECT code, name_vi, name_en FROM identity_role ORDER BY code
            """;
    private static final String RECORD_FAILURE = """
            UPDATE identity_user SET failed_attempts = failed_attempts + 1,
                locked_until = CASE WHEN failed_attempts + 1 >= :threshold
                    THEN now() + make_interval(secs => least(:maxLockSeconds,
                        :baseLockSeconds * power(2, failed_attempts + 1 - :threshold)))
                    ELSE locked_until END
            WHERE id = :id
            RETURNING failed_attempts, locked_until
            """;
    private static final String RESET_FAILURES = """
            UPDATE identity_user SET failed_attempts = 0, locked_until = NULL
            WHERE id = :id AND (failed_attempts <> 0 OR locked_until IS NOT NULL)
            """;
    private static final String INSERT_USER = """
            INSERT INTO identity_user (username, display_name, email, phone, kind, password_hash, demo)
            VALUES (:username, :displayName, :email, :phone, :kind, :passwordHash, :demo)
            RETURNING id
            """;
    private static final String INSERT_ROLE = """
            INSERT INTO identity_user_role (user_id, role_code, agency_code, handling_point_code)
            VALUES (:userId, :roleCode, :agencyCode, :handlingPointCode)
            ON CONFLICT DO NOTHING
            """;
    private static final String UPDATE_PASSWORD = """
            UPDATE identity_user SET password_hash = :hash, failed_attempts = 0, locked_until = NULL,
                version = version + 1 WHERE id = :id
            """;
    private static final String COUNT_USERS = """
            SELECT count(*) FROM identity_user
            WHERE (:q = '' OR lower(username) LIKE :like OR lower(display_name) LIKE :like)
              AND (:agency = '' OR EXISTS (SELECT 1 FROM identity_user_role ur
                   WHERE ur.user_id = identity_user.id AND ur.agency_code = :agency))
            """;
    private static final String PAGE_USERS = """
            SELECT id, username, display_name, email, kind, enabled, locked_until
            FROM identity_user
            WHERE (:q = '' OR lower(username) LIKE :like OR lower(display_name) LIKE :like)
              AND (:agency = '' OR EXISTS (SELECT 1 FROM identity_user_role ur
                   WHERE ur.user_id = identity_user.id AND ur.agency_code = :agency))
            ORDER BY username LIMIT :limit OFFSET :offset
            """;
    private static final String COUNT_ALL = "SELECT count(*) FROM identity_user";

    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LoginRecord> findForLogin(String username) {
        return jdbc.sql(FIND_LOGIN).param("username", username).query(LoginRecord.class).optional();
    }

    public Optional<LoginRecord> findById(long id) {
        return jdbc.sql(FIND_BY_ID).param("id", id).query(LoginRecord.class).optional();
    }

    public List<LoginRecord> findByEmail(String email) {
        return jdbc.sql(FIND_BY_EMAIL).param("email", email).query(LoginRecord.class).list();
    }

    public Set<Grant> grantsOf(long userId) {
        return new HashSet<>(jdbc.sql(GRANTS).param("userId", userId)
                .query((rs, n) -> new Grant(rs.getString(1), rs.getString(2))).list());
    }

    public List<RoleAssignment> rolesOf(long userId) {
        return jdbc.sql(ROLES).param("userId", userId).query(RoleAssignment.class).list();
    }

    public CityGovUser toUser(LoginRecord record) {
        return new CityGovUser(record.id(), record.username(), record.displayName(),
                UserKind.valueOf(record.kind()), grantsOf(record.id()));
    }

    /** Counts a failed password and locks the account with a doubling back-off once the threshold is reached. */
    public Optional<Instant> recordFailure(long id, int threshold, long baseLockSeconds, long maxLockSeconds) {
        return jdbc.sql(RECORD_FAILURE).param("id", id).param("threshold", threshold)
                .param("baseLockSeconds", baseLockSeconds).param("maxLockSeconds", maxLockSeconds)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(2, OffsetDateTime.class)).map(OffsetDateTime::toInstant))
                .single();
    }

    public void resetFailures(long id) {
        jdbc.sql(RESET_FAILURES).param("id", id).update();
    }

    public long insert(NewUser user, String passwordHash, boolean demo) {
        return jdbc.sql(INSERT_USER).param("username", user.username()).param("displayName", user.displayName())
                .param("email", user.email()).param("phone", user.phone()).param("kind", user.kind().name())
                .param("passwordHash", passwordHash).param("demo", demo)
                .query(Long.class).single();
    }

    public void assignRole(long userId, String roleCode, String agencyCode, String handlingPointCode) {
        jdbc.sql(INSERT_ROLE).param("userId", userId).param("roleCode", roleCode).param("agencyCode", agencyCode)
                .param("handlingPointCode", handlingPointCode).update();
    }

    public Optional<UserDetail> findDetail(long id) {
        return jdbc.sql(FIND_DETAIL).param("id", id).query(UserDetail.class).optional();
    }

    public boolean usernameTaken(String username) {
        return jdbc.sql(USERNAME_TAKEN).param("username", username).query(Boolean.class).single();
    }

    /** Adds a role; empty when the user already holds it there. */
    public Optional<Long> addRole(long userId, String roleCode, String agencyCode) {
        return jdbc.sql(ASSIGN_ROLE).param("userId", userId).param("roleCode", roleCode)
                .param("agencyCode", agencyCode).query(Long.class).optional();
    }

    public boolean removeRole(long userId, long roleId) {
        return jdbc.sql(REMOVE_ROLE).param("userId", userId).param("roleId", roleId).update() == 1;
    }

    /** Returns false when the account already was in that state. */
    public boolean setEnabled(long id, boolean enabled) {
        return jdbc.sql(SET_ENABLED).param("id", id).param("enabled", enabled).update() == 1;
    }

    /** Clears the lockout counters; false when there was nothing to clear. */
    public boolean unlock(long id) {
        return jdbc.sql(UNLOCK).param("id", id).update() == 1;
    }

    /** False also when the account no longer exists. */
    public boolean isEnabled(long id) {
        return jdbc.sql(IS_ENABLED).param("id", id).query(Boolean.class).optional().orElse(false);
    }

    public List<Role> allRoles() {
        return jdbc.sql(ALL_ROLES).query(Role.class).list();
    }

    public void updatePassword(long id, String hash) {
        jdbc.sql(UPDATE_PASSWORD).param("id", id).param("hash", hash).update();
    }

    /** Enabled accounts holding the permission through a role in that agency (city-wide roles excluded). */
    public List<PermissionHolder> holdersOf(String permission, String agencyCode) {
        return jdbc.sql(HOLDERS).param("permission", permission).param("agency", agencyCode)
                .query(PermissionHolder.class).list();
    }

    public List<PermissionHolder> citywideHoldersOf(String permission) {
        return jdbc.sql(CITYWIDE_HOLDERS).param("permission", permission).query(PermissionHolder.class).list();
    }

    public long count() {
        return jdbc.sql(COUNT_ALL).query(Long.class).single();
    }

    public PageResult<UserSummary> page(String q, String agency, PageQuery query) {
        String folded = q == null ? "" : q.strip().toLowerCase(java.util.Locale.ROOT);
        String agencyCode = agency == null ? "" : agency;
        String like = "%" + folded.replace("%", "\\%").replace("_", "\\_") + "%";
        long total = jdbc.sql(COUNT_USERS).param("q", folded).param("like", like).param("agency", agencyCode)
                .query(Long.class).single();
        List<UserSummary> items = jdbc.sql(PAGE_USERS).param("q", folded).param("like", like)
                .param("agency", agencyCode).param("limit", query.size()).param("offset", query.offset())
                .query(UserSummary.class).list();
        return PageResult.of(items, total, query);
    }

    /** What login needs to know of a user. */
    public record LoginRecord(long id, String username, String displayName, String email, String kind,
            String passwordHash, boolean enabled, int failedAttempts, OffsetDateTime lockedUntil) {

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.toInstant().isAfter(now);
        }
    }

    /** A user as listed to administrators. */
    public record UserSummary(long id, String username, String displayName, String email, String kind,
            boolean enabled, OffsetDateTime lockedUntil) {
    }

    /** One account as its administrators see it. */
    public record UserDetail(long id, String username, String displayName, String email, String phone, String kind,
            boolean enabled, int failedAttempts, OffsetDateTime lockedUntil, OffsetDateTime createdAt) {
    }

    /** A role that can be granted. */
    public record Role(String code, String nameVi, String nameEn) {
    }

    /** A role held by a user, and where; {@code id} names this one assignment. */
    public record RoleAssignment(long id, String roleCode, String nameVi, String nameEn, String agencyCode,
            String handlingPointCode) {
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
