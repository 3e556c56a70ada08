package vn.citygov.feedback.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the escalation ladder past the overdue flag (feedback_escalation). */
@Repository
public class EscalationRepository {

    /** Open overdue reports whose deadline is before {@code before} and not yet escalated for it, oldest first. */
    private static final String CANDIDATES = """
            SELECT r.id FROM feedback_report r
             WHERE r.state IN ('received', 'assigned', 'in_progress', 'declined') AND r.overdue AND r.due_at < :before
               AND NOT EXISTS (SELECT 1 FROM feedback_escalation e
                                WHERE e.report_id = r.id AND e.level = :level AND e.due_at = r.due_at)
             ORDER BY r.due_at, r.id LIMIT :limit
            """;
    private static final String RECORD = """
            INSERT INTO feedback_escalation (report_id, level, due_at, at) VALUES (:report, :level, :dueAt, :at)
            ON CONFLICT DO NOTHING
            """;
    private static final String ESCALATED = """
            SELECT r.code FROM feedback_escalation e JOIN feedback_report r ON r.id = e.report_id AND r.due_at = e.due_at
             WHERE e.level = :level AND r.code IN (:codes)
            """;

    private final JdbcClient jdbc;

    EscalationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Long> candidates(int level, Instant before, int limit) {
        return jdbc.sql(CANDIDATES).param("level", level).param("before", ts(before)).param("limit", limit)
                .query(Long.class).list();
    }

    /** True for the one caller (job run or instance) that records the level for this deadline first. */
    public boolean record(long report, int level, Instant dueAt, Instant at) {
        return jdbc.sql(RECORD).param("report", report).param("level", level).param("dueAt", ts(dueAt))
                .param("at", ts(at)).update() == 1;
    }

    /** Which of the reports have reached {@code level} for their current deadline. */
    public Set<String> escalated(int level, Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        return new TreeSet<>(jdbc.sql(ESCALATED).param("level", level).param("codes", codes).query(String.class).list());
    }

    private static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
