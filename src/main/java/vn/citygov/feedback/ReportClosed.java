package vn.citygov.feedback;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A report was closed after its answer. */
public record ReportClosed(long reportId, String code, String categoryCode, String agencyCode, String adminUnitCode,
        Instant occurredAt, Instant dueAt, boolean onTime) implements FeedbackEvent {

    @Override
    public String action() {
        return "closed";
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("dueAt", dueAt);
        facts.put("onTime", onTime);
        return facts;
    }
}
