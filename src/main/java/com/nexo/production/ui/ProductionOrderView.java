package com.nexo.production.ui;

import com.nexo.articles.ArticleRuleException;
import com.nexo.base.Ids;
import com.nexo.base.ui.DetailSections;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.GridCells;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PageTitles;
import com.nexo.production.ProductionPermissions;
import com.nexo.production.ProductionRuleException;
import com.nexo.production.orders.CostComparison;
import com.nexo.production.orders.OrderDetails;
import com.nexo.production.orders.OrderEntry;
import com.nexo.production.orders.OrderHeader;
import com.nexo.production.orders.OrderMaterial;
import com.nexo.production.orders.OrderStatus;
import com.nexo.production.orders.ProductionOrderQueries;
import com.nexo.production.orders.ProductionOrderService;
import com.nexo.production.orders.ReleaseResult;
import com.nexo.production.work.TaskFiles;
import com.nexo.production.work.WorkService;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One production order: its state and the steps it allows (by state and by the user's permissions),
 * its materials with what is reserved, consumed and short (and the child order that makes a missing
 * sub-assembly), its service tasks with the time recorded on them, what was recorded on it, and its
 * actual cost against the standard.
 */
@Route("production/orders/:orderId")
@RolesAllowed(ProductionPermissions.READ)
public class ProductionOrderView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String PARAMETER = "orderId";

    private final transient ProductionOrderService orders;
    private final transient ProductionOrderQueries queries;
    private final transient WorkService work;
    private final transient TaskFiles taskFiles;
    private OrderDetails details;

    final H2 title = new H2();
    final Span status = new Span();
    final Div facts = new Div();
    final Div actions = new Div();
    final Grid<OrderMaterial> materials = new Grid<>();
    final Grid<OrderEntry> entries = new Grid<>();
    final Div costs = new Div();
    /** The order's service tasks with their time, once it is released (a draft has none yet). */
    final Div tasksSlot = new Div();

    public ProductionOrderView(
            ProductionOrderService orders, ProductionOrderQueries queries, WorkService work, TaskFiles taskFiles) {
        this.orders = orders;
        this.queries = queries;
        this.work = work;
        this.taskFiles = taskFiles;
        // account-detail: the padding every record page has (nexo.css).
        addClassNames("account-detail", "production-order-view");
        status.setId("order-status");
        status.addClassName("status-badge");
        status.getElement().getThemeList().add("badge");
        facts.addClassName("production-order-facts");
        wrapping(facts);
        wrapping(costs);
        actions.setId("order-actions");
        actions.addClassName("list-actions");
        Div header = new Div(title, status);
        header.addClassName("detail-header");
        configureMaterials();
        configureEntries();
        costs.setId("order-costs");
        tasksSlot.setId("order-tasks-slot");
        add(
                header,
                facts,
                actions,
                DetailSections.section(getTranslation("production.orders.materials"), materials),
                tasksSlot,
                DetailSections.section(getTranslation("production.orders.costs"), costs),
                DetailSections.section(getTranslation("production.orders.entries"), entries));
    }

    /** The route parameters of an order's page. */
    public static RouteParameters parameters(UUID orderId) {
        return new RouteParameters(PARAMETER, orderId.toString());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> id = event.getRouteParameters().get(PARAMETER).flatMap(Ids::parse);
        if (id.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        try {
            load(id.get());
        } catch (ProductionRuleException e) {
            // Not there or another tenant's: the same answer, which gives nothing away.
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void load(UUID orderId) {
        details = queries.details(orderId, getLocale());
        show();
    }

    private void reload() {
        load(details.header().id());
        PageTitles.refresh(this);
    }

    private void show() {
        OrderHeader head = details.header();
        showTasks(head);
        title.setText(getPageTitle());
        status.setText(ProductionOrderTexts.status(this, head.status()));
        facts.removeAll();
        facts.add(
                fact(
                        getTranslation("production.orders.field.article"),
                        details.articleCode() + " · " + details.articleName()),
                fact(
                        getTranslation("production.orders.field.produced-of"),
                        ProductionOrderTexts.quantity(head.producedQuantity()) + " / "
                                + ProductionOrderTexts.quantity(head.quantity()) + " " + details.unitCode()),
                fact(
                        getTranslation("production.orders.field.scrapped"),
                        ProductionOrderTexts.quantity(head.scrappedQuantity())),
                fact(getTranslation("production.orders.field.due"), Format.date(head.dueDate())),
                fact(getTranslation("production.orders.field.warehouse"), details.warehouseCode()));
        if (head.parentId() != null) {
            RouterLink parent = new RouterLink(
                    details.parentNumber() == null ? "—" : details.parentNumber(),
                    ProductionOrderView.class,
                    parameters(head.parentId()));
            parent.setId("order-parent");
            Div box = new Div(new Span(getTranslation("production.orders.field.parent")), parent);
            box.addClassName("production-order-fact");
            facts.add(box);
        }
        if (head.status() == OrderStatus.CANCELLED && head.cancelReason() != null) {
            facts.add(fact(getTranslation("production.orders.field.cancel-reason"), head.cancelReason()));
        }
        showActions(head);
        materials.setItems(details.materials());
        entries.setItems(details.entries());
        showCosts(details.costs());
    }

    /** Label-and-value boxes side by side, wrapping to the next line on a narrow screen. */
    private static void wrapping(Div box) {
        box.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("gap", "var(--lumo-space-s) var(--lumo-space-l)")
                .set("margin-block", "var(--lumo-space-s)");
    }

    private static Div fact(String label, String value) {
        Span name = new Span(label);
        name.addClassName("fact-label");
        name.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Span text = new Span(value);
        text.addClassName("fact-value");
        Div box = new Div(name, text);
        box.addClassName("production-order-fact");
        box.getStyle().set("display", "flex").set("flex-direction", "column").set("min-width", "8rem");
        return box;
    }

    private void showTasks(OrderHeader head) {
        tasksSlot.removeAll();
        if (head.status() == OrderStatus.DRAFT || head.status() == OrderStatus.CANCELLED) {
            return;
        }
        boolean workable = head.status().isWorkable();
        tasksSlot.add(DetailSections.section(
                getTranslation("production.orders.tasks"),
                new OrderTasksSection(
                        work,
                        taskFiles,
                        head.id(),
                        workable && CurrentUser.can(ProductionPermissions.RELEASE),
                        workable && CurrentUser.can(ProductionPermissions.RECORD))));
    }

    private void showActions(OrderHeader head) {
        actions.removeAll();
        OrderStatus state = head.status();
        if (state == OrderStatus.DRAFT && CurrentUser.can(ProductionPermissions.RELEASE)) {
            actions.add(button(
                    "order-release", getTranslation("production.orders.release"), VaadinIcon.PLAY_CIRCLE, true, () -> {
                        ReleaseResult result = orders.release(head.id(), head.version());
                        Notices.success(
                                result.shortMaterials() > 0
                                        ? getTranslation(
                                                "production.orders.released-short",
                                                result.number(),
                                                result.childOrderIds().size(),
                                                result.shortMaterials())
                                        : getTranslation(
                                                "production.orders.released",
                                                result.number(),
                                                result.childOrderIds().size()));
                    }));
        }
        if (state.isWorkable() && CurrentUser.can(ProductionPermissions.RECORD)) {
            if (state == OrderStatus.RELEASED) {
                actions.add(button(
                        "order-start",
                        getTranslation("production.orders.start"),
                        VaadinIcon.PLAY,
                        false,
                        () -> orders.start(head.id())));
            }
            Button consume = new Button(getTranslation("production.orders.consume"), VaadinIcon.OUTBOX.create());
            consume.setId("order-consume");
            consume.addClickListener(click -> new ProductionOrderConsumeDialog(orders, details, this::reload).open());
            Button produce = new Button(getTranslation("production.orders.produce"), VaadinIcon.INBOX.create());
            produce.setId("order-produce");
            produce.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            produce.addClickListener(click -> new ProductionOrderProduceDialog(orders, details, this::reload).open());
            Button scrap = new Button(getTranslation("production.orders.scrap"), VaadinIcon.TRASH.create());
            scrap.setId("order-scrap");
            scrap.addClickListener(click -> new ProductionOrderScrapDialog(orders, details, this::reload).open());
            actions.add(consume, produce, scrap);
            actions.add(button(
                    "order-complete", getTranslation("production.orders.complete"), VaadinIcon.CHECK, false, () -> {
                        orders.complete(head.id());
                        Notices.success(getTranslation("production.orders.completed"));
                    }));
        }
        if (state == OrderStatus.COMPLETED && CurrentUser.can(ProductionPermissions.CLOSE)) {
            actions.add(button("order-close", getTranslation("production.orders.close"), VaadinIcon.LOCK, true, () -> {
                CostComparison result = orders.close(head.id(), head.version());
                Notices.success(getTranslation(
                        "production.orders.closed",
                        ProductionOrderTexts.money(result.actualTotal()),
                        ProductionOrderTexts.money(result.standardTotal()),
                        ProductionOrderTexts.money(result.variance())));
            }));
        }
        if ((state == OrderStatus.DRAFT || state == OrderStatus.RELEASED)
                && CurrentUser.can(ProductionPermissions.CANCEL)) {
            Button cancel = new Button(getTranslation("production.orders.cancel"), VaadinIcon.CLOSE_CIRCLE.create());
            cancel.setId("order-cancel");
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            cancel.addClickListener(click -> new ProductionOrderCancelDialog(orders, details, this::reload).open());
            actions.add(cancel);
        }
    }

    /** A button that runs one step and shows the page again; a refusal is told in the user's language. */
    private Button button(String id, String text, VaadinIcon icon, boolean primary, Runnable step) {
        Button button = new Button(text, icon.create());
        button.setId(id);
        if (primary) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        button.addClickListener(click -> {
            try {
                step.run();
            } catch (ProductionRuleException e) {
                Notices.error(ProductionOrderTexts.refusal(this, e));
            } catch (ArticleRuleException e) {
                Notices.error(getTranslation(e.messageKey(), e.arguments()));
            }
            reload();
        });
        return button;
    }

    private void configureMaterials() {
        materials.setId("order-materials");
        materials.setAllRowsVisible(true);
        materials.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        materials
                .addComponentColumn(m -> GridCells.twoLines(m.articleCode(), m.articleName()))
                .setHeader(getTranslation("production.orders.field.article"))
                .setWidth("12rem")
                .setFlexGrow(3);
        materials
                .addColumn(m -> ProductionOrderTexts.quantity(m.required()))
                .setHeader(getTranslation("production.orders.field.required"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("6rem")
                .setFlexGrow(1);
        Grid.Column<OrderMaterial> reserved = materials
                .addColumn(m -> ProductionOrderTexts.quantity(m.reserved()))
                .setHeader(getTranslation("production.orders.field.reserved"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("6rem")
                .setFlexGrow(1);
        materials
                .addColumn(m -> ProductionOrderTexts.quantity(m.consumed()))
                .setHeader(getTranslation("production.orders.field.consumed"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("6rem")
                .setFlexGrow(1);
        materials
                .addComponentColumn(this::shortCell)
                .setHeader(getTranslation("production.orders.field.short"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("7rem")
                .setFlexGrow(1);
        Grid.Column<OrderMaterial> unit = materials
                .addColumn(OrderMaterial::unitCode)
                .setHeader(getTranslation("production.orders.field.unit"))
                .setWidth("4rem")
                .setFlexGrow(0);
        NarrowScreens.hideColumnsBelow(materials, 700, List.of(reserved, unit));
    }

    /** The short quantity, or the child order that makes the missing sub-assembly. */
    private Component shortCell(OrderMaterial material) {
        if (material.childOrderId() != null) {
            RouterLink child = new RouterLink(
                    material.childOrderNumber() == null ? "—" : material.childOrderNumber(),
                    ProductionOrderView.class,
                    parameters(material.childOrderId()));
            child.addClassName("order-child-link");
            return child;
        }
        if (details == null || !details.header().status().isWorkable()) {
            return new Span("—"); // a finished or cancelled order misses nothing any more
        }
        Span quantity = new Span(ProductionOrderTexts.quantity(material.shortQuantity()));
        if (material.shortQuantity().signum() > 0) {
            quantity.getElement().getThemeList().add("badge error");
        }
        return quantity;
    }

    private void configureEntries() {
        entries.setId("order-entries");
        entries.setAllRowsVisible(true);
        entries.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        entries.addColumn(e -> Format.dateTime(e.recordedAt()))
                .setHeader(getTranslation("production.orders.field.when"))
                .setWidth("9rem")
                .setFlexGrow(0);
        entries.addColumn(e -> ProductionOrderTexts.kind(this, e.kind()))
                .setHeader(getTranslation("production.orders.field.kind"))
                .setWidth("7rem")
                .setFlexGrow(0);
        entries.addComponentColumn(
                        e -> GridCells.twoLines(e.articleCode(), e.reason() == null ? e.articleName() : e.reason()))
                .setHeader(getTranslation("production.orders.field.article"))
                .setWidth("10rem")
                .setFlexGrow(3);
        entries.addColumn(e -> ProductionOrderTexts.quantity(e.quantity()))
                .setHeader(getTranslation("production.orders.field.quantity"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("6rem")
                .setFlexGrow(1);
    }

    private void showCosts(CostComparison cost) {
        costs.removeAll();
        costs.addClassName("production-order-costs");
        costs.add(
                costRow(
                        getTranslation("production.orders.cost.material"),
                        cost.standardMaterial(),
                        cost.actualMaterial()),
                costRow(getTranslation("production.orders.cost.service"), cost.standardService(), cost.actualService()),
                costRow(getTranslation("production.orders.cost.total"), cost.standardTotal(), cost.actualTotal()),
                fact(
                        getTranslation("production.orders.cost.per-unit"),
                        getTranslation(
                                "production.orders.cost.per-unit-value",
                                ProductionOrderTexts.money(cost.standardPerUnit()),
                                ProductionOrderTexts.money(cost.actualPerUnit()))),
                fact(
                        getTranslation("production.orders.cost.variance"),
                        cost.variancePercent() == null
                                ? ProductionOrderTexts.money(cost.variance())
                                : getTranslation(
                                        "production.orders.cost.variance-value",
                                        ProductionOrderTexts.money(cost.variance()),
                                        Format.decimal(cost.variancePercent(), 0, 2))));
    }

    private Div costRow(String label, BigDecimal standard, BigDecimal actual) {
        return fact(
                label,
                getTranslation(
                        "production.orders.cost.standard-actual",
                        ProductionOrderTexts.money(standard),
                        ProductionOrderTexts.money(actual)));
    }

    /** The order shown (for tests and the lead's tasks section). */
    OrderDetails details() {
        return details;
    }

    @Override
    public String getPageTitle() {
        if (details == null) {
            return getTranslation("production.orders.title");
        }
        String number = details.header().number();
        return number == null
                ? getTranslation("production.orders.draft-title", details.articleCode())
                : getTranslation("production.orders.page-title", number);
    }
}
