package com.nexo.crm.quotes.ui;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.RecordSection;
import com.nexo.crm.CrmPermissions;
import com.nexo.crm.quotes.OpportunityQuote;
import com.nexo.crm.quotes.OpportunityQuotes;
import com.nexo.crm.quotes.QuoteRuleException;
import com.nexo.sales.QuoteState;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.UUID;

/**
 * The opportunity page's "Quote": the quote made from the opportunity (number, state, net total and a
 * link to its page), or a button that makes it and opens it. One service call to show it.
 */
@org.springframework.stereotype.Component
class OpportunityQuoteSection implements RecordSection {

    /** The record type of the CRM's opportunity pages (crm/opportunities/:id). */
    static final String CRM_OPPORTUNITY = "crm-opportunity";

    private final OpportunityQuotes quotes;

    OpportunityQuoteSection(OpportunityQuotes quotes) {
        this.quotes = quotes;
    }

    @Override
    public String recordType() {
        return CRM_OPPORTUNITY;
    }

    @Override
    public String permission() {
        return CrmPermissions.READ;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String titleKey() {
        return "crm.quotes.section";
    }

    @Override
    public Component content(UUID opportunityId) {
        Div content = new Div();
        content.addClassName("crm-opportunity-quote");
        OpportunityQuote found = quotes.quoteOf(opportunityId).orElse(null);
        if (found == null) {
            return content;
        }
        if (found.quoteId() == null) {
            content.add(new Span(content.getTranslation("crm.quotes.none")));
            if (found.canCreate()) {
                Button create = new Button(content.getTranslation("crm.quotes.create"), VaadinIcon.FILE_ADD.create());
                create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                create.addClassName("crm-create-quote");
                create.addClickListener(event -> create(content, opportunityId));
                content.add(new Div(create));
            }
            return content;
        }
        QuoteState quote = found.quote();
        if (quote != null) {
            content.add(line(
                    content.getTranslation("crm.quotes.number"),
                    quote.number() == null ? content.getTranslation("crm.quotes.draft") : quote.number()));
            content.add(line(content.getTranslation("crm.quotes.status"), content.getTranslation(quote.statusKey())));
            content.add(line(content.getTranslation("crm.quotes.net"), Format.money(quote.net(), quote.currency())));
            Span follows = new Span(content.getTranslation("crm.quotes.amount-follows"));
            follows.addClassName("crm-quote-note");
            content.add(new Div(follows));
        }
        Anchor open = new Anchor("sales/document/" + found.quoteId(), content.getTranslation("crm.quotes.open"));
        open.addClassName("crm-open-quote");
        content.add(new Div(open));
        return content;
    }

    private static Div line(String labelText, String value) {
        Span label = new Span(labelText + ": ");
        label.addClassName("crm-quote-label");
        return new Div(label, new Span(value));
    }

    private void create(Div content, UUID opportunityId) {
        try {
            UUID quoteId = quotes.createQuote(opportunityId);
            Notices.success(content.getTranslation("crm.quotes.created"));
            UI.getCurrent().navigate("sales/document/" + quoteId);
        } catch (QuoteRuleException refused) {
            Notices.error(content.getTranslation(refused.messageKey(), refused.arguments()));
        }
    }
}
