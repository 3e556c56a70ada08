package vn.citygov.feedback;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A report passed its deadline without an answer; the agency's coordinators are told. */
public record ReportOverdue(long reportId, String code, String categoryCode, String agencyCode, String adminUnitCode,
        Instant occurredAt, Instant dueAt, String handlingPointCode) implements FeedbackEvent {

    @Override
    public String action() {
        return "overdue";
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("dueAt", dueAt);
        facts.put("handlingPointCode", handlingPointCode);
        return facts;
    }
}
