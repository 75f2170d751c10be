package com.nexo.production.ui;

import com.nexo.base.ui.GridCells;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.production.ProductionPermissions;
import com.nexo.production.orders.ShortageRow;
import com.nexo.production.orders.ShortageService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * What open production orders miss, per article: the orders and how much each misses, what is on
 * hand, available and incoming from purchasing, and what is left to buy.
 */
@Route("production/shortages")
@RolesAllowed(ProductionPermissions.READ)
@Menu(title = "menu.production-shortages", order = 50.2, icon = "vaadin:exclamation-circle-o")
public class ShortageListView extends Main implements HasDynamicTitle {

    private final transient ShortageService shortages;
    final Grid<ShortageRow> grid = new Grid<>();

    public ShortageListView(ShortageService shortages) {
        this.shortages = shortages;
        addClassNames("list-view", "production-shortages");
        Button refresh = new Button(getTranslation("production.shortages.refresh"), VaadinIcon.REFRESH.create());
        refresh.setId("shortages-refresh");
        refresh.addClickListener(click -> load());
        Div toolbar = new Div(refresh);
        toolbar.addClassName("list-toolbar");
        configureGrid();
        add(new H2(getTranslation("production.shortages.title")), toolbar, grid);
        setSizeFull();
        load();
    }

    private void configureGrid() {
        grid.setId("shortage-list");
        grid.addClassName("list-grid");
        grid.addComponentColumn(row -> GridCells.twoLines(row.articleCode(), row.articleName()))
                .setHeader(getTranslation("production.orders.field.article"))
                .setWidth("11rem")
                .setFlexGrow(3);
        Grid.Column<ShortageRow> ordersColumn = grid.addComponentColumn(this::orders)
                .setHeader(getTranslation("production.shortages.orders"))
                .setWidth("11rem")
                .setFlexGrow(2);
        grid.addColumn(row -> ProductionOrderTexts.quantity(row.missing()))
                .setHeader(getTranslation("production.shortages.missing"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("6rem")
                .setFlexGrow(1);
        Grid.Column<ShortageRow> onHand = grid.addColumn(row -> ProductionOrderTexts.quantity(row.onHand()))
                .setHeader(getTranslation("production.shortages.on-hand"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("6rem")
                .setFlexGrow(1);
        grid.addColumn(row -> ProductionOrderTexts.quantity(row.available()))
                .setHeader(getTranslation("production.shortages.available"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("6rem")
                .setFlexGrow(1);
        Grid.Column<ShortageRow> incoming = grid.addColumn(row -> ProductionOrderTexts.quantity(row.incoming()))
                .setHeader(getTranslation("production.shortages.incoming"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("6rem")
                .setFlexGrow(1);
        grid.addColumn(row -> ProductionOrderTexts.quantity(row.toBuy()))
                .setHeader(getTranslation("production.shortages.to-buy"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("6rem")
                .setFlexGrow(1);
        NarrowScreens.hideColumnsBelow(grid, 900, List.of(ordersColumn, onHand, incoming));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.setEmptyStateText(getTranslation("production.shortages.empty"));
    }

    /** Each order that misses the article, linked, with how much it misses. */
    private Component orders(ShortageRow row) {
        Div links = new Div();
        links.addClassName("shortage-orders");
        for (ShortageRow.OrderShortage order : row.orders()) {
            RouterLink link = new RouterLink(
                    order.number() + " (" + ProductionOrderTexts.quantity(order.missing()) + ")",
                    ProductionOrderView.class,
                    ProductionOrderView.parameters(order.orderId()));
            links.add(new Div(link));
        }
        return links;
    }

    private void load() {
        grid.setItems(shortages.shortages(getLocale()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("production.shortages.title");
    }
}
