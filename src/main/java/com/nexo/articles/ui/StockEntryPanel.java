package com.nexo.articles.ui;

import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.stock.MovementForm;
import com.nexo.articles.stock.StockArticle;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.units.UnitRow;
import com.nexo.articles.warehouses.LocationRow;
import com.nexo.articles.warehouses.WarehouseRow;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.base.ui.Notices;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.List;
import java.util.UUID;

/**
 * Receipts and issues of the article a stock screen shows, typed in place (one form, checked as the
 * user types, saved with one service call), and the buttons that open a transfer or an adjustment.
 * Only for whoever may move stock.
 */
class StockEntryPanel extends Div {

    private final transient StockService stock;
    private final transient WarehouseService warehouses;
    private final transient List<UnitRow> units;
    private final List<WarehouseRow> active;
    private final transient Runnable onMoved;
    private final BeanValidationBinder<MovementForm> binder = new BeanValidationBinder<>(MovementForm.class);
    private StockArticle article;

    final ComboBox<WarehouseRow> warehouse = new ComboBox<>();
    final ComboBox<LocationRow> location = new ComboBox<>();
    final BigDecimalField quantity = new BigDecimalField();
    final ComboBox<UnitRow> unit = new ComboBox<>();
    final TextField reason = new TextField();
    final TextField document = new TextField();
    final Button receive = new Button();
    final Button issue = new Button();
    final Button transfer = new Button();
    final Button adjust = new Button();

    StockEntryPanel(
            StockService stock,
            WarehouseService warehouses,
            List<WarehouseRow> active,
            List<UnitRow> units,
            Runnable onMoved) {
        this.stock = stock;
        this.warehouses = warehouses;
        this.active = active;
        this.units = units;
        this.onMoved = onMoved;
        addClassNames("list-toolbar", "stock-entry");

        warehouse.setLabel(getTranslation("stock.warehouse"));
        warehouse.setItems(active);
        warehouse.setItemLabelGenerator(StockFields::warehouse);
        warehouse.addValueChangeListener(event -> offerLocations());
        location.setLabel(getTranslation("stock.location"));
        location.setItemLabelGenerator(StockFields::location);
        location.setClearButtonVisible(true);
        location.setVisible(false);
        quantity.setLabel(getTranslation("stock.quantity"));
        unit.setLabel(getTranslation("stock.unit"));
        unit.setItemLabelGenerator(value -> StockFields.unit(getLocale(), value));
        unit.setWidth("10rem");
        reason.setLabel(getTranslation("stock.reason"));
        reason.setMaxLength(200);
        document.setLabel(getTranslation("stock.document"));
        document.setMaxLength(80);

        binder.forField(warehouse)
                .withConverter(
                        StockFields::idOf, id -> StockFields.find(active, id).orElse(null))
                .bind("warehouseId");
        binder.forField(location)
                .withConverter(StockFields::idOf, id -> location.getValue())
                .bind("locationId");
        binder.forField(quantity).bind("quantity");
        binder.forField(unit)
                .withConverter(StockFields::idOf, id -> unit.getValue())
                .bind("unitId");
        binder.forField(reason).bind("reason");
        binder.forField(document).bind("document");
        binder.readRecord(
                MovementForm.in(active.isEmpty() ? null : active.getFirst().id(), null));

        receive.setText(getTranslation("stock.receive"));
        receive.setIcon(VaadinIcon.ARROW_DOWN.create());
        receive.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        receive.addClickListener(event -> move(true));
        issue.setText(getTranslation("stock.issue"));
        issue.setIcon(VaadinIcon.ARROW_UP.create());
        issue.addClickListener(event -> move(false));
        transfer.setText(getTranslation("stock.transfer"));
        transfer.setIcon(VaadinIcon.EXCHANGE.create());
        transfer.addClickListener(event -> openTransfer());
        adjust.setText(getTranslation("stock.adjust"));
        adjust.setIcon(VaadinIcon.SCALE.create());
        adjust.addClickListener(event -> openAdjustment());

        Div fields = new Div(warehouse, location, quantity, unit, reason, document);
        fields.addClassName("stock-entry-fields");
        Div actions = new Div(receive, issue, transfer, adjust);
        actions.addClassName("list-actions");
        add(fields, actions);
    }

    /** The article whose stock is entered; offers its units, its own chosen. */
    void show(StockArticle shown) {
        this.article = shown;
        StockFields.offerUnits(unit, shown, units);
    }

    /** Chooses a warehouse, if it is one where stock can be moved. */
    void chooseWarehouse(UUID warehouseId) {
        StockFields.find(active, warehouseId).ifPresent(warehouse::setValue);
    }

    private void offerLocations() {
        List<LocationRow> places = warehouse.getValue() == null
                ? List.of()
                : warehouses.listLocations(warehouse.getValue().id());
        location.setItems(places);
        location.setVisible(!places.isEmpty());
    }

    void move(boolean incoming) {
        if (article == null) {
            Notices.error(getTranslation("stock.error.article-and-warehouse-required"));
            return;
        }
        MovementForm form;
        try {
            form = binder.writeRecord();
        } catch (ValidationException e) {
            return;
        }
        try {
            if (incoming) {
                stock.receive(article.id(), form);
            } else {
                stock.issue(article.id(), form);
            }
        } catch (ArticleRuleException e) {
            StockFields.show(this, e);
            return;
        }
        Notices.success(getTranslation("stock.moved"));
        quantity.clear();
        quantity.setInvalid(false);
        reason.clear();
        document.clear();
        onMoved.run();
    }

    private void openTransfer() {
        if (article == null) {
            Notices.error(getTranslation("stock.error.article-required"));
            return;
        }
        new StockTransferDialog(stock, article, active, warehouse.getValue(), units, onMoved).open();
    }

    private void openAdjustment() {
        if (article == null) {
            Notices.error(getTranslation("stock.error.article-required"));
            return;
        }
        new StockAdjustmentDialog(stock, warehouses, article, active, warehouse.getValue(), units, onMoved).open();
    }
}
