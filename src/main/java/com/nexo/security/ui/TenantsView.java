package com.nexo.security.ui;

import com.nexo.base.paging.CountEstimate;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.PagedList;
import com.nexo.security.Roles;
import com.nexo.security.operators.TenantProvisioning;
import com.nexo.tenancy.Tenant;
import com.nexo.tenancy.TenantList;
import com.nexo.tenancy.TenantList.TenantQuery;
import com.nexo.tenancy.TenantList.TenantSort;
import com.nexo.tenancy.TenantService;
import com.nexo.tenancy.TenantService.TenantRow;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;

/**
 * The platform operator's console: the tenants of the installation, with their status. The operator
 * opens new tenants (with their first administrator), renames, suspends and reactivates them; it never
 * sees what is inside a tenant.
 */
@Route("operator/tenants")
@RolesAllowed(Roles.OPERATOR)
@Menu(order = 0, icon = "vaadin:building", title = "menu.operator.tenants")
public class TenantsView extends Main implements HasDynamicTitle {

    /** Window width (px) from which the language and creation date columns are shown. */
    private static final int WIDE_SCREEN = 1000;

    private final transient TenantService tenants;
    private final transient TenantList list;
    private final transient TenantProvisioning provisioning;
    private final TextField search = new TextField();
    private final Span count = new Span();
    private final Grid<TenantRow> grid = new Grid<>();
    private PagedList<TenantRow, TenantQuery> rows;

    TenantsView(TenantService tenants, TenantList list, TenantProvisioning provisioning) {
        this.tenants = tenants;
        this.list = list;
        this.provisioning = provisioning;
        addClassName("tenants-view");
        count.addClassName("list-count");

        search.setId("tenant-search");
        search.setPlaceholder(getTranslation("tenants.search"));
        search.setAriaLabel(getTranslation("tenants.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> refresh());

        Button create = new Button(
                getTranslation("tenants.new"),
                VaadinIcon.PLUS.create(),
                click -> new NewTenantDialog(provisioning, this::refresh).open());
        create.setId("new-tenant");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        HorizontalLayout toolbar = new HorizontalLayout(search, create);
        toolbar.addClassName("tenants-toolbar");
        toolbar.setWidthFull();
        toolbar.expand(search);

        configureGrid();
        add(toolbar, count, grid);
        refresh();
    }

    private void configureGrid() {
        grid.addClassName("tenants-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(TenantRow::code)
                .setKey("code")
                .setSortProperty(TenantSort.CODE.name())
                .setHeader(getTranslation("tenants.code"))
                .setTooltipGenerator(TenantRow::code)
                .setWidth("10rem")
                .setFlexGrow(0);
        grid.addColumn(TenantRow::name)
                .setKey("name")
                .setSortProperty(TenantSort.NAME.name())
                .setHeader(getTranslation("tenants.name"))
                .setFlexGrow(1);
        grid.addComponentColumn(this::statusBadge)
                .setKey("status")
                .setHeader(getTranslation("tenants.status"))
                .setWidth("8.5rem")
                .setFlexGrow(0);
        Grid.Column<TenantRow> languageColumn = grid.addColumn(row -> getTranslation("language." + row.defaultLocale()))
                .setKey("language")
                .setHeader(getTranslation("tenants.column.language"))
                .setWidth("7rem")
                .setFlexGrow(0);
        Grid.Column<TenantRow> createdColumn = grid.addColumn(
                        row -> row.createdAt() == null ? "" : Format.date(row.createdAt()))
                .setKey("created")
                .setSortProperty(TenantSort.CREATED.name())
                .setHeader(getTranslation("tenants.created"))
                .setWidth("8rem")
                .setFlexGrow(0);
        // On a tablet in portrait the secondary columns give way to code, name, status and actions.
        NarrowScreens.hideColumnsBelow(grid, WIDE_SCREEN, List.of(languageColumn, createdColumn));
        grid.addComponentColumn(this::actions)
                .setKey("actions")
                .setHeader(getTranslation("tenants.actions"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("13rem")
                .setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("tenants.empty"));
        // Pages by key, no count per scroll: the operator's context reads one page of the registry at
        // a time. Newest first until the operator sorts by a column.
        rows = PagedList.bind(
                grid,
                orders -> new TenantQuery(
                        search.getValue(),
                        orders.isEmpty() ? null : PagedList.sort(orders, TenantSort.class, TenantSort.CREATED)),
                list::page);
    }

    private Component statusBadge(TenantRow row) {
        Span badge = new Span(getTranslation("tenants.status." + row.status().name()));
        badge.addClassNames("status-badge", "status-" + row.status().name().toLowerCase(Locale.ROOT));
        return badge;
    }

    private Component actions(TenantRow row) {
        Button rename = new Button(
                getTranslation("tenants.rename"), click -> new RenameTenantDialog(tenants, row, this::refresh).open());
        rename.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Button status;
        if (row.status() == Tenant.Status.ACTIVE) {
            status = new Button(getTranslation("tenants.suspend"), click -> confirmSuspend(row));
            status.addThemeVariants(ButtonVariant.LUMO_ERROR);
        } else {
            status = new Button(getTranslation("tenants.reactivate"), click -> confirmReactivate(row));
            status.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        }
        status.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        HorizontalLayout buttons = new HorizontalLayout(rename, status);
        buttons.setSpacing(false);
        buttons.addClassName("tenant-actions");
        return buttons;
    }

    /** The search changed, or a tenant was saved: the list from its first page, and its count. */
    private void refresh() {
        CountEstimate estimate = list.count(new TenantQuery(search.getValue(), null));
        count.setText(
                estimate.exact()
                        ? getTranslation("tenants.list.count", Format.integer(estimate.value()), estimate.value())
                        : getTranslation(
                                "tenants.list.count-estimated",
                                Format.integer(estimate.exactLimit()),
                                Format.integer(estimate.value())));
        if (rows != null) {
            rows.refresh();
        }
    }

    // --- Suspend and reactivate ------------------------------------------------------------------

    private void confirmSuspend(TenantRow row) {
        confirm(
                getTranslation("tenants.suspend.title", row.name()),
                getTranslation("tenants.suspend.text"),
                getTranslation("tenants.suspend"),
                ButtonVariant.LUMO_ERROR,
                () -> {
                    tenants.suspend(row.id());
                    Feedback.success(getTranslation("tenants.suspend.done", row.name()));
                });
    }

    private void confirmReactivate(TenantRow row) {
        confirm(
                getTranslation("tenants.reactivate.title", row.name()),
                getTranslation("tenants.reactivate.text"),
                getTranslation("tenants.reactivate"),
                ButtonVariant.LUMO_SUCCESS,
                () -> {
                    tenants.reactivate(row.id());
                    Feedback.success(getTranslation("tenants.reactivate.done", row.name()));
                });
    }

    private void confirm(String title, String text, String action, ButtonVariant variant, Runnable work) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        dialog.addClassName("confirm-dialog");
        dialog.add(new Paragraph(text));
        Button cancel = new Button(getTranslation("action.cancel"), click -> dialog.close());
        Button ok = new Button(action, click -> {
            dialog.close();
            work.run();
            refresh();
        });
        ok.setId("confirm-action");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY, variant);
        dialog.getFooter().add(cancel, ok);
        dialog.setWidth("28rem");
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tenants.title");
    }
}
