package com.nexo.production.portal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.nexo.portal.ui.PortalHomeView;
import com.nexo.portal.ui.PortalLayout;
import com.nexo.production.portal.Job;
import com.nexo.production.portal.JobFilter;
import com.nexo.production.portal.PortalFixtures;
import com.nexo.production.portal.PortalFixtures.Assigned;
import com.nexo.production.work.TaskStatus;
import com.nexo.production.work.WorkFixtures;
import com.nexo.production.work.WorkService;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.RouteParameters;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The professional portal's pages on the real database, logged in as a real professional inside the
 * portal frame: the jobs list, a job (accept, log hours, clock on and off, upload, done), the time
 * page with what will be paid, the home page's notices; and the refusals: another professional's
 * job, employees and clients, and the back office for the professional.
 */
class ProfessionalPortalViewsTest extends KaribuTest {

    @Autowired
    private WorkService work;

    private PortalFixtures me;

    @BeforeEach
    void aProfessional() {
        me = new PortalFixtures(context, "Rotulista");
    }

    private ProfessionalJobView openJob(Assigned job) {
        UI.getCurrent()
                .navigate(
                        ProfessionalJobView.class,
                        new RouteParameters(
                                ProfessionalJobView.PARAMETER, job.task().toString()));
        return _get(ProfessionalJobView.class);
    }

    @Test
    void the_jobs_list_shows_its_own_jobs_inside_the_portal_frame_and_opens_one() {
        Assigned job = me.job("4");
        Assigned someoneElses = new PortalFixtures(context, "Cristalero").job("1");
        login(me.email);
        UI.getCurrent().navigate("portal/jobs");
        UI.getCurrent().getPage().reload();

        ProfessionalJobsView view = _get(ProfessionalJobsView.class);
        assertThat(_get(PortalLayout.class).getContent()).isSameAs(view);
        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getPath)
                .contains("portal/jobs", "portal/time")
                .allMatch(PortalLayout::isPortalPath);
        assertThat(GridKt._size(view.grid)).isOne();
        Job row = GridKt._get(view.grid, 0);
        assertThat(row.taskId()).isEqualTo(job.task()).isNotEqualTo(someoneElses.task());
        assertThat(row.status()).isEqualTo(TaskStatus.OPEN);

        view.filter.setValue(JobFilter.DONE);
        assertThat(GridKt._size(view.grid)).isZero();

        view.open(row);
        assertThat(_get(ProfessionalJobView.class).title.getText()).startsWith("Trabajo de la orden OF-");
    }

    @Test
    void a_professional_accepts_logs_two_hours_and_marks_the_job_done_and_the_order_shows_it() {
        Assigned job = me.job("3");
        login(me.email);
        ProfessionalJobView page = openJob(job);
        assertThat(page.state.getText()).isEqualTo("Por aceptar");
        assertThat(page.logForm.isVisible()).isFalse();
        // What the order makes, read for the professional although the catalogue is closed to it.
        assertThat(page.facts.getElement().getTextRecursively()).contains("Artículo");

        _click(page.accept);
        expectNotifications("Trabajo aceptado.");
        assertThat(page.state.getText()).isEqualTo("Aceptado");
        assertThat(page.done.isEnabled()).isFalse();

        page.date.setValue(LocalDate.now());
        page.hours.setValue(new BigDecimal("2"));
        page.note.setValue("Rotulado de la puerta");
        _click(page.log);
        expectNotifications("2 h registradas.");
        assertThat(page.state.getText()).isEqualTo("En curso");
        assertThat(GridKt._size(page.records)).isOne();

        // The back office sees the state and the hours on the production order at once.
        login(WorkFixtures.ADMIN);
        var tasks = work.tasksOf(job.order());
        assertThat(tasks.getFirst().status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(tasks.getFirst().actualHours()).isEqualByComparingTo("2");
        login(me.email);

        _click(page.done);
        expectNotifications("Trabajo marcado como hecho.");
        assertThat(page.state.getText()).isEqualTo("Hecho");
        assertThat(page.logForm.isVisible()).isFalse();
    }

    @Test
    void bad_hours_are_explained_on_the_field_and_the_clock_goes_on_and_off() {
        Assigned job = me.job("3");
        login(me.email);
        ProfessionalJobView page = openJob(job);
        _click(page.accept);
        expectNotifications("Trabajo aceptado.");

        page.hours.setValue(new BigDecimal("30"));
        _click(page.log);
        assertThat(page.hours.isInvalid()).isTrue();
        assertThat(page.hours.getErrorMessage()).startsWith("Las horas deben ser más de 0");

        assertThat(page.clock.getText()).isEqualTo("Fichar entrada");
        _click(page.clock);
        expectNotifications("Entrada fichada.");
        assertThat(page.clock.getText()).isEqualTo("Fichar salida");
        _click(page.clock);
        expectNotifications("Salida fichada: tu tiempo queda registrado.");
        assertThat(page.clock.getText()).isEqualTo("Fichar entrada");
        assertThat(page.done.isEnabled()).isTrue();
    }

    @Test
    void an_uploaded_document_is_listed_on_the_job_and_an_empty_one_is_refused() {
        Assigned job = me.job("3");
        login(me.email);
        ProfessionalJobView page = openJob(job);
        _click(page.accept);
        expectNotifications("Trabajo aceptado.");

        page.attach(
                "parte.pdf",
                "application/pdf",
                new ByteArrayInputStream("%PDF-1.4 parte".getBytes(StandardCharsets.UTF_8)));
        expectNotifications("parte.pdf subido.");
        assertThat(_find(page.fileList, Anchor.class))
                .extracting(Anchor::getText)
                .containsExactly("parte.pdf");
        page.attach("vacio.txt", "text/plain", new ByteArrayInputStream(new byte[0]));
        expectNotifications("El archivo está vacío.");
        assertThat(_find(page.fileList, Anchor.class)).hasSize(1);

        // The professional deletes its own document after confirming.
        _click(_get(page.fileList, Button.class, spec -> spec.withClasses("professional-job-file-delete")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt._getText(confirm))
                .isEqualTo("El documento se quita del trabajo y la empresa deja de verlo.");
        ConfirmDialogKt._fireConfirm(confirm);
        expectNotifications("Documento «parte.pdf» borrado.");
        assertThat(_find(page.fileList, Anchor.class)).isEmpty();
    }

    @Test
    void the_time_page_lists_the_periods_records_and_what_will_be_paid() {
        Assigned job = me.job("3");
        login(me.email);
        ProfessionalJobView page = openJob(job);
        _click(page.accept);
        page.hours.setValue(new BigDecimal("1.5"));
        _click(page.log);

        UI.getCurrent().navigate("portal/time");
        ProfessionalTimeView time = _get(ProfessionalTimeView.class);
        assertThat(time.total.getText()).startsWith("1,5 h, ").contains("45,00");
        assertThat(GridKt._size(time.records)).isOne();
        assertThat(GridKt._size(time.perJob)).isOne();

        time.from.setValue(LocalDate.now().plusDays(1));
        assertThat(time.to.isInvalid()).isTrue();
        assertThat(GridKt._size(time.records)).isZero();
        assertThat(GridKt._size(time.perJob)).isZero();
    }

    @Test
    void the_home_page_says_how_many_jobs_wait_to_be_accepted_and_that_the_clock_runs() {
        me.job("1");
        me.job("2");
        Assigned started = me.job("3");
        com.nexo.production.portal.ProfessionalJobs jobs =
                context.getBean(com.nexo.production.portal.ProfessionalJobs.class);
        me.work.as(me.email, () -> {
            jobs.accept(started.task(), jobs.job(started.task()).version());
            jobs.startClock(started.task());
        });
        login(me.email);
        UI.getCurrent().navigate("portal");
        UI.getCurrent().getPage().reload();
        _get(PortalHomeView.class);
        assertThat(_find(Anchor.class, spec -> spec.withClasses("portal-notice")))
                .extracting(Anchor::getText)
                .contains("Trabajos que esperan tu aceptación: 2", "Tu reloj está en marcha en un trabajo.");
    }

    @Test
    void another_professionals_job_is_not_found_and_others_are_refused_the_pages() {
        Assigned theirs = new PortalFixtures(context, "Carpintero").job("2");
        login(me.email);
        UI.getCurrent()
                .navigate(
                        ProfessionalJobView.class,
                        new RouteParameters(
                                ProfessionalJobView.PARAMETER, theirs.task().toString()));
        assertThat(_find(ProfessionalJobView.class)).isEmpty();

        // The professional is refused the back office's production pages.
        assertThatThrownBy(() -> UI.getCurrent().navigate("production/orders"))
                .hasRootCauseInstanceOf(AccessDeniedException.class);

        for (String outsider : new String[] {WorkFixtures.ADMIN, "cliente@demo.nexo"}) {
            login(outsider);
            for (String route : new String[] {"portal/jobs", "portal/time"}) {
                assertThatThrownBy(() -> UI.getCurrent().navigate(route))
                        .as(outsider + " " + route)
                        .hasRootCauseInstanceOf(AccessDeniedException.class);
            }
        }
    }
}
