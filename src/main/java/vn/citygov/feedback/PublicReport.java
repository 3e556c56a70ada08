package vn.citygov.feedback;

import java.time.Instant;
import java.util.List;

/**
 * A report as anyone may see it: no reporter, no contact details; the answers to its category's attributes only
 * while the report is public. A hidden report shows only that it was
 * hidden by moderation; a merged one names the report it was merged into.
 */
public record PublicReport(String code, String categoryCode, String categoryName, String title, String description,
        double lat, double lon, String adminUnitCode, String adminUnitName, String handlingPointName, String state,
        boolean hidden, String mergedIntoCode, Instant submittedAt, Instant dueAt, Instant answeredAt, String answer,
        Integer rating, boolean overdue, List<ReportPhoto> photos, List<TimelineEntry> timeline,
        List<AttributeAnswer> attributes) {
}
