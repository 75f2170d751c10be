package com.nexo.sales.ui;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.RecordSection;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.lists.ClientSalesService;
import com.nexo.sales.lists.OpenAmount;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.UUID;

/**
 * The account page's "Open amount": what the client still owes on its issued invoices, per currency,
 * and the overdue part of it. One service call.
 */
@org.springframework.stereotype.Component
class ClientOpenAmountSection implements RecordSection {

    private final ClientSalesService clientSales;

    ClientOpenAmountSection(ClientSalesService clientSales) {
        this.clientSales = clientSales;
    }

    @Override
    public String recordType() {
        return ACCOUNT;
    }

    @Override
    public String permission() {
        return SalesPermissions.READ;
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public String titleKey() {
        return "sales.section.open-amount";
    }

    @Override
    public Component content(UUID accountId) {
        List<OpenAmount> amounts = clientSales.openAmounts(accountId);
        Div content = new Div();
        content.addClassName("client-open-amount");
        if (amounts.isEmpty()) {
            content.add(new Span(content.getTranslation("sales.section.nothing-open")));
            return content;
        }
        for (OpenAmount amount : amounts) {
            Div line = new Div(new Span(content.getTranslation(
                    "sales.section.open-line",
                    Format.money(amount.open(), amount.currency()),
                    Format.integer(amount.openInvoices()),
                    amount.openInvoices())));
            line.addClassName("open-amount-line");
            if (amount.overdue().signum() != 0) {
                Span overdue = new Span(" · "
                        + content.getTranslation(
                                "sales.section.overdue-line", Format.money(amount.overdue(), amount.currency())));
                overdue.addClassName("open-amount-overdue");
                line.add(overdue);
            }
            content.add(line);
        }
        return content;
    }
}
