package vn.citygov.notification;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.citygov.notification.internal.MailDelivery;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;
import vn.citygov.platform.database.AfterCommit;

/**
 * Sends e-mail through an outbox and keeps a copy of each message with its delivery state. {@link #send} only
 * writes the message, in the caller's transaction: it is sent once that commits ({@link MailDelivery}), so
 * callers may send from inside any transaction and a message is never sent for a change that rolled back.
 */
@Service
public class MailService {

    private static final String INSERT = """
            INSERT INTO notification_mail (recipient, subject, body, status, next_attempt_at)
            VALUES (:recipient, :subject, :body, :status, CASE WHEN :status = 'pending' THEN now() END)
            """;
    private static final String COUNT = "SELECT count(*) FROM notification_mail";
    private static final String PAGE = """
            SELECT id, recipient, subject, body, status, created_at FROM notification_mail
            ORDER BY id DESC LIMIT :limit OFFSET :offset
            """;

    private final JdbcClient jdbc;
    private final MailDelivery delivery;
    private final boolean smtp;

    MailService(JdbcClient jdbc, MailDelivery delivery, @Value("${spring.mail.host:}") String host) {
        this.jdbc = jdbc;
        this.delivery = delivery;
        // Without an SMTP host (CITYGOV_SMTP_HOST unset) mail is kept for administrators, not tried on localhost.
        this.smtp = !host.isBlank();
    }

    public void send(Mail mail) {
        jdbc.sql(INSERT).param("recipient", mail.to()).param("subject", mail.subject()).param("body", mail.body())
                .param("status", smtp ? "pending" : "kept").update();
        if (smtp) {
            AfterCommit.run(delivery::soon);
        }
    }

    public PageResult<KeptMail> kept(PageQuery query) {
        long total = jdbc.sql(COUNT).query(Long.class).single();
        List<KeptMail> items = jdbc.sql(PAGE).param("limit", query.size()).param("offset", query.offset())
                .query(KeptMail.class).list();
        return PageResult.of(items, total, query);
    }

    /** A message as kept, for administrators. */
    public record KeptMail(long id, String recipient, String subject, String body, String status, OffsetDateTime createdAt) {
    }
}
