package com.nexo.base.notifications;

import com.nexo.base.Ids;
import com.nexo.base.mail.MailOutbox;
import com.nexo.base.mail.OutgoingMail;
import com.nexo.base.mail.PublicLinks;
import com.vaadin.flow.i18n.I18NProvider;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * In-app notifications: any module tells a user of the tenant something (a reminder, an opportunity that
 * reached a stage), the user sees it under the bell in the header until it reads it. A user who chose
 * to also gets it by e-mail, sent once the notifying transaction has committed, on a thread of its own
 * (nobody waits for the mail server; a mail that cannot be sent is logged, the notification stays).
 *
 * <p>Reading and marking are the current user's own notifications only (row-level security). Notifying
 * is open to staff and system work: the notifying module has checked its own permission for what it
 * does. Role names are the actor types' (base knows no security module).
 */
@Service
public class NotificationService {

    /** The actor types that reach the service: employees, and background work for a tenant. */
    static final String EMPLOYEE = "EMPLOYEE";

    static final String SYSTEM = "SYSTEM";

    /** The most notifications the bell lists. */
    public static final int MAX_LATEST = 50;

    private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

    private static final String INSERT = """
            INSERT INTO notification (id, user_id, kind, title_key, title_args, title_text, link)
            VALUES (:id, :user, :kind, :key, CAST(:args AS text[]), :text, :link)
            """;

    private static final String LATEST = """
            SELECT id, kind, title_key, title_args, title_text, link, created_at, read_at
              FROM notification
             WHERE user_id = nexo_user_id()
             ORDER BY created_at DESC, id DESC
             LIMIT :limit
            """;

    private static final RowMapper<NotificationRow> ROW = (row, i) -> new NotificationRow(
            row.getObject("id", UUID.class),
            row.getString("kind"),
            row.getString("title_key"),
            texts(row.getArray("title_args")),
            row.getString("title_text"),
            row.getString("link"),
            row.getTimestamp("created_at").toInstant(),
            instant(row.getTimestamp("read_at")));

    private final JdbcClient jdbc;
    private final NotificationAddresses addresses;
    private final MailOutbox outbox;
    private final PublicLinks links;
    private final I18NProvider translations;
    private final NotificationSignals signals;
    private final ExecutorService mailer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "notification-mails");
        thread.setDaemon(true);
        return thread;
    });

    NotificationService(
            JdbcClient jdbc,
            NotificationAddresses addresses,
            MailOutbox outbox,
            PublicLinks links,
            I18NProvider translations,
            NotificationSignals signals) {
        this.jdbc = jdbc;
        this.addresses = addresses;
        this.outbox = outbox;
        this.links = links;
        this.translations = translations;
        this.signals = signals;
    }

    /**
     * Tells {@code notice.userId()}: stores the notification in the caller's transaction and, when the
     * user wants notifications by e-mail, mails it after that transaction commits. Returns its id.
     */
    @Transactional
    @RolesAllowed({EMPLOYEE, SYSTEM})
    public UUID notifyUser(Notice notice) {
        UUID id = Ids.newId();
        jdbc.sql(INSERT)
                .param("id", id)
                .param("user", notice.userId())
                .param("kind", notice.kind())
                .param("key", notice.titleKey())
                .param("args", notice.titleArgs().toArray(String[]::new))
                .param("text", notice.titleText())
                .param("link", notice.link())
                .update();
        Boolean byEmail = jdbc.sql("SELECT nexo_notification_by_email(:user)")
                .param("user", notice.userId())
                .query(Boolean.class)
                .single();
        OutgoingMail mail = Boolean.TRUE.equals(byEmail)
                ? addresses
                        .addressOf(notice.userId())
                        .map(address -> mail(notice, address))
                        .orElse(null)
                : null;
        // On a thread of its own: an open bell refreshes as its own user, not as this transaction's actor.
        afterCommit(() -> mailer.execute(() -> {
            signals.signal(notice.userId());
            if (mail != null) {
                send(mail);
            }
        }));
        return id;
    }

    /** How many of the current user's notifications are unread. */
    @Transactional(readOnly = true)
    @RolesAllowed(EMPLOYEE)
    public long unreadCount() {
        return jdbc.sql("SELECT count(*) FROM notification WHERE user_id = nexo_user_id() AND read_at IS NULL")
                .query(Long.class)
                .single();
    }

    /** The current user's latest notifications, newest first (at most {@link #MAX_LATEST}). */
    @Transactional(readOnly = true)
    @RolesAllowed(EMPLOYEE)
    public List<NotificationRow> latest(int limit) {
        return jdbc.sql(LATEST)
                .param("limit", Math.max(1, Math.min(limit, MAX_LATEST)))
                .query(ROW)
                .list();
    }

    /** Marks one of the current user's notifications read; false when it is no notification of theirs. */
    @Transactional
    @RolesAllowed(EMPLOYEE)
    public boolean markRead(UUID id) {
        return jdbc.sql("UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = :id")
                        .param("id", id)
                        .update()
                > 0;
    }

    /** Marks all the current user's notifications read; returns how many were unread. */
    @Transactional
    @RolesAllowed(EMPLOYEE)
    public int markAllRead() {
        return jdbc.sql("UPDATE notification SET read_at = now() WHERE user_id = nexo_user_id() AND read_at IS NULL")
                .update();
    }

    /** Whether the current user gets its notifications by e-mail too. */
    @Transactional(readOnly = true)
    @RolesAllowed(EMPLOYEE)
    public boolean emailWanted() {
        return jdbc.sql("SELECT by_email FROM notification_setting WHERE user_id = nexo_user_id()")
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Sets whether the current user gets its notifications by e-mail too. */
    @Transactional
    @RolesAllowed(EMPLOYEE)
    public void setEmailWanted(boolean wanted) {
        jdbc.sql("""
                        INSERT INTO notification_setting (by_email) VALUES (:wanted)
                        ON CONFLICT (tenant_id, user_id) DO UPDATE SET by_email = EXCLUDED.by_email, updated_at = now()
                        """).param("wanted", wanted).update();
    }

    /** The title of a notification in {@code locale}. */
    @RolesAllowed(EMPLOYEE)
    public String title(NotificationRow row, Locale locale) {
        return title(row.titleKey(), row.titleArgs(), row.titleText(), locale);
    }

    private String title(String key, List<String> args, String text, Locale locale) {
        return key == null ? text : translations.getTranslation(key, locale, args.toArray());
    }

    OutgoingMail mail(Notice notice, NotificationAddresses.MailAddress address) {
        Locale locale = address.locale() == null ? Locale.of("es") : address.locale();
        String title = title(notice.titleKey(), notice.titleArgs(), notice.titleText(), locale);
        String subject = translations.getTranslation("notifications.mail.subject", locale, title);
        String body = notice.link() == null
                ? translations.getTranslation("notifications.mail.body", locale, title)
                : translations.getTranslation("notifications.mail.body-link", locale, title, links.to(notice.link()));
        return new OutgoingMail(List.of(address.email()), List.of(), null, subject, body, List.of());
    }

    private static void afterCommit(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                work.run();
            }
        });
    }

    private void send(OutgoingMail mail) {
        try {
            outbox.send(mail);
        } catch (RuntimeException e) {
            LOG.warn("Notification mail to {} not sent: {}", mail.to(), e.getMessage());
        }
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
