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

    // One sealer at a time extends the chain; the lock is released when its transaction ends.
    private static final String LOCK_CHAIN = "SELECT pg_advisory_xact_lock(7710221)";
    private static final String LAST_SEALED = """
            SELECT seq, hash FROM audit_entry WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1
            """;
    private static final String INSERT = """
            INSERT INTO audit_entry (occurred_at, actor, actor_ip, request_id, object_type, object_id, action,
                                     agency_code, changes)
            VALUES (:occurredAt, :actor, :actorIp, :requestId, :objectType, :objectId, :action, :agencyCode, :changes)
            """;
    private static final String SELECT = """
            SELECT id, occurred_at, actor, actor_ip, request_id, object_type, object_id, action, agency_code,
                   changes, prev_hash, hash, seq
            FROM audit_entry
            """;
    private static final String CHAIN_BATCH = SELECT + " WHERE seq > :after ORDER BY seq LIMIT :limit";
    private static final String UNSEALED = SELECT + " WHERE seq IS NULL ORDER BY id LIMIT :limit";
    private static final String COUNT_UNSEALED = "SELECT count(*) FROM audit_entry WHERE seq IS NULL";
    private static final String SEAL = """
            UPDATE audit_entry SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
              FROM unnest(CAST(:ids AS bigint[]), CAST(:seqs AS bigint[]), CAST(:prevs AS text[]),
                          CAST(:hashes AS text[])) AS v (id, seq, prev_hash, hash)
             WHERE audit_entry.id = v.id AND audit_entry.seq IS NULL
            """;

    /** The chain's end: its last position and hash (0 and the genesis hash when empty). */
    record ChainEnd(long seq, String hash) {
    }

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void lockChain() {
        jdbc.sql(LOCK_CHAIN).query().singleRow();
    }

    Optional<ChainEnd> lastSealed() {
        return jdbc.sql(LAST_SEALED).query(ChainEnd.class).optional();
    }

    void insert(AuditEntry e) {
        jdbc.sql(INSERT).param("occurredAt", e.occurredAt()).param("actor", e.actor())
                .param("actorIp", e.actorIp()).param("requestId", e.requestId()).param("objectType", e.objectType())
                .param("objectId", e.objectId()).param("action", e.action()).param("agencyCode", e.agencyCode())
                .param("changes", e.changes()).update();
    }

    List<AuditEntry> unsealed(int limit) {
        return jdbc.sql(UNSEALED).param("limit", limit).query(AuditEntry.class).list();
    }

    long countUnsealed() {
        return jdbc.sql(COUNT_UNSEALED).query(Long.class).single();
    }

    /** Writes the chain places and hashes of entries that are still unsealed, in one statement. */
    void seal(List<AuditEntry> sealed) {
        jdbc.sql(SEAL).param("ids", sealed.stream().map(AuditEntry::id).toArray(Long[]::new))
                .param("seqs", sealed.stream().map(AuditEntry::seq).toArray(Long[]::new))
                .param("prevs", sealed.stream().map(AuditEntry::prevHash).toArray(String[]::new))
                .param("hashes", sealed.stream().map(AuditEntry::hash).toArray(String[]::new)).update();
    }

    List<AuditEntry> chainAfter(long afterSeq, int limit) {
        return jdbc.sql(CHAIN_BATCH).param("after", afterSeq).param("limit", limit).query(AuditEntry.class).list();
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
