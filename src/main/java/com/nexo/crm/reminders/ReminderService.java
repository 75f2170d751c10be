package com.nexo.crm.reminders;

import com.nexo.base.notifications.Notice;
import com.nexo.base.notifications.NotificationService;
import com.nexo.crm.activities.About;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends the due reminders of the current tenant's activities (system work, see {@link ReminderTicker}):
 * marks each reminded and notifies its assignee, in the app and by e-mail if the assignee wants. Marking
 * is one {@code UPDATE ... WHERE reminded_at IS NULL RETURNING}: a second node sending the same reminder
 * at the same moment waits for the first's row lock, then finds it reminded and skips it, so each
 * reminder goes out exactly once.
 */
@Service
public class ReminderService {

    /** The notification's kind. */
    public static final String KIND = "crm.reminder";

    private static final String TAKE = """
            UPDATE crm_activity SET reminded_at = now()
             WHERE id = ANY (:ids) AND reminded_at IS NULL AND NOT done AND remind_at <= now()
            RETURNING id, assignee_id, subject, lead_id, opportunity_id, account_id
            """;

    private final JdbcClient jdbc;
    private final NotificationService notifications;

    ReminderService(JdbcClient jdbc, NotificationService notifications) {
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    private record Due(UUID id, UUID assignee, String subject, About about) {}

    /** Sends the reminders of these activities that are still due; returns how many were sent. */
    @Transactional
    @RolesAllowed(Roles.SYSTEM)
    public int send(Collection<UUID> activityIds) {
        if (activityIds.isEmpty()) {
            return 0;
        }
        List<Due> due = jdbc.sql(TAKE)
                .param("ids", activityIds.toArray(UUID[]::new))
                .query((row, i) -> {
                    UUID lead = row.getObject("lead_id", UUID.class);
                    UUID opportunity = row.getObject("opportunity_id", UUID.class);
                    About about = lead != null
                            ? About.lead(lead)
                            : opportunity != null
                                    ? About.opportunity(opportunity)
                                    : About.account(row.getObject("account_id", UUID.class));
                    return new Due(
                            row.getObject("id", UUID.class),
                            row.getObject("assignee_id", UUID.class),
                            row.getString("subject"),
                            about);
                })
                .list();
        String titleKey = "crm.reminders.notice";
        int sent = 0;
        for (Due reminder : due) {
            if (reminder.assignee() == null) {
                continue; // nobody to remind: marked all the same, so it is not looked at again
            }
            notifications.notifyUser(Notice.translated(
                    reminder.assignee(), KIND, reminder.about().route(), titleKey, reminder.subject()));
            sent++;
        }
        return sent;
    }
}
