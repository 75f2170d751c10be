package com.nexo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.crm.CrmActivityFixtures;
import com.nexo.crm.activities.About;
import com.nexo.crm.activities.ActivityForm;
import com.nexo.crm.activities.ActivityKind;
import com.nexo.crm.activities.ActivityService;
import com.nexo.testing.NexoSpringTest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A salesperson completes today's activity in a real browser in Spanish: "My activities" shows it under
 * "Hoy", one click on its checkbox completes it and it leaves the list. Screenshots of the page on a
 * desktop and on a tablet, and of the notification bell's list, end up in {@code target/screenshots/}.
 */
@NexoSpringTest
class CrmActivitiesJourneyTest {

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private ActivityService activities;

    @Autowired
    private com.nexo.base.notifications.NotificationService notifications;

    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(Locale.forLanguageTag("es-ES"));
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void a_salesperson_completes_todays_activity_with_one_click() {
        CrmActivityFixtures fx = new CrmActivityFixtures(context);
        String seller = fx.salesperson("Journey", "accounts.read", "crm.settings");
        UUID me = fx.userId(seller);
        UUID account = fx.account("Cuenta del recorrido");
        ZoneId zone = ZoneId.systemDefault();
        UUID todays = create(fx, seller, me, account, "Llamar a la Carpintería Iñárritu", LocalDate.now(zone));
        create(
                fx,
                seller,
                me,
                account,
                "Revisar la propuesta atrasada",
                LocalDate.now(zone).minusDays(3));
        create(
                fx,
                seller,
                me,
                account,
                "Visita de la semana que viene",
                LocalDate.now(zone).plusDays(7));

        fx.as(
                seller,
                () -> notifications.notifyUser(com.nexo.base.notifications.Notice.translated(
                        me,
                        "crm.reminder",
                        "accounts/" + account,
                        "crm.reminders.notice",
                        "Llamar a la Carpintería Iñárritu")));

        browser.forgetCookies();
        browser.desktop();
        browser.open("http://localhost:" + port + "/login");
        browser.submitLoginForm(seller, "Prueba-2026!");
        browser.waitUntil("the start page", () -> browser.currentPath().equals("/"));
        browser.waitForVaadin();
        browser.open("http://localhost:" + port + "/crm/activities");
        browser.waitForText("Llamar a la Carpintería Iñárritu");
        assertThat(browser.visibleText()).contains("Atrasadas", "Hoy", "Próximas", "Revisar la propuesta atrasada");
        browser.screenshot("crm-my-activities-1280x800");
        browser.tablet();
        browser.waitForVaadin();
        browser.screenshot("crm-my-activities-768x1024");
        assertThat(browser.sidewaysScrolling()).as("at 768 px").isNull();
        browser.desktop();
        browser.waitForVaadin();

        // One click on today's checkbox.
        browser.script(
                "[...document.querySelectorAll('.activity-group.today vaadin-checkbox.activity-done')][0].click();");
        browser.waitUntil(
                "today's activity out of the list",
                () -> !browser.visibleText().contains("Llamar a la Carpintería Iñárritu"));
        assertThat(browser.visibleText()).contains("Nada para hoy.");
        assertThat(fx.as(seller, () -> activities.find(todays)).orElseThrow().done())
                .isTrue();

        browser.script("document.querySelector('.notification-bell-button').click();");
        browser.waitForText("Recordatorio: Llamar a la Carpintería Iñárritu");
        browser.screenshot("crm-notifications-1280x800");

        // The account's page lists its activities, the completed one struck through.
        browser.open("http://localhost:" + port + "/accounts/" + account);
        browser.waitForText("Visita de la semana que viene");
        browser.screenshot("crm-account-activities-1280x800");
        browser.tablet();
        browser.waitForVaadin();
        browser.screenshot("crm-account-activities-768x1024");
        browser.desktop();
        browser.open("http://localhost:" + port + "/crm/settings/stage-rules");
        browser.waitForText("Reglas de etapa");
        browser.screenshot("crm-stage-rules-1280x800");
    }

    private UUID create(CrmActivityFixtures fx, String seller, UUID me, UUID account, String subject, LocalDate day) {
        ActivityForm form = new ActivityForm();
        form.setAbout(About.account(account));
        form.setKind(ActivityKind.CALL);
        form.setSubject(subject);
        form.setAssigneeId(me);
        form.setDueDate(day);
        form.setDueTime(LocalTime.NOON);
        form.setZone(ZoneId.systemDefault());
        return fx.as(seller, () -> activities.create(form));
    }
}
