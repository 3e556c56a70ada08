package vn.citygov.feedback;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An open report is still overdue some working days after its deadline and has climbed the escalation ladder
 * to {@code level} (3: the city's coordinators and those of the agency's parent are told).
 */
public record ReportEscalated(long reportId, String code, String categoryCode, String agencyCode, String adminUnitCode,
        Instant occurredAt, Instant dueAt, String handlingPointCode, int level) implements FeedbackEvent {

    @Override
    public String action() {
        return "escalated";
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("dueAt", dueAt);
        facts.put("handlingPointCode", handlingPointCode);
        facts.put("level", level);
        return facts;
    }
}
