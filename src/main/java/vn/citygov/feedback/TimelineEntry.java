package vn.citygov.feedback;

import java.time.Instant;

/**
 * One step of a report's history. The public timeline leaves out who acted and internal comments; officials
 * see both.
 */
public record TimelineEntry(Instant at, String action, String fromState, String toState, String actor,
        String comment) {
}
