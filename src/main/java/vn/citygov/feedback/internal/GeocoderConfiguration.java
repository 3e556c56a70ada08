package vn.citygov.feedback.internal;

import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import vn.citygov.feedback.Geocoder;

/**
 * The geocoder reports use: the gazetteer alone, or — when citygov.feedback.geocoder.url (CITYGOV_GEOCODER_URL)
 * names a Nominatim-compatible search endpoint — that service first, with the gazetteer behind it.
 */
@Configuration
class GeocoderConfiguration {

    @Bean
    @Primary
    Geocoder geocoder(Gazetteer gazetteer, CityMap map, @Value("${citygov.feedback.geocoder.url:}") String url,
            @Value("${citygov.feedback.geocoder.timeout:PT2S}") Duration timeout,
            @Value("${citygov.base-url}") String baseUrl) {
        if (url == null || url.isBlank()) {
            return gazetteer;
        }
        URI endpoint = URI.create(url.strip());
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
            throw new IllegalStateException("citygov.feedback.geocoder.url must be an http(s) URL: " + url);
        }
        return new HttpGeocoder(endpoint, timeout, map, gazetteer, "CityGov feedback (" + baseUrl + ")");
    }
}
