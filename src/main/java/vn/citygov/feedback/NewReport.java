package vn.citygov.feedback;

/**
 * A report as the citizen sends it. The location is a point (lat, lon) inside the city; the admin unit is
 * found from it unless given. Contact details are optional (anonymous reports are allowed) and are never
 * shown publicly. {@code mediaUrl} optionally links to a photo kept elsewhere (Open311 media_url).
 */
public record NewReport(String categoryCode, String title, String description, Double lat, Double lon,
        String address, String adminUnitCode, String contactName, String contactEmail, String contactPhone, String mediaUrl) {
}
