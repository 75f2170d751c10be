package com.nexo.production.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.production.work.WorkCentre;
import com.nexo.production.work.WorkFixtures;
import com.nexo.production.work.WorkService;
import com.nexo.production.work.Worker;
import com.nexo.production.work.WorkerKind;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.AccessDeniedException;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The production settings screen on the real database: a work centre and a worker made through their
 * dialogs, a wrong code shown on its field; without production permissions the screen is refused.
 */
class ProductionSettingsViewTest extends KaribuTest {

    @Autowired
    private WorkService work;

    private WorkFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new WorkFixtures(context);
    }

    @Test
    void a_work_centre_and_a_worker_are_made_through_their_dialogs() {
        login(fx.floor);
        UI.getCurrent().navigate("production/settings");
        ProductionSettingsView view = _get(ProductionSettingsView.class);
        assertThat(view.getPageTitle()).isEqualTo("Ajustes de producción");

        view.newCentre.click();
        WorkCentreDialog centre = view.centreDialog;
        centre.code.setValue("mal código");
        centre.name.setValue("Montaje " + fx.tag);
        centre.hourlyRate.setValue(new BigDecimal("18.50"));
        centre.save.click();
        assertThat(centre.code.isInvalid()).isTrue();
        assertThat(centre.code.getErrorMessage()).startsWith("El código empieza");
        String code = ("M" + fx.tag).substring(0, Math.min(20, fx.tag.length() + 1));
        centre.code.setValue(code);
        centre.save.click();
        assertThat(centre.isOpened()).isFalse();
        WorkCentre saved = fx.as(fx.floor, () -> work.workCentres(false)).stream()
                .filter(found -> found.code().equals(code))
                .findFirst()
                .orElseThrow();
        assertThat(saved.hourlyRate()).isEqualByComparingTo("18.50");
        assertThat(view.centres.getListDataView().getItems())
                .extracting(WorkCentre::code)
                .contains(code);

        view.newWorker.click();
        WorkerDialog worker = view.workerDialog;
        assertThat(worker.kind.getValue()).isEqualTo(WorkerKind.EMPLOYEE);
        worker.employee.setValue(worker.employee
                .getListDataView()
                .getItems()
                .filter(user -> user.id().equals(fx.floorUserId))
                .findFirst()
                .orElseThrow());
        worker.hourlyRate.setValue(new BigDecimal("22"));
        worker.centre.setValue(worker.centre
                .getListDataView()
                .getItems()
                .filter(item -> item.id().equals(saved.id()))
                .findFirst()
                .orElseThrow());
        worker.save.click();
        assertThat(worker.isOpened()).isFalse();
        Worker made = fx.as(fx.floor, () -> work.workerOfUser(fx.floorUserId)).orElseThrow();
        assertThat(made.hourlyRate()).isEqualByComparingTo("22");
        assertThat(made.workCentreId()).isEqualTo(saved.id());
        assertThat(made.name()).isEqualTo("Operaria " + fx.tag);
        assertThat(view.workers.getListDataView().getItems())
                .extracting(Worker::id)
                .contains(made.id());
    }

    @Test
    void without_production_permissions_the_settings_and_the_floor_are_refused() {
        login(fx.outsider);
        assertThatThrownBy(() -> UI.getCurrent().navigate("production/settings"))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate("production/floor"))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }
}
