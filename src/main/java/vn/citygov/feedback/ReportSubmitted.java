package vn.citygov.feedback;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A report was received; its deadline runs from now. */
public record ReportSubmitted(long reportId, String code, String categoryCode, String agencyCode, String adminUnitCode,
        Instant occurredAt, Instant dueAt, String channel) implements FeedbackEvent {

    @Override
    public String action() {
        return "submitted";
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("dueAt", dueAt);
        facts.put("channel", channel);
        return facts;
    }
}
