package com.nexo.purchasing.ui;

import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleDirectory.LocationSummary;
import com.nexo.articles.ArticleDirectory.WarehouseSummary;
import com.nexo.articles.ArticleRuleException;
import com.nexo.base.Ids;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PageTitles;
import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.receiving.OpenLine;
import com.nexo.purchasing.receiving.PostedReceipt;
import com.nexo.purchasing.receiving.ReceiptRequest;
import com.nexo.purchasing.receiving.ReceiptService;
import com.nexo.purchasing.receiving.ReceivingOrder;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Receiving goods at the dock on a tablet: the order's open lines as large cards, a code field that
 * a scanner types into (Enter finds the article's line and puts the cursor in its quantity), the
 * warehouse and location the goods go to, the supplier's delivery note number and one button that
 * posts the receipt. Usable from 768 px wide: the cards wrap, nothing needs a mouse.
 */
@Route("purchasing/orders/:id/receive")
@RolesAllowed(PurchasingPermissions.RECEIVE)
public class ReceiveView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String PARAMETER = "id";
    /** Quantities show up to this many decimals (units of measure have at most four). */
    private static final int QUANTITY_DECIMALS = 4;

    private final transient ReceiptService receipts;
    private final transient ArticleDirectory directory;

    private final H2 title = new H2();
    private final Span supplier = new Span();
    private final Span state = new Span();
    final TextField scan = new TextField();
    final ComboBox<WarehouseSummary> warehouse = new ComboBox<>();
    final ComboBox<LocationSummary> location = new ComboBox<>();
    final TextField deliveryNote = new TextField();
    final Div lines = new Div();
    final Button post = new Button();
    final Map<UUID, BigDecimalField> quantities = new LinkedHashMap<>();

    private ReceivingOrder order;

    ReceiveView(ReceiptService receipts, ArticleDirectory directory) {
        this.receipts = receipts;
        this.directory = directory;
        addClassNames("receive-view");
        // A phone at the dock (390 px) never scrolls sideways: nothing here is wider than the screen.
        getStyle()
                .set("padding", "var(--lumo-space-m)")
                .set("max-width", "1100px")
                .set("box-sizing", "border-box")
                .set("overflow-x", "hidden");

        scan.setLabel(getTranslation("purchasing.receive.scan"));
        scan.setPlaceholder(getTranslation("purchasing.receive.scan-placeholder"));
        scan.setClearButtonVisible(true);
        scan.setWidthFull();
        scan.addThemeVariants(TextFieldVariant.LUMO_ALIGN_CENTER);
        large(scan);
        scan.addKeyPressListener(Key.ENTER, event -> findScanned());

        warehouse.setLabel(getTranslation("purchasing.receive.warehouse"));
        warehouse.setItemLabelGenerator(w -> w.code() + " · " + w.name());
        warehouse.setRequiredIndicatorVisible(true);
        large(warehouse);
        warehouse.addValueChangeListener(change -> {
            List<LocationSummary> inside = directory.locations(
                    change.getValue() == null ? null : change.getValue().id());
            location.setItems(inside);
            location.setEnabled(!inside.isEmpty());
            location.clear();
        });
        location.setLabel(getTranslation("purchasing.receive.location"));
        location.setItemLabelGenerator(LocationSummary::label);
        location.setClearButtonVisible(true);
        location.setEnabled(false);
        large(location);
        deliveryNote.setLabel(getTranslation("purchasing.receive.delivery-note"));
        large(deliveryNote);

        post.setText(getTranslation("purchasing.receive.post"));
        post.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        post.addClickListener(click -> post());
        post.getStyle().set("min-height", "var(--lumo-size-xl)").set("width", "min(100%, 24rem)");

        state.getElement().getThemeList().add("badge");
        FlexLayout where = new FlexLayout(warehouse, location, deliveryNote);
        where.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        where.getStyle().set("gap", "var(--lumo-space-m)");
        lines.addClassName("receive-lines");
        lines.getStyle()
                .set("display", "grid")
                .set("gap", "var(--lumo-space-s)")
                .set("margin", "var(--lumo-space-m) 0");
        Div heading = new Div(title, supplier, state);
        heading.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("align-items", "baseline")
                .set("gap", "var(--lumo-space-m)");
        add(heading, where, scan, lines, post);
    }

    /** The location of this screen for an order: what an order's page links its "receive" action to. */
    public static String route(UUID orderId) {
        return "purchasing/orders/" + orderId + "/receive";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> id = event.getRouteParameters().get(PARAMETER).flatMap(Ids::parse);
        if (id.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        try {
            show(receipts.order(id.get()));
        } catch (PurchasingRuleException e) {
            // Not there, or another tenant's: the same answer, which gives nothing away.
            event.rerouteToError(NotFoundException.class);
            return;
        }
        List<WarehouseSummary> warehouses = directory.activeWarehouses();
        warehouse.setItems(warehouses);
        warehouses.stream()
                .filter(w -> w.id().equals(order.warehouseId()))
                .findFirst()
                .or(() -> warehouses.size() == 1 ? Optional.of(warehouses.getFirst()) : Optional.empty())
                .ifPresent(warehouse::setValue);
    }

    @Override
    public String getPageTitle() {
        return order == null
                ? getTranslation("purchasing.receive.title", "")
                : getTranslation("purchasing.receive.title", order.number());
    }

    private void show(ReceivingOrder shown) {
        this.order = shown;
        title.setText(getPageTitle());
        supplier.setText(shown.supplierName());
        state.setText(
                getTranslation("purchasing.receive.status." + shown.status().name()));
        state.getElement().setAttribute("data-status", shown.status().name());
        lines.removeAll();
        quantities.clear();
        for (OpenLine line : shown.lines()) {
            lines.add(card(line));
        }
        post.setEnabled(shown.receivable());
        scan.setEnabled(shown.receivable());
    }

    private Div card(OpenLine line) {
        Span article = new Span(line.articleCode() == null ? line.description() : line.articleCode());
        article.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        Span description = new Span(line.description());
        description.getStyle().set("overflow-wrap", "anywhere");
        String unit = line.unitCode() == null ? "" : " " + line.unitCode();
        Span progress = new Span(getTranslation(
                "purchasing.receive.progress",
                Format.quantity(line.ordered(), QUANTITY_DECIMALS) + unit,
                Format.quantity(line.received(), QUANTITY_DECIMALS) + unit,
                Format.quantity(line.open(), QUANTITY_DECIMALS) + unit));
        progress.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Div text = new Div(article, new Div(description), new Div(progress));
        text.getStyle().set("flex", "1 1 16em").set("min-width", "0");
        Div card = new Div(text);
        card.addClassName("receive-line");
        card.getElement().setAttribute("data-line", line.lineId().toString());
        card.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("align-items", "center")
                .set("gap", "var(--lumo-space-m)")
                .set("padding", "var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-l)");
        if (line.isOpen()) {
            BigDecimalField quantity = new BigDecimalField(getTranslation("purchasing.receive.quantity"));
            quantity.setPlaceholder(Format.quantity(line.open(), QUANTITY_DECIMALS));
            quantity.getStyle().set("flex", "1 1 10em");
            quantity.addThemeVariants(TextFieldVariant.LUMO_ALIGN_RIGHT);
            large(quantity);
            // Enter in a quantity goes back to the scan field, ready for the next article.
            quantity.addKeyPressListener(Key.ENTER, event -> scan.focus());
            quantities.put(line.lineId(), quantity);
            card.add(quantity);
        } else {
            Span done = new Span(getTranslation("purchasing.receive.line-received"));
            done.getElement().getThemeList().add("badge success");
            card.add(done);
        }
        return card;
    }

    void findScanned() {
        String code = scan.getValue();
        if (code == null || code.isBlank()) {
            return;
        }
        Optional<OpenLine> found = receipts.findOpenOrderLineByArticleCode(order.id(), code);
        BigDecimalField field = found.map(line -> quantities.get(line.lineId())).orElse(null);
        if (found.isEmpty()) {
            Notices.error(getTranslation("purchasing.receive.not-on-order", code.strip()));
        } else if (field == null) {
            Notices.error(getTranslation("purchasing.receive.already-received", code.strip()));
        } else {
            // A scan of one unit adds one to what is typed; the user corrects the quantity if a box holds more.
            BigDecimal typed = field.getValue() == null ? BigDecimal.ZERO : field.getValue();
            field.setValue(typed.add(BigDecimal.ONE));
            field.focus();
        }
        scan.clear();
    }

    void post() {
        List<ReceiptRequest.Line> received = new ArrayList<>();
        UUID locationId =
                location.getValue() == null ? null : location.getValue().id();
        quantities.forEach((lineId, field) -> {
            if (field.getValue() != null && field.getValue().signum() != 0) {
                received.add(new ReceiptRequest.Line(lineId, field.getValue(), locationId));
            }
        });
        try {
            PostedReceipt posted = receipts.post(
                    order.id(),
                    new ReceiptRequest(
                            warehouse.getValue() == null
                                    ? null
                                    : warehouse.getValue().id(),
                            null,
                            deliveryNote.getValue(),
                            received));
            Notices.success(getTranslation("purchasing.receive.posted", posted.number()));
            deliveryNote.clear();
            show(receipts.order(order.id()));
            PageTitles.refresh(this);
        } catch (PurchasingRuleException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
        } catch (ArticleRuleException e) {
            // The stock ledger's refusals (an inactive warehouse, a location of another one, an archived article).
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    /** A field big enough for a thumb, as wide as the screen allows and never wider. */
    private static void large(com.vaadin.flow.component.Component field) {
        field.getElement()
                .getStyle()
                .set("font-size", "var(--lumo-font-size-l)")
                .set("--lumo-text-field-size", "var(--lumo-size-xl)")
                .set("--vaadin-input-field-height", "var(--lumo-size-xl)")
                .set("min-width", "min(14em, 100%)")
                .set("max-width", "100%")
                .set("flex", "1 1 14em");
    }
}
