package vn.citygov.feedback;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A report went to a handling point: routed on submission, assigned or re-routed by a coordinator, or transferred by the previous point (fromHandlingPointCode and reason set). */
public record ReportAssigned(long reportId, String code, String categoryCode, String agencyCode, String adminUnitCode,
        Instant occurredAt, String handlingPointCode, String fromHandlingPointCode, String reason, Instant dueAt) implements FeedbackEvent {

    @Override
    public String action() {
        return "assigned";
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("handlingPointCode", handlingPointCode);
        facts.put("fromHandlingPointCode", fromHandlingPointCode);
        facts.put("reason", reason);
        facts.put("dueAt", dueAt);
        return facts;
    }
}
