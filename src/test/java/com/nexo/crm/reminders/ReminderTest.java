package com.nexo.crm.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.notifications.NotificationRow;
import com.nexo.base.notifications.NotificationService;
import com.nexo.crm.CrmActivityFixtures;
import com.nexo.crm.activities.About;
import com.nexo.crm.activities.ActivityForm;
import com.nexo.crm.activities.ActivityKind;
import com.nexo.crm.activities.ActivityService;
import com.nexo.testing.NexoSpringTest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@NexoSpringTest
class ReminderTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Autowired
    private ApplicationContext context;

    @Autowired
    private ActivityService activities;

    @Autowired
    private ReminderTicker ticker;

    @Autowired
    private NotificationService notifications;

    @Autowired
    private JdbcClient jdbc;

    private CrmActivityFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new CrmActivityFixtures(context);
    }

    /** An activity of {@code email}'s due in {@code dueInMinutes}, reminded 15 minutes before. */
    private UUID activity(String email, UUID account, String subject, long dueInMinutes) {
        UUID me = fx.userId(email);
        LocalDateTime due = LocalDateTime.now(MADRID).plusMinutes(dueInMinutes).truncatedTo(ChronoUnit.MINUTES);
        ActivityForm form = new ActivityForm();
        form.setAbout(About.account(account));
        form.setKind(ActivityKind.CALL);
        form.setSubject(subject);
        form.setAssigneeId(me);
        form.setDueDate(due.toLocalDate());
        form.setDueTime(due.toLocalTime());
        form.setZone(MADRID);
        form.setRemindMinutesBefore(15);
        return fx.as(email, () -> activities.create(form));
    }

    @Test
    void a_due_reminder_notifies_the_assignee_exactly_once_even_when_two_nodes_run_at_once() throws Exception {
        String seller = fx.salesperson("Rosa");
        UUID account = fx.account("Cuenta recordatorios");
        UUID due = activity(seller, account, "Llamada recordada", 5);
        UUID later = activity(seller, account, "Llamada futura", 120);
        UUID done = activity(seller, account, "Llamada hecha", 5);
        fx.run(seller, () -> activities.markDone(done));

        // Two "nodes" run the schedule at the same moment.
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> run = ticker::sendDue;
            List<Future<Integer>> runs = nodes.invokeAll(List.of(run, run));
            for (Future<Integer> result : runs) {
                result.get();
            }
        } finally {
            nodes.shutdown();
        }
        ticker.sendDue();

        List<NotificationRow> rows = fx.as(seller, () -> notifications.latest(10));
        assertThat(rows)
                .as("one notification, for the due reminder only")
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.kind()).isEqualTo(ReminderService.KIND);
                    assertThat(row.titleArgs()).containsExactly("Llamada recordada");
                    assertThat(row.link()).isEqualTo("accounts/" + account);
                });
        fx.inTransaction(CrmActivityFixtures.ADMIN, () -> {
            assertThat(remindedAt(due)).isPresent();
            assertThat(remindedAt(later)).isEmpty();
            assertThat(remindedAt(done)).isEmpty();
            return null;
        });
    }

    private java.util.Optional<Object> remindedAt(UUID id) {
        return jdbc.sql("SELECT reminded_at FROM crm_activity WHERE id = :id")
                .param("id", id)
                .query((row, i) -> java.util.Optional.ofNullable(row.getObject(1)))
                .single();
    }

    @Test
    void a_changed_reminder_time_is_sent_again() {
        String seller = fx.salesperson("Sara");
        UUID account = fx.account("Cuenta recordatorio cambiado");
        UUID id = activity(seller, account, "Reunión", 5);
        ticker.sendDue();
        ActivityForm form = fx.as(seller, () -> activities.getForm(id, MADRID));
        form.setRemindMinutesBefore(60);
        fx.as(seller, () -> activities.update(form));

        ticker.sendDue();

        assertThat(fx.as(seller, () -> notifications.latest(10))).hasSize(2);
    }
}
