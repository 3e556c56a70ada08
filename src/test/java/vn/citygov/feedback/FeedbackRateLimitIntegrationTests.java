package vn.citygov.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;
import vn.citygov.support.PageSession;

/**
 * Rate limits against spam, over real HTTP: per address (X-Forwarded-For believed only from the trusted proxy,
 * here the machine itself), per account and per API key; the limit answers 429 as problem+json on the API, as an
 * Open311 error on Open311, and as a friendly message on the form. Each test removes the window's rows it made, so
 * the other tests of the shared application are not limited.
 */
@IntegrationTest
class FeedbackRateLimitIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final List<String> sources = new ArrayList<>();

    @AfterEach
    void forget() {
        for (String source : sources) {
            jdbc.sql("DELETE FROM feedback_submission WHERE source = ?").param(source).update();
        }
    }

    static String documentationAddress() {
        return "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
    }

    long window(String source) {
        return jdbc.sql("SELECT count(*) FROM feedback_submission WHERE source = ?").param(source).query(Long.class)
                .single();
    }

    static Map<String, Object> report(int n) {
        return FeedbackIntegrationTests.report("khac", "Phản ánh số " + n, FeedbackIntegrationTests.SAI_GON_LAT,
                FeedbackIntegrationTests.SAI_GON_LON);
    }

    @Test
    void theApiCountsTheAddressTheTrustedProxyForwardsAndAnswers429() throws Exception {
        String address = documentationAddress();
        sources.add("ip:" + address);
        // What the client claims left of the proxy's own entry changes nothing.
        ApiClient behindProxy = new ApiClient(port).header("X-Forwarded-For", "10.9.8.7, " + address);
        int accepted = 0;
        Response r = behindProxy.post("/api/v1/feedback/reports", report(0));
        while (r.status() == 201 && accepted < 200) {
            accepted++;
            r = behindProxy.post("/api/v1/feedback/reports", report(accepted));
        }
        assertThat(accepted).isEqualTo(100);
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("status").asInt()).isEqualTo(429);
        assertThat(r.json().get("type").asString()).endsWith("too-many-reports");
        assertThat(r.json().get("detail").asString()).contains("quá nhiều phản ánh");
        assertThat(window("ip:" + address)).isEqualTo(100);
        assertThat(window("ip:10.9.8.7")).isZero();

        // Someone else behind the same proxy is not held up.
        String neighbour = documentationAddress().replace("198.51.100.", "203.0.113.");
        sources.add("ip:" + neighbour);
        assertThat(new ApiClient(port).header("X-Forwarded-For", neighbour).post("/api/v1/feedback/reports", report(1))
                .status()).isEqualTo(201);

        // The form from the same address: the same limit, said in words beside the form, which keeps what was typed.
        PageSession s = new PageSession(port).header("X-Forwarded-For", address);
        List<String[]> form = new ArrayList<>();
        form.add(new String[] {"_csrf", s.csrf("/feedback/new")});
        form.add(new String[] {"categoryCode", "khac"});
        form.add(new String[] {"title", "Thêm một phản ánh nữa"});
        form.add(new String[] {"description", "Nội dung vẫn còn nguyên"});
        form.add(new String[] {"lat", String.valueOf(FeedbackIntegrationTests.SAI_GON_LAT)});
        form.add(new String[] {"lon", String.valueOf(FeedbackIntegrationTests.SAI_GON_LON)});
        HttpResponse<String> page = s.post("/feedback/new", form);
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.body()).contains("id=\"error-summary\"",
                "Bạn đã gửi quá nhiều phản ánh trong thời gian ngắn. Vui lòng thử lại sau.", "Nội dung vẫn còn nguyên");
    }

    /** An address of this machine other than loopback, which the default setting does not trust. */
    static Optional<String> otherAddress() throws Exception {
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : nic.inetAddresses().toList()) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return Optional.of(a.getHostAddress());
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void aClientThatIsNoTrustedProxyCannotChooseItsAddress() throws Exception {
        Optional<String> own = otherAddress();
        Assumptions.assumeTrue(own.isPresent(), "this machine has no address besides loopback");
        String claimed = documentationAddress();
        sources.add("ip:" + claimed);
        sources.add("ip:" + own.get());
        long before = window("ip:" + own.get());
        Response r = ApiClient.at("http://" + own.get() + ":" + port).header("X-Forwarded-For", claimed)
                .post("/api/v1/feedback/reports", report(0));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(window("ip:" + claimed)).isZero();
        assertThat(window("ip:" + own.get())).isEqualTo(before + 1);
    }

    @Test
    void anAccountIsLimitedWhateverAddressItUses() {
        String username = jdbc.sql("SELECT username FROM identity_user WHERE username LIKE 'cd.%' ORDER BY username"
                + " OFFSET 17 LIMIT 1").query(String.class).single();
        long id = jdbc.sql("SELECT id FROM identity_user WHERE username = ?").param(username).query(Long.class).single();
        sources.add("user:" + id);
        ApiClient citizen = new ApiClient(port).as(username);
        int accepted = 0;
        Response r;
        do {
            String address = "192.0.2." + (accepted + 10);
            sources.add("ip:" + address);
            r = citizen.header("X-Forwarded-For", address).post("/api/v1/feedback/reports", report(accepted));
        } while (r.status() == 201 && ++accepted < 100);
        assertThat(accepted).isEqualTo(20);
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.isProblem()).isTrue();
    }

    @Test
    void anOpen311KeyIsLimitedAndToldInOpen311sFormat() {
        ApiClient api = new ApiClient(port);
        Response created = api.as("admin").post("/api/v1/api-keys", Map.of("name", "Ứng dụng phản ánh bận rộn",
                "scopes", List.of("open311.submit")));
        String key = created.json().get("secret").asString();
        String source = "key:apikey:" + created.json().get("key").get("prefix").asString();
        sources.add(source);
        String body = Map.of("api_key", key, "service_code", "khac", "lat", "10.7809", "long", "106.7042",
                "description", "Phản ánh từ ứng dụng").entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Response first = api.raw("POST", "/open311/v2/requests.json", "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(window(source)).isEqualTo(1);
        // The key has filed its thousand reports this hour (written straight into the window, to save the time).
        jdbc.sql("INSERT INTO feedback_submission (source, at) SELECT ?, now() FROM generate_series(1, 999)")
                .param(source).update();
        long reports = jdbc.sql("SELECT count(*) FROM feedback_report").query(Long.class).single();
        Response json = api.raw("POST", "/open311/v2/requests.json", "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8));
        assertThat(json.status()).isEqualTo(429);
        assertThat(json.contentType()).startsWith("application/json");
        JsonNode error = json.json().get(0);
        assertThat(error.get("code").asInt()).isEqualTo(429);
        assertThat(error.get("description").asString()).isEqualTo(
                "You have sent too many reports in a short time. Please try again later.");
        Response xml = api.raw("POST", "/open311/v2/requests.xml", "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8));
        assertThat(xml.status()).isEqualTo(429);
        assertThat(xml.body()).contains("<errors><error><code>429</code><description>You have sent too many reports");
        assertThat(jdbc.sql("SELECT count(*) FROM feedback_report").query(Long.class).single()).isEqualTo(reports);
    }
}
