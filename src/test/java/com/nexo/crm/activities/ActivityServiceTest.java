package com.nexo.crm.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.base.paging.Page;
import com.nexo.crm.CrmActivityFixtures;
import com.nexo.testing.NexoSpringTest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@NexoSpringTest
class ActivityServiceTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Autowired
    private ApplicationContext context;

    @Autowired
    private ActivityService activities;

    @Autowired
    private JdbcClient jdbc;

    private CrmActivityFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new CrmActivityFixtures(context);
    }

    private ActivityForm form(About about, String subject, UUID assignee, LocalDate day, LocalTime time, ZoneId zone) {
        ActivityForm form = new ActivityForm();
        form.setAbout(about);
        form.setKind(ActivityKind.CALL);
        form.setSubject(subject);
        form.setAssigneeId(assignee);
        form.setDueDate(day);
        form.setDueTime(time);
        form.setZone(zone);
        return form;
    }

    private UUID create(String email, About about, String subject, LocalDate day, LocalTime time, ZoneId zone) {
        UUID me = fx.userId(email);
        return fx.as(email, () -> activities.create(form(about, subject, me, day, time, zone)));
    }

    @Test
    void an_activity_is_created_on_a_lead_an_opportunity_with_its_account_and_an_account() {
        String seller = fx.salesperson("Ana");
        UUID me = fx.userId(seller);
        UUID account = fx.account("Cuenta actividades");
        UUID lead = fx.lead("Lucía", me);
        UUID opportunity = fx.opportunity("Obra", account, fx.pipeline(), me);
        LocalDate tomorrow = LocalDate.now(MADRID).plusDays(1);

        UUID onLead = create(seller, About.lead(lead), "Llamar a Lucía", tomorrow, LocalTime.NOON, MADRID);
        UUID onOpportunity =
                create(seller, About.opportunity(opportunity), "Enviar propuesta", tomorrow, LocalTime.NOON, MADRID);
        UUID onAccount = create(seller, About.account(account), "Visita", tomorrow, LocalTime.NOON, MADRID);

        fx.run(seller, () -> {
            assertThat(activities.forRecord(About.lead(lead), null, 10).rows())
                    .extracting(ActivityRow::id)
                    .containsExactly(onLead);
            ActivityRow row = activities
                    .forRecord(About.opportunity(opportunity), null, 10)
                    .rows()
                    .getFirst();
            assertThat(row.id()).isEqualTo(onOpportunity);
            assertThat(row.aboutName()).startsWith("Obra");
            assertThat(row.dueAt())
                    .isEqualTo(tomorrow.atTime(LocalTime.NOON).atZone(MADRID).toInstant());
            // The account's timeline lists its own activities and those of its opportunities, newest first.
            assertThat(activities.forRecord(About.account(account), null, 10).rows())
                    .extracting(ActivityRow::id)
                    .containsExactly(onAccount, onOpportunity);
        });
        UUID carried = fx.inTransaction(
                CrmActivityFixtures.ADMIN,
                () -> jdbc.sql("SELECT account_id FROM crm_activity WHERE id = :id")
                        .param("id", onOpportunity)
                        .query(UUID.class)
                        .single());
        assertThat(carried)
                .as("an activity on an opportunity carries its account")
                .isEqualTo(account);
    }

    @Test
    void an_edit_of_an_older_version_is_refused_with_the_concurrent_edit_message() {
        String seller = fx.salesperson("Bea");
        UUID account = fx.account("Cuenta versiones");
        UUID id = create(seller, About.account(account), "Primera", LocalDate.now(MADRID), LocalTime.NOON, MADRID);

        ActivityForm mine = fx.as(seller, () -> activities.getForm(id, MADRID));
        ActivityForm theirs = fx.as(seller, () -> activities.getForm(id, MADRID));
        theirs.setSubject("Cambiada por otra persona");
        fx.as(seller, () -> activities.update(theirs));
        mine.setSubject("Mi cambio");

        assertThatThrownBy(() -> fx.as(seller, () -> activities.update(mine)))
                .isInstanceOfSatisfying(
                        ActivityRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("crm.activities.error.changed"));
        assertThat(fx.as(seller, () -> activities.find(id)).orElseThrow().subject())
                .isEqualTo("Cambiada por otra persona");
    }

    @Test
    void an_activity_is_marked_done_and_open_again_and_deleted() {
        String seller = fx.salesperson("Carla");
        UUID account = fx.account("Cuenta hecha");
        LocalDate today = LocalDate.now(MADRID);
        UUID id = create(seller, About.account(account), "Hoy", today, LocalTime.of(23, 0), MADRID);

        fx.run(seller, () -> {
            assertThat(activities.mine(ActivityGroup.TODAY, MADRID, null, 10).rows())
                    .extracting(ActivityRow::id)
                    .containsExactly(id);
            activities.markDone(id);
            assertThat(activities.find(id).orElseThrow().done()).isTrue();
            assertThat(activities.mine(ActivityGroup.TODAY, MADRID, null, 10).rows())
                    .isEmpty();
            activities.markUndone(id);
            assertThat(activities.mine(ActivityGroup.TODAY, MADRID, null, 10).rows())
                    .extracting(ActivityRow::id)
                    .containsExactly(id);
            activities.delete(id);
            assertThat(activities.find(id)).isEmpty();
        });
    }

    @Test
    void my_activities_are_grouped_by_the_day_boundaries_of_the_users_time_zone() {
        String seller = fx.salesperson("Dora");
        UUID account = fx.account("Cuenta días");
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        LocalDate today = LocalDate.now(auckland);
        UUID lastMinuteOfYesterday =
                create(seller, About.account(account), "Ayer", today.minusDays(1), LocalTime.of(23, 59), auckland);
        UUID firstMinuteOfToday =
                create(seller, About.account(account), "Hoy 0:00", today, LocalTime.MIDNIGHT, auckland);
        UUID lastMinuteOfToday =
                create(seller, About.account(account), "Hoy 23:59", today, LocalTime.of(23, 59), auckland);
        UUID firstMinuteOfTomorrow =
                create(seller, About.account(account), "Mañana", today.plusDays(1), LocalTime.MIDNIGHT, auckland);
        UUID sellerId = fx.userId(seller);
        UUID note = fx.as(seller, () -> {
            ActivityForm form = form(About.account(account), "Nota sin fecha", sellerId, null, null, auckland);
            form.setKind(ActivityKind.NOTE);
            return activities.create(form);
        });

        fx.run(seller, () -> {
            assertThat(ids(ActivityGroup.OVERDUE, auckland)).containsExactly(lastMinuteOfYesterday);
            assertThat(ids(ActivityGroup.TODAY, auckland)).containsExactly(firstMinuteOfToday, lastMinuteOfToday);
            assertThat(ids(ActivityGroup.UPCOMING, auckland))
                    .as("a note without a date is in no group")
                    .containsExactly(firstMinuteOfTomorrow)
                    .doesNotContain(note);
            // Read in pages of one by key, the groups give the same rows.
            Page<ActivityRow> first = activities.mine(ActivityGroup.TODAY, auckland, null, 1);
            assertThat(first.rows()).extracting(ActivityRow::id).containsExactly(firstMinuteOfToday);
            assertThat(activities
                            .mine(ActivityGroup.TODAY, auckland, first.next(), 1)
                            .rows())
                    .extracting(ActivityRow::id)
                    .containsExactly(lastMinuteOfToday);
        });
    }

    private List<UUID> ids(ActivityGroup group, ZoneId zone) {
        return activities.mine(group, zone, null, 50).rows().stream()
                .map(ActivityRow::id)
                .toList();
    }

    @Test
    void a_salesperson_sees_its_own_activities_a_team_member_its_teams_and_crm_all_every_one() {
        String own = fx.salesperson("Eva");
        String teamMate = fx.salesperson("Fran");
        String teamLead = fx.salesperson("Gala", "crm.team");
        String everything = fx.salesperson("Hugo", "crm.all");
        fx.team(teamMate, teamLead);
        UUID account = fx.account("Cuenta visibilidad");
        LocalDate day = LocalDate.now(MADRID).plusDays(2);
        UUID evas = create(own, About.account(account), "De Eva", day, LocalTime.NOON, MADRID);
        UUID frans = create(teamMate, About.account(account), "De Fran", day, LocalTime.NOON, MADRID);

        assertThat(visibleOn(own, account)).containsExactly(evas);
        assertThat(visibleOn(teamMate, account)).containsExactly(frans);
        assertThat(visibleOn(teamLead, account)).containsExactly(frans);
        assertThat(visibleOn(everything, account)).containsExactlyInAnyOrder(evas, frans);
        // A change of an activity one does not see is refused as if it did not exist.
        assertThatThrownBy(() -> fx.run(own, () -> activities.markDone(frans)))
                .isInstanceOfSatisfying(
                        ActivityRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("crm.activities.error.not-found"));
        fx.run(teamLead, () -> activities.markDone(frans));
        // Nor may a salesperson who sees only its own assign an activity to someone else.
        UUID fran = fx.userId(teamMate);
        assertThatThrownBy(() -> fx.as(
                        own,
                        () -> activities.create(
                                form(About.account(account), "Para Fran", fran, day, LocalTime.NOON, MADRID))))
                .isInstanceOfSatisfying(
                        ActivityRuleException.class, e -> assertThat(e.field()).isEqualTo("assigneeId"));
        // An opportunity whose owner one does not see cannot be the subject of one's activity.
        UUID theirs = fx.opportunity("Ajena", account, fx.pipeline(), fran);
        UUID evaId = fx.userId(own);
        assertThatThrownBy(() -> fx.as(
                        own,
                        () -> activities.create(
                                form(About.opportunity(theirs), "Sobre ajena", evaId, day, LocalTime.NOON, MADRID))))
                .isInstanceOfSatisfying(
                        ActivityRuleException.class, e -> assertThat(e.field()).isEqualTo("about"));
    }

    private List<UUID> visibleOn(String email, UUID account) {
        return fx.as(
                email,
                () -> activities.forRecord(About.account(account), null, 50).rows().stream()
                        .map(ActivityRow::id)
                        .toList());
    }

    @Test
    void another_tenant_sees_none_of_the_activities_and_cannot_change_them() {
        String seller = fx.salesperson("Ines");
        UUID account = fx.account("Cuenta inquilino");
        UUID id = create(seller, About.account(account), "Privada", LocalDate.now(MADRID), LocalTime.NOON, MADRID);

        fx.run(CrmActivityFixtures.OTHER_TENANT_ADMIN, () -> {
            assertThat(activities.find(id)).isEmpty();
            assertThat(activities.forRecord(About.account(account), null, 10).rows())
                    .isEmpty();
            assertThatThrownBy(() -> activities.markDone(id)).isInstanceOf(ActivityRuleException.class);
            assertThatThrownBy(() -> activities.delete(id)).isInstanceOf(ActivityRuleException.class);
        });
        long rows = fx.inTransaction(
                CrmActivityFixtures.OTHER_TENANT_ADMIN,
                () -> jdbc.sql("SELECT count(*) FROM crm_activity WHERE id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single());
        assertThat(rows).isZero();
        assertThat(fx.as(seller, () -> activities.find(id)).orElseThrow().done())
                .isFalse();
    }

    @Test
    void every_method_checks_its_crm_permission_and_bad_input_is_refused() {
        String reader = fx.user("Juan", java.util.Set.of("crm.read"));
        String nobody = fx.user("Koldo", java.util.Set.of("accounts.read"));
        UUID account = fx.account("Cuenta permisos");
        UUID me = fx.userId(reader);
        LocalDate day = LocalDate.now(MADRID);

        assertThatThrownBy(() -> fx.as(
                        reader,
                        () -> activities.create(form(About.account(account), "No", me, day, LocalTime.NOON, MADRID))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(nobody, () -> activities.mine(ActivityGroup.TODAY, MADRID, null, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.run(reader, () -> activities.delete(UUID.randomUUID())))
                .isInstanceOf(AccessDeniedException.class);

        String seller = fx.salesperson("Luis");
        UUID sellerId = fx.userId(seller);
        assertThatThrownBy(() -> fx.as(
                        seller,
                        () -> activities.create(form(About.account(account), "  ", sellerId, day, null, MADRID))))
                .isInstanceOfSatisfying(
                        ActivityRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("crm.activities.validation.subject-required"));
        assertThatThrownBy(() -> fx.as(
                        seller,
                        () -> activities.create(
                                form(About.account(account), "Sin fecha", sellerId, null, null, MADRID))))
                .isInstanceOfSatisfying(
                        ActivityRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("crm.activities.validation.due-required"));
    }
}
