package com.nexo.crm.stagerules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.base.notifications.NotificationRow;
import com.nexo.base.notifications.NotificationService;
import com.nexo.crm.CrmActivityFixtures;
import com.nexo.crm.activities.About;
import com.nexo.crm.activities.ActivityKind;
import com.nexo.crm.activities.ActivityRow;
import com.nexo.crm.activities.ActivityService;
import com.nexo.crm.opportunities.OpportunityService;
import com.nexo.crm.opportunities.OpportunityStageChanged;
import com.nexo.testing.NexoSpringTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;

@NexoSpringTest
class StageRuleTest {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private StageRuleService rules;

    @Autowired
    private ApplicationEventPublisher events;

    @Autowired
    private ActivityService activities;

    @Autowired
    private NotificationService notifications;

    @Autowired
    private OpportunityService opportunities;

    private CrmActivityFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new CrmActivityFixtures(context);
    }

    @Test
    void entering_a_stage_creates_the_rules_activity_for_the_owner_and_notifies_the_owner() {
        String owner = fx.salesperson("Teo");
        UUID ownerId = fx.userId(owner);
        UUID account = fx.account("Cuenta reglas");
        UUID[] pipeline = fx.pipeline();
        UUID opportunity = fx.opportunity("Reforma", account, pipeline, ownerId);
        StageRuleForm form = new StageRuleForm();
        form.setStageId(pipeline[2]);
        form.setKind(ActivityKind.CALL);
        form.setSubject("Llamar para cerrar la propuesta");
        form.setDueInDays(3);
        form.setNotifyOwner(true);
        UUID rule = fx.as(CrmActivityFixtures.ADMIN, () -> rules.save(form));
        assertThat(fx.as(CrmActivityFixtures.ADMIN, () -> rules.list()))
                .filteredOn(r -> r.id().equals(rule))
                .singleElement()
                .satisfies(r -> assertThat(r.stageName()).isEqualTo("Propuesta"));

        // The board moves the card and publishes the event inside its transaction; so does the test.
        UUID admin = fx.userId(CrmActivityFixtures.ADMIN);
        fx.inTransaction(CrmActivityFixtures.ADMIN, () -> {
            events.publishEvent(new OpportunityStageChanged(
                    null, opportunity, pipeline[0], pipeline[1], pipeline[2], ownerId, admin));
            return null;
        });

        List<ActivityRow> created = fx.as(
                owner,
                () -> activities
                        .forRecord(About.opportunity(opportunity), null, 10)
                        .rows());
        assertThat(created).singleElement().satisfies(activity -> {
            assertThat(activity.subject()).isEqualTo("Llamar para cerrar la propuesta");
            assertThat(activity.kind()).isEqualTo(ActivityKind.CALL);
            assertThat(activity.assigneeId()).isEqualTo(ownerId);
            assertThat(activity.dueAt().atZone(ZoneId.of("Europe/Madrid")).toLocalDate())
                    .isEqualTo(LocalDate.now(ZoneId.of("Europe/Madrid")).plusDays(3));
        });
        assertThat(fx.as(
                        owner,
                        () -> activities
                                .forRecord(About.account(account), null, 10)
                                .rows()))
                .as("on the account's timeline too")
                .hasSize(1);
        List<NotificationRow> told = fx.as(owner, () -> notifications.latest(10));
        assertThat(told).singleElement().satisfies(notice -> {
            assertThat(notice.kind()).isEqualTo(StageRuleListener.KIND);
            assertThat(notice.link()).isEqualTo("crm/opportunities/" + opportunity);
            assertThat(notice.titleArgs().get(1)).isEqualTo("Propuesta");
        });

        // Entering another stage, or an inactive rule, does nothing.
        form.setId(rule);
        form.setVersion(0);
        form.setActive(false);
        fx.as(CrmActivityFixtures.ADMIN, () -> rules.save(form));
        fx.inTransaction(CrmActivityFixtures.ADMIN, () -> {
            events.publishEvent(new OpportunityStageChanged(
                    null, opportunity, pipeline[0], pipeline[1], pipeline[2], ownerId, admin));
            return null;
        });
        assertThat(fx.as(
                        owner,
                        () -> activities
                                .forRecord(About.opportunity(opportunity), null, 10)
                                .rows()))
                .hasSize(1);
    }

    @Test
    void moving_a_card_with_the_opportunity_service_applies_the_rule_and_a_refused_move_leaves_nothing() {
        String owner = fx.salesperson("Vera");
        UUID ownerId = fx.userId(owner);
        UUID account = fx.account("Cuenta movida");
        UUID[] pipeline = fx.pipeline();
        UUID opportunity = fx.opportunity("Ampliación", account, pipeline, ownerId);
        StageRuleForm form = new StageRuleForm();
        form.setStageId(pipeline[2]);
        form.setKind(ActivityKind.TASK);
        form.setSubject("Preparar la demostración");
        form.setDueInDays(1);
        form.setNotifyOwner(false);
        fx.as(CrmActivityFixtures.ADMIN, () -> rules.save(form));
        long version = fx.as(
                CrmActivityFixtures.ADMIN,
                () -> opportunities.find(opportunity).orElseThrow().version());

        // A move of an older version is refused: its transaction, the rule's activity included, is undone.
        assertThatThrownBy(() -> fx.as(
                        CrmActivityFixtures.ADMIN,
                        () -> opportunities.moveToStage(opportunity, pipeline[2], version + 1)))
                .isInstanceOf(RuntimeException.class);
        assertThat(fx.as(
                        owner,
                        () -> activities
                                .forRecord(About.opportunity(opportunity), null, 10)
                                .rows()))
                .isEmpty();

        fx.as(CrmActivityFixtures.ADMIN, () -> opportunities.moveToStage(opportunity, pipeline[2], version));

        assertThat(fx.as(
                        owner,
                        () -> activities
                                .forRecord(About.opportunity(opportunity), null, 10)
                                .rows()))
                .singleElement()
                .satisfies(activity -> {
                    assertThat(activity.subject()).isEqualTo("Preparar la demostración");
                    assertThat(activity.kind()).isEqualTo(ActivityKind.TASK);
                    assertThat(activity.assigneeId()).isEqualTo(ownerId);
                });
    }

    @Test
    void a_rule_that_does_nothing_is_refused_and_only_crm_settings_may_edit_rules() {
        UUID[] pipeline = fx.pipeline();
        StageRuleForm form = new StageRuleForm();
        form.setStageId(pipeline[1]);
        form.setCreateActivity(false);
        form.setNotifyOwner(false);
        assertThatThrownBy(() -> fx.as(CrmActivityFixtures.ADMIN, () -> rules.save(form)))
                .isInstanceOfSatisfying(
                        StageRuleService.StageRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("crm.stagerules.validation.nothing-to-do"));

        String seller = fx.salesperson("Ursula");
        form.setNotifyOwner(true);
        assertThatThrownBy(() -> fx.as(seller, () -> rules.save(form))).isInstanceOf(AccessDeniedException.class);
        String settings = fx.user("Vera", Set.of("crm.read", "crm.settings"));
        assertThat(fx.as(settings, () -> rules.save(form))).isNotNull();
        // Another tenant sees none of this tenant's rules.
        assertThat(fx.as(CrmActivityFixtures.OTHER_TENANT_ADMIN, () -> rules.list()))
                .noneMatch(rule -> rule.stageId().equals(pipeline[1]));
    }
}
