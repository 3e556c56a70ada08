package vn.citygov.platform.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/** Keys seen on creating POSTs and the first answer given to each, kept for a day. */
@Repository
class IdempotencyStore {

    private static final String CLAIM = """
            INSERT INTO platform_idempotency (principal, idempotency_key, method_path, request_hash)
            VALUES (:principal, :key, :methodPath, :requestHash)
            ON CONFLICT DO NOTHING
            """;
    private static final String FIND = """
            SELECT request_hash, status, content_type, body, location FROM platform_idempotency
            WHERE principal = :principal AND idempotency_key = :key
            """;
    private static final String COMPLETE = """
            UPDATE platform_idempotency SET status = :status, content_type = :contentType, body = :body,
                location = :location
            WHERE principal = :principal AND idempotency_key = :key
            """;
    private static final String RELEASE = """
            DELETE FROM platform_idempotency WHERE principal = :principal AND idempotency_key = :key AND status IS NULL
            """;
    private static final String PURGE = "DELETE FROM platform_idempotency WHERE created_at < :before";

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean claim(String principal, String key, String methodPath, String requestHash) {
        return jdbc.sql(CLAIM).param("principal", principal).param("key", key).param("methodPath", methodPath)
                .param("requestHash", requestHash).update() == 1;
    }

    Optional<StoredResponse> find(String principal, String key) {
        return jdbc.sql(FIND).param("principal", principal).param("key", key)
                .query((rs, n) -> new StoredResponse(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
                        rs.getBytes(4), rs.getString(5)))
                .optional();
    }

    void complete(String principal, String key, int status, String contentType, byte[] body, String location) {
        jdbc.sql(COMPLETE).param("principal", principal).param("key", key).param("status", status)
                .param("contentType", contentType).param("body", body).param("location", location).update();
    }

    void release(String principal, String key) {
        jdbc.sql(RELEASE).param("principal", principal).param("key", key).update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void purge() {
        jdbc.sql(PURGE).param("before", clock.instant().minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC)).update();
    }

    record StoredResponse(String requestHash, Integer status, String contentType, byte[] body, String location) {
    }
}
