package com.nexo.production.ui;

import com.nexo.articles.ArticleDirectory;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.GridCells;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.production.ProductionPermissions;
import com.nexo.production.orders.OrderFilter;
import com.nexo.production.orders.OrderRow;
import com.nexo.production.orders.OrderStatus;
import com.nexo.production.orders.ProductionOrderQueries;
import com.nexo.production.orders.ProductionOrderService;
import com.nexo.production.work.WorkService;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Production orders, by due date: a lazy list filtered by state, due date and number or article. */
@Route("production/orders")
@RolesAllowed(ProductionPermissions.READ)
@Menu(title = "menu.production-orders", order = 50.1, icon = "vaadin:factory")
public class ProductionOrderListView extends Main implements HasDynamicTitle {

    private final transient ProductionOrderQueries queries;
    final ComboBox<OrderStatus> status = new ComboBox<>();
    final DatePicker dueBefore = new DatePicker();
    final TextField search = new TextField();
    final Grid<OrderRow> grid = new Grid<>();

    public ProductionOrderListView(
            ProductionOrderQueries queries,
            ProductionOrderService orders,
            ArticleDirectory directory,
            WorkService work,
            Clock clock) {
        this.queries = queries;
        addClassNames("list-view", "production-orders-list");
        status.setId("order-status-filter");
        status.setLabel(getTranslation("production.orders.filter.status"));
        status.setItems(OrderStatus.values());
        status.setItemLabelGenerator(value -> ProductionOrderTexts.status(this, value));
        status.setClearButtonVisible(true);
        status.addValueChangeListener(event -> grid.getDataProvider().refreshAll());
        dueBefore.setId("order-due-filter");
        dueBefore.setLabel(getTranslation("production.orders.filter.due-before"));
        dueBefore.setClearButtonVisible(true);
        dueBefore.addValueChangeListener(event -> grid.getDataProvider().refreshAll());
        search.setId("order-search");
        search.setLabel(getTranslation("production.orders.filter.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(event -> grid.getDataProvider().refreshAll());

        Div actions = new Div();
        actions.addClassName("list-actions");
        if (CurrentUser.can(ProductionPermissions.RELEASE)) {
            Button create = new Button(getTranslation("production.orders.new"), VaadinIcon.PLUS.create());
            create.setId("order-new");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.addClickListener(click ->
                    new ProductionOrderDialog(orders, directory, work.workCentres(false), clock, this::open).open());
            actions.add(create);
        }
        configureGrid();
        Div toolbar = new Div(search, status, dueBefore, actions);
        toolbar.addClassName("list-toolbar");
        add(new H2(getTranslation("production.orders.title")), toolbar, grid);
        setSizeFull();
    }

    private void configureGrid() {
        grid.setId("order-list");
        grid.addClassNames("list-grid", "clickable-rows");
        grid.addColumn(row -> row.number() == null ? getTranslation("production.orders.no-number") : row.number())
                .setKey("number")
                .setHeader(getTranslation("production.orders.field.number"))
                .setWidth("10rem")
                .setFlexGrow(1);
        grid.addComponentColumn(row -> GridCells.twoLines(row.articleCode(), row.articleName()))
                .setKey("article")
                .setHeader(getTranslation("production.orders.field.article"))
                .setWidth("12rem")
                .setFlexGrow(3);
        Grid.Column<OrderRow> state = grid.addColumn(row -> ProductionOrderTexts.status(this, row.status()))
                .setKey("status")
                .setHeader(getTranslation("production.orders.field.status"))
                .setWidth("8rem")
                .setFlexGrow(1);
        Grid.Column<OrderRow> produced = grid.addColumn(row -> ProductionOrderTexts.quantity(row.producedQuantity())
                        + " / " + ProductionOrderTexts.quantity(row.quantity()))
                .setKey("quantity")
                .setHeader(getTranslation("production.orders.field.produced-of"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("8rem")
                .setFlexGrow(0);
        grid.addColumn(row -> Format.date(row.dueDate()))
                .setKey("due")
                .setHeader(getTranslation("production.orders.field.due"))
                .setWidth("7.5rem")
                .setFlexGrow(0);
        NarrowScreens.hideColumnsBelow(grid, 900, List.of(state, produced));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.setEmptyStateText(getTranslation("production.orders.empty"));
        grid.setItems(
                query -> queries.list(filter(), query.getOffset(), query.getLimit(), getLocale()).stream(),
                query -> queries.count(filter()));
        grid.addItemClickListener(event -> open(event.getItem().id()));
    }

    OrderFilter filter() {
        return new OrderFilter(status.getValue(), dueBefore.getValue(), search.getValue());
    }

    private void open(UUID orderId) {
        getUI().ifPresent(ui -> ui.navigate(ProductionOrderView.class, ProductionOrderView.parameters(orderId)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("production.orders.title");
    }
}
