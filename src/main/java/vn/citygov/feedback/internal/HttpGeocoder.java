package vn.citygov.feedback.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.citygov.feedback.Geocoder;

/**
 * A Nominatim-compatible search service ({@code GET <url>?q=…&format=jsonv2}: a JSON array of places with
 * {@code lat} and {@code lon}), asked only for places inside the city's bounds. The first answer inside the city
 * is taken; anything else — no answer inside, an error, a slow service — falls back to the gazetteer, so a report
 * is never refused because the service is down.
 */
public class HttpGeocoder implements Geocoder {

    private static final Logger log = LoggerFactory.getLogger(HttpGeocoder.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_QUERY = 300;

    private final URI endpoint;
    private final Duration timeout;
    private final CityMap map;
    private final Geocoder fallback;
    private final String userAgent;
    private final HttpClient client;

    public HttpGeocoder(URI endpoint, Duration timeout, CityMap map, Geocoder fallback, String userAgent) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.map = map;
        this.fallback = fallback;
        this.userAgent = userAgent;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public Optional<Place> locate(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        try {
            Optional<Place> found = search(address.strip());
            if (found.isPresent()) {
                return found;
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Geocoder {} failed ({}); using the gazetteer", endpoint.getHost(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return fallback.locate(address);
    }

    private Optional<Place> search(String address) throws IOException, InterruptedException {
        String q = address.length() > MAX_QUERY ? address.substring(0, MAX_QUERY) : address;
        double[] b = map.bounds();
        // viewbox is left,top,right,bottom; bounded=1 keeps answers inside it.
        String query = "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&format=jsonv2&limit=5&countrycodes=vn"
                + "&bounded=1&viewbox=" + String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", b[0], b[3], b[2], b[1]);
        String base = endpoint.toString();
        URI uri = URI.create(base + (base.contains("?") ? "&" : "?") + query);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .header("Accept-Language", "vi,en").header("User-Agent", userAgent).GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            log.warn("Geocoder {} answered {}; using the gazetteer", endpoint.getHost(), response.statusCode());
            return Optional.empty();
        }
        JsonNode places = JSON.readTree(response.body());
        if (places == null || !places.isArray()) {
            return Optional.empty();
        }
        for (JsonNode p : places) {
            Double lat = number(p.get("lat"));
            Double lon = number(p.get("lon"));
            if (lat != null && lon != null && map.inside(lat, lon)) {
                String unit = map.unitAt(lat, lon).map(u -> u.code()).orElse(null);
                if (unit != null) {
                    return Optional.of(new Place(lat, lon, unit, "geocoder"));
                }
            }
        }
        return Optional.empty();
    }

    /** Nominatim writes coordinates as strings; other services as numbers. */
    private static Double number(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        try {
            double d = n.isNumber() ? n.asDouble() : Double.parseDouble(n.asString().strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
