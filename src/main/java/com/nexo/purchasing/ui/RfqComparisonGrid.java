package com.nexo.purchasing.ui;

import com.nexo.base.ui.Format;
import com.nexo.purchasing.documents.RfqComparison;
import com.nexo.purchasing.documents.RfqSupplier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.FooterRow;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.HeaderRow;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The answers to an RFQ side by side: one row per RFQ line, one column group per supplier (price,
 * discount, quantity, delivery date, net), the cheapest offer of each line highlighted, and under
 * each supplier its total and, while the RFQ is open, the button that chooses its answer. A supplier
 * that declined says so (with its reason); an answer past its validity is marked expired, its offers
 * struck through, and cannot be chosen. Once every supplier has answered or declined, a note says so.
 */
class RfqComparisonGrid extends Div {

    private final BiConsumer<RfqComparison, RfqSupplier> choose;
    private Grid<RfqComparison.Row> grid;
    /** The choose buttons shown, by supplier id (for tests). */
    final Map<UUID, Button> chooseButtons = new HashMap<>();
    /** What each supplier's footer says of its state (declined, expired, valid until), by id (for tests). */
    final Map<UUID, Span> supplierNotes = new HashMap<>();
    /** "Every supplier has answered or declined", shown above the grid when so. */
    final Span allReplied = new Span();

    RfqComparisonGrid(BiConsumer<RfqComparison, RfqSupplier> choose) {
        this.choose = choose;
        addClassName("rfq-comparison");
        setWidthFull();
    }

    /** The grid shown (for tests). */
    Grid<RfqComparison.Row> grid() {
        return grid;
    }

    /**
     * Shows {@code comparison}; each supplier's choose button only when {@code canChoose} and the
     * supplier has answered.
     */
    void show(RfqComparison comparison, String currency, boolean canChoose) {
        removeAll();
        chooseButtons.clear();
        supplierNotes.clear();
        boolean waiting = comparison.suppliers().stream().noneMatch(s -> "CHOSEN".equals(s.status()));
        allReplied.setText(getTranslation("purchasing.compare.all-replied"));
        allReplied.addClassNames("status-badge", "all-replied");
        allReplied.getElement().setAttribute("data-status", "MATCHED");
        allReplied.setVisible(waiting && comparison.allReplied());
        add(allReplied);
        // Columns change with the suppliers: a new grid is simpler and as cheap as reconfiguring one.
        grid = new Grid<>();
        grid.addClassName("rfq-comparison-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setAllRowsVisible(true);
        Grid.Column<RfqComparison.Row> line = grid.addColumn(row -> row.line().description())
                .setHeader(getTranslation("documents.line.description"))
                .setFrozen(true)
                .setWidth("12rem")
                .setFlexGrow(1);
        Grid.Column<RfqComparison.Row> asked = grid.addColumn(
                        row -> PurchaseTexts.quantity(row.line().quantity()))
                .setHeader(getTranslation("documents.line.quantity"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        HeaderRow groups = grid.prependHeaderRow();
        groups.join(line, asked).setText(getTranslation("purchasing.compare.line"));
        FooterRow footer = grid.appendFooterRow();
        footer.getCell(line).setText(getTranslation("purchasing.compare.total"));
        List<RfqSupplier> suppliers = comparison.suppliers();
        for (RfqSupplier supplier : suppliers) {
            UUID id = supplier.supplierId();
            boolean expired = comparison.expired(supplier);
            Grid.Column<RfqComparison.Row> price = offerColumn(
                    id,
                    expired,
                    getTranslation("purchasing.compare.price"),
                    offer -> Format.price(offer.unitPrice(), currency));
            Grid.Column<RfqComparison.Row> discount = offerColumn(
                    id,
                    expired,
                    getTranslation("purchasing.compare.discount"),
                    offer -> offer.discountPercent().signum() == 0 ? "" : Format.percent(offer.discountPercent()));
            Grid.Column<RfqComparison.Row> quantity = offerColumn(
                    id,
                    expired,
                    getTranslation("purchasing.compare.quantity"),
                    offer -> PurchaseTexts.quantity(offer.quantity()));
            Grid.Column<RfqComparison.Row> delivery = offerColumn(
                    id,
                    expired,
                    getTranslation("purchasing.compare.delivery"),
                    offer -> offer.deliveryDate() == null ? "" : Format.date(offer.deliveryDate()));
            Grid.Column<RfqComparison.Row> net = offerColumn(
                    id,
                    expired,
                    getTranslation("purchasing.compare.net"),
                    offer -> Format.money(offer.net(), currency));
            groups.join(price, discount, quantity, delivery, net).setText(supplier.supplierName());
            RfqComparison.SupplierTotal total = comparison.totals().get(id);
            Div totalCell = new Div();
            Span note = supplierNote(supplier, expired);
            if (total != null) {
                Span amount = new Span(Format.money(total.net(), currency));
                amount.addClassName("compare-total");
                totalCell.add(amount);
                if (!total.answeredAll()) {
                    Span partial = new Span(" " + getTranslation("purchasing.compare.partial", total.linesAnswered()));
                    partial.addClassName("detail-subtitle");
                    totalCell.add(partial);
                }
            } else if (note == null) {
                totalCell.add(new Span(getTranslation("purchasing.compare.no-answer")));
            }
            footer.getCell(net).setComponent(totalCell);
            if (note != null) {
                supplierNotes.put(id, note);
                footer.getCell(delivery).setComponent(note);
            }
            if (canChoose && "ANSWERED".equals(supplier.status()) && !expired) {
                Button button = new Button(
                        getTranslation("purchasing.action.choose"), click -> choose.accept(comparison, supplier));
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
                button.addClassName("choose-supplier");
                chooseButtons.put(id, button);
                footer.getCell(price).setComponent(button);
            } else if ("CHOSEN".equals(supplier.status())) {
                footer.getCell(price).setText(PurchaseTexts.supplierStatus(this, supplier.status()));
            }
        }
        grid.setItems(comparison.rows());
        add(grid);
    }

    /** What the footer says of a supplier's state: declined, expired, or valid until; null: nothing. */
    private Span supplierNote(RfqSupplier supplier, boolean expired) {
        String text;
        String status;
        if (supplier.declined()) {
            text = supplier.declineReason() == null
                    ? getTranslation("purchasing.compare.declined")
                    : getTranslation("purchasing.compare.declined-because", supplier.declineReason());
            status = "CANCELLED";
        } else if (expired) {
            text = getTranslation("purchasing.compare.expired", Format.date(supplier.validUntil()));
            status = "DIFFERENCES";
        } else if (supplier.validUntil() != null && supplier.answeredAt() != null) {
            text = getTranslation("purchasing.compare.valid-until", Format.date(supplier.validUntil()));
            status = null;
        } else {
            return null;
        }
        Span note = new Span(text);
        note.addClassName("supplier-note");
        if (status != null) {
            note.addClassName("status-badge");
            note.getElement().setAttribute("data-status", status);
        } else {
            note.addClassName("detail-subtitle");
        }
        note.getElement().setAttribute("title", text);
        return note;
    }

    private Grid.Column<RfqComparison.Row> offerColumn(
            UUID supplierId,
            boolean struck,
            String header,
            java.util.function.Function<RfqComparison.Offer, String> text) {
        return grid.addComponentColumn(row -> {
                    RfqComparison.Offer offer = row.offers().get(supplierId);
                    Span cell = new Span(offer == null ? "" : text.apply(offer));
                    if (offer != null && struck) {
                        cell.addClassName("expired-offer");
                        cell.getStyle()
                                .set("text-decoration", "line-through")
                                .set("color", "var(--lumo-secondary-text-color)");
                    }
                    if (offer != null && offer.cheapest()) {
                        cell.addClassName("cheapest");
                        cell.getStyle().set("font-weight", "600").set("color", "var(--lumo-success-text-color)");
                        cell.getElement().setAttribute("title", getTranslation("purchasing.compare.cheapest"));
                    }
                    return cell;
                })
                .setHeader(header)
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
    }

    /** The offer text shown for a line and supplier, and whether it is marked cheapest (for tests). */
    static boolean isCheapest(RfqComparison.Row row, UUID supplierId) {
        RfqComparison.Offer offer = row.offers().get(supplierId);
        return offer != null && offer.cheapest();
    }
}
