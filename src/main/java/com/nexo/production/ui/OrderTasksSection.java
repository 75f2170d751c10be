package com.nexo.production.ui;

import com.nexo.base.ui.DownloadLink;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.Notices;
import com.nexo.production.ProductionRuleException;
import com.nexo.production.work.OrderTask;
import com.nexo.production.work.TaskFile;
import com.nexo.production.work.TaskFiles;
import com.nexo.production.work.WorkService;
import com.nexo.production.work.Worker;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The service tasks of a production order, for its page: each with its planned hours, who performs
 * it, its state and the hours and cost recorded; with {@code canAssign} a worker is assigned to the
 * chosen task, with {@code canRecord} hours are typed, a clock started or stopped and the task
 * finished. {@link #refresh()} reads the tasks again (after the order changed elsewhere on the page).
 */
public class OrderTasksSection extends Div {

    private final transient WorkService work;
    private final transient TaskFiles files;
    private final UUID orderId;

    final Grid<OrderTask> tasks = new Grid<>();
    final ComboBox<Worker> worker = new ComboBox<>();
    final Button assign = new Button();
    final Button logHours = new Button();
    final Button clock = new Button();
    final Button finish = new Button();
    LogHoursDialog logDialog;
    /** The documents of the chosen task (uploaded by the professional who performs it), when files are shown. */
    final Div taskFiles = new Div();

    public OrderTasksSection(WorkService work, UUID orderId, boolean canAssign, boolean canRecord) {
        this(work, null, orderId, canAssign, canRecord);
    }

    /** With {@code files}, the chosen task's documents are listed under the tasks, each a download. */
    public OrderTasksSection(WorkService work, TaskFiles files, UUID orderId, boolean canAssign, boolean canRecord) {
        this.work = work;
        this.files = files;
        this.orderId = orderId;
        addClassName("order-tasks");
        getStyle().set("max-width", "100%");

        tasks.addClassName("order-tasks-grid");
        tasks.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        tasks.setAllRowsVisible(true);
        tasks.addColumn(task -> task.service() == null ? "" : task.service().label(getLocale()))
                .setHeader(getTranslation("production.tasks.service"))
                .setFlexGrow(2);
        tasks.addColumn(task -> Format.decimal(task.plannedHours(), 0, 2))
                .setHeader(getTranslation("production.tasks.planned"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        tasks.addColumn(task -> task.workerName() == null ? "" : task.workerName())
                .setHeader(getTranslation("production.tasks.worker"))
                .setFlexGrow(1);
        tasks.addColumn(task -> ShopFloorTexts.taskStatus(this, task.status())
                        + (task.clockRunning()
                                ? " · "
                                        + getTranslation(
                                                "production.tasks.running-since", Format.time(task.runningSince()))
                                : ""))
                .setHeader(getTranslation("production.tasks.status"))
                .setAutoWidth(true);
        tasks.addColumn(task -> Format.decimal(task.actualHours(), 0, 2))
                .setHeader(getTranslation("production.tasks.actual-hours"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        tasks.addColumn(task -> Format.money(task.actualCost(), "EUR"))
                .setHeader(getTranslation("production.tasks.actual-cost"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        tasks.setEmptyStateText(getTranslation("production.tasks.empty"));
        tasks.addSelectionListener(selection -> showActions());

        worker.setId("tasks-worker");
        worker.setLabel(getTranslation("production.tasks.worker"));
        worker.setItemLabelGenerator(Worker::name);
        worker.setItems(work.workers(false));
        worker.setClearButtonVisible(true);
        worker.getStyle().set("flex", "1 1 14rem").set("min-width", "0");
        worker.addValueChangeListener(change -> showActions());

        assign.setText(getTranslation("production.tasks.assign"));
        assign.setId("tasks-assign");
        assign.setVisible(canAssign);
        assign.addClickListener(click -> selected()
                .ifPresent(task -> act(
                        () -> work.assign(
                                task.id(),
                                worker.getValue() == null
                                        ? null
                                        : worker.getValue().id()),
                        getTranslation("production.tasks.assigned"))));
        logHours.setText(getTranslation("production.tasks.log"));
        logHours.setIcon(VaadinIcon.TIMER.create());
        logHours.setId("tasks-log");
        logHours.setVisible(canRecord);
        logHours.addClickListener(click -> selected().ifPresent(task -> {
            logDialog = new LogHoursDialog(task);
            logDialog.open();
        }));
        clock.setId("tasks-clock");
        clock.setVisible(canRecord);
        clock.addClickListener(click -> selected().ifPresent(this::toggleClock));
        finish.setText(getTranslation("production.tasks.finish"));
        finish.setIcon(VaadinIcon.CHECK.create());
        finish.setId("tasks-finish");
        finish.setVisible(canRecord);
        finish.addClickListener(click -> selected()
                .ifPresent(task -> act(() -> work.finishTask(task.id()), getTranslation("production.tasks.finished"))));

        Div actions = new Div(worker, assign, logHours, clock, finish);
        actions.addClassName("order-tasks-actions");
        actions.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("align-items", "baseline")
                .set("gap", "var(--lumo-space-s)");
        actions.setVisible(canAssign || canRecord);
        taskFiles.addClassName("order-task-files");
        taskFiles.setVisible(files != null);
        add(tasks, actions, taskFiles);
        refresh();
    }

    /** Reads the tasks again, keeping the chosen one chosen. */
    public void refresh() {
        Optional<UUID> chosen = selected().map(OrderTask::id);
        List<OrderTask> found = work.tasksOf(orderId);
        tasks.setItems(found);
        chosen.flatMap(id -> found.stream().filter(task -> task.id().equals(id)).findFirst())
                .ifPresent(tasks::select);
        showActions();
    }

    Optional<OrderTask> selected() {
        return tasks.getSelectedItems().stream().findFirst();
    }

    /** The worker an action is for: the one picked, else the task's own. */
    private Optional<UUID> workerFor(OrderTask task) {
        return Optional.ofNullable(worker.getValue()).map(Worker::id).or(() -> Optional.ofNullable(task.workerId()));
    }

    private void showFiles(Optional<OrderTask> task) {
        taskFiles.removeAll();
        if (files == null || task.isEmpty()) {
            return;
        }
        UUID taskId = task.get().id();
        taskFiles.add(new H4(getTranslation("portal.professional.task-files")));
        List<TaskFile> found = files.filesOf(taskId);
        for (TaskFile file : found) {
            taskFiles.add(new Div(new DownloadLink(
                    file.name(), file.name(), file.contentType(), out -> files.copyTo(taskId, file.fileId(), out))));
        }
        if (found.isEmpty()) {
            taskFiles.add(new Span(getTranslation("portal.professional.task-files.none")));
        }
    }

    private void showActions() {
        Optional<OrderTask> task = selected();
        showFiles(task);
        boolean open = task.isPresent() && !task.get().done();
        assign.setEnabled(open);
        logHours.setEnabled(open && workerFor(task.get()).isPresent());
        finish.setEnabled(open);
        boolean running = task.map(OrderTask::clockRunning).orElse(false);
        clock.setText(
                running ? getTranslation("production.tasks.clock-off") : getTranslation("production.tasks.clock-on"));
        clock.setIcon((running ? VaadinIcon.STOP : VaadinIcon.CLOCK).create());
        clock.setEnabled(open && (running || workerFor(task.get()).isPresent()));
    }

    private void toggleClock(OrderTask task) {
        if (task.clockRunning()) {
            act(() -> work.stopClock(task.runningWorkerId()), getTranslation("production.tasks.clock-stopped"));
        } else {
            workerFor(task)
                    .ifPresent(id -> act(
                            () -> work.startClock(task.id(), id), getTranslation("production.tasks.clock-started")));
        }
    }

    private boolean act(Runnable action, String success) {
        try {
            action.run();
        } catch (ProductionRuleException refusal) {
            Notices.error(ShopFloorTexts.refusal(this, refusal));
            refresh();
            return false;
        }
        Notices.success(success);
        refresh();
        return true;
    }

    /** Hours typed for a worker on the chosen task on a day, with a note. */
    final class LogHoursDialog extends Dialog {

        final ComboBox<Worker> who = new ComboBox<>();
        final DatePicker date = new DatePicker();
        final BigDecimalField hours = new BigDecimalField();
        final TextField note = new TextField();
        final Button save = new Button();

        LogHoursDialog(OrderTask task) {
            setHeaderTitle(getTranslation(
                    "production.tasks.log-title",
                    task.service() == null ? "" : task.service().label(getLocale())));
            setWidth("32rem");
            setMaxWidth("100%");
            who.setId("tasks-log-worker");
            who.setLabel(getTranslation("production.tasks.worker"));
            who.setItemLabelGenerator(Worker::name);
            List<Worker> workers = work.workers(false);
            who.setItems(workers);
            workerFor(task)
                    .flatMap(id ->
                            workers.stream().filter(w -> w.id().equals(id)).findFirst())
                    .ifPresent(who::setValue);
            date.setId("tasks-log-date");
            date.setLabel(getTranslation("production.tasks.date"));
            date.setValue(LocalDate.now(Format.zone(com.vaadin.flow.component.UI.getCurrent())));
            hours.setId("tasks-log-hours");
            hours.setLabel(getTranslation("production.tasks.hours"));
            note.setId("tasks-log-note");
            note.setLabel(getTranslation("production.tasks.note"));
            note.setMaxLength(500);
            FormLayout form = new FormLayout(who, date, hours, note);
            form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("24rem", 2));
            add(form);
            save.setId("tasks-log-save");
            save.setText(getTranslation("action.save"));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(click -> save(task));
            getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
        }

        private void save(OrderTask task) {
            hours.setInvalid(false);
            date.setInvalid(false);
            who.setInvalid(false);
            if (who.getValue() == null) {
                who.setInvalid(true);
                who.setErrorMessage(getTranslation("production.tasks.worker-required"));
                return;
            }
            BigDecimal typed = hours.getValue();
            try {
                work.logHours(task.id(), who.getValue().id(), date.getValue(), typed, note.getValue());
            } catch (ProductionRuleException refusal) {
                String text = ShopFloorTexts.refusal(this, refusal);
                switch (refusal.field() == null ? "" : refusal.field()) {
                    case "hours" -> {
                        hours.setInvalid(true);
                        hours.setErrorMessage(text);
                    }
                    case "workDate" -> {
                        date.setInvalid(true);
                        date.setErrorMessage(text);
                    }
                    case "note" -> {
                        note.setInvalid(true);
                        note.setErrorMessage(text);
                    }
                    default -> Notices.error(text);
                }
                return;
            }
            close();
            Notices.success(getTranslation("production.tasks.logged", Format.decimal(typed, 0, 2)));
            refresh();
        }
    }
}
