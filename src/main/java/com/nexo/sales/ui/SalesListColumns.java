package com.nexo.sales.ui;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.DocumentStatus;
import com.nexo.sales.lists.SalesRow;
import com.nexo.sales.lists.SalesSort;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/**
 * The columns of a sales list: number (drafts say so; corrective invoices are marked), date, client,
 * salesperson, state (expired quotes marked), total and, on invoices, what is still open. Salesperson
 * and open amount give way on narrow screens.
 */
final class SalesListColumns {

    /** Below this window width the secondary columns are hidden (a tablet held upright: 768 px). */
    static final int WIDE_SCREEN_PX = 1000;

    private SalesListColumns() {}

    static void addTo(Grid<SalesRow> grid, DocumentKind kind) {
        grid.addComponentColumn(row -> number(grid, row))
                .setHeader(grid.getTranslation("sales.list.column.number"))
                .setKey(SalesSort.NUMBER.name())
                .setSortProperty(SalesSort.NUMBER.name())
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(row -> Format.date(row.date()))
                .setHeader(grid.getTranslation("sales.list.column.date"))
                .setKey(SalesSort.DATE.name())
                .setSortProperty(SalesSort.DATE.name())
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(SalesRow::clientName)
                .setHeader(grid.getTranslation("sales.list.column.client"))
                .setKey(SalesSort.CLIENT.name())
                .setSortProperty(SalesSort.CLIENT.name())
                .setFlexGrow(1);
        Grid.Column<SalesRow> salesperson = grid.addColumn(SalesRow::salespersonName)
                .setHeader(grid.getTranslation("sales.list.column.salesperson"))
                .setKey("salesperson")
                .setAutoWidth(true);
        grid.addComponentColumn(row -> state(grid, row))
                .setHeader(grid.getTranslation("sales.list.column.status"))
                .setKey("status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(row -> Format.money(row.total(), row.currency()))
                .setHeader(grid.getTranslation("sales.list.column.total"))
                .setKey(SalesSort.TOTAL.name())
                .setSortProperty(SalesSort.TOTAL.name())
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        if (kind == DocumentKind.INVOICE) {
            Grid.Column<SalesRow> open = grid.addColumn(
                            row -> row.openAmount() == null ? "" : Format.money(row.openAmount(), row.currency()))
                    .setHeader(grid.getTranslation("sales.list.column.open"))
                    .setKey("open")
                    .setTextAlign(ColumnTextAlign.END)
                    .setAutoWidth(true)
                    .setFlexGrow(0);
            NarrowScreens.hideColumnsBelow(grid, WIDE_SCREEN_PX, List.of(salesperson, open));
        } else {
            NarrowScreens.hideColumnsBelow(grid, WIDE_SCREEN_PX, List.of(salesperson));
        }
    }

    static Component number(Component context, SalesRow row) {
        Span number = new Span(row.number() == null ? context.getTranslation("sales.list.draft-number") : row.number());
        number.addClassName("sales-number");
        if (!row.corrective()) {
            return number;
        }
        Badge corrective = new Badge(context.getTranslation("sales.list.corrective"));
        corrective.addThemeVariants(BadgeVariant.CONTRAST, BadgeVariant.SMALL);
        corrective.addClassName("sales-corrective");
        return new Span(number, new Span(" "), corrective);
    }

    static Component state(Component context, SalesRow row) {
        String text = row.expired()
                ? context.getTranslation("sales.status.expired")
                : context.getTranslation(row.status().key());
        Badge badge = new Badge(text);
        badge.addThemeVariants(variant(row), BadgeVariant.SMALL);
        return badge;
    }

    private static BadgeVariant variant(SalesRow row) {
        if (row.expired() || row.status() == DocumentStatus.CANCELLED) {
            return BadgeVariant.ERROR;
        }
        return switch (row.status()) {
            case DRAFT -> BadgeVariant.CONTRAST;
            case ISSUED, DONE, DELIVERED, ACCEPTED -> BadgeVariant.SUCCESS;
            default -> BadgeVariant.WARNING;
        };
    }
}
