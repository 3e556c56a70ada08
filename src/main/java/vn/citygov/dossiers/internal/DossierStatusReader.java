package vn.citygov.dossiers.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import vn.citygov.dossiers.DossierEvent;
import vn.citygov.platform.database.AfterCommit;

/**
 * The public status lookup's read side. Anyone may call it without signing in, far more often than dossiers
 * change, so the few columns it needs are cached per code on this node and dropped as soon as a change to
 * that dossier commits here; other nodes of a cluster see a change within the cache expiry. Runs without a
 * transaction: one statement, nothing to keep consistent.
 */
@Component
public class DossierStatusReader {

    private static final String FIND = """
            SELECT d.procedure_code, d.agency_code, d.state, d.received_at, d.due_at, d.paused_at, d.finished_at,
                   d.updated_at, s.name, s.name_en
              FROM dossiers_dossier d
              LEFT JOIN dossiers_step s ON s.dossier_id = d.id AND s.position = d.step_position
             WHERE d.code = :code
            """;

    /** The status columns of one dossier; {@code overdue} is worked out at read time, as the clock moves. */
    public record StatusRow(String code, String procedureCode, String agencyCode, String state, Instant receivedAt,
            Instant dueAt, Instant pausedAt, Instant finishedAt, Instant updatedAt, String stepName,
            String stepNameEn) {
    }

    private final JdbcClient jdbc;
    // Sized for the dossiers people are following at a time (a row is ~300 bytes); a minute at most stale on
    // other nodes of a cluster.
    private final Cache<String, StatusRow> cache;

    DossierStatusReader(JdbcClient jdbc, @Value("${citygov.dossiers.status-cache-size:200000}") long size) {
        this.jdbc = jdbc;
        this.cache = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(Duration.ofMinutes(1)).build();
    }

    public Optional<StatusRow> find(String code) {
        StatusRow cached = cache.getIfPresent(code);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<StatusRow> row = jdbc.sql(FIND).param("code", code)
                .query((rs, n) -> new StatusRow(code, rs.getString(1), rs.getString(2), rs.getString(3),
                        instant(rs, 4), instant(rs, 5), instant(rs, 6), instant(rs, 7), instant(rs, 8), rs.getString(9),
                        rs.getString(10)))
                .optional();
        // Unknown codes are not cached: a later acceptance may issue exactly that code.
        row.ifPresent(r -> cache.put(code, r));
        return row;
    }

    /**
     * Forgets the dossier's status once its change commits. A plain listener registering the eviction itself:
     * a transactional event listener would also cost an event-registry lookup per event.
     */
    @EventListener
    void on(DossierEvent event) {
        String code = event.code();
        if (code == null) {
            return;
        }
        AfterCommit.run(() -> cache.invalidate(code));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
