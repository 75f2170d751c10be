package com.nexo.base.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.nexo.crm.CrmActivityFixtures;
import com.nexo.testing.NexoSpringTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@NexoSpringTest
class NotificationServiceTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("nexo.test.smtp-port", 2525), "127.0.0.1", "smtp"));

    @Autowired
    private ApplicationContext context;

    @Autowired
    private NotificationService notifications;

    @Autowired
    private JdbcClient jdbc;

    private CrmActivityFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new CrmActivityFixtures(context);
    }

    @Test
    void a_user_reads_counts_and_marks_read_only_its_own_notifications() {
        String ana = fx.user("Nora", Set.of("crm.read"));
        String ben = fx.user("Olga", Set.of("crm.read"));
        UUID anaId = fx.userId(ana);
        UUID benId = fx.userId(ben);

        UUID forAna = fx.as(
                ben,
                () -> notifications.notifyUser(
                        Notice.translated(anaId, "test.kind", "crm/activities", "crm.reminders.notice", "Llamar")));
        UUID forBen = fx.as(ana, () -> notifications.notifyUser(Notice.plain(benId, "test.kind", null, "Hola Olga")));

        fx.run(ana, () -> {
            assertThat(notifications.unreadCount()).isEqualTo(1);
            NotificationRow row = notifications.latest(10).getFirst();
            assertThat(row.id()).isEqualTo(forAna);
            assertThat(notifications.title(row, java.util.Locale.of("es"))).isEqualTo("Recordatorio: Llamar");
            assertThat(row.link()).isEqualTo("crm/activities");
            assertThat(notifications.markRead(forBen))
                    .as("another user's notification")
                    .isFalse();
            assertThat(notifications.markRead(forAna)).isTrue();
            assertThat(notifications.unreadCount()).isZero();
        });
        fx.run(ben, () -> {
            assertThat(notifications.latest(10)).extracting(NotificationRow::id).containsExactly(forBen);
            assertThat(notifications.markAllRead()).isEqualTo(1);
        });
        // Row-level security, not only the service: the other user's row is neither seen nor updated.
        fx.inTransaction(ben, () -> {
            assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE id = :id")
                            .param("id", forAna)
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql("UPDATE notification SET read_at = NULL WHERE id = :id")
                            .param("id", forAna)
                            .update())
                    .isZero();
            return null;
        });
    }

    @Test
    void another_tenant_neither_sees_nor_writes_the_notifications_of_this_one() {
        String ana = fx.user("Pilar", Set.of("crm.read"));
        UUID anaId = fx.userId(ana);
        UUID id = fx.as(ana, () -> notifications.notifyUser(Notice.plain(anaId, "test.kind", null, "Privado")));

        fx.inTransaction(CrmActivityFixtures.OTHER_TENANT_ADMIN, () -> {
            assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE id = :id")
                            .param("id", id)
                            .query(Long.class)
                            .single())
                    .isZero();
            return null;
        });
        // Notifying a user of another tenant fails: the user is no user of the caller's tenant.
        assertThatThrownBy(() -> fx.as(
                        CrmActivityFixtures.OTHER_TENANT_ADMIN,
                        () -> notifications.notifyUser(Notice.plain(anaId, "test.kind", null, "Intruso"))))
                .isInstanceOf(DataAccessException.class);
        assertThat(fx.as(ana, () -> notifications.unreadCount())).isEqualTo(1);
    }

    @Test
    void a_user_who_wants_notifications_by_e_mail_gets_them_by_e_mail_too() throws Exception {
        String ana = fx.user("Quima", Set.of("crm.read"));
        UUID anaId = fx.userId(ana);
        fx.run(ana, () -> {
            assertThat(notifications.emailWanted()).isFalse();
            notifications.setEmailWanted(true);
            assertThat(notifications.emailWanted()).isTrue();
        });

        fx.as(
                ana,
                () -> notifications.notifyUser(
                        Notice.translated(anaId, "test.kind", "crm/activities", "crm.reminders.notice", "Visitar")));

        assertThat(SMTP.waitForIncomingEmail(Duration.ofSeconds(10).toMillis(), 1))
                .isTrue();
        MimeMessage mail = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equalsIgnoreCase(ana);
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .findFirst()
                .orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("[NEXO] Recordatorio: Visitar");
        assertThat(String.valueOf(mail.getContent())).contains("crm/activities");
    }

    @Test
    void only_logged_in_employees_read_notifications() {
        assertThatThrownBy(() -> notifications.unreadCount())
                .isInstanceOfAny(
                        AccessDeniedException.class,
                        org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> fx.as("cliente@demo.nexo", () -> notifications.latest(5)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
