package com.nexo.production.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.production.portal.PortalFixtures;
import com.nexo.production.portal.PortalFixtures.Assigned;
import com.nexo.production.portal.ProfessionalJobs;
import com.nexo.production.work.OrderTask;
import com.nexo.production.work.TaskFiles;
import com.nexo.production.work.TaskStatus;
import com.nexo.production.work.WorkFixtures;
import com.nexo.production.work.WorkService;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The tasks section of an order's page on the real database: a worker assigned to the chosen task,
 * hours typed (a wrong amount shown on its field), the task finished; without the rights the actions
 * are not shown; the documents a professional uploaded to the chosen task are listed under it.
 */
class OrderTasksSectionTest extends KaribuTest {

    @Autowired
    private WorkService work;

    @Autowired
    private TaskFiles files;

    @Autowired
    private ProfessionalJobs jobs;

    private WorkFixtures fx;
    private UUID order;
    private UUID worker;

    @BeforeEach
    void setUp() {
        fx = new WorkFixtures(context);
        UUID centre = fx.centre("10");
        worker = fx.employee(fx.floorUserId, "20", centre);
        order = fx.order("RELEASED", fx.goods(), "2", LocalDate.now(), centre, fx.warehouse());
        fx.task(order, 1, fx.service(), "3");
    }

    @Test
    void a_task_is_assigned_its_hours_logged_and_it_is_finished() {
        login(fx.floor);
        OrderTasksSection section = new OrderTasksSection(work, order, true, true);
        UI.getCurrent().add(section);
        OrderTask task = section.tasks.getListDataView().getItems().findFirst().orElseThrow();
        section.tasks.select(task);
        section.worker.setValue(section.worker
                .getListDataView()
                .getItems()
                .filter(item -> item.id().equals(worker))
                .findFirst()
                .orElseThrow());
        section.assign.click();
        assertThat(section.selected().orElseThrow().workerId()).isEqualTo(worker);

        section.logHours.click();
        OrderTasksSection.LogHoursDialog dialog = section.logDialog;
        dialog.hours.setValue(new BigDecimal("30"));
        dialog.save.click();
        assertThat(dialog.hours.isInvalid()).isTrue();
        assertThat(dialog.hours.getErrorMessage()).startsWith("Las horas deben ser más de 0");
        dialog.hours.setValue(new BigDecimal("1.5"));
        dialog.save.click();
        assertThat(dialog.isOpened()).isFalse();
        OrderTask logged = section.selected().orElseThrow();
        assertThat(logged.actualHours()).isEqualByComparingTo("1.5");
        assertThat(logged.actualCost()).isEqualByComparingTo("30");

        section.finish.click();
        assertThat(section.selected().orElseThrow().status()).isEqualTo(TaskStatus.DONE);
        assertThat(section.finish.isEnabled()).isFalse();
    }

    @Test
    void without_the_rights_the_actions_are_not_shown() {
        login(fx.floor);
        OrderTasksSection section = new OrderTasksSection(work, order, false, false);
        assertThat(section.assign.isVisible()).isFalse();
        assertThat(section.logHours.isVisible()).isFalse();
        assertThat(section.tasks.getListDataView().getItemCount()).isEqualTo(1);
    }

    @Test
    void the_documents_a_professional_uploaded_to_a_task_are_listed_under_it_for_download() {
        PortalFixtures painter = new PortalFixtures(context, "Pintor");
        Assigned job = painter.job("2");
        painter.work.as(painter.email, () -> {
            jobs.accept(job.task(), jobs.job(job.task()).version());
            files.attach(
                    job.task(),
                    "parte.pdf",
                    "application/pdf",
                    new ByteArrayInputStream("%PDF-1.4 parte".getBytes(StandardCharsets.UTF_8)));
        });

        login(fx.floor);
        OrderTasksSection section = new OrderTasksSection(work, files, job.order(), false, false);
        UI.getCurrent().add(section);
        assertThat(_find(section.taskFiles, Anchor.class)).isEmpty();
        section.tasks.select(
                section.tasks.getListDataView().getItems().findFirst().orElseThrow());
        assertThat(_find(section.taskFiles, Anchor.class))
                .extracting(Anchor::getText)
                .containsExactly("parte.pdf");
    }
}
