package vn.citygov.feedback;

import java.time.Instant;
import java.util.List;

/**
 * A report as the officials who handle it see it, with contact details, the whole history, and the actions
 * the caller may take now. Send {@code version} back with an action (optimistic locking).
 */
public record Report(long id, String code, String categoryCode, String categoryName, String title,
        String description, double lat, double lon, String address, String adminUnitCode,
        String handlingPointCode, String handlingPointName, String agencyCode, String state, String channel,
        boolean isPublic, boolean hidden, String hiddenReason, String mergedIntoCode, String contactName,
        String contactEmail, String contactPhone, Instant submittedAt, Instant dueAt, Instant answeredAt,
        Instant closedAt, String answer, boolean overdue, boolean reopened, Integer rating, int version,
        List<ReportPhoto> photos, List<TimelineEntry> history, List<String> actions, List<AttributeAnswer> attributes) {
}
