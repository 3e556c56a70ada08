package vn.citygov.feedback;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An open report's deadline is near (within citygov.feedback.due-soon, 4 working hours by default); its handling point is reminded. */
public record ReportDueSoon(long reportId, String code, String categoryCode, String agencyCode, String adminUnitCode,
        Instant occurredAt, Instant dueAt, String handlingPointCode) implements FeedbackEvent {

    @Override
    public String action() {
        return "due-soon";
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("dueAt", dueAt);
        facts.put("handlingPointCode", handlingPointCode);
        return facts;
    }
}
