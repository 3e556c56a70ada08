package vn.citygov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;

/**
 * Staff account administration through the API: what a city administrator, the agency administrators of
 * ubnd-26740 (quantri.saigon) and ubnd-26743 (quantri.benthanh) and a citizen may each do.
 */
@IntegrationTest
class IdentityUserAdministrationIntegrationTests {

    static final String SAI_GON = "ubnd-26740";
    static final String BEN_THANH = "ubnd-26743";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(IntegrationTest.SMTP_PORT, "127.0.0.1", "smtp"))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void cityAdministratorOpensAnAccountAndTheUserSetsThePasswordFromTheMail() throws Exception {
        // "Nguyễn Thị Hoà" typed with combining marks (NFD) is stored composed (NFC).
        String decomposed = java.text.Normalizer.normalize("Nguyễn Thị Hoà", java.text.Normalizer.Form.NFD);
        Response created = api.as("admin").post("/api/v1/users", account("cb.hoa", decomposed, "OFFICIAL", "OFFICIAL", SAI_GON));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/v1/users/" + id);
        assertThat(created.json().get("displayName").asString()).isEqualTo("Nguyễn Thị Hoà")
                .isEqualTo(java.text.Normalizer.normalize(decomposed, java.text.Normalizer.Form.NFC));
        assertThat(created.json().get("roles").get(0).get("roleCode").asString()).isEqualTo("OFFICIAL");
        assertThat(created.json().get("roles").get(0).get("agencyCode").asString()).isEqualTo(SAI_GON);
        assertThat(created.body()).doesNotContain("password");

        // No password yet: the account cannot log in until its owner follows the link.
        assertThat(api.post("/api/v1/auth/token", Map.of("username", "cb.hoa", "password", "citygov-demo")).status())
                .isEqualTo(401);

        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage message = smtp.getReceivedMessages()[smtp.getReceivedMessages().length - 1];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("cb.hoa@demo.citygov.vn");
        assertThat(message.getSubject()).isEqualTo("CityGov: tài khoản của bạn đã được mở");
        assertThat(String.valueOf(message.getContent())).contains("72 giờ", "Nguyễn Thị Hoà");
        Matcher link = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(String.valueOf(message.getContent()));
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        // The link lives 72 hours, not the 30 minutes of a reset link.
        OffsetDateTime expires = jdbc.sql("SELECT expires_at FROM identity_password_reset WHERE user_id = ?")
                .param(id).query(OffsetDateTime.class).single();
        assertThat(Duration.between(OffsetDateTime.now(), expires)).isBetween(Duration.ofHours(71), Duration.ofHours(73));

        assertThat(accounts.resetTokenValid(token)).isTrue();
        accounts.reset(token, "hoa-password-2026");
        assertThat(accounts.resetTokenValid(token)).isFalse();
        Response login = api.post("/api/v1/auth/token", Map.of("username", "cb.hoa", "password", "hoa-password-2026"));
        assertThat(login.status()).isEqualTo(200);

        assertThat(auditActions("cb.hoa")).contains("created");
        assertThat(jdbc.sql("SELECT actor FROM audit_entry WHERE object_id = 'cb.hoa' AND action = 'created'")
                .query(String.class).single()).isEqualTo("admin");
    }

    @Test
    void creationIsValidatedWithFieldErrors() {
        ApiClient admin = api.as("admin");
        Map<String, Object> bad = new HashMap<>(account("Bad Name!", "  ", "OFFICIAL", "OFFICIAL", SAI_GON));
        bad.put("email", "not-an-address");
        Response r = admin.post("/api/v1/users", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(fields(r)).contains("username", "displayName", "email");

        Response taken = admin.post("/api/v1/users", account("canbo", "Người Trùng Tên", "OFFICIAL", "OFFICIAL", SAI_GON));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.isProblem()).isTrue();

        Response noAgency = admin.post("/api/v1/users", account("cb.noagency", "Lý Văn Tư", "OFFICIAL", "OFFICIAL", "ubnd-00000"));
        assertThat(noAgency.status()).isEqualTo(400);
        assertThat(fields(noAgency)).containsExactly("agencyCode");

        Response citywideOfficial = admin.post("/api/v1/users", account("cb.citywide", "Lý Văn Tư", "OFFICIAL", "OFFICIAL", null));
        assertThat(citywideOfficial.status()).isEqualTo(400);
        assertThat(fields(citywideOfficial)).containsExactly("agencyCode");
    }

    @Test
    void creationHonoursTheIdempotencyKey() {
        ApiClient admin = api.as("admin").header("Idempotency-Key", "user-admin-create-1");
        Map<String, Object> body = account("cb.idem", "Đặng Quốc Bảo", "OFFICIAL", "OFFICIAL", SAI_GON);
        Response first = admin.post("/api/v1/users", body);
        Response second = admin.post("/api/v1/users", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(second.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(jdbc.sql("SELECT count(*) FROM identity_user WHERE username = 'cb.idem'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void agencyAdministratorManagesOnlyOfficialsOfTheirOwnAgency() {
        ApiClient saigon = api.as("quantri.saigon");
        Response own = saigon.post("/api/v1/users", account("cb.saigon.moi", "Trương Mỹ Lệ", "OFFICIAL", "OFFICIAL", SAI_GON));
        assertThat(own.status()).isEqualTo(201);
        long id = own.json().get("id").asLong();
        assertThat(own.json().get("manageable").asBoolean()).isTrue();

        // Never another agency, never an administrator role, never an administrator account.
        assertThat(saigon.post("/api/v1/users", account("cb.other", "Hồ Văn Nam", "OFFICIAL", "OFFICIAL", BEN_THANH))
                .status()).isEqualTo(403);
        assertThat(saigon.post("/api/v1/users", account("cb.admin", "Hồ Văn Nam", "OFFICIAL", "CITY_ADMIN", null))
                .status()).isEqualTo(403);
        assertThat(saigon.post("/api/v1/users", account("cb.agadmin", "Hồ Văn Nam", "AGENCY_ADMIN", "OFFICIAL", SAI_GON))
                .status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM identity_user WHERE username IN ('cb.other', 'cb.admin', 'cb.agadmin')")
                .query(Long.class).single()).isZero();

        assertThat(saigon.post("/api/v1/users/" + id + "/roles", Map.of("roleCode", "CITY_ADMIN")).status()).isEqualTo(403);
        assertThat(saigon.post("/api/v1/users/" + id + "/roles", Map.of("roleCode", "AGENCY_ADMIN", "agencyCode", SAI_GON))
                .status()).isEqualTo(403);
        assertThat(saigon.post("/api/v1/users/" + id + "/roles", Map.of("roleCode", "OFFICIAL", "agencyCode", BEN_THANH))
                .status()).isEqualTo(403);
        assertThat(roles(api.as("admin").get("/api/v1/users/" + id))).containsExactly("OFFICIAL@" + SAI_GON);

        // Their own staff: disable, enable, unlock.
        assertThat(saigon.post("/api/v1/users/" + id + "/disable", Map.of()).json().get("enabled").asBoolean()).isFalse();
        assertThat(saigon.post("/api/v1/users/" + id + "/enable", Map.of()).json().get("enabled").asBoolean()).isTrue();
        long canbo = userId("canbo");
        assertThat(saigon.post("/api/v1/users/" + canbo + "/unlock", Map.of()).status()).isEqualTo(200);

        // The staff of Bến Thành are out of reach, even to read one by one.
        long benThanhStaff = userId("quantri.benthanh");
        assertThat(saigon.get("/api/v1/users/" + benThanhStaff).status()).isEqualTo(403);
        assertThat(saigon.post("/api/v1/users/" + benThanhStaff + "/disable", Map.of()).status()).isEqualTo(403);
        assertThat(api.as("quantri.benthanh").post("/api/v1/users/" + id + "/disable", Map.of()).status()).isEqualTo(403);
        assertThat(api.as("quantri.benthanh").get("/api/v1/users/" + id).status()).isEqualTo(403);

        // Nor the city administrator's account, nor a role the agency administrator could not grant.
        assertThat(saigon.post("/api/v1/users/" + userId("admin") + "/disable", Map.of()).status()).isEqualTo(403);
        long saigonAdmin = userId("quantri.saigon");
        long agencyAdminRole = jdbc.sql("SELECT id FROM identity_user_role WHERE user_id = ? AND role_code = 'AGENCY_ADMIN'")
                .param(saigonAdmin).query(Long.class).single();
        assertThat(saigon.delete("/api/v1/users/" + saigonAdmin + "/roles/" + agencyAdminRole).status()).isEqualTo(403);
        assertThat(saigon.post("/api/v1/users/" + saigonAdmin + "/disable", Map.of()).status()).isEqualTo(403);

        // The agency's administrators read its changes in the audit trail.
        Response trail = saigon.get("/api/v1/audit?objectType=user&objectId=cb.saigon.moi");
        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.json().get("items").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void citizenMayDoNothing() {
        ApiClient citizen = api.as("congdan");
        long canbo = userId("canbo");
        assertThat(citizen.post("/api/v1/users", account("cb.citizen", "Mai Văn Phúc", "OFFICIAL", "OFFICIAL", SAI_GON))
                .status()).isEqualTo(403);
        assertThat(citizen.get("/api/v1/users/" + canbo).status()).isEqualTo(403);
        assertThat(citizen.post("/api/v1/users/" + canbo + "/disable", Map.of()).status()).isEqualTo(403);
        assertThat(citizen.post("/api/v1/users/" + canbo + "/roles", Map.of("roleCode", "CITY_ADMIN")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/users/" + canbo).status()).isEqualTo(401);
        assertThat(api.as("canbo").post("/api/v1/users/" + canbo + "/unlock", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void rolesAreGrantedAndRemovedWithTheirScopeAndAudited() {
        ApiClient admin = api.as("admin");
        long id = admin.post("/api/v1/users", account("cb.roles", "Phan Thanh Hải", "AGENCY_ADMIN", "AGENCY_ADMIN", BEN_THANH))
                .json().get("id").asLong();
        Response granted = admin.post("/api/v1/users/" + id + "/roles", Map.of("roleCode", "OFFICIAL", "agencyCode", BEN_THANH));
        assertThat(granted.status()).isEqualTo(201);
        long roleId = granted.json().get("id").asLong();
        assertThat(granted.header("Location")).isEqualTo("/api/v1/users/" + id + "/roles/" + roleId);
        assertThat(admin.post("/api/v1/users/" + id + "/roles", Map.of("roleCode", "OFFICIAL", "agencyCode", BEN_THANH))
                .status()).isEqualTo(409);
        Response unknownRole = admin.post("/api/v1/users/" + id + "/roles", Map.of("roleCode", "EMPEROR"));
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(fields(unknownRole)).containsExactly("roleCode");
        Response scopedCityAdmin = admin.post("/api/v1/users/" + id + "/roles", Map.of("roleCode", "CITY_ADMIN", "agencyCode", BEN_THANH));
        assertThat(scopedCityAdmin.status()).isEqualTo(400);
        assertThat(fields(scopedCityAdmin)).containsExactly("agencyCode");

        JsonNode user = admin.get("/api/v1/users/" + id).json();
        assertThat(roles(user)).containsExactlyInAnyOrder("AGENCY_ADMIN@" + BEN_THANH, "OFFICIAL@" + BEN_THANH);
        assertThat(user.get("kind").asString()).isEqualTo("AGENCY_ADMIN");

        // quantri.saigon may not touch a Bến Thành official's role; quantri.benthanh may not remove an
        // AGENCY_ADMIN role, which they cannot grant either.
        assertThat(api.as("quantri.saigon").delete("/api/v1/users/" + id + "/roles/" + roleId).status()).isEqualTo(403);
        long adminRole = user.get("roles").valueStream().filter(r -> r.get("roleCode").asString().equals("AGENCY_ADMIN"))
                .findFirst().orElseThrow().get("id").asLong();
        assertThat(api.as("quantri.benthanh").delete("/api/v1/users/" + id + "/roles/" + adminRole).status()).isEqualTo(403);
        // Nor may they disable a fellow administrator of their own agency.
        assertThat(api.as("quantri.benthanh").post("/api/v1/users/" + id + "/disable", Map.of()).status()).isEqualTo(403);
        assertThat(api.as("quantri.benthanh").get("/api/v1/users/" + id).json().get("manageable").asBoolean()).isFalse();

        assertThat(admin.delete("/api/v1/users/" + id + "/roles/" + roleId).status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/users/" + id + "/roles/" + roleId).status()).isEqualTo(404);
        assertThat(roles(admin.get("/api/v1/users/" + id))).containsExactly("AGENCY_ADMIN@" + BEN_THANH);
        assertThat(auditActions("cb.roles")).containsExactly("created", "role-assigned", "role-removed");
        assertThat(jdbc.sql("SELECT agency_code FROM audit_entry WHERE object_id = 'cb.roles' AND action = 'role-removed'")
                .query(String.class).single()).isEqualTo(BEN_THANH);
    }

    @Test
    void nobodyDisablesThemselvesOrRemovesTheirOwnRoles() {
        ApiClient admin = api.as("admin");
        long self = userId("admin");
        assertThat(admin.post("/api/v1/users/" + self + "/disable", Map.of()).status()).isEqualTo(403);
        long role = jdbc.sql("SELECT id FROM identity_user_role WHERE user_id = ?").param(self).query(Long.class).single();
        assertThat(admin.delete("/api/v1/users/" + self + "/roles/" + role).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/users/" + self).json().get("enabled").asBoolean()).isTrue();
    }

    @Test
    void disablingStopsExistingAccessTokensAtOnceAndUnlockClearsALockout() {
        ApiClient admin = api.as("admin");
        long id = admin.post("/api/v1/users", account("cb.disable", "Bùi Thị Thu", "OFFICIAL", "OFFICIAL", SAI_GON))
                .json().get("id").asLong();
        jdbc.sql("UPDATE identity_user SET password_hash = (SELECT password_hash FROM identity_user WHERE username = 'canbo') "
                + "WHERE id = ?").param(id).update();
        ApiClient official = api.as("cb.disable");
        assertThat(official.get("/api/v1/me").status()).isEqualTo(200);

        assertThat(admin.post("/api/v1/users/" + id + "/disable", Map.of()).status()).isEqualTo(200);
        assertThat(official.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/token", Map.of("username", "cb.disable", "password", "citygov-demo")).status())
                .isEqualTo(401);

        assertThat(admin.post("/api/v1/users/" + id + "/enable", Map.of()).json().get("enabled").asBoolean()).isTrue();
        // Enabling again does not revive the tokens issued before the account was disabled.
        assertThat(official.get("/api/v1/me").status()).isEqualTo(401);
        for (int i = 0; i < 5; i++) {
            api.post("/api/v1/auth/token", Map.of("username", "cb.disable", "password", "wrong-" + i));
        }
        assertThat(admin.get("/api/v1/users/" + id).json().get("locked").asBoolean()).isTrue();
        assertThat(admin.post("/api/v1/users/" + id + "/unlock", Map.of()).json().get("locked").asBoolean()).isFalse();
        assertThat(api.post("/api/v1/auth/token", Map.of("username", "cb.disable", "password", "citygov-demo")).status())
                .isEqualTo(200);
        assertThat(auditActions("cb.disable")).containsSubsequence("created", "disabled", "enabled", "locked", "unlocked");
    }

    private static Map<String, Object> account(String username, String name, String kind, String role, String agency) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("displayName", name);
        body.put("email", username + "@demo.citygov.vn");
        body.put("phone", "028 3829 6052");
        body.put("kind", kind);
        body.put("roleCode", role);
        if (agency != null) {
            body.put("agencyCode", agency);
        }
        return body;
    }

    private long userId(String username) {
        return jdbc.sql("SELECT id FROM identity_user WHERE username = ?").param(username).query(Long.class).single();
    }

    private java.util.List<String> auditActions(String username) {
        return jdbc.sql("SELECT action FROM audit_entry WHERE object_type = 'user' AND object_id = ? ORDER BY id")
                .param(username).query(String.class).list();
    }

    private static java.util.List<String> fields(Response r) {
        return r.json().get("errors").valueStream().map(e -> e.get("field").asString()).distinct().toList();
    }

    private static java.util.List<String> roles(Response r) {
        return roles(r.json());
    }

    private static java.util.List<String> roles(JsonNode user) {
        return user.get("roles").valueStream().map(r -> r.get("roleCode").asString()
                + (r.get("agencyCode").isNull() ? "" : "@" + r.get("agencyCode").asString())).toList();
    }
}
