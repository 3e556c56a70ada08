package vn.citygov.feedback;

import java.time.Instant;

/** One line of the officials' inbox, the public list or the map. */
public record ReportSummary(String code, String categoryCode, String title, double lat, double lon,
        String adminUnitCode, String handlingPointCode, String state, Instant submittedAt, Instant dueAt,
        boolean overdue) {
}
