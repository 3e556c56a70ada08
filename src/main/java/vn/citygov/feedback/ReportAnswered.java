package vn.citygov.feedback;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The handling point published its answer; onTime compares the answer with the deadline. */
public record ReportAnswered(long reportId, String code, String categoryCode, String agencyCode, String adminUnitCode,
        Instant occurredAt, Instant dueAt, boolean onTime, long handlingMinutes) implements FeedbackEvent {

    @Override
    public String action() {
        return "answered";
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("dueAt", dueAt);
        facts.put("onTime", onTime);
        facts.put("handlingMinutes", handlingMinutes);
        return facts;
    }
}
