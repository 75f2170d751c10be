package com.nexo.production.ui;

import com.nexo.base.ui.Format;
import com.nexo.production.ProductionPermissions;
import com.nexo.production.floor.FloorOrder;
import com.nexo.production.floor.FloorTask;
import com.nexo.production.floor.ShopFloorService;
import com.nexo.production.orders.OrderStatus;
import com.nexo.production.orders.ProductionOrderService;
import com.nexo.production.work.WorkCentre;
import com.nexo.production.work.WorkService;
import com.nexo.production.work.Worker;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shop-floor screen ({@code production/floor}) for tablets and phones: choose a work centre or a
 * person (the current user's own work when they are a worker), then one card per order with big
 * buttons to start it, record output or consumption by scanning a code, scrap, finish it, and clock
 * the person's time on their task on and off. Works from 390 px wide up; touch targets are at least
 * 48 px; results are told in large notifications, refusals in the user's language.
 */
@Route(ShopFloorView.ROUTE)
@RolesAllowed(ProductionPermissions.RECORD)
@Menu(title = "menu.production-floor", order = 50.3, icon = "vaadin:tablet")
public class ShopFloorView extends Main implements HasDynamicTitle {

    static final String ROUTE = "production/floor";
    static final String TOUCH = "3.5rem";

    private final transient ShopFloorService floor;
    private final transient WorkService work;
    private final transient ProductionOrderService orders;
    private final transient Worker me;

    final ComboBox<WorkCentre> centre = new ComboBox<>();
    final ComboBox<Worker> worker = new ComboBox<>();
    final Div cards = new Div();
    final Paragraph empty = new Paragraph();
    final List<Card> shown = new ArrayList<>();
    /** The last message shown (what a test reads back). */
    String lastNotice;

    ShopFloorView(ShopFloorService floor, WorkService work, ProductionOrderService orders) {
        this.floor = floor;
        this.work = work;
        this.orders = orders;
        this.me = CurrentUser.get()
                .map(NexoUser::userId)
                .flatMap(work::workerOfUser)
                .orElse(null);
        addClassName("shop-floor");
        getStyle()
                .set("padding", "var(--lumo-space-m)")
                .set("box-sizing", "border-box")
                .set("max-width", "100%")
                .set("font-size", "var(--lumo-font-size-l)");
        H2 title = new H2(getTranslation("production.floor.title"));

        centre.setId("floor-centre");
        centre.setLabel(getTranslation("production.floor.centre"));
        centre.setItems(work.workCentres(false));
        centre.setItemLabelGenerator(WorkCentre::label);
        centre.setClearButtonVisible(true);
        worker.setId("floor-worker");
        worker.setLabel(getTranslation("production.floor.worker"));
        worker.setItems(work.workers(false));
        worker.setItemLabelGenerator(Worker::name);
        worker.setClearButtonVisible(true);
        for (ComboBox<?> box : List.of(centre, worker)) {
            box.getStyle().set("flex", "1 1 16rem").set("min-width", "0").set("--vaadin-input-field-height", TOUCH);
        }
        centre.addValueChangeListener(change -> choose(change.getValue() == null ? null : worker));
        worker.addValueChangeListener(change -> choose(change.getValue() == null ? null : centre));
        Div chooser = new Div(centre, worker);
        chooser.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");

        cards.addClassName("floor-cards");
        cards.getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "repeat(auto-fill, minmax(min(100%, 22rem), 1fr))")
                .set("gap", "var(--lumo-space-m)")
                .set("margin-top", "var(--lumo-space-m)");
        empty.addClassName("floor-empty");
        add(title, chooser, empty, cards);

        if (me != null) {
            worker.getListDataView()
                    .getItems()
                    .filter(item -> item.id().equals(me.id()))
                    .findFirst()
                    .ifPresent(worker::setValue);
        }
        if (worker.isEmpty()) {
            refresh();
        }
    }

    private boolean choosing;

    /** A choice made: the other chooser is cleared (without showing the cards twice), and the cards shown. */
    private void choose(ComboBox<?> other) {
        if (choosing) {
            return;
        }
        choosing = true;
        try {
            if (other != null) {
                other.clear();
            }
        } finally {
            choosing = false;
        }
        refresh();
    }

    /** Whose task and clock the cards show: the chosen person, else (at a centre) the current user as a worker. */
    Optional<Worker> person() {
        return Optional.ofNullable(worker.getValue()).or(() -> Optional.ofNullable(me));
    }

    void refresh() {
        cards.removeAll();
        shown.clear();
        List<FloorOrder> found;
        if (worker.getValue() != null) {
            found = floor.ofWorker(worker.getValue().id());
        } else if (centre.getValue() != null) {
            found = floor.ofWorkCentre(centre.getValue().id(), me == null ? null : me.id());
        } else {
            empty.setText(getTranslation("production.floor.choose"));
            empty.setVisible(true);
            return;
        }
        empty.setText(getTranslation("production.floor.nothing"));
        empty.setVisible(found.isEmpty());
        for (FloorOrder order : found) {
            Card card = new Card(order);
            shown.add(card);
            cards.add(card);
        }
    }

    /** Runs an action of a card; tells its result, or why it was refused, and shows the cards again. */
    void act(Runnable action, String success) {
        try {
            action.run();
        } catch (RuntimeException failure) {
            notice(ShopFloorTexts.failure(this, failure), false);
            refresh();
            return;
        }
        notice(success, true);
        refresh();
    }

    void notice(String text, boolean ok) {
        lastNotice = text;
        Div message = new Div(text);
        message.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("padding", "var(--lumo-space-s)");
        Notification notification = new Notification(message);
        notification.setDuration(ok ? 4000 : 8000);
        notification.setPosition(Notification.Position.MIDDLE);
        notification.addThemeVariants(ok ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
        notification.addClassName("floor-notice");
        notification.open();
    }

    private static Button big(String text, VaadinIcon icon, String className) {
        Button button = new Button(text, icon.create());
        button.addClassName(className);
        button.addThemeVariants(ButtonVariant.LUMO_LARGE);
        button.getStyle()
                .set("min-height", TOUCH)
                .set("flex", "1 1 9rem")
                .set("margin", "0")
                .set("font-size", "var(--lumo-font-size-l)");
        return button;
    }

    /** One order: what it makes, how far it is, and its buttons. */
    final class Card extends Div {

        final FloorOrder order;
        final Button start;
        final Button record;
        final Button scrap;
        final Button finish;
        final Button clock;

        Card(FloorOrder order) {
            this.order = order;
            addClassName("floor-card");
            if (order.overdue()) {
                addClassName("floor-overdue");
            }
            getStyle()
                    .set("border", "1px solid var(--lumo-contrast-20pct)")
                    .set(
                            "border-left",
                            order.overdue()
                                    ? "0.4rem solid var(--lumo-error-color)"
                                    : "0.4rem solid var(--lumo-primary-color)")
                    .set("border-radius", "var(--lumo-border-radius-l)")
                    .set("padding", "var(--lumo-space-m)")
                    .set("min-width", "0")
                    .set("background", "var(--lumo-base-color)");
            String articleLabel = order.article() == null ? "" : order.article().label(getLocale());
            H3 heading = new H3(articleLabel);
            heading.getStyle().set("margin", "0").set("overflow-wrap", "anywhere");
            Span number =
                    new Span(order.number() + " · " + ShopFloorTexts.orderStatus(ShopFloorView.this, order.status()));
            number.addClassName("floor-number");
            String unit = order.article() == null || order.article().unitCode() == null
                    ? ""
                    : " " + order.article().unitCode();
            Paragraph figures = new Paragraph(getTranslation(
                    "production.floor.figures",
                    Format.decimal(order.quantity(), 0, 4) + unit,
                    Format.decimal(order.produced(), 0, 4),
                    Format.decimal(order.scrapped(), 0, 4)));
            figures.addClassName("floor-figures");
            String dueDate = Format.date(order.dueDate());
            Span due = new Span(
                    order.overdue()
                            ? getTranslation("production.floor.overdue", dueDate)
                            : getTranslation("production.floor.due", dueDate));
            due.addClassName("floor-due");
            if (order.overdue()) {
                due.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
            }
            Div info = new Div(number, figures, due);
            info.getStyle()
                    .set("display", "flex")
                    .set("flex-direction", "column")
                    .set("gap", "var(--lumo-space-xs)");
            add(heading, info);

            FloorTask task = order.task();
            if (task != null) {
                String serviceName =
                        task.service() == null ? "" : task.service().name(getLocale());
                String actual = Format.decimal(task.actualHours(), 0, 2);
                String planned = Format.decimal(task.plannedHours(), 0, 2);
                Paragraph taskLine = new Paragraph(
                        task.clockRunning()
                                ? getTranslation(
                                        "production.floor.task-running",
                                        serviceName,
                                        actual,
                                        planned,
                                        Format.time(task.runningSince()))
                                : getTranslation("production.floor.task", serviceName, actual, planned));
                taskLine.addClassName("floor-task");
                add(taskLine);
            }

            start = big(getTranslation("production.floor.start"), VaadinIcon.PLAY, "floor-start");
            start.setVisible(order.status() == OrderStatus.RELEASED);
            start.addClickListener(click -> act(
                    () -> orders.start(order.orderId()), getTranslation("production.floor.started", order.number())));
            record = big(getTranslation("production.floor.record"), VaadinIcon.BARCODE, "floor-record");
            record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            record.addClickListener(
                    click -> new ShopFloorRecordDialog(ShopFloorView.this, floor, orders, order).open());
            scrap = big(getTranslation("production.floor.scrap"), VaadinIcon.TRASH, "floor-scrap");
            scrap.addClickListener(click -> new ShopFloorScrapDialog(ShopFloorView.this, orders, order).open());
            finish = big(getTranslation("production.floor.finish"), VaadinIcon.FLAG_CHECKERED, "floor-finish");
            finish.addClickListener(click -> new ShopFloorFinishDialog(ShopFloorView.this, orders, order).open());
            Optional<Worker> person = person();
            boolean running = task != null && task.clockRunning();
            clock = big(
                    running
                            ? getTranslation("production.floor.clock-off")
                            : getTranslation("production.floor.clock-on"),
                    running ? VaadinIcon.STOP : VaadinIcon.CLOCK,
                    "floor-clock");
            if (running) {
                clock.addThemeVariants(ButtonVariant.LUMO_ERROR);
            } else {
                clock.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
            }
            clock.setVisible(task != null && person.isPresent());
            clock.addClickListener(click -> person.ifPresent(who -> {
                if (running) {
                    act(() -> work.stopClock(who.id()), getTranslation("production.floor.clocked-off", who.name()));
                } else {
                    act(
                            () -> work.startClock(task.taskId(), who.id()),
                            getTranslation("production.floor.clocked-on", who.name()));
                }
            }));
            Div buttons = new Div(start, clock, record, scrap, finish);
            buttons.addClassName("floor-buttons");
            buttons.getStyle()
                    .set("display", "flex")
                    .set("flex-wrap", "wrap")
                    .set("gap", "var(--lumo-space-s)")
                    .set("margin-top", "var(--lumo-space-m)");
            add(buttons);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("production.floor.title");
    }
}
