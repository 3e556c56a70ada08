package vn.citygov.feedback;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The reporter rated the answer (1 to 5); scores of 1 or 2 are unsatisfied. */
public record ReportRated(long reportId, String code, String categoryCode, String agencyCode, String adminUnitCode,
        Instant occurredAt, int score, boolean satisfied) implements FeedbackEvent {

    @Override
    public String action() {
        return "rated";
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("score", score);
        facts.put("satisfied", satisfied);
        return facts;
    }
}
