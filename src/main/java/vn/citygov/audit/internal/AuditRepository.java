package vn.citygov.audit.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.citygov.audit.AuditEntry;

/** Appends to and reads the audit chain. */
@Repository
class AuditRepository {

    // One writer at a time extends the chain; the lock is released when the transaction ends.
    private static final String LOCK_CHAIN = "SELECT pg_advisory_xact_lock(7710221)";
    private static final String LAST_HASH = "SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1";
    private static final String NEXT_ID = "SELECT nextval(pg_get_serial_sequence('audit_entry', 'id'))";
    private static final String INSERT = """
            INSERT INTO audit_entry (id, occurred_at, actor, actor_ip, request_id, object_type, object_id, action,
                                     agency_code, changes, prev_hash, hash)
            OVERRIDING SYSTEM VALUE
            VALUES (:id, :occurredAt, :actor, :actorIp, :requestId, :objectType, :objectId, :action,
                    :agencyCode, :changes, :prevHash, :hash)
            """;
    private static final String SELECT = """
            SELECT id, occurred_at, actor, actor_ip, request_id, object_type, object_id, action, agency_code,
                   changes, prev_hash, hash
            FROM audit_entry
            """;
    private static final String CHAIN_BATCH = SELECT + " WHERE id > :after ORDER BY id LIMIT :limit";

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void lockChain() {
        jdbc.sql(LOCK_CHAIN).query().singleRow();
    }

    Optional<String> lastHash() {
        return jdbc.sql(LAST_HASH).query(String.class).optional();
    }

    long nextId() {
        return jdbc.sql(NEXT_ID).query(Long.class).single();
    }

    void insert(AuditEntry e) {
        jdbc.sql(INSERT).param("id", e.id()).param("occurredAt", e.occurredAt()).param("actor", e.actor())
                .param("actorIp", e.actorIp()).param("requestId", e.requestId()).param("objectType", e.objectType())
                .param("objectId", e.objectId()).param("action", e.action()).param("agencyCode", e.agencyCode())
                .param("changes", e.changes()).param("prevHash", e.prevHash()).param("hash", e.hash()).update();
    }

    List<AuditEntry> chainAfter(long afterId, int limit) {
        return jdbc.sql(CHAIN_BATCH).param("after", afterId).param("limit", limit).query(AuditEntry.class).list();
    }

    /** Newest first, keyset-paged by id so that deep pages stay fast on a long trail. */
    List<AuditEntry> search(Criteria c, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE true");
        List<Object> args = new ArrayList<>();
        c.appendTo(sql, args);
        if (beforeId != null) {
            sql.append(" AND id < ?");
            args.add(beforeId);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return jdbc.sql(sql.toString()).params(args).query(AuditEntry.class).list();
    }

    long count(Criteria c) {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM audit_entry WHERE true");
        List<Object> args = new ArrayList<>();
        c.appendTo(sql, args);
        return jdbc.sql(sql.toString()).params(args).query(Long.class).single();
    }

    /** Filter conditions as bound parameters; only the column names are fixed text. */
    record Criteria(String actor, String objectType, String objectId, String action, String agencyCode,
            OffsetDateTime from, OffsetDateTime to) {

        void appendTo(StringBuilder sql, List<Object> args) {
            add(sql, args, "actor = ?", actor);
            add(sql, args, "object_type = ?", objectType);
            add(sql, args, "object_id = ?", objectId);
            add(sql, args, "action = ?", action);
            add(sql, args, "agency_code = ?", agencyCode);
            add(sql, args, "occurred_at >= ?", from);
            add(sql, args, "occurred_at < ?", to);
        }

        private static void add(StringBuilder sql, List<Object> args, String condition, Object value) {
            if (value != null && !(value instanceof String s && s.isBlank())) {
                sql.append(" AND ").append(condition);
                args.add(value);
            }
        }
    }
}
