package vn.citygov.feedback;

import java.util.Optional;

/**
 * Finds where an address is, for reports sent with an address instead of a map pin. The built-in gazetteer knows
 * the city's wards, communes and special zone by name; a Nominatim-compatible search service can be configured in
 * front of it (citygov.feedback.geocoder.url). Empty when the address cannot be placed inside the city.
 */
public interface Geocoder {

    Optional<Place> locate(String address);

    /**
     * A place found: a point inside the city, its admin unit and which lookup found it (gazetteer or geocoder).
     * The gazetteer answers with a point inside the named unit (its label point, the centroid where that lies
     * inside the unit).
     */
    record Place(double lat, double lon, String adminUnitCode, String source) {
    }
}
