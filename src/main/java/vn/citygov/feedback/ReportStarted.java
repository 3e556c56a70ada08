package vn.citygov.feedback;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The handling point started work on a report. */
public record ReportStarted(long reportId, String code, String categoryCode, String agencyCode, String adminUnitCode,
        Instant occurredAt, Instant dueAt) implements FeedbackEvent {

    @Override
    public String action() {
        return "started";
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("dueAt", dueAt);
        return facts;
    }
}
