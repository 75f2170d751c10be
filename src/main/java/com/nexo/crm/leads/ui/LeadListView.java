package com.nexo.crm.leads.ui;

import com.nexo.base.paging.Page;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.GridCells;
import com.nexo.base.ui.PagedList;
import com.nexo.base.ui.QuickSearchField;
import com.nexo.crm.CrmPermissions;
import com.nexo.crm.leads.LeadFilter;
import com.nexo.crm.leads.LeadRow;
import com.nexo.crm.leads.LeadService;
import com.nexo.crm.leads.LeadSource;
import com.nexo.crm.leads.LeadStatus;
import com.nexo.security.CurrentUser;
import com.nexo.security.UserDirectory;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The leads the user sees, newest first, read a page at a time and filtered by status, source,
 * owner and words of the names or e-mail; a badge marks leads with possible duplicates. A new lead is
 * entered in a dialog and opens on its page.
 */
@Route(LeadRoutes.LEADS)
@RolesAllowed(CrmPermissions.READ)
@Menu(title = "crm.leads.menu", order = 15.2, icon = "vaadin:user-star")
public class LeadListView extends Main implements HasDynamicTitle {

    private final transient LeadService leads;
    final QuickSearchField search;
    final Select<LeadStatus> status = new Select<>();
    final Select<LeadSource> source = new Select<>();
    final ComboBox<UserDirectory.UserName> owner = new ComboBox<>();
    final Grid<LeadRow> grid = new Grid<>();
    final Button create;
    private final PagedList<LeadRow, LeadFilter> list;
    private final Map<UUID, String> ownerNames = new HashMap<>();

    public LeadListView(LeadService leads) {
        this.leads = leads;
        addClassNames("list-view", "crm-leads");
        search = new QuickSearchField(getTranslation("crm.leads.list.search"));
        status.setLabel(getTranslation("crm.leads.field.status"));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("crm.leads.list.any-status"));
        status.setItems(LeadStatus.values());
        status.setItemLabelGenerator(
                value -> value == null ? getTranslation("crm.leads.list.any-status") : LeadLabels.status(this, value));
        source.setLabel(getTranslation("crm.leads.field.source"));
        source.setEmptySelectionAllowed(true);
        source.setEmptySelectionCaption(getTranslation("crm.leads.list.any-source"));
        source.setItems(LeadSource.values());
        source.setItemLabelGenerator(
                value -> value == null ? getTranslation("crm.leads.list.any-source") : LeadLabels.source(this, value));
        List<UserDirectory.UserName> owners = leads.owners();
        owners.forEach(user -> ownerNames.put(user.id(), user.displayName()));
        owner.setLabel(getTranslation("crm.leads.field.owner"));
        owner.setClearButtonVisible(true);
        owner.setPlaceholder(getTranslation("crm.leads.list.any-owner"));
        owner.setItems(owners);
        owner.setItemLabelGenerator(UserDirectory.UserName::displayName);

        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(GridCells.twoLinesRenderer(LeadRow::title, row -> row.email() == null ? "" : row.email()))
                .setHeader(getTranslation("crm.leads.list.lead"))
                .setFlexGrow(3);
        grid.addColumn(GridCells.badgeRenderer(
                        row -> row.duplicates() == 0
                                ? ""
                                : getTranslation("crm.leads.list.duplicates", row.duplicates()),
                        row -> row.duplicates() == 0 ? "" : "warning small"))
                .setHeader(getTranslation("crm.leads.list.duplicates-column"))
                .setWidth("11.5rem")
                .setFlexGrow(0);
        grid.addColumn(GridCells.badgeRenderer(
                        row -> LeadLabels.status(this, row.status()), row -> LeadLabels.statusVariant(row.status())))
                .setHeader(getTranslation("crm.leads.field.status"))
                .setWidth("9.5rem")
                .setFlexGrow(0);
        Grid.Column<LeadRow> sourceColumn = grid.addColumn(row -> LeadLabels.source(this, row.source()))
                .setHeader(getTranslation("crm.leads.field.source"))
                .setAutoWidth(true);
        Grid.Column<LeadRow> ownerColumn = grid.addColumn(row -> row.ownerId() == null
                        ? getTranslation("crm.leads.list.unowned")
                        : ownerNames.getOrDefault(row.ownerId(), ""))
                .setHeader(getTranslation("crm.leads.field.owner"))
                .setAutoWidth(true);
        Grid.Column<LeadRow> createdColumn = grid.addColumn(row -> Format.date(row.createdAt()))
                .setHeader(getTranslation("crm.leads.list.created"))
                .setAutoWidth(true);
        com.nexo.base.ui.NarrowScreens.hideColumnsBelow(grid, 1000, List.of(sourceColumn, ownerColumn, createdColumn));
        grid.setEmptyStateText(getTranslation("crm.leads.list.empty"));
        grid.addItemClickListener(click -> open(click.getItem().id()));
        list = PagedList.bind(grid, orders -> currentFilter(), (filter, after, limit) -> {
            Page<LeadRow> page = leads.page(filter, after, limit);
            return page;
        });
        status.addValueChangeListener(change -> list.refresh());
        source.addValueChangeListener(change -> list.refresh());
        owner.addValueChangeListener(change -> list.refresh());
        search.addValueChangeListener(change -> list.refresh());

        create = new Button(getTranslation("crm.leads.list.new"), VaadinIcon.PLUS.create(), click -> openNew());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(CurrentUser.can(CrmPermissions.CREATE));
        Div toolbar = new Div(search, status, source, owner, create);
        toolbar.addClassName("list-toolbar");
        add(new H2(getTranslation("crm.leads.list.title")), toolbar, grid);
        setSizeFull();
    }

    /** Opens the new lead dialog. */
    LeadDialog openNew() {
        LeadDialog dialog = new LeadDialog(leads, leads.newForm(), this::open);
        dialog.open();
        return dialog;
    }

    private void open(UUID id) {
        getUI().ifPresent(ui -> ui.navigate(LeadRoutes.LEADS + "/" + id));
    }

    private LeadFilter currentFilter() {
        return new LeadFilter(
                status.getValue(),
                owner.getValue() == null ? null : owner.getValue().id(),
                source.getValue(),
                search.getValue());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("crm.leads.list.title");
    }
}
