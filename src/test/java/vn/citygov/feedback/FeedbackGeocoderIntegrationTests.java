package vn.citygov.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.citygov.feedback.FeedbackIntegrationTests.created;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.citygov.feedback.internal.CityMap;
import vn.citygov.feedback.internal.Gazetteer;
import vn.citygov.feedback.internal.HttpGeocoder;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;

/**
 * Reports placed by their address: the ward gazetteer (names with and without diacritics and prefixes), the
 * Nominatim-compatible adapter against a real HTTP server that answers like Nominatim (inside the city, outside,
 * failing, slow), and the address path of the JSON API and Open311 with their errors.
 */
@IntegrationTest
class FeedbackGeocoderIntegrationTests {

    static final String SAI_GON = "26740";

    @LocalServerPort
    int port;

    @Autowired
    Gazetteer gazetteer;

    @Autowired
    CityMap map;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    HttpServer server;
    final List<String> queries = new CopyOnWriteArrayList<>();
    final AtomicReference<String> answer = new AtomicReference<>("[]");
    final AtomicInteger status = new AtomicInteger(200);
    final AtomicInteger delayMillis = new AtomicInteger(0);

    @BeforeEach
    void start() throws IOException {
        api = new ApiClient(port);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/search", exchange -> {
            queries.add(URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8));
            try {
                Thread.sleep(delayMillis.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    HttpGeocoder http(Duration timeout) {
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/search");
        return new HttpGeocoder(endpoint, timeout, map, gazetteer, "CityGov test");
    }

    static String nominatim(double lat, double lon, String name) {
        // Nominatim's jsonv2 writes coordinates as strings.
        return "[{\"place_id\":1,\"lat\":\"" + lat + "\",\"lon\":\"" + lon + "\",\"display_name\":\"" + name
                + "\",\"category\":\"highway\",\"type\":\"residential\",\"importance\":0.3}]";
    }

    @Test
    void theGazetteerKnowsWardAndCommuneNamesWithAndWithoutDiacriticsAndPrefixes() {
        for (String address : List.of("Phường Sài Gòn", "12 Lê Lợi, phuong sai gon, TP.HCM", "P. Sài Gòn",
                "86 Lê Thánh Tôn, P.Sai Gon", "Sài Gòn", "PHƯỜNG SÀI GÒN")) {
            Optional<Geocoder.Place> place = gazetteer.locate(address);
            assertThat(place).as(address).isPresent();
            assertThat(place.get().adminUnitCode()).as(address).isEqualTo(SAI_GON);
            assertThat(place.get().source()).isEqualTo("gazetteer");
            assertThat(map.inside(place.get().lat(), place.get().lon())).isTrue();
        }
        assertThat(gazetteer.locate("Ấp 3, Xã Bình Giã").map(Geocoder.Place::adminUnitCode)).contains("26590");
        assertThat(gazetteer.locate("x. binh gia").map(Geocoder.Place::adminUnitCode)).contains("26590");
        assertThat(gazetteer.locate("Đặc khu Côn Đảo").map(Geocoder.Place::adminUnitCode)).contains("26732");
        // The longer name wins: An Phú Đông, not An Phú.
        String anPhuDong = map.all().stream().filter(u -> u.name().equals("Phường An Phú Đông")).findFirst()
                .orElseThrow().code();
        assertThat(gazetteer.locate("Phường An Phú Đông").map(Geocoder.Place::adminUnitCode)).contains(anPhuDong);
        // A named prefix beats a bare name elsewhere in the address.
        assertThat(gazetteer.locate("Đường Tân Phú, Phường Sài Gòn").map(Geocoder.Place::adminUnitCode)).contains(SAI_GON);
        assertThat(gazetteer.locate("Somewhere else")).isEmpty();
        assertThat(gazetteer.locate("Phường Không Có")).isEmpty();
        assertThat(gazetteer.locate("  ")).isEmpty();
    }

    @Test
    void theHttpGeocoderTakesAnAnswerInsideTheCityAndAsksOnlyThere() {
        answer.set(nominatim(10.7725, 106.6980, "Chợ Bến Thành, Phường Bến Thành"));
        Optional<Geocoder.Place> place = http(Duration.ofSeconds(2)).locate("Chợ Bến Thành");
        assertThat(place).isPresent();
        assertThat(place.get().source()).isEqualTo("geocoder");
        assertThat(place.get().lat()).isEqualTo(10.7725);
        assertThat(place.get().lon()).isEqualTo(106.6980);
        assertThat(place.get().adminUnitCode()).isEqualTo(map.unitAt(10.7725, 106.6980).orElseThrow().code());
        assertThat(queries).hasSize(1);
        assertThat(queries.getFirst()).contains("q=Chợ Bến Thành", "format=jsonv2", "bounded=1", "viewbox=",
                "countrycodes=vn");
    }

    @Test
    void theHttpGeocoderFallsBackToTheGazetteerWhenItsAnswerIsOutsideOrItFails() {
        HttpGeocoder geocoder = http(Duration.ofMillis(500));
        // Hanoi is not in the city: ignored, the ward name in the address places it.
        answer.set(nominatim(21.0285, 105.8542, "Hà Nội"));
        assertThat(geocoder.locate("Lê Lợi, Phường Sài Gòn")).map(Geocoder.Place::source).contains("gazetteer");
        answer.set("[]");
        assertThat(geocoder.locate("Lê Lợi, Phường Sài Gòn")).map(Geocoder.Place::adminUnitCode).contains(SAI_GON);
        status.set(500);
        answer.set("{\"error\":\"down\"}");
        assertThat(geocoder.locate("Phường Sài Gòn")).map(Geocoder.Place::source).contains("gazetteer");
        status.set(200);
        answer.set("<html>not json</html>");
        assertThat(geocoder.locate("Phường Sài Gòn")).map(Geocoder.Place::source).contains("gazetteer");
        answer.set("[{\"lat\":\"abc\",\"lon\":null}]");
        assertThat(geocoder.locate("Phường Sài Gòn")).map(Geocoder.Place::source).contains("gazetteer");
        // A slow service is given up after the timeout.
        answer.set(nominatim(10.7725, 106.6980, "Chợ Bến Thành"));
        delayMillis.set(3000);
        long started = System.nanoTime();
        assertThat(geocoder.locate("Phường Sài Gòn")).map(Geocoder.Place::source).contains("gazetteer");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        assertThat(geocoder.locate("Somewhere else")).isEmpty();
    }

    @Test
    void open311PlacesAnAddressStringAndNamesItInItsError() {
        Response key = api.as("admin").post("/api/v1/api-keys", Map.of("name", "Ứng dụng phản ánh theo địa chỉ",
                "scopes", List.of("open311.submit")));
        String secret = key.json().get("secret").asString();
        String form = "api_key=" + secret + "&service_code=giao-thong&description=O+ga+lon"
                + "&address_string=" + java.net.URLEncoder.encode("45 Lê Thánh Tôn, P.Sai Gon, TP HCM", StandardCharsets.UTF_8);
        Response made = api.raw("POST", "/open311/v2/requests.json", "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String id = made.json().get(0).get("service_request_id").asString();
        JsonNode r = api.get("/open311/v2/requests/" + id + ".json").json().get(0);
        assertThat(r.get("lat").asDouble()).isEqualTo(map.unit(SAI_GON).orElseThrow().labelLat().doubleValue());
        assertThat(r.get("address").asString()).isEqualTo("45 Lê Thánh Tôn, P.Sai Gon, TP HCM");

        Response unknown = api.raw("POST", "/open311/v2/requests.xml", "application/x-www-form-urlencoded",
                form.replace("address_string=", "address_string=Xa+Khong+Co&x=").getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("<code>400</code>", "<description>address_string: ");
    }

    @Test
    void aReportMayGiveAnAddressInsteadOfAPin() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("categoryCode", "giao-thong");
        body.put("title", "Ổ gà lớn giữa đường");
        body.put("description", "Ổ gà sâu trước số 12");
        body.put("address", "12 Lê Lợi, P. Sai Gon");
        JsonNode report = created(api.post("/api/v1/feedback/reports", body)).get("report");
        assertThat(report.get("adminUnitCode").asString()).isEqualTo(SAI_GON);
        assertThat(map.unit(SAI_GON).orElseThrow().labelLat().doubleValue()).isEqualTo(report.get("lat").asDouble());

        // A unit chosen by the reporter is kept.
        body.put("adminUnitCode", "26590");
        assertThat(created(api.post("/api/v1/feedback/reports", body)).get("report").get("adminUnitCode").asString())
                .isEqualTo("26590");
        body.remove("adminUnitCode");

        long before = jdbc.sql("SELECT count(*) FROM feedback_report").query(Long.class).single();
        body.put("address", "Somewhere else");
        Response unknown = api.post("/api/v1/feedback/reports", body);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("address");
        body.remove("address");
        Response nowhere = api.post("/api/v1/feedback/reports", body);
        assertThat(nowhere.status()).isEqualTo(400);
        assertThat(nowhere.json().get("errors").get(0).get("field").asString()).isEqualTo("lat");
        assertThat(jdbc.sql("SELECT count(*) FROM feedback_report").query(Long.class).single()).isEqualTo(before);
    }
}
