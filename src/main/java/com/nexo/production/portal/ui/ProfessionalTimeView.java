package com.nexo.production.portal.ui;

import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PagedList;
import com.nexo.production.ProductionRuleException;
import com.nexo.production.portal.Earnings;
import com.nexo.production.portal.ProfessionalJobs;
import com.nexo.production.portal.TimeRecord;
import com.nexo.security.Roles;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;

/**
 * The professional's own time records of a period (this month unless chosen otherwise), newest
 * first, and what that time will be paid: hours times the rate of each record, in total and per job
 * (every job of the period, read a page at a time like the records).
 */
@Route(ProfessionalTimeView.ROUTE)
@RolesAllowed(Roles.PROFESSIONAL)
@Menu(title = "menu.portal.professional.time", order = 41.0, icon = "vaadin:clock")
public class ProfessionalTimeView extends Main implements HasDynamicTitle {

    public static final String ROUTE = "portal/time";

    /** What the list shows: a period. */
    record Period(LocalDate from, LocalDate to) {}

    private final transient ProfessionalJobs jobs;

    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Paragraph total = new Paragraph();
    final Grid<Earnings.Line> perJob = new Grid<>();
    final Grid<TimeRecord> records = new Grid<>();
    private final PagedList<TimeRecord, Period> list;
    private final PagedList<Earnings.Line, Period> perJobList;

    public ProfessionalTimeView(ProfessionalJobs jobs) {
        this.jobs = jobs;
        addClassNames("list-view", "professional-time");
        LocalDate today = LocalDate.now(Format.zone(UI.getCurrent()));
        from.setId("time-from");
        from.setLabel(getTranslation("portal.professional.time.from"));
        from.setValue(today.withDayOfMonth(1));
        to.setId("time-to");
        to.setLabel(getTranslation("portal.professional.time.to"));
        to.setValue(today);
        Div toolbar = new Div(from, to);
        toolbar.addClassName("list-toolbar");
        toolbar.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");

        total.setId("time-total");
        perJob.setId("time-per-job");
        perJob.addThemeVariants(GridVariant.LUMO_COMPACT);
        perJob.setSelectionMode(Grid.SelectionMode.NONE);
        perJob.addColumn(Earnings.Line::orderNumber)
                .setHeader(getTranslation("portal.professional.time.order"))
                .setAutoWidth(true);
        perJob.addColumn(line -> ProfessionalTexts.hours(line.hours()))
                .setHeader(getTranslation("portal.professional.time.hours"))
                .setAutoWidth(true);
        perJob.addColumn(line -> ProfessionalTexts.money(line.amount()))
                .setHeader(getTranslation("portal.professional.time.amount"))
                .setAutoWidth(true);
        perJob.setEmptyStateText(getTranslation("portal.professional.time.nothing-to-pay"));

        records.setId("time-records");
        records.addClassName("list-grid");
        records.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        records.setSelectionMode(Grid.SelectionMode.NONE);
        records.addColumn(entry -> Format.date(entry.workDate()))
                .setHeader(getTranslation("portal.professional.time.date"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<TimeRecord> order = records.addColumn(TimeRecord::orderNumber)
                .setHeader(getTranslation("portal.professional.time.order"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        records.addColumn(entry -> entry.running()
                        ? getTranslation("portal.professional.time.running-since", Format.time(entry.startedAt()))
                        : ProfessionalTexts.hours(entry.hours()))
                .setHeader(getTranslation("portal.professional.time.hours"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        records.addColumn(entry -> ProfessionalTexts.money(entry.amount()))
                .setHeader(getTranslation("portal.professional.time.amount"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<TimeRecord> note = records.addColumn(entry -> entry.note() == null ? "" : entry.note())
                .setHeader(getTranslation("portal.professional.time.note"))
                .setFlexGrow(1);
        records.setEmptyStateText(getTranslation("portal.professional.time.empty"));
        NarrowScreens.hideColumnsBelow(records, 600, List.of(note));
        // A phone keeps the date, the hours and the amount (the job is on the list above).
        NarrowScreens.hideColumnsBelow(records, 480, List.of(order));
        list = PagedList.bind(records, orders -> period(), this::page);
        // Every job of the period, a page at a time as the list scrolls (the total above counts them all).
        perJobList = PagedList.bind(perJob, orders -> period(), this::perJobPage);

        from.addValueChangeListener(change -> periodChanged());
        to.addValueChangeListener(change -> periodChanged());
        add(
                toolbar,
                new H3(getTranslation("portal.professional.time.to-be-paid")),
                total,
                perJob,
                new H3(getTranslation("portal.professional.time.records")),
                records);
        getStyle().set("display", "flex").set("flex-direction", "column");
        records.getStyle().set("min-height", "16rem");
        perJob.getStyle().set("min-height", "10rem").set("max-height", "24rem");
        showEarnings();
    }

    private Period period() {
        return new Period(from.getValue(), to.getValue());
    }

    private Page<TimeRecord> page(Period period, PageCursor after, int limit) {
        if (!valid(period)) {
            return Page.empty();
        }
        return jobs.timeRecords(period.from(), period.to(), after, limit);
    }

    private Page<Earnings.Line> perJobPage(Period period, PageCursor after, int limit) {
        if (!valid(period)) {
            return Page.empty();
        }
        return jobs.earningsPerJob(period.from(), period.to(), after, limit);
    }

    private static boolean valid(Period period) {
        return period.from() != null && period.to() != null && !period.to().isBefore(period.from());
    }

    private void periodChanged() {
        list.refresh();
        perJobList.refresh();
        showEarnings();
    }

    void showEarnings() {
        Period period = period();
        if (!valid(period)) {
            to.setInvalid(true);
            to.setErrorMessage(getTranslation("portal.professional.error.period"));
            total.setText("");
            return;
        }
        to.setInvalid(false);
        try {
            Earnings earnings = jobs.earnings(period.from(), period.to());
            total.setText(getTranslation(
                    "portal.professional.time.total",
                    ProfessionalTexts.hours(earnings.hours()),
                    ProfessionalTexts.money(earnings.amount())));
        } catch (ProductionRuleException refusal) {
            Notices.error(ProfessionalTexts.refusal(this, refusal));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.professional.time.title");
    }
}
