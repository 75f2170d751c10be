package com.nexo.articles.ui;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.warehouses.LocationRow;
import com.nexo.articles.warehouses.WarehouseRow;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.articles.warehouses.WarehouseSort;
import com.nexo.base.paging.Sort;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PagedList;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;

/**
 * The warehouses of the organisation (code, name, address, whether they may hold negative stock,
 * whether they are active), a form to create and edit them, and the locations of the one selected.
 */
@Route("stock/warehouses")
@RolesAllowed(ArticlePermissions.STOCK_CONFIGURE)
@Menu(title = "menu.warehouses", order = 21.3, icon = "vaadin:storage")
public class WarehousesView extends Main implements HasDynamicTitle {

    private final transient WarehouseService warehouses;

    final Grid<WarehouseRow> grid = new Grid<>();
    private final PagedList<WarehouseRow, Sort<WarehouseSort>> list;
    final Button create = new Button();
    final Button edit = new Button();
    final Button showStock = new Button();
    final H3 locationsTitle = new H3();
    final Grid<LocationRow> locations = new Grid<>();
    final TextField locationCode = new TextField();
    final TextField locationName = new TextField();
    final Button addLocation = new Button();
    private final Div locationPanel = new Div();

    public WarehousesView(WarehouseService warehouses) {
        this.warehouses = warehouses;
        addClassName("list-view");
        addClassName("warehouses-view");

        grid.addColumn(WarehouseRow::code)
                .setHeader(getTranslation("warehouses.field.code"))
                .setSortProperty(WarehouseSort.CODE.name())
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(WarehouseRow::name)
                .setHeader(getTranslation("warehouses.field.name"))
                .setSortProperty(WarehouseSort.NAME.name());
        Grid.Column<WarehouseRow> addressColumn = grid.addColumn(
                        value -> value.address() == null ? "" : value.address())
                .setHeader(getTranslation("warehouses.field.address"));
        grid.addColumn(value ->
                        value.allowNegative() ? getTranslation("warehouses.yes") : getTranslation("warehouses.no"))
                .setHeader(getTranslation("warehouses.column.negative"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::status)
                .setHeader(getTranslation("warehouses.column.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        NarrowScreens.hideColumnsBelow(grid, 1000, List.of(addressColumn));
        list = PagedList.bind(
                grid, orders -> PagedList.sort(orders, WarehouseSort.class, WarehouseSort.CODE), warehouses::page);
        grid.setEmptyStateText(getTranslation("warehouses.empty"));
        grid.addClassName("warehouses-grid");
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(event -> selected(event.getValue()));
        grid.addItemDoubleClickListener(click -> openEdit(click.getItem().id()));

        create.setText(getTranslation("warehouses.new"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(
                event -> WarehouseFormDialog.forNew(warehouses, this::saved).open());
        edit.setText(getTranslation("warehouses.edit"));
        edit.setIcon(VaadinIcon.EDIT.create());
        edit.addClickListener(event -> openEdit(grid.asSingleSelect().getValue().id()));
        showStock.setText(getTranslation("warehouses.show-stock"));
        showStock.setIcon(VaadinIcon.TABLE.create());
        showStock.addClickListener(event -> getUI().ifPresent(ui -> ui.navigate(
                WarehouseStockView.class,
                WarehouseStockView.linkTo(grid.asSingleSelect().getValue().id()))));
        Div actions = new Div(edit, showStock, create);
        actions.addClassName("list-actions");
        Div toolbar = new Div(new H2(getTranslation("warehouses.title")), actions);
        toolbar.addClassName("list-toolbar");

        locations
                .addColumn(LocationRow::code)
                .setHeader(getTranslation("warehouses.location.code"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        locations
                .addColumn(value -> value.name() == null ? "" : value.name())
                .setHeader(getTranslation("warehouses.location.name"));
        locations
                .addComponentColumn(this::renameButton)
                .setKey("rename")
                .setAutoWidth(true)
                .setFlexGrow(0);
        locations.setAllRowsVisible(true);
        locations.setEmptyStateText(getTranslation("warehouses.location.empty"));
        locationCode.setLabel(getTranslation("warehouses.location.code"));
        locationCode.setMaxLength(24);
        locationName.setLabel(getTranslation("warehouses.location.name"));
        locationName.setMaxLength(120);
        addLocation.setText(getTranslation("warehouses.location.add"));
        addLocation.setIcon(VaadinIcon.PLUS.create());
        addLocation.addClickListener(event -> addLocation());
        Div locationEntry = new Div(locationCode, locationName, addLocation);
        locationEntry.addClassName("list-toolbar");
        locationEntry.addClassName("location-entry");
        locationPanel.add(locationsTitle, locationEntry, locations);
        locationPanel.addClassName("warehouse-locations");

        add(toolbar, grid, locationPanel);
        selected(null);
    }

    private Span status(WarehouseRow warehouse) {
        Span badge = new Span(
                warehouse.active() ? getTranslation("warehouses.active") : getTranslation("warehouses.inactive"));
        badge.getElement().getThemeList().add(warehouse.active() ? "badge success" : "badge contrast");
        return badge;
    }

    private Button renameButton(LocationRow location) {
        Button rename = new Button(VaadinIcon.EDIT.create(), event -> openRename(location));
        rename.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        rename.setAriaLabel(getTranslation("warehouses.location.rename", location.code()));
        rename.setTooltipText(getTranslation("warehouses.location.rename", location.code()));
        return rename;
    }

    private void selected(WarehouseRow warehouse) {
        edit.setEnabled(warehouse != null);
        showStock.setEnabled(warehouse != null);
        locationPanel.setVisible(warehouse != null);
        if (warehouse != null) {
            locationsTitle.setText(getTranslation("warehouses.location.title", warehouse.code()));
            locations.setItems(warehouses.listLocations(warehouse.id()));
        }
    }

    private void openEdit(UUID warehouseId) {
        WarehouseFormDialog.forEdit(warehouses, warehouseId, this::saved).open();
    }

    private void saved(UUID warehouseId) {
        list.refresh();
        WarehouseRow fresh = warehouses.warehouse(warehouseId);
        grid.asSingleSelect().setValue(fresh);
    }

    void addLocation() {
        WarehouseRow warehouse = grid.asSingleSelect().getValue();
        if (warehouse == null) {
            return;
        }
        String code = locationCode.getValue().strip();
        try {
            warehouses.addLocation(warehouse.id(), code, locationName.getValue());
        } catch (ArticleRuleException e) {
            locationCode.setInvalid(true);
            locationCode.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        locationCode.setInvalid(false);
        locationCode.clear();
        locationName.clear();
        Notices.success(getTranslation("warehouses.location.added", code));
        locations.setItems(warehouses.listLocations(warehouse.id()));
    }

    private void openRename(LocationRow location) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("warehouses.location.rename", location.code()));
        TextField name = new TextField(getTranslation("warehouses.location.name"));
        name.setValue(location.name() == null ? "" : location.name());
        name.setMaxLength(120);
        name.setWidthFull();
        dialog.add(name);
        Button save = new Button(getTranslation("action.save"), event -> {
            try {
                warehouses.renameLocation(location.id(), name.getValue());
            } catch (ArticleRuleException e) {
                Notices.error(getTranslation(e.messageKey(), e.arguments()));
                return;
            }
            dialog.close();
            locations.setItems(warehouses.listLocations(location.warehouseId()));
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), event -> dialog.close()), save);
        dialog.setWidth("28rem");
        dialog.setMaxWidth("100%");
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("warehouses.title");
    }
}
