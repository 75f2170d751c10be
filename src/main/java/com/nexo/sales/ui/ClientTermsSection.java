package com.nexo.sales.ui;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.RecordSection;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.pricing.ClientTerms;
import com.nexo.sales.pricing.ClientTermsService;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.UUID;

/**
 * The account page's "Sales": the client's tax regime, withholding and usual discount, a button to
 * change them ({@link ClientTermsDialog}) and one to start a quote for the client. One service call.
 */
@org.springframework.stereotype.Component
class ClientTermsSection implements RecordSection {

    private final ClientTermsService terms;

    ClientTermsSection(ClientTermsService terms) {
        this.terms = terms;
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
        return 80;
    }

    @Override
    public String titleKey() {
        return "sales.section.terms";
    }

    @Override
    public Component content(UUID accountId) {
        ClientTerms current = terms.termsOf(accountId);
        Div content = new Div();
        content.addClassName("client-sales-terms");
        Span summary = new Span(content.getTranslation(current.taxRegime().labelKey()));
        if (current.withholdingPercent() != null && current.withholdingPercent().signum() > 0) {
            summary.add(" · "
                    + content.getTranslation(
                            "sales.legal.withholding", Format.decimal(current.withholdingPercent(), 0, 2)));
        }
        if (current.documentDiscountPercent() != null
                && current.documentDiscountPercent().signum() > 0) {
            summary.add(" · "
                    + content.getTranslation(
                            "sales.section.discount", Format.decimal(current.documentDiscountPercent(), 0, 2)));
        }
        summary.addClassName("client-terms-summary");
        Div buttons = new Div();
        buttons.addClassName("detail-actions");
        Button edit = new Button(
                content.getTranslation("sales.section.edit-terms"),
                click -> ClientTermsDialog.open(
                        accountId, () -> UI.getCurrent().getPage().reload()));
        edit.addClassName("client-terms-edit");
        buttons.add(edit);
        if (CurrentUser.can(SalesPermissions.CREATE)) {
            Button quote = new Button(
                    content.getTranslation("sales.section.new-quote"),
                    click -> UI.getCurrent()
                            .navigate(DocumentEditor.newRoute(DocumentKind.QUOTE) + "?account=" + accountId));
            quote.addClassName("client-new-quote");
            buttons.add(quote);
        }
        content.add(summary, buttons);
        return content;
    }
}
