package com.nexo.crm.opportunities.ui;

import com.nexo.accounts.AccountDirectory;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.PagedList;
import com.nexo.base.ui.QuickSearchField;
import com.nexo.crm.CrmPermissions;
import com.nexo.crm.opportunities.OpportunityFilter;
import com.nexo.crm.opportunities.OpportunityRow;
import com.nexo.crm.opportunities.OpportunityService;
import com.nexo.crm.opportunities.OpportunityStatus;
import com.nexo.crm.pipelines.PipelineRow;
import com.nexo.crm.pipelines.PipelineService;
import com.nexo.crm.pipelines.StageRow;
import com.nexo.security.CurrentUser;
import com.nexo.security.UserDirectory;
import com.nexo.security.UserDirectory.UserName;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The opportunities as a lazy list, won and lost ones too: the board's filters plus a status, soonest
 * expected close first; a row opens the opportunity's page.
 */
@Route("crm/opportunities")
@RolesAllowed(CrmPermissions.READ)
@Menu(title = "menu.crm-opportunities", order = 15.1, icon = "vaadin:list")
@StyleSheet("styles/crm.css")
public class OpportunityListView extends Main implements HasDynamicTitle {

    private final transient OpportunityService opportunities;
    final ComboBox<PipelineRow> pipeline = new ComboBox<>();
    final Select<OpportunityStatus> status = new Select<>();
    final ComboBox<UserName> owner = new ComboBox<>();
    final DatePicker closeFrom = new DatePicker();
    final DatePicker closeTo = new DatePicker();
    final QuickSearchField search;
    final Grid<OpportunityRow> grid = new Grid<>();
    private final PagedList<OpportunityRow, OpportunityFilter> list;
    private final Map<UUID, String> stageNames = new HashMap<>();

    public OpportunityListView(
            OpportunityService opportunities,
            PipelineService pipelines,
            AccountDirectory accounts,
            UserDirectory users) {
        this.opportunities = opportunities;
        addClassNames("list-view", "crm-opportunity-list");
        List<PipelineRow> all = pipelines.pipelines();
        for (PipelineRow row : all) {
            for (StageRow stage : pipelines.stages(row.id())) {
                stageNames.put(stage.id(), stage.name());
            }
        }
        search = new QuickSearchField(getTranslation("crm.board.search"));
        pipeline.setLabel(getTranslation("crm.board.pipeline"));
        pipeline.setItems(all);
        pipeline.setItemLabelGenerator(PipelineRow::name);
        pipeline.setClearButtonVisible(true);
        pipeline.setPlaceholder(getTranslation("crm.list.all-pipelines"));
        status.setLabel(getTranslation("crm.list.status"));
        status.setItems(OpportunityStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("crm.list.any-status"));
        status.setItemLabelGenerator(
                s -> s == null ? getTranslation("crm.list.any-status") : OpportunityLabels.status(this, s));
        owner.setLabel(getTranslation("crm.board.owner"));
        owner.setItems(users.activeEmployees());
        owner.setItemLabelGenerator(UserName::displayName);
        owner.setClearButtonVisible(true);
        closeFrom.setLabel(getTranslation("crm.board.close-from"));
        closeTo.setLabel(getTranslation("crm.board.close-to"));
        closeFrom.setClearButtonVisible(true);
        closeTo.setClearButtonVisible(true);

        Div toolbar = new Div(pipeline, status, owner, closeFrom, closeTo, search);
        toolbar.addClassNames("list-toolbar", "crm-board-toolbar");
        if (CurrentUser.can(CrmPermissions.CREATE)
                && !pipelines.activePipelines().isEmpty()) {
            Button create = new Button(getTranslation("crm.opportunity.new"), VaadinIcon.PLUS.create());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.addClickListener(click -> {
                PipelineRow chosen =
                        pipeline.getValue() != null && !pipeline.getValue().archived()
                                ? pipeline.getValue()
                                : pipelines.activePipelines().getFirst();
                List<StageRow> stages = pipelines.activeStages(chosen.id());
                if (stages.isEmpty()) {
                    return;
                }
                new NewOpportunityDialog(
                                opportunities,
                                accounts,
                                pipelines,
                                users,
                                chosen.id(),
                                stages.getFirst().id(),
                                id -> getUI().ifPresent(ui -> ui.navigate("crm/opportunities/" + id)))
                        .open();
            });
            Div actions = new Div(create);
            actions.addClassName("list-actions");
            toolbar.add(actions);
        }
        configureGrid();
        list = PagedList.bind(
                grid, orders -> filter(), (query, after, limit) -> opportunities.page(query, after, limit));
        search.addValueChangeListener(event -> list.refresh());
        pipeline.addValueChangeListener(event -> list.refresh());
        status.addValueChangeListener(event -> list.refresh());
        owner.addValueChangeListener(event -> list.refresh());
        closeFrom.addValueChangeListener(event -> list.refresh());
        closeTo.addValueChangeListener(event -> list.refresh());
        add(new H2(getTranslation("crm.list.title")), toolbar, grid);
        setSizeFull();
    }

    OpportunityFilter filter() {
        return new OpportunityFilter(
                pipeline.getValue() == null ? null : pipeline.getValue().id(),
                owner.getValue() == null ? null : owner.getValue().id(),
                closeFrom.getValue(),
                closeTo.getValue(),
                status.getValue(),
                search.text());
    }

    private void configureGrid() {
        grid.addClassNames("list-grid", "clickable-rows");
        grid.addColumn(OpportunityRow::title)
                .setKey("title")
                .setHeader(getTranslation("crm.opportunity.field.title"))
                .setFlexGrow(3);
        Grid.Column<OpportunityRow> account = grid.addColumn(OpportunityRow::accountName)
                .setKey("account")
                .setHeader(getTranslation("crm.opportunity.field.account"))
                .setFlexGrow(2);
        Grid.Column<OpportunityRow> stage = grid.addColumn(row -> stageNames.getOrDefault(row.stageId(), ""))
                .setKey("stage")
                .setHeader(getTranslation("crm.opportunity.field.stage"))
                .setFlexGrow(1);
        grid.addColumn(row -> Format.money(row.amount(), row.currency()))
                .setKey("amount")
                .setHeader(getTranslation("crm.opportunity.field.amount"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("8rem")
                .setFlexGrow(0);
        Grid.Column<OpportunityRow> probability = grid.addColumn(
                        row -> Format.percent(BigDecimal.valueOf(row.probability())))
                .setKey("probability")
                .setHeader(getTranslation("crm.opportunity.field.probability"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("6rem")
                .setFlexGrow(0);
        grid.addColumn(row -> Format.date(row.expectedClose()))
                .setKey("close")
                .setHeader(getTranslation("crm.opportunity.field.expected-close"))
                .setWidth("8rem")
                .setFlexGrow(0);
        Grid.Column<OpportunityRow> ownerColumn = grid.addColumn(OpportunityRow::ownerName)
                .setKey("owner")
                .setHeader(getTranslation("crm.opportunity.field.owner"))
                .setFlexGrow(1);
        grid.addColumn(row -> OpportunityLabels.status(this, row.status()))
                .setKey("status")
                .setHeader(getTranslation("crm.list.status"))
                .setWidth("7rem")
                .setFlexGrow(0);
        NarrowScreens.hideColumnsBelow(grid, 1000, List.of(stage, probability, ownerColumn));
        NarrowScreens.hideColumnsBelow(grid, 700, List.of(account));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addItemClickListener(event -> getUI().ifPresent(
                        ui -> ui.navigate("crm/opportunities/" + event.getItem().id())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("crm.list.title");
    }
}
