package com.nexo.production.portal.ui;

import com.nexo.base.ui.DeleteConfirmation;
import com.nexo.base.ui.DownloadLink;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.SingleFileUpload;
import com.nexo.production.ProductionRuleException;
import com.nexo.production.portal.JobDetails;
import com.nexo.production.portal.ProfessionalJobs;
import com.nexo.production.portal.TimeRecord;
import com.nexo.production.work.TaskFile;
import com.nexo.production.work.TaskFiles;
import com.nexo.security.Roles;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One job of the professional: its order (number, state, quantity, work centre, dates, notes), the
 * hours planned, logged and what they are worth; accepting it, clocking on and off, logging hours on
 * a day, marking it done; its files (upload, download, and delete those the user uploaded) and its
 * latest time records. Another
 * professional's job, or none, is "not found".
 */
@Route(ProfessionalJobView.ROUTE)
@RolesAllowed(Roles.PROFESSIONAL)
public class ProfessionalJobView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    public static final String PARAMETER = "taskId";
    public static final String ROUTE = "portal/jobs/:" + PARAMETER;
    /** The job page lists this many of its latest time records (all of them are on the time page). */
    static final int LATEST_RECORDS = 50;

    private final transient ProfessionalJobs jobs;
    private final transient TaskFiles files;

    final H2 title = new H2();
    final Span state = new Span();
    final Div facts = new Div();
    final Button accept = new Button();
    final Button clock = new Button();
    final Button done = new Button();
    final DatePicker date = new DatePicker();
    final BigDecimalField hours = new BigDecimalField();
    final TextField note = new TextField();
    final Button log = new Button();
    final Div logForm = new Div();
    final SingleFileUpload upload = new SingleFileUpload(TaskFiles.MAX_BYTES, java.util.List.of(), this::attach);
    final Div fileList = new Div();
    final Grid<TimeRecord> records = new Grid<>();
    JobDetails job;

    public ProfessionalJobView(ProfessionalJobs jobs, TaskFiles files) {
        this.jobs = jobs;
        this.files = files;
        addClassName("professional-job");
        state.addClassName("badge");
        Div header = new Div(title, state);
        header.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("align-items", "baseline")
                .set("gap", "var(--lumo-space-m)");
        facts.addClassName("professional-job-facts");

        accept.setId("job-accept");
        accept.setText(getTranslation("portal.professional.job.accept"));
        accept.setIcon(VaadinIcon.HANDSHAKE.create());
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        accept.addClickListener(click -> act(
                () -> jobs.accept(job.taskId(), job.version()), getTranslation("portal.professional.job.accepted")));
        clock.setId("job-clock");
        clock.addClickListener(click -> toggleClock());
        done.setId("job-done");
        done.setText(getTranslation("portal.professional.job.mark-done"));
        done.setIcon(VaadinIcon.CHECK.create());
        done.addClickListener(click -> act(
                () -> jobs.markDone(job.taskId(), job.version()),
                getTranslation("portal.professional.job.marked-done")));
        Div actions = new Div(accept, clock, done);
        actions.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");

        date.setId("job-log-date");
        date.setLabel(getTranslation("portal.professional.job.date"));
        hours.setId("job-log-hours");
        hours.setLabel(getTranslation("portal.professional.job.hours"));
        note.setId("job-log-note");
        note.setLabel(getTranslation("portal.professional.job.note"));
        note.setMaxLength(500);
        log.setId("job-log");
        log.setText(getTranslation("portal.professional.job.log"));
        log.setIcon(VaadinIcon.TIMER.create());
        log.addClickListener(click -> logHours());
        logForm.add(new H3(getTranslation("portal.professional.job.log-title")), date, hours, note, log);
        logForm.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("align-items", "baseline")
                .set("gap", "var(--lumo-space-s)");

        records.setId("job-records");
        records.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        records.setAllRowsVisible(true);
        records.addColumn(entry -> Format.date(entry.workDate()))
                .setHeader(getTranslation("portal.professional.time.date"))
                .setAutoWidth(true);
        records.addColumn(entry -> entry.running()
                        ? getTranslation("portal.professional.time.running-since", Format.time(entry.startedAt()))
                        : ProfessionalTexts.hours(entry.hours()))
                .setHeader(getTranslation("portal.professional.time.hours"))
                .setAutoWidth(true);
        records.addColumn(entry -> ProfessionalTexts.money(entry.amount()))
                .setHeader(getTranslation("portal.professional.time.amount"))
                .setAutoWidth(true);
        records.addColumn(entry -> entry.note() == null ? "" : entry.note())
                .setHeader(getTranslation("portal.professional.time.note"))
                .setFlexGrow(1);
        records.setEmptyStateText(getTranslation("portal.professional.job.no-time"));

        add(
                header,
                facts,
                actions,
                logForm,
                filesPanel(),
                new H3(getTranslation("portal.professional.job.latest-time")),
                records);
        getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
    }

    private Component filesPanel() {
        upload.setId("job-upload");
        upload.setDropAllowed(true);
        upload.setUploadButton(
                new Button(getTranslation("portal.professional.job.upload"), VaadinIcon.UPLOAD.create()));
        fileList.setId("job-files");
        Div panel = new Div(new H3(getTranslation("portal.professional.job.files")), upload, fileList);
        panel.addClassName("professional-job-files");
        return panel;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        UUID id;
        try {
            id = UUID.fromString(event.getRouteParameters().get(PARAMETER).orElse(""));
        } catch (IllegalArgumentException malformed) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        try {
            job = jobs.job(id);
        } catch (ProductionRuleException notTheirs) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        show();
    }

    /** Reads the job again and shows it as it is now. */
    void reload() {
        try {
            job = jobs.job(job.taskId());
        } catch (ProductionRuleException gone) {
            Notices.error(ProfessionalTexts.refusal(this, gone));
            return;
        }
        show();
    }

    private void show() {
        title.setText(getPageTitle());
        state.setText(ProfessionalTexts.status(this, job.status()));
        facts.removeAll();
        fact(getTranslation("portal.professional.job.order-state"), orderState(job.orderStatus()));
        if (job.article() != null) {
            fact(
                    getTranslation("portal.professional.job.article"),
                    job.article().label(getLocale()));
        }
        fact(getTranslation("portal.professional.job.quantity"), Format.decimal(job.quantity(), 0, 4));
        fact(getTranslation("portal.professional.job.centre"), job.workCentre() == null ? "" : job.workCentre());
        fact(
                getTranslation("portal.professional.job.released"),
                job.releasedAt() == null ? "" : Format.date(job.releasedAt()));
        fact(
                getTranslation("portal.professional.job.started"),
                job.startedAt() == null ? "" : Format.date(job.startedAt()));
        fact(getTranslation("portal.professional.job.due"), Format.date(job.dueDate()));
        fact(getTranslation("portal.professional.job.planned"), ProfessionalTexts.hours(job.plannedHours()));
        fact(getTranslation("portal.professional.job.logged"), ProfessionalTexts.hours(job.loggedHours()));
        fact(getTranslation("portal.professional.job.rate"), ProfessionalTexts.money(job.hourlyRate()));
        fact(getTranslation("portal.professional.job.earned"), ProfessionalTexts.money(job.earned()));
        if (job.clockRunning()) {
            fact(
                    getTranslation("portal.professional.job.clock"),
                    getTranslation("portal.professional.time.running-since", Format.time(job.clockSince())));
        }
        if (job.notes() != null && !job.notes().isBlank()) {
            Paragraph notes = new Paragraph(job.notes());
            notes.addClassName("professional-job-notes");
            facts.add(notes);
        }
        accept.setVisible(job.canAccept());
        clock.setVisible(job.canLogTime());
        clock.setText(
                job.clockRunning()
                        ? getTranslation("portal.professional.job.clock-off")
                        : getTranslation("portal.professional.job.clock-on"));
        clock.setIcon((job.clockRunning() ? VaadinIcon.STOP : VaadinIcon.CLOCK).create());
        done.setVisible(job.canLogTime());
        done.setEnabled(job.canMarkDone());
        logForm.setVisible(job.canLogTime());
        if (date.getValue() == null) {
            date.setValue(LocalDate.now(Format.zone(UI.getCurrent())));
        }
        upload.setVisible(job.status() != com.nexo.production.work.TaskStatus.OPEN);
        showFiles();
        records.setItems(jobs.timeOfJob(job.taskId(), LATEST_RECORDS));
    }

    private void fact(String label, String value) {
        Span name = new Span(label);
        name.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Div row = new Div(name, new Span(value));
        row.addClassName("professional-job-fact");
        row.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)");
        facts.add(row);
    }

    private String orderState(String status) {
        return switch (status) {
            case "RELEASED" -> getTranslation("portal.professional.order.released");
            case "IN_PROGRESS" -> getTranslation("portal.professional.order.in-progress");
            case "COMPLETED" -> getTranslation("portal.professional.order.completed");
            case "CLOSED" -> getTranslation("portal.professional.order.closed");
            case "CANCELLED" -> getTranslation("portal.professional.order.cancelled");
            default -> getTranslation("portal.professional.order.draft");
        };
    }

    private void showFiles() {
        fileList.removeAll();
        UUID task = job.taskId();
        for (TaskFile file : files.filesOf(task)) {
            DownloadLink link = new DownloadLink(
                    file.name(), file.name(), file.contentType(), out -> files.copyTo(task, file.fileId(), out));
            link.addClassName("professional-job-file");
            Div row = new Div(link);
            if (file.mine()) {
                Button delete = DeleteConfirmation.button(
                        getTranslation("portal.professional.job.delete-file"),
                        getTranslation("portal.professional.job.delete-file.title", file.name()),
                        getTranslation("portal.professional.job.delete-file.text"),
                        () -> deleteFile(file));
                delete.addClassName("professional-job-file-delete");
                row.add(delete);
            }
            fileList.add(row);
        }
        if (fileList.getChildren().findAny().isEmpty()) {
            fileList.add(new Paragraph(getTranslation("portal.professional.job.no-files")));
        }
    }

    void toggleClock() {
        if (job.clockRunning()) {
            try {
                switch (jobs.stopClock()) {
                    case RECORDED -> Notices.success(getTranslation("portal.professional.job.clocked-off"));
                    case DISCARDED -> Notices.error(getTranslation("portal.professional.job.clock-discarded"));
                    case NOT_RUNNING -> {}
                }
            } catch (ProductionRuleException refusal) {
                Notices.error(ProfessionalTexts.refusal(this, refusal));
            }
            reload();
        } else {
            act(() -> jobs.startClock(job.taskId()), getTranslation("portal.professional.job.clocked-on"));
        }
    }

    void logHours() {
        hours.setInvalid(false);
        date.setInvalid(false);
        note.setInvalid(false);
        BigDecimal typed = hours.getValue();
        try {
            jobs.logHours(job.taskId(), date.getValue(), typed, note.getValue());
        } catch (ProductionRuleException refusal) {
            String text = ProfessionalTexts.refusal(this, refusal);
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
        hours.clear();
        note.clear();
        Notices.success(getTranslation("portal.professional.job.logged-hours", ProfessionalTexts.hours(typed)));
        reload();
    }

    /** Stores a file uploaded to this job and lists it. */
    void attach(String name, String contentType, InputStream content) {
        try {
            files.attach(job.taskId(), name, contentType, content);
        } catch (ProductionRuleException refusal) {
            Notices.error(ProfessionalTexts.refusal(this, refusal));
            return;
        }
        Notices.success(getTranslation("portal.professional.job.uploaded", name));
        showFiles();
    }

    /** Deletes one of the user's own documents of this job. */
    void deleteFile(TaskFile file) {
        try {
            files.detach(job.taskId(), file.fileId());
        } catch (ProductionRuleException refusal) {
            Notices.error(ProfessionalTexts.refusal(this, refusal));
            showFiles();
            return;
        }
        Notices.success(getTranslation("portal.professional.job.file-deleted", file.name()));
        showFiles();
    }

    private void act(Runnable action, String success) {
        try {
            action.run();
        } catch (ProductionRuleException refusal) {
            Notices.error(ProfessionalTexts.refusal(this, refusal));
            reload();
            return;
        }
        Notices.success(success);
        reload();
    }

    @Override
    public String getPageTitle() {
        return job == null
                ? getTranslation("portal.professional.job.title-none")
                : getTranslation("portal.professional.job.title", job.orderNumber());
    }
}
