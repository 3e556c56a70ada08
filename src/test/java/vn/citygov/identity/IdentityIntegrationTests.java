package vn.citygov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.citygov.platform.error.InvalidInputException;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;

@IntegrationTest
class IdentityIntegrationTests {

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
    void tokenIsIssuedAndIdentifiesTheCaller() {
        Response token = api.post("/api/v1/auth/token", Map.of("username", "canbo", "password", "citygov-demo"));
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.json().get("token_type").asString()).isEqualTo("Bearer");
        assertThat(token.json().get("expires_in").asLong()).isEqualTo(3600);
        assertThat(token.header("Cache-Control")).contains("no-store");

        Response me = api.bearer(token.json().get("access_token").asString()).get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo("canbo");
        assertThat(me.json().get("kind").asString()).isEqualTo("OFFICIAL");
        assertThat(me.json().get("grants").get(0).get("agency").asString()).isEqualTo("ubnd-26740");
    }

    @Test
    void wrongPasswordIs401Problem() {
        Response r = api.post("/api/v1/auth/token", Map.of("username", "congdan", "password", "wrong-password"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("code").asString()).isEqualTo("bad-credentials");
        Response unknown = api.post("/api/v1/auth/token", Map.of("username", "nobody-here", "password", "x"));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().get("code").asString()).isEqualTo("bad-credentials");
    }

    @Test
    void revokedAndExpiredTokensAre401() {
        String first = api.post("/api/v1/auth/token", Map.of("username", "congdan", "password", "citygov-demo"))
                .json().get("access_token").asString();
        assertThat(api.bearer(first).post("/api/v1/auth/revoke", Map.of()).status()).isEqualTo(204);
        assertThat(api.bearer(first).get("/api/v1/me").status()).isEqualTo(401);

        String second = api.post("/api/v1/auth/token", Map.of("username", "congdan", "password", "citygov-demo"))
                .json().get("access_token").asString();
        assertThat(api.bearer(second).get("/api/v1/me").status()).isEqualTo(200);
        jdbc.sql("UPDATE identity_access_token SET expires_at = now() - interval '1 second' WHERE revoked_at IS NULL "
                + "AND user_id = (SELECT id FROM identity_user WHERE username = 'congdan')").update();
        assertThat(api.bearer(second).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void repeatedFailuresLockTheAccountThenItUnlocks() throws Exception {
        String user = "doanhnghiep";
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/auth/token", Map.of("username", user, "password", "wrong-" + i)).status())
                    .isEqualTo(401);
        }
        Response locked = api.post("/api/v1/auth/token", Map.of("username", user, "password", "citygov-demo"));
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json().get("code").asString()).isEqualTo("account-locked");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE object_id = ? AND action = 'locked'")
                .param(user).query(Long.class).single()).isEqualTo(1);

        Thread.sleep(2_200); // the test profile locks for 2 s at the first lock
        Response after = api.post("/api/v1/auth/token", Map.of("username", user, "password", "citygov-demo"));
        assertThat(after.status()).isEqualTo(200);
    }

    @Test
    void apiKeyMayOnlyDoWhatItsScopesSay() {
        ApiClient admin = api.as("admin");
        Response created = admin.post("/api/v1/api-keys", Map.of("name", "Hệ thống một cửa quận cũ",
                "scopes", List.of("audit.read")));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("secret").asString();
        long id = created.json().get("key").get("id").asLong();
        assertThat(created.body()).doesNotContain("key_hash");

        ApiClient machine = api.header("X-API-Key", secret);
        assertThat(machine.get("/api/v1/audit?size=1").status()).isEqualTo(200);
        assertThat(machine.get("/api/v1/audit/verify").status()).isEqualTo(403);
        assertThat(machine.get("/api/v1/users").status()).isEqualTo(403);

        assertThat(admin.delete("/api/v1/api-keys/" + id).status()).isEqualTo(204);
        assertThat(machine.get("/api/v1/audit?size=1").status()).isEqualTo(401);
        assertThat(api.header("X-API-Key", "cgk_made-up").get("/api/v1/audit").status()).isEqualTo(401);
    }

    @Test
    void apiKeyWithUnknownScopeIsRefused() {
        Response r = api.as("admin").post("/api/v1/api-keys", Map.of("name", "x", "scopes", List.of("everything")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("scopes");
    }

    @Test
    void agencyAdministratorSeesOnlyTheirOwnStaff() {
        ApiClient saigon = api.as("quantri.saigon");
        Response own = saigon.get("/api/v1/users?agency=ubnd-26740");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(saigon.get("/api/v1/users?agency=ubnd-26743").status()).isEqualTo(403);
        assertThat(saigon.get("/api/v1/users").status()).isEqualTo(403);
        assertThat(api.as("canbo").get("/api/v1/users?agency=ubnd-26740").status()).isEqualTo(403);
    }

    @Test
    void passwordResetByEmail() throws Exception {
        accounts.requestReset("congdan@demo.citygov.vn", Locale.forLanguageTag("vi"));
        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage message = smtp.getReceivedMessages()[smtp.getReceivedMessages().length - 1];
        assertThat(message.getSubject()).isEqualTo("CityGov: đặt lại mật khẩu");
        Matcher link = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(String.valueOf(message.getContent()));
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        assertThat(accounts.resetTokenValid(token)).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.reset(token, "short"))
                .isInstanceOf(InvalidInputException.class);
        accounts.reset(token, "a-new-password-2026");
        assertThat(accounts.resetTokenValid(token)).isFalse();
        assertThat(api.post("/api/v1/auth/token", Map.of("username", "congdan", "password", "a-new-password-2026"))
                .status()).isEqualTo(200);
        // Put the demo password back for the other tests.
        long id = jdbc.sql("SELECT id FROM identity_user WHERE username = 'congdan'").query(Long.class).single();
        accounts.changePassword(id, "a-new-password-2026", "citygov-demo");
    }

    @Test
    void resetRequestForUnknownAddressSendsNothingAndSaysNothing() {
        long before = jdbc.sql("SELECT count(*) FROM notification_mail").query(Long.class).single();
        accounts.requestReset("nobody@example.org", Locale.ENGLISH);
        assertThat(jdbc.sql("SELECT count(*) FROM notification_mail").query(Long.class).single()).isEqualTo(before);
    }
}
