package com.nexo.crm.activities.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.crm.CrmActivityFixtures;
import com.nexo.crm.activities.About;
import com.nexo.crm.activities.ActivityForm;
import com.nexo.crm.activities.ActivityGroup;
import com.nexo.crm.activities.ActivityKind;
import com.nexo.crm.activities.ActivityRow;
import com.nexo.crm.activities.ActivityService;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Section;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MyActivitiesViewTest extends KaribuTest {

    @Autowired
    private ActivityService activities;

    private CrmActivityFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new CrmActivityFixtures(context);
    }

    /** Karibu's browser reports no time zone: the view reads the server's. */
    private static ZoneId zone() {
        return ZoneId.systemDefault();
    }

    private UUID activity(String email, UUID account, String subject, LocalDate day) {
        UUID me = fx.userId(email);
        ActivityForm form = new ActivityForm();
        form.setAbout(About.account(account));
        form.setKind(ActivityKind.TASK);
        form.setSubject(subject);
        form.setAssigneeId(me);
        form.setDueDate(day);
        form.setDueTime(LocalTime.of(12, 0));
        form.setZone(zone());
        return fx.as(email, () -> activities.create(form));
    }

    @Test
    void my_activities_shows_three_groups_and_completing_todays_activity_moves_it_out() {
        String seller = fx.salesperson("Wanda");
        UUID account = fx.account("Cuenta vista");
        LocalDate today = LocalDate.now(zone());
        UUID overdue = activity(seller, account, "Atrasada", today.minusDays(2));
        UUID todays = activity(seller, account, "La de hoy", today);
        UUID upcoming = activity(seller, account, "Más adelante", today.plusDays(3));
        login(seller);

        UI.getCurrent().navigate(MyActivitiesView.class);
        MyActivitiesView view = _get(MyActivitiesView.class);

        assertThat(view.groups.get(ActivityGroup.OVERDUE).shown())
                .extracting(ActivityRow::id)
                .containsExactly(overdue);
        assertThat(view.groups.get(ActivityGroup.TODAY).shown())
                .extracting(ActivityRow::id)
                .containsExactly(todays);
        assertThat(view.groups.get(ActivityGroup.UPCOMING).shown())
                .extracting(ActivityRow::id)
                .containsExactly(upcoming);
        assertThat(_find(com.vaadin.flow.component.html.H3.class))
                .extracting(h -> h.getText())
                .containsExactly("Atrasadas", "Hoy", "Próximas");

        Checkbox done =
                _get(view.groups.get(ActivityGroup.TODAY), Checkbox.class, spec -> spec.withClasses("activity-done"));
        done.setValue(true);

        assertThat(view.groups.get(ActivityGroup.TODAY).shown()).isEmpty();
        assertThat(fx.as(seller, () -> activities.find(todays)).orElseThrow().done())
                .isTrue();
    }

    @Test
    void a_new_activity_is_added_from_the_dialog_and_bad_input_is_refused() {
        String seller = fx.salesperson("Xenia");
        UUID account = fx.account("Cuenta diálogo");
        login(seller);
        UI.getCurrent().navigate(MyActivitiesView.class);
        MyActivitiesView view = _get(MyActivitiesView.class);

        _click(view.create);
        ActivityDialog dialog = _get(ActivityDialog.class);
        dialog.aboutType.setValue(About.Type.ACCOUNT);
        dialog.aboutRecord.setValue(new ActivityService.Choice(account, "Cuenta diálogo"));
        dialog.subject.setValue("   ");
        _click(dialog.save);
        assertThat(dialog.subject.isInvalid()).as("a blank subject").isTrue();
        assertThat(dialog.isOpened()).isTrue();

        dialog.subject.setValue("Preparar la visita");
        dialog.dueDate.setValue(LocalDate.now(zone()));
        dialog.dueTime.setValue(LocalTime.of(18, 30));
        _click(dialog.save);

        assertThat(dialog.isOpened()).isFalse();
        assertThat(view.groups.get(ActivityGroup.TODAY).shown())
                .extracting(ActivityRow::subject)
                .containsExactly("Preparar la visita");
        assertThat(view.groups.get(ActivityGroup.TODAY).shown().getFirst().about())
                .isEqualTo(About.account(account));
    }

    @Test
    void a_dialog_without_what_the_activity_is_about_shows_the_refusal() {
        String seller = fx.salesperson("Yago");
        login(seller);
        UI.getCurrent().navigate(MyActivitiesView.class);
        _click(_get(MyActivitiesView.class).create);
        ActivityDialog dialog = _get(ActivityDialog.class);
        dialog.subject.setValue("Sin registro");

        _click(dialog.save);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.problem.getText()).isEqualTo("Elige el cliente potencial, la oportunidad o la cuenta.");
    }

    @Test
    void a_user_without_crm_read_is_refused_my_activities() {
        String other = fx.user("Zoe", Set.of("accounts.read"));
        login(other);

        assertThatThrownBy(() -> UI.getCurrent().navigate(MyActivitiesView.class))
                .hasRootCauseInstanceOf(com.vaadin.flow.router.AccessDeniedException.class);
    }

    @Test
    void the_account_page_shows_the_activities_of_the_account_and_of_its_opportunities() {
        String seller = fx.salesperson("Abel", "accounts.read");
        UUID me = fx.userId(seller);
        UUID account = fx.account("Cuenta 360");
        UUID opportunity = fx.opportunity("Ampliación", account, fx.pipeline(), me);
        activity(seller, account, "Sobre la cuenta", LocalDate.now(zone()).plusDays(1));
        ActivityForm onOpportunity = new ActivityForm();
        onOpportunity.setAbout(About.opportunity(opportunity));
        onOpportunity.setSubject("Sobre la oportunidad");
        onOpportunity.setAssigneeId(me);
        onOpportunity.setDueDate(LocalDate.now(zone()).plusDays(2));
        fx.as(seller, () -> activities.create(onOpportunity));
        login(seller);

        UI.getCurrent().navigate("accounts/" + account);

        Section section = _get(
                Section.class,
                spec -> spec.withClasses("record-section")
                        .withPredicate(s -> s.getElement().getChild(0).getText().equals("Actividades")));
        ActivityList list = _get(section, ActivityList.class);
        assertThat(list.shown())
                .extracting(ActivityRow::subject)
                .containsExactly("Sobre la oportunidad", "Sobre la cuenta");
        // And on the account's timeline, beside who changed what.
        assertThat(_get(com.nexo.base.ui.HistoryTimeline.class).getElement().getTextRecursively())
                .contains("Sobre la oportunidad", "Sobre la cuenta", "creó la cuenta");

        _click(_get(section, com.vaadin.flow.component.button.Button.class, spec -> spec.withClasses("activity-add")));
        ActivityDialog dialog = _get(ActivityDialog.class);
        dialog.subject.setValue("Añadida en la ficha");
        _click(dialog.save);
        assertThat(list.shown()).extracting(ActivityRow::subject).startsWith("Añadida en la ficha");
    }
}
