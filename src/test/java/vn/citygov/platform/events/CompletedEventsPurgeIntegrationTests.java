package vn.citygov.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.citygov.support.IntegrationTest;

/** Delivered publications older than the retention go; recent ones and undelivered ones stay. */
@IntegrationTest
class CompletedEventsPurgeIntegrationTests {

    @Autowired
    CompletedEventsPurge purge;

    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyPublicationsDeliveredBeforeTheRetentionAreRemoved() {
        UUID oldDelivered = publication("now() - interval '30 days'", "now() - interval '30 days'");
        UUID recentDelivered = publication("now() - interval '1 day'", "now() - interval '1 day'");
        UUID oldUndelivered = publication("now() - interval '30 days'", "NULL");

        purge.purge();

        List<UUID> left = jdbc.sql("SELECT id FROM event_publication WHERE id IN (:ids)")
                .param("ids", List.of(oldDelivered, recentDelivered, oldUndelivered)).query(UUID.class).list();
        assertThat(left).containsExactlyInAnyOrder(recentDelivered, oldUndelivered);
    }

    private UUID publication(String publishedAt, String completedAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
                    completion_date, status)
                VALUES (:id, 'test.listener', 'test.Event', :body, %s, %s, %s)
                """.formatted(publishedAt, completedAt, "NULL".equals(completedAt) ? "'PUBLISHED'" : "'COMPLETED'"))
                .param("id", id).param("body", "{\"n\":\"" + id + "\"}").update();
        return id;
    }
}
