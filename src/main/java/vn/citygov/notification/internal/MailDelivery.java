package vn.citygov.notification.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the pending messages of the mail outbox. Each batch is first leased (its next attempt moved a few minutes
 * on, in a statement of its own), then sent without holding a transaction, then marked sent; a node that dies
 * mid-batch leaves its messages to be tried again when the lease runs out, so a message may in rare cases be sent
 * twice but is never lost. A failed attempt is retried after 1, 4, 9… minutes, up to {@value #MAX_ATTEMPTS}
 * attempts. Nodes share the work ({@code SKIP LOCKED}).
 */
@Component
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    static final int MAX_ATTEMPTS = 6;
    private static final int BATCH = 50;

    private static final String LEASE = """
            UPDATE notification_mail SET attempts = attempts + 1, next_attempt_at = now() + interval '5 minutes'
            WHERE id IN (SELECT id FROM notification_mail
                         WHERE status = 'pending' AND next_attempt_at <= now()
                         ORDER BY next_attempt_at, id LIMIT :batch FOR UPDATE SKIP LOCKED)
            RETURNING id, recipient, subject, body, attempts
            """;
    private static final String SENT = """
            UPDATE notification_mail SET status = 'sent', sent_at = now(), next_attempt_at = NULL, last_error = NULL
            WHERE id = :id
            """;
    private static final String FAILED = """
            UPDATE notification_mail
               SET status = CASE WHEN attempts >= :max THEN 'failed' ELSE 'pending' END,
                   next_attempt_at = CASE WHEN attempts >= :max THEN NULL ELSE now() + make_interval(mins => :delay) END,
                   last_error = :error
             WHERE id = :id
            """;

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> sender;
    private final String from;
    private final AtomicBoolean queued = new AtomicBoolean();

    MailDelivery(JdbcClient jdbc, ObjectProvider<JavaMailSender> sender, @Value("${citygov.mail.from}") String from,
            @Value("${spring.mail.host:}") String host) {
        this.jdbc = jdbc;
        // Without an SMTP host nothing is pending: mail is only kept (see MailService).
        this.sender = host.isBlank() ? null : sender;
        this.from = from;
    }

    record Pending(long id, String recipient, String subject, String body, int attempts) {
    }

    /** A message was committed: deliver now rather than at the next round (one run queued at a time). */
    public void soon() {
        if (queued.compareAndSet(false, true)) {
            Thread.ofVirtual().name("mail-delivery").start(() -> {
                queued.set(false);
                deliver();
            });
        }
    }

    /** Also picks up retries and what other nodes or a restart left behind. */
    @Scheduled(fixedDelayString = "${citygov.mail.delivery-interval:PT10S}", initialDelayString = "PT5S")
    void deliverRegularly() {
        deliver();
    }

    synchronized void deliver() {
        JavaMailSender smtp = sender == null ? null : sender.getIfAvailable();
        if (smtp == null) {
            return;
        }
        List<Pending> batch;
        do {
            batch = jdbc.sql(LEASE).param("batch", BATCH).query(Pending.class).list();
            for (Pending mail : batch) {
                send(smtp, mail);
            }
        } while (batch.size() == BATCH);
    }

    private void send(JavaMailSender smtp, Pending mail) {
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(mail.recipient());
            message.setSubject(mail.subject());
            message.setText(mail.body());
            smtp.send(message);
            jdbc.sql(SENT).param("id", mail.id()).update();
        } catch (MailException ex) {
            // The message stays in the outbox and is tried again later; after the last attempt it is marked failed.
            log.warn("Could not send mail {} to {} (attempt {}): {}", mail.id(), mail.recipient(), mail.attempts(),
                    ex.getMessage());
            long delay = Duration.ofMinutes((long) mail.attempts() * mail.attempts()).toMinutes();
            String error = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            jdbc.sql(FAILED).param("max", MAX_ATTEMPTS).param("delay", (int) delay)
                    .param("error", error.length() > 500 ? error.substring(0, 500) : error).param("id", mail.id())
                    .update();
        }
    }
}
