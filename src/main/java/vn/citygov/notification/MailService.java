package vn.citygov.notification;

import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;

/** Sends e-mail and keeps a copy of each message with its delivery state. */
@Service
public class MailService {

    private static final Logger log = LoggerFactory.getLogger(MailService.class);

    private static final String INSERT = """
            INSERT INTO notification_mail (recipient, subject, body, status)
            VALUES (:recipient, :subject, :body, :status)
            """;
    private static final String COUNT = "SELECT count(*) FROM notification_mail";
    private static final String PAGE = """
            SELECT id, recipient, subject, body, status, created_at FROM notification_mail
            ORDER BY id DESC LIMIT :limit OFFSET :offset
            """;

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    MailService(JdbcClient jdbc, ObjectProvider<JavaMailSender> sender, @Value("${citygov.mail.from}") String from,
            @Value("${spring.mail.host:}") String host) {
        this.jdbc = jdbc;
        // Without an SMTP host (CITYGOV_SMTP_HOST unset) mail is kept for administrators, not tried on localhost.
        this.sender = host.isBlank() ? null : sender;
        this.from = from;
    }

    public void send(Mail mail) {
        JavaMailSender smtp = sender == null ? null : sender.getIfAvailable();
        String status = "kept";
        if (smtp != null) {
            try {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(mail.to());
                message.setSubject(mail.subject());
                message.setText(mail.body());
                smtp.send(message);
                status = "sent";
            } catch (MailException ex) {
                // The message stays in the table, so nothing is lost when the SMTP server is down.
                log.warn("Could not send mail to {}: {}", mail.to(), ex.getMessage());
                status = "failed";
            }
        }
        jdbc.sql(INSERT).param("recipient", mail.to()).param("subject", mail.subject())
                .param("body", mail.body()).param("status", status).update();
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
