package vn.citygov.feedback;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A handling point declined a report as not its own; it goes back to the coordinators. */
public record ReportDeclined(long reportId, String code, String categoryCode, String agencyCode, String adminUnitCode,
        Instant occurredAt, String handlingPointCode, String reason) implements FeedbackEvent {

    @Override
    public String action() {
        return "declined";
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("handlingPointCode", handlingPointCode);
        facts.put("reason", reason);
        return facts;
    }
}
