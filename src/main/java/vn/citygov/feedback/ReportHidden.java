package vn.citygov.feedback;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Moderation hid a report from the public; it is kept for the record with the reason. */
public record ReportHidden(long reportId, String code, String categoryCode, String agencyCode, String adminUnitCode,
        Instant occurredAt, String reason) implements FeedbackEvent {

    @Override
    public String action() {
        return "hidden";
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("reason", reason);
        return facts;
    }
}
