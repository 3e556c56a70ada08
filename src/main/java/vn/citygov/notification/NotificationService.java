package vn.citygov.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.platform.api.PageQuery;
import vn.citygov.platform.api.PageResult;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;

/**
 * In-app messages for signed-in users, each also sent by e-mail. Templates are message-bundle keys
 * {@code notification.<template>.title} and {@code .body}; messages are stored rendered.
 */
@Service
public class NotificationService {

    private static final String INSERT = """
            INSERT INTO notification_message (recipient_id, title, body, link)
            VALUES (:recipient, :title, :body, :link)
            """;
    private static final String COUNT = "SELECT count(*) FROM notification_message WHERE recipient_id = :recipient";
    private static final String PAGE = """
            SELECT id, title, body, link, created_at, read_at FROM notification_message
            WHERE recipient_id = :recipient
            ORDER BY (read_at IS NULL) DESC, id DESC LIMIT :limit OFFSET :offset
            """;
    private static final String UNREAD = """
            SELECT count(*) FROM notification_message WHERE recipient_id = :recipient AND read_at IS NULL
            """;
    private static final String MARK_READ = """
            UPDATE notification_message SET read_at = coalesce(read_at, now())
            WHERE id = :id AND recipient_id = :recipient
            """;
    private static final String MARK_ALL_READ = """
            UPDATE notification_message SET read_at = now() WHERE recipient_id = :recipient AND read_at IS NULL
            """;

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final MailService mail;
    private final String baseUrl;

    NotificationService(JdbcClient jdbc, MessageSource messages, MailService mail,
            @Value("${citygov.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.mail = mail;
        this.baseUrl = baseUrl;
    }

    /**
     * Keeps an in-app message for the user and e-mails it when an address is given.
     *
     * @param link a path inside CityGov (e.g. {@code /dossiers/12}), or null
     */
    @Transactional
    public void notify(long userId, String email, String templateKey, Object[] args, Locale locale, String link) {
        String title = messages.getMessage("notification." + templateKey + ".title", args, locale);
        String body = messages.getMessage("notification." + templateKey + ".body", args, locale);
        jdbc.sql(INSERT).param("recipient", userId).param("title", title).param("body", body).param("link", link)
                .update();
        if (email != null && !email.isBlank()) {
            String text = link == null ? body : body + "\n\n" + baseUrl + link;
            mail.send(new Mail(email, "CityGov: " + title, text));
        }
    }

    /** The current user's messages, unread first. */
    public PageResult<Message> mine(PageQuery query) {
        long me = me().id();
        long total = jdbc.sql(COUNT).param("recipient", me).query(Long.class).single();
        List<Message> items = jdbc.sql(PAGE).param("recipient", me).param("limit", query.size())
                .param("offset", query.offset()).query(Message.class).list();
        return PageResult.of(items, total, query);
    }

    /** Someone else's message is not found, so ids reveal nothing. */
    @Transactional
    public void markRead(long id) {
        if (jdbc.sql(MARK_READ).param("id", id).param("recipient", me().id()).update() == 0) {
            throw new NotFoundException("notification", id);
        }
    }

    @Transactional
    public void markAllRead() {
        jdbc.sql(MARK_ALL_READ).param("recipient", me().id()).update();
    }

    public long unreadCount(long userId) {
        return jdbc.sql(UNREAD).param("recipient", userId).query(Long.class).single();
    }

    private static CityGovUser me() {
        return CurrentUser.get().orElseThrow(vn.citygov.platform.error.ForbiddenException::new);
    }

    /** One in-app message as its recipient sees it. */
    public record Message(long id, String title, String body, String link, OffsetDateTime createdAt,
            OffsetDateTime readAt) {
    }
}
