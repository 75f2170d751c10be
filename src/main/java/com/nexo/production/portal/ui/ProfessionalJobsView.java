package com.nexo.production.portal.ui;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.PagedList;
import com.nexo.production.portal.Job;
import com.nexo.production.portal.JobFilter;
import com.nexo.production.portal.ProfessionalJobs;
import com.nexo.security.Roles;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * The professional's jobs: the service tasks of production orders assigned to it, by due date, those
 * still to do first (or the done ones, or all). A row opens the job.
 */
@Route(ProfessionalJobsView.ROUTE)
@RolesAllowed(Roles.PROFESSIONAL)
@Menu(title = "menu.portal.professional.jobs", order = 40.0, icon = "vaadin:tools")
public class ProfessionalJobsView extends Main implements HasDynamicTitle {

    public static final String ROUTE = "portal/jobs";

    final Select<JobFilter> filter = new Select<>();
    final Grid<Job> grid = new Grid<>();
    private final PagedList<Job, JobFilter> list;

    public ProfessionalJobsView(ProfessionalJobs jobs) {
        addClassNames("list-view", "professional-jobs");
        filter.setId("professional-jobs-filter");
        filter.setLabel(getTranslation("portal.professional.jobs.show"));
        filter.setItems(JobFilter.values());
        filter.setItemLabelGenerator(choice -> switch (choice) {
            case OPEN -> getTranslation("portal.professional.jobs.filter.open");
            case DONE -> getTranslation("portal.professional.jobs.filter.done");
            case ALL -> getTranslation("portal.professional.jobs.filter.all");
        });
        filter.setValue(JobFilter.OPEN);
        Div toolbar = new Div(filter);
        toolbar.addClassName("list-toolbar");

        grid.setId("professional-jobs");
        grid.addClassNames("list-grid", "clickable-rows");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addColumn(Job::orderNumber)
                .setHeader(getTranslation("portal.professional.jobs.order"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<Job> centre = grid.addColumn(job -> job.workCentre() == null ? "" : job.workCentre())
                .setHeader(getTranslation("portal.professional.jobs.centre"))
                .setFlexGrow(1);
        grid.addColumn(job -> Format.date(job.dueDate()))
                .setHeader(getTranslation("portal.professional.jobs.due"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<Job> hours = grid.addColumn(job -> getTranslation(
                        "portal.professional.jobs.hours-of",
                        ProfessionalTexts.hours(job.loggedHours()),
                        ProfessionalTexts.hours(job.plannedHours())))
                .setHeader(getTranslation("portal.professional.jobs.hours"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<Job> status = grid.addColumn(job -> ProfessionalTexts.status(this, job.status())
                        + (job.clockRunning() ? " · " + getTranslation("portal.professional.jobs.clock-running") : ""))
                .setHeader(getTranslation("portal.professional.jobs.status"))
                .setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("portal.professional.jobs.empty"));
        grid.addItemClickListener(click -> open(click.getItem()));
        NarrowScreens.hideColumnsBelow(grid, 600, List.of(centre, hours));
        // A phone keeps the order and the due date; the filter above says which jobs these are.
        NarrowScreens.hideColumnsBelow(grid, 480, List.of(status));
        list = PagedList.bind(grid, orders -> filter.getValue(), jobs::jobs);
        filter.addValueChangeListener(change -> list.refresh());

        add(toolbar, grid);
        setSizeFull();
        getStyle().set("display", "flex").set("flex-direction", "column");
        grid.getStyle().set("flex", "1 1 auto").set("min-height", "16rem");
    }

    void open(Job job) {
        getUI().ifPresent(ui -> ui.navigate(
                ProfessionalJobView.class,
                new RouteParameters(ProfessionalJobView.PARAMETER, job.taskId().toString())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.professional.jobs.title");
    }
}
