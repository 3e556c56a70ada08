package vn.citygov.feedback;

import java.util.Map;

/**
 * A report as the citizen sends it. The location is a point (lat, lon) inside the city; the admin unit is
 * found from it unless given. Contact details are optional (anonymous reports are allowed) and are never
 * shown publicly. {@code mediaUrl} optionally links to a photo kept elsewhere (Open311 media_url). Without a
 * point, the address is looked up (ward or commune names, or the configured geocoder). {@code attributes} answer
 * the category's extra fields by code: text, a number, or a list of keys for a multivaluelist.
 */
public record NewReport(String categoryCode, String title, String description, Double lat, Double lon,
        String address, String adminUnitCode, String contactName, String contactEmail, String contactPhone, String mediaUrl,
        Map<String, Object> attributes) {

    public NewReport(String categoryCode, String title, String description, Double lat, Double lon, String address,
            String adminUnitCode, String contactName, String contactEmail, String contactPhone, String mediaUrl) {
        this(categoryCode, title, description, lat, lon, address, adminUnitCode, contactName, contactEmail,
                contactPhone, mediaUrl, null);
    }
}
