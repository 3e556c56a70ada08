package vn.citygov.feedback;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A duplicate was merged into another report; its followers now follow that one. */
public record ReportMerged(long reportId, String code, String categoryCode, String agencyCode, String adminUnitCode,
        Instant occurredAt, String mergedIntoCode) implements FeedbackEvent {

    @Override
    public String action() {
        return "merged";
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("mergedIntoCode", mergedIntoCode);
        return facts;
    }
}
