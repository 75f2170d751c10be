package com.nexo.crm.opportunities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.crm.CrmFixtures;
import com.nexo.crm.CrmFixtures.Pipeline;
import com.nexo.security.NexoUser;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Opportunities through the service as the application role: their life, stale versions, visibility. */
@NexoSpringTest
@RecordApplicationEvents
class OpportunityServiceTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    OpportunityService opportunities;

    @Autowired
    ApplicationEvents events;

    private CrmFixtures fixtures;
    private Pipeline pipeline;
    private UUID account;
    private NexoUser manager;

    @BeforeEach
    void aPipelineAnAccountAndAManagerWhoSeesEverything() {
        fixtures = new CrmFixtures(context);
        pipeline = fixtures.pipeline();
        account = fixtures.account(CrmFixtures.unique("Ferretería"));
        manager = fixtures.employee("Manager", CrmFixtures.ALL);
    }

    @Test
    void a_new_opportunity_takes_its_stage_probability_belongs_to_whoever_saves_it_and_announces_its_stage() {
        UUID id = fixtures.as(
                manager, () -> opportunities.create(CrmFixtures.form(pipeline, 1, account, null, "Reforma", "1200")));

        OpportunitySummary saved =
                fixtures.as(manager, () -> opportunities.find(id)).orElseThrow();
        assertThat(saved.ownerId()).isEqualTo(manager.userId());
        assertThat(saved.status()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(saved.stageId()).isEqualTo(pipeline.stage(1));
        assertThat(details(id).form().probability()).isEqualTo(30);
        assertThat(events.stream(OpportunityStageChanged.class)
                        .filter(e -> e.opportunityId().equals(id)))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.fromStageId()).isNull();
                    assertThat(event.toStageId()).isEqualTo(pipeline.stage(1));
                    assertThat(event.tenantId()).isEqualTo(CrmFixtures.DEMO_TENANT);
                    assertThat(event.movedBy()).isEqualTo(manager.userId());
                });
    }

    @Test
    void moving_winning_losing_and_reopening_follow_the_stages_and_keep_a_history() {
        UUID id = fixtures.opportunity(pipeline, 0, account, manager.userId(), "Tejado", "5000");
        UUID reason = fixtures.lostReason();

        long v1 = fixtures.as(manager, () -> opportunities.moveToStage(id, pipeline.stage(2), 0));
        assertThat(details(id).form().probability()).isEqualTo(60);
        assertThat(events.stream(OpportunityStageChanged.class)
                        .filter(e -> e.opportunityId().equals(id)))
                .extracting(OpportunityStageChanged::toStageId)
                .containsExactly(pipeline.stage(0), pipeline.stage(2));

        long v2 = fixtures.as(manager, () -> opportunities.win(id, v1));
        assertThat(details(id).status()).isEqualTo(OpportunityStatus.WON);
        assertThat(details(id).form().probability()).isEqualTo(100);
        assertThatThrownBy(() -> fixtures.as(manager, () -> opportunities.moveToStage(id, pipeline.stage(3), v2)))
                .isInstanceOfSatisfying(
                        OpportunityRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("crm.opportunity.error.closed"));

        long v3 = fixtures.as(manager, () -> opportunities.reopen(id, v2));
        assertThat(details(id).status()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(details(id).form().probability()).isEqualTo(60);

        assertThatThrownBy(() -> fixtures.as(manager, () -> opportunities.lose(id, null, "caro", v3)))
                .isInstanceOfSatisfying(
                        OpportunityRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("crm.opportunity.error.lost-reason-required"));
        long v4 = fixtures.as(manager, () -> opportunities.lose(id, reason, "Demasiado caro", v3));
        OpportunityDetails lost = details(id);
        assertThat(lost.status()).isEqualTo(OpportunityStatus.LOST);
        assertThat(lost.lostReasonId()).isEqualTo(reason);
        assertThat(lost.lostNote()).isEqualTo("Demasiado caro");
        assertThat(lost.version()).isEqualTo(v4);

        assertThat(fixtures.as(manager, () -> opportunities.history(id, null, 50)))
                .hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void a_change_made_on_a_stale_version_is_refused_with_a_translated_message_and_changes_nothing() {
        UUID id = fixtures.opportunity(pipeline, 0, account, manager.userId(), "Ventanas", "800");
        fixtures.as(manager, () -> opportunities.moveToStage(id, pipeline.stage(1), 0));

        assertThatThrownBy(() -> fixtures.as(manager, () -> opportunities.moveToStage(id, pipeline.stage(3), 0)))
                .isInstanceOfSatisfying(
                        OpportunityRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("crm.opportunity.error.stale"));
        assertThatThrownBy(() -> fixtures.as(
                        manager,
                        () -> opportunities.update(
                                id, CrmFixtures.form(pipeline, 1, account, manager.userId(), "Otro", "1"), 0)))
                .isInstanceOf(OpportunityRuleException.class);
        OpportunityDetails unchanged = details(id);
        assertThat(unchanged.form().stageId()).isEqualTo(pipeline.stage(1));
        assertThat(unchanged.form().title()).isEqualTo("Ventanas");
        assertThat(unchanged.version()).isEqualTo(1);
    }

    @Test
    void editing_saves_the_form_and_a_stage_change_in_the_form_is_a_move() {
        UUID id = fixtures.opportunity(pipeline, 0, account, manager.userId(), "Puertas", "100");
        OpportunityDetails before = details(id);
        OpportunityForm form = new OpportunityForm(
                "Puertas y ventanas",
                pipeline.id(),
                pipeline.stage(3),
                account,
                null,
                new BigDecimal("2500.50"),
                "EUR",
                before.form().probability(),
                before.form().expectedClose().plusDays(10),
                manager.userId(),
                "Dos plantas",
                null);

        long version = fixtures.as(manager, () -> opportunities.update(id, form, before.version()));

        OpportunityDetails after = details(id);
        assertThat(after.version()).isEqualTo(version);
        assertThat(after.form().title()).isEqualTo("Puertas y ventanas");
        assertThat(after.form().amount()).isEqualByComparingTo("2500.50");
        assertThat(after.form().probability()).isEqualTo(90);
        assertThat(after.accountName()).startsWith("Ferretería");
        assertThat(events.stream(OpportunityStageChanged.class)
                        .filter(e -> e.opportunityId().equals(id)))
                .hasSize(2);
    }

    @Test
    void each_salesperson_sees_and_changes_only_what_its_visibility_allows_own_team_or_all() {
        NexoUser ana = fixtures.employee("Ana", CrmFixtures.OWN);
        NexoUser bruno = fixtures.employee("Bruno", CrmFixtures.TEAM);
        NexoUser carla = fixtures.employee("Carla", CrmFixtures.OWN);
        fixtures.team(bruno.userId(), carla.userId());
        UUID anas = fixtures.opportunity(pipeline, 0, account, ana.userId(), "De Ana", "100");
        UUID carlas = fixtures.opportunity(pipeline, 0, account, carla.userId(), "De Carla", "200");
        UUID nobodys = fixtures.opportunity(pipeline, 0, account, null, "De nadie", "300");
        OpportunityFilter filter = OpportunityFilter.pipeline(pipeline.id());

        assertThat(titles(ana, filter)).containsExactlyInAnyOrder("De Ana");
        assertThat(titles(carla, filter)).containsExactlyInAnyOrder("De Carla");
        assertThat(titles(bruno, filter)).containsExactlyInAnyOrder("De Carla", "De nadie");
        assertThat(titles(manager, filter)).containsExactlyInAnyOrder("De Ana", "De Carla", "De nadie");

        assertThat(fixtures.as(ana, () -> opportunities.find(carlas))).isEmpty();
        assertThat(fixtures.as(bruno, () -> opportunities.find(carlas))).isPresent();
        assertThat(fixtures.as(bruno, () -> opportunities.find(anas))).isEmpty();
        assertThatThrownBy(() -> fixtures.as(ana, () -> opportunities.moveToStage(carlas, pipeline.stage(1), 0)))
                .isInstanceOfSatisfying(
                        OpportunityRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("crm.opportunity.error.not-found"));
        assertThat(fixtures.as(bruno, () -> opportunities.moveToStage(nobodys, pipeline.stage(1), 0)))
                .isEqualTo(1);
        assertThatThrownBy(() -> fixtures.as(
                        ana,
                        () -> opportunities.create(
                                CrmFixtures.form(pipeline, 0, account, carla.userId(), "Para Carla", "1"))))
                .isInstanceOfSatisfying(
                        OpportunityRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("crm.opportunity.error.owner-not-visible"));
    }

    @Test
    void the_list_searches_titles_and_account_names_and_filters_by_status() {
        UUID other = fixtures.account(CrmFixtures.unique("Carpintería Olmo"));
        fixtures.opportunity(pipeline, 0, account, manager.userId(), "Cocina", "100");
        UUID olmo = fixtures.opportunity(pipeline, 1, other, manager.userId(), "Armarios", "200");
        fixtures.as(manager, () -> opportunities.win(olmo, 0));

        OpportunityFilter byAccount = new OpportunityFilter(pipeline.id(), null, null, null, null, "Carpintería Olmo");
        assertThat(fixtures.as(manager, () -> opportunities.page(byAccount, null, 50))
                        .rows())
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.title()).isEqualTo("Armarios");
                    assertThat(row.accountName()).startsWith("Carpintería Olmo");
                    assertThat(row.ownerName()).isEqualTo("Manager");
                    assertThat(row.status()).isEqualTo(OpportunityStatus.WON);
                });
        OpportunityFilter byTitle = new OpportunityFilter(pipeline.id(), null, null, null, null, "cocin");
        assertThat(titles(manager, byTitle)).containsExactly("Cocina");
        OpportunityFilter open = OpportunityFilter.pipeline(pipeline.id());
        assertThat(titles(manager, open)).containsExactly("Cocina");
    }

    @Test
    void a_user_without_crm_permissions_can_neither_read_nor_create() {
        NexoUser outsider = fixtures.employee("Sin CRM", Set.of("accounts.read"));
        NexoUser reader = fixtures.employee("Lectora", Set.of("crm.read"));

        assertThatThrownBy(() -> fixtures.as(
                        outsider, () -> opportunities.page(OpportunityFilter.pipeline(pipeline.id()), null, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(
                        reader, () -> opportunities.create(CrmFixtures.form(pipeline, 0, account, null, "No", "1"))))
                .isInstanceOf(AccessDeniedException.class);
    }

    private OpportunityDetails details(UUID id) {
        return fixtures.as(manager, () -> opportunities.details(id)).orElseThrow();
    }

    private List<String> titles(NexoUser user, OpportunityFilter filter) {
        return fixtures.as(user, () -> opportunities.page(filter, null, 100)).rows().stream()
                .map(OpportunityRow::title)
                .toList();
    }
}
