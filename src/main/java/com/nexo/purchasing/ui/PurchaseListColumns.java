package com.nexo.purchasing.ui;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.purchasing.lists.PurchaseListTexts;
import com.nexo.purchasing.lists.PurchaseRow;
import com.nexo.purchasing.lists.PurchaseSort;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a purchasing list: number (drafts say so), date, supplier (an RFQ's suppliers), the
 * supplier's reference (receipts and bills), state as a badge, expected date (an RFQ's answers-by, an
 * order's delivery, a bill's due date), total and, on orders, the share received. Secondary columns
 * give way on narrow screens.
 */
final class PurchaseListColumns {

    /** Below this window width the secondary columns are hidden (a tablet held upright: 768 px). */
    static final int WIDE_SCREEN_PX = 1000;

    private PurchaseListColumns() {}

    static void addTo(Grid<PurchaseRow> grid, PurchaseKind kind) {
        List<Grid.Column<PurchaseRow>> secondary = new ArrayList<>();
        grid.addComponentColumn(row -> number(grid, row))
                .setHeader(grid.getTranslation("purchasing.list.column.number"))
                .setKey(PurchaseSort.NUMBER.name())
                .setSortProperty(PurchaseSort.NUMBER.name())
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(row -> Format.date(row.date()))
                .setHeader(grid.getTranslation("purchasing.list.column.date"))
                .setKey(PurchaseSort.DATE.name())
                .setSortProperty(PurchaseSort.DATE.name())
                .setAutoWidth(true)
                .setFlexGrow(0);
        String supplierKey = "purchasing.list.column.supplier";
        if (kind == PurchaseKind.RFQ) {
            supplierKey = "purchasing.list.column.suppliers"; // an RFQ goes to several
        }
        Grid.Column<PurchaseRow> supplier = grid.addColumn(PurchaseRow::supplierName)
                .setHeader(grid.getTranslation(supplierKey))
                .setKey(PurchaseSort.SUPPLIER.name())
                .setFlexGrow(1);
        if (kind != PurchaseKind.RFQ) {
            supplier.setSortProperty(PurchaseSort.SUPPLIER.name());
        }
        if (kind == PurchaseKind.RECEIPT || kind == PurchaseKind.BILL) {
            secondary.add(grid.addColumn(PurchaseRow::supplierReference)
                    .setHeader(grid.getTranslation("purchasing.list.column.supplier-reference"))
                    .setKey("supplierReference")
                    .setAutoWidth(true));
        }
        grid.addComponentColumn(row -> state(grid, row))
                .setHeader(grid.getTranslation("purchasing.list.column.status"))
                .setKey("status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        if (kind != PurchaseKind.RECEIPT) {
            secondary.add(grid.addColumn(row -> Format.date(row.expectedDate()))
                    .setHeader(grid.getTranslation("purchasing.list.column.expected." + PurchaseListTexts.slug(kind)))
                    .setKey("expected")
                    .setAutoWidth(true)
                    .setFlexGrow(0));
        }
        if (kind != PurchaseKind.RFQ) {
            grid.addColumn(row -> Format.money(row.total(), row.currency()))
                    .setHeader(grid.getTranslation("purchasing.list.column.total"))
                    .setKey(PurchaseSort.TOTAL.name())
                    .setSortProperty(PurchaseSort.TOTAL.name())
                    .setTextAlign(ColumnTextAlign.END)
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        if (kind == PurchaseKind.ORDER) {
            secondary.add(grid.addColumn(row -> Format.percent(row.receivedPercent()))
                    .setHeader(grid.getTranslation("purchasing.list.column.received"))
                    .setKey("received")
                    .setTextAlign(ColumnTextAlign.END)
                    .setAutoWidth(true)
                    .setFlexGrow(0));
        }
        NarrowScreens.hideColumnsBelow(grid, WIDE_SCREEN_PX, secondary);
    }

    static Component number(Component context, PurchaseRow row) {
        Span number =
                new Span(row.number() == null ? context.getTranslation("purchasing.list.draft-number") : row.number());
        number.addClassName("purchase-number");
        return number;
    }

    static Component state(Component context, PurchaseRow row) {
        Badge badge = new Badge(context.getTranslation(PurchaseListTexts.statusKey(row.status())));
        badge.addThemeVariants(variant(row), BadgeVariant.SMALL);
        badge.addClassName("purchase-status-"
                + row.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return badge;
    }

    private static BadgeVariant variant(PurchaseRow row) {
        return switch (row.status()) {
            case CANCELLED -> BadgeVariant.ERROR;
            case DRAFT -> BadgeVariant.CONTRAST;
            case RECEIVED, POSTED, CLOSED, APPROVED -> BadgeVariant.SUCCESS;
            default -> BadgeVariant.WARNING; // TO_APPROVE, SENT, PARTIALLY_RECEIVED: waiting on someone
        };
    }
}
