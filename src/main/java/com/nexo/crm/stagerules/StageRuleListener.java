package com.nexo.crm.stagerules;

import com.nexo.base.Ids;
import com.nexo.base.notifications.Notice;
import com.nexo.base.notifications.NotificationService;
import com.nexo.crm.opportunities.OpportunityStageChanged;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the stage rules when an opportunity enters a stage, inside the transaction that moved it (a
 * failing rule undoes the move): an activity for the opportunity's owner, due at 09:00 (business time
 * zone) so many days later, and/or a notification to the owner. The move itself was checked by the
 * opportunities' service; the rules are the tenant's automation, so they need no permission of the
 * user who moved the card beyond that.
 */
@Component
class StageRuleListener {

    /** The notification's kind. */
    static final String KIND = "crm.stage-rule";

    private static final String RULES = """
            SELECT r.id, r.pipeline_id, p.name AS pipeline_name, r.stage_id, s.name AS stage_name, r.activity_kind,
                   r.activity_subject, r.due_in_days, r.notify_owner, r.active, r.version
              FROM crm_stage_rule r
              JOIN crm_stage s ON s.tenant_id = r.tenant_id AND s.id = r.stage_id
              JOIN crm_pipeline p ON p.tenant_id = r.tenant_id AND p.id = r.pipeline_id
             WHERE r.stage_id = :stage AND r.active
             ORDER BY r.created_at, r.id
            """;

    private final JdbcClient jdbc;
    private final NotificationService notifications;
    private final Clock clock;

    StageRuleListener(JdbcClient jdbc, NotificationService notifications, Clock clock) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void stageChanged(OpportunityStageChanged event) {
        List<StageRule> rules = jdbc.sql(RULES)
                .param("stage", event.toStageId())
                .query(StageRuleService.ROW)
                .list();
        if (rules.isEmpty()) {
            return;
        }
        UUID owner = event.ownerId();
        String title = jdbc.sql("SELECT title FROM crm_opportunity WHERE id = :id")
                .param("id", event.opportunityId())
                .query(String.class)
                .optional()
                .orElse("");
        String link = "crm/opportunities/" + event.opportunityId();
        String titleKey = "crm.stagerules.notice";
        for (StageRule rule : rules) {
            if (rule.kind() != null) {
                LocalDate day = LocalDate.now(clock).plusDays(rule.dueInDays());
                jdbc.sql("""
                                INSERT INTO crm_activity (id, kind, subject, opportunity_id, account_id, due_at, assignee_id)
                                SELECT :id, :kind, :subject, o.id, o.account_id, :due, :assignee
                                  FROM crm_opportunity o WHERE o.id = :opportunity
                                """)
                        .param("id", Ids.newId())
                        .param("kind", rule.kind().name())
                        .param("subject", rule.subject())
                        .param("opportunity", event.opportunityId())
                        .param(
                                "due",
                                day.atTime(LocalTime.of(9, 0))
                                        .atZone(clock.getZone())
                                        .toInstant()
                                        .atOffset(ZoneOffset.UTC))
                        .param("assignee", owner)
                        .update();
            }
            if (rule.notifyOwner() && owner != null) {
                notifications.notifyUser(Notice.translated(owner, KIND, link, titleKey, title, rule.stageName()));
            }
        }
    }
}
