package vn.citygov.feedback;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An unsatisfied rating within 7 days of the answer reopened the report (once) with a new deadline. */
public record ReportReopened(long reportId, String code, String categoryCode, String agencyCode, String adminUnitCode,
        Instant occurredAt, Instant dueAt, int score) implements FeedbackEvent {

    @Override
    public String action() {
        return "reopened";
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("dueAt", dueAt);
        facts.put("score", score);
        return facts;
    }
}
