package vn.citygov.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
 * A pin must lie in the city's real outline, not merely in the box around it: the sea between Vũng Tàu and Côn
 * Đảo and the neighbouring Biên Hòa are inside the box and refused in every channel, in its own format, with
 * nothing saved; a pin in a ward is placed in that ward.
 */
@IntegrationTest
class FeedbackCityOutlineIntegrationTests {

    /** The sea between Vũng Tàu and Côn Đảo. */
    static final double SEA_LAT = 9.5;
    static final double SEA_LON = 106.9;
    /** Biên Hòa, Đồng Nai, across the river from Dĩ An. */
    static final double BIEN_HOA_LAT = 10.95;
    static final double BIEN_HOA_LON = 106.82;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FeedbackService feedback;

    long reports() {
        return jdbc.sql("SELECT count(*) FROM feedback_report").query(Long.class).single();
    }

    @Test
    void theMapsBoxHoldsThesePointsButTheCityDoesNot() {
        double[] b = feedback.cityBounds();
        assertThat(SEA_LAT).isBetween(b[1], b[3]);
        assertThat(SEA_LON).isBetween(b[0], b[2]);
        assertThat(BIEN_HOA_LAT).isBetween(b[1], b[3]);
        assertThat(BIEN_HOA_LON).isBetween(b[0], b[2]);
    }

    @Test
    void theApiRefusesAPinOutsideTheOutlineWithAProblemOnLat() {
        ApiClient api = new ApiClient(port);
        long before = reports();
        for (double[] p : new double[][] {{SEA_LAT, SEA_LON}, {BIEN_HOA_LAT, BIEN_HOA_LON}}) {
            Response r = api.post("/api/v1/feedback/reports",
                    FeedbackIntegrationTests.report("giao-thong", "Ổ gà giữa đường", p[0], p[1]));
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
            JsonNode error = r.json().get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("lat");
            assertThat(r.json().toString()).contains("Thành phố Hồ Chí Minh");
        }
        // Possible duplicates are looked for only inside the city too.
        assertThat(api.get("/api/v1/feedback/similar?category=giao-thong&lat=" + SEA_LAT + "&lon=" + SEA_LON).status())
                .isEqualTo(400);
        assertThat(reports()).isEqualTo(before);

        // A pin in Vũng Tàu, three hours from the old city centre, is the city's and its ward's.
        JsonNode vungTau = api.post("/api/v1/feedback/reports",
                FeedbackIntegrationTests.report("giao-thong", "Ổ gà trên đường Quang Trung", 10.35, 107.08)).json();
        assertThat(vungTau.get("report").get("adminUnitCode").asString()).as(vungTau.toString()).isEqualTo("26506");
    }

    @Test
    void open311AnswersInItsOwnErrorFormat() throws Exception {
        ApiClient api = new ApiClient(port);
        String key = api.as("admin").post("/api/v1/api-keys", Map.of("name", "Ứng dụng bản đồ",
                "scopes", List.of("open311.submit"))).json().get("secret").asString();
        long before = reports();
        for (String format : new String[] {"json", "xml"}) {
            String body = Map.of("api_key", key, "service_code", "giao-thong", "lat", String.valueOf(SEA_LAT),
                    "long", String.valueOf(SEA_LON), "description", "Ổ gà giữa biển").entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            Response r = api.raw("POST", "/open311/v2/requests." + format, "application/x-www-form-urlencoded",
                    body.getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            if (format.equals("json")) {
                assertThat(r.json().get(0).get("code").asInt()).isEqualTo(400);
                assertThat(r.json().get(0).get("description").asString())
                        .isEqualTo("lat: The location must be inside Ho Chi Minh City.");
            } else {
                assertThat(r.body()).contains("<errors><error><code>400</code><description>lat: The location must be "
                        + "inside Ho Chi Minh City.</description></error></errors>");
            }
        }
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void theFormShowsAFriendlyErrorBesideTheMap() throws Exception {
        PageSession s = new PageSession(port);
        long before = reports();
        List<String[]> form = new ArrayList<>();
        form.add(new String[] {"_csrf", s.csrf("/feedback/new")});
        form.add(new String[] {"categoryCode", "giao-thong"});
        form.add(new String[] {"title", "Ổ gà giữa đường"});
        form.add(new String[] {"description", "Ổ gà sâu, xe máy dễ ngã"});
        form.add(new String[] {"lat", String.valueOf(BIEN_HOA_LAT)});
        form.add(new String[] {"lon", String.valueOf(BIEN_HOA_LON)});
        HttpResponse<String> page = s.post("/feedback/new", form);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"error-summary\"", "href=\"#lat\"",
                "Vị trí phải nằm trong địa bàn Thành phố Hồ Chí Minh.", "Ổ gà sâu, xe máy dễ ngã");
        assertThat(reports()).isEqualTo(before);
    }
}
