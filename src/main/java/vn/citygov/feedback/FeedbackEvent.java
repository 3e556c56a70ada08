package vn.citygov.feedback;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.citygov.platform.audit.AuditedChange;

/**
 * A past-tense fact about a report, published in the transaction that made it and recorded in the audit
 * trail. Carries the facts the service-quality index needs (category, agency, unit, times) and never
 * personal data: the reporter and contact details stay in the report.
 */
public sealed interface FeedbackEvent extends AuditedChange permits ReportSubmitted, ReportAssigned, ReportDeclined,
        ReportStarted, ReportAnswered, ReportClosed, ReportRated, ReportReopened, ReportMerged, ReportHidden,
        ReportOverdue, ReportDueSoon, ReportEscalated {

    long reportId();

    String code();

    String categoryCode();

    /** The agency of the handling point at the time, or null while nobody is assigned. */
    @Override
    String agencyCode();

    String adminUnitCode();

    Instant occurredAt();

    @Override
    default String objectType() {
        return "feedback-report";
    }

    @Override
    default String objectId() {
        return code();
    }

    /** What is special to this event, added to the common facts. */
    default Map<String, Object> facts() {
        return Map.of();
    }

    @Override
    default Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("code", code());
        changes.put("categoryCode", categoryCode());
        if (adminUnitCode() != null) {
            changes.put("adminUnitCode", adminUnitCode());
        }
        facts().forEach((k, v) -> {
            if (v != null) {
                changes.put(k, v instanceof Instant i ? i.toString() : v);
            }
        });
        return changes;
    }
}
