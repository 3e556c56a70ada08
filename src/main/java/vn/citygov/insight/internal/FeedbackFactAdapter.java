package vn.citygov.insight.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.citygov.feedback.FeedbackEvent;
import vn.citygov.feedback.ReportAnswered;
import vn.citygov.feedback.ReportClosed;
import vn.citygov.feedback.ReportHidden;
import vn.citygov.feedback.ReportMerged;
import vn.citygov.feedback.ReportOverdue;
import vn.citygov.feedback.ReportRated;
import vn.citygov.feedback.ReportReopened;
import vn.citygov.feedback.ReportSubmitted;
import vn.citygov.insight.InsightFact;

/**
 * Turns feedback (Cổng 1022) report events into facts, logged in the report's own transaction like
 * {@link DossierFactAdapter}. Report events carry no id of their own, so the fact's id is derived from the
 * report, the action and its time: a redelivered event maps to the same id and counts once.
 */
@Component
class FeedbackFactAdapter {

    static final String SOURCE = "feedback";

    private final FactIngestion ingestion;

    FeedbackFactAdapter(FactIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @EventListener
    void on(FeedbackEvent event) {
        InsightFact fact = fact(event);
        if (fact != null) {
            ingestion.record(fact);
        }
    }

    /** The fact of a report event, or null when it changes no measure and no open item. */
    static InsightFact fact(FeedbackEvent event) {
        Map<String, Long> m = new LinkedHashMap<>();
        InsightFact.OpenState open = null;
        String key = String.valueOf(event.reportId());
        switch (event) {
            case ReportSubmitted e -> {
                m.put("report.received", 1L);
                open = new InsightFact.OpenState(key, false, e.dueAt());
            }
            case ReportAnswered e -> {
                m.put("report.answered", 1L);
                if (e.onTime()) {
                    m.put("report.answered_on_time", 1L);
                }
                m.put("report.handling_minutes", e.handlingMinutes());
                open = new InsightFact.OpenState(key, true, null);
            }
            case ReportClosed e -> m.put("report.closed", 1L);
            case ReportRated e -> {
                m.put("report.rated", 1L);
                m.put("report.rating_sum", (long) e.score());
                if (e.score() >= 4) {
                    m.put("report.rated_satisfied", 1L);
                }
            }
            case ReportReopened e -> {
                m.put("report.reopened", 1L);
                open = new InsightFact.OpenState(key, false, e.dueAt());
            }
            case ReportOverdue e -> m.put("report.overdue", 1L);
            case ReportMerged e -> open = new InsightFact.OpenState(key, true, null);
            case ReportHidden e -> open = new InsightFact.OpenState(key, true, null);
            default -> {
                // assigned, declined, started, due soon: steps inside the handling, not measured
            }
        }
        if (m.isEmpty() && open == null) {
            return null;
        }
        return new InsightFact(eventId(event), SOURCE, "report." + event.action(), agency(event),
                event.adminUnitCode() == null ? "" : event.adminUnitCode(), event.occurredAt(), event.code(),
                Map.copyOf(m), open);
    }

    /** The handling point's agency; before routing, the People's Committee of the report's ward answers for it. */
    private static String agency(FeedbackEvent event) {
        if (event.agencyCode() != null) {
            return event.agencyCode();
        }
        return event.adminUnitCode() == null ? "city" : "ubnd-" + event.adminUnitCode();
    }

    private static UUID eventId(FeedbackEvent event) {
        String name = "feedback:" + event.reportId() + ":" + event.action() + ":" + event.occurredAt();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
