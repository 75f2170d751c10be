package com.nexo.sales.ui;

import com.nexo.base.ui.CardRows;
import com.nexo.base.ui.DashboardCard;
import com.nexo.base.ui.Format;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.lists.SalesFigures;
import com.nexo.sales.lists.SalesFiguresService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;

/**
 * The dashboard card of the month's invoicing: invoiced this month, open on issued invoices and the
 * overdue part, in euros, with a link to the invoice list. One service call.
 */
@org.springframework.stereotype.Component
class SalesInvoicedCard implements DashboardCard {

    private final SalesFiguresService figures;

    SalesInvoicedCard(SalesFiguresService figures) {
        this.figures = figures;
    }

    @Override
    public String permission() {
        return SalesPermissions.READ;
    }

    @Override
    public int order() {
        return 110;
    }

    @Override
    public String titleKey() {
        return "sales.card.invoiced";
    }

    @Override
    public Component content() {
        SalesFigures glance = figures.figures();
        Div card = new Div();
        card.addClassName("dashboard-sales-invoiced");
        CardRows rows = new CardRows();
        rows.add(
                new Span(card.getTranslation("sales.card.invoiced-month")),
                new Span(Format.money(glance.invoicedThisMonth(), "EUR")));
        rows.add(new Span(card.getTranslation("sales.card.open")), new Span(Format.money(glance.open(), "EUR")));
        rows.add(new Span(card.getTranslation("sales.card.overdue")), new Span(Format.money(glance.overdue(), "EUR")));
        card.add(rows);
        card.add(new RouterLink(card.getTranslation("menu.sales-invoices"), SalesListInvoicesView.class));
        return card;
    }
}
