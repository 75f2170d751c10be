package com.nexo.articles.ui;

import com.nexo.articles.pages.ArticlePage;
import com.nexo.articles.stock.CostChange;
import com.nexo.base.ui.DetailSections;
import com.nexo.base.ui.Format;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Section;
import java.math.BigDecimal;
import java.util.List;

/**
 * The cost of an article's page: how its cost changed, newest first. A receipt at cost shows the
 * quantity received and its unit cost; a cost typed in the form shows as a manual change. The
 * changes come with the page's read.
 */
final class ArticleCostSection extends Div {

    /** Up to this many changes the list shows whole; more scroll inside it. */
    private static final int ROWS_SHOWN_WHOLE = 8;

    final Grid<CostChange> changes = new Grid<>();
    private transient ArticlePage page;

    ArticleCostSection() {
        configure();
        Section section = DetailSections.section(getTranslation("articles.cost.title"), changes);
        section.addClassName("article-cost");
        add(section);
    }

    void show(ArticlePage shown) {
        this.page = shown;
        List<CostChange> rows = shown.costHistory();
        if (rows.size() > ROWS_SHOWN_WHOLE) {
            changes.setAllRowsVisible(false);
            changes.setHeight("20rem");
        } else {
            changes.setHeight(null);
            changes.setAllRowsVisible(true);
        }
        changes.setItems(rows);
    }

    private void configure() {
        changes.addClassName("article-cost-changes");
        // The section is half the page wide beside the timeline: cells wrap rather than cut the source.
        changes.addThemeVariants(
                GridVariant.LUMO_NO_BORDER,
                GridVariant.LUMO_ROW_STRIPES,
                GridVariant.LUMO_COMPACT,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        changes.setAllRowsVisible(true);
        changes.addColumn(change -> Format.dateTime(change.changedAt()))
                .setKey("changed-at")
                .setHeader(getTranslation("articles.cost.changed-at"))
                .setWidth("7.5rem")
                .setFlexGrow(0);
        changes.addColumn(ArticleCostSection::costs)
                .setKey("cost")
                .setHeader(getTranslation("articles.cost.change"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("9rem")
                .setFlexGrow(1);
        changes.addColumn(this::received)
                .setKey("received")
                .setHeader(getTranslation("articles.cost.received"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("8rem")
                .setFlexGrow(1);
        changes.addColumn(this::source)
                .setKey("source")
                .setHeader(getTranslation("articles.cost.source"))
                .setWidth("8rem")
                .setFlexGrow(2);
        changes.setEmptyStateText(getTranslation("articles.cost.empty"));
        changes.setSelectionMode(Grid.SelectionMode.NONE);
    }

    /** "previous → new", as prices. */
    static String costs(CostChange change) {
        return Format.price(change.previousCost(), null) + " → " + Format.price(change.newCost(), null);
    }

    /** The quantity received at its unit cost; nothing for a manual change. */
    private String received(CostChange change) {
        if (!change.byReceipt()) {
            return "";
        }
        return getTranslation(
                "articles.cost.received-at", quantity(change.quantity()), Format.price(change.unitCost(), null));
    }

    /**
     * What caused the change: someone typing the cost, or a receipt named as other sections name a
     * movement's source, by its document's reference ("Purchase receipt RC2026-00012"); a kind of
     * document this module has no word for shows as a receipt, never by its code.
     */
    String source(CostChange change) {
        if (!change.byReceipt()) {
            return getTranslation("articles.cost.manual");
        }
        String kind = sourceLabel(change.sourceType());
        return change.sourceRef() == null ? kind : kind + " " + change.sourceRef();
    }

    private String sourceLabel(String sourceType) {
        return switch (sourceType == null ? "" : sourceType) {
            // Purchasing writes its receipts' movements as "purchase_receipt" (ReceiptService.SOURCE_TYPE).
            case "purchase_receipt", "purchase-receipt" -> getTranslation("articles.cost.source.purchase-receipt");
            default -> getTranslation("articles.cost.receipt");
        };
    }

    private String quantity(BigDecimal value) {
        String text = Format.quantity(value, 6);
        return page == null || page.unit() == null
                ? text
                : text + " " + page.unit().code();
    }
}
