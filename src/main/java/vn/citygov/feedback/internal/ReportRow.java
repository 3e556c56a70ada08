package vn.citygov.feedback.internal;

import java.time.Instant;
import java.util.UUID;

/** A row of feedback_report. */
public record ReportRow(long id, String code, UUID token, String categoryCode, String title, String description,
        double lat, double lon, String address, String adminUnitCode, String handlingPointCode, String agencyCode,
        String state, String channel, Long reporterId, String contactName, String contactEmail, String contactPhone,
        boolean isPublic, boolean hidden, String hiddenReason, Long mergedInto, Instant submittedAt, Instant dueAt,
        Instant answeredAt, Instant closedAt, String answer, boolean overdue, boolean reopened, Integer rating,
        Instant ratedAt, int version) {

    public boolean open() {
        return switch (state) {
            case "received", "assigned", "in_progress", "declined" -> true;
            default -> false;
        };
    }
}
