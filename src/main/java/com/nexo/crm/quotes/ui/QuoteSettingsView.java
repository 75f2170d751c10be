package com.nexo.crm.quotes.ui;

import com.nexo.base.ui.Notices;
import com.nexo.crm.CrmPermissions;
import com.nexo.crm.quotes.OpportunityQuotes;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** CRM settings: whether accepting the quote made from an opportunity wins the opportunity. */
@Route("crm/settings/quotes")
@RolesAllowed(CrmPermissions.SETTINGS)
public class QuoteSettingsView extends Main implements HasDynamicTitle {

    final Checkbox wins = new Checkbox();

    public QuoteSettingsView(OpportunityQuotes quotes) {
        addClassNames("list-view", "crm-quote-settings");
        wins.setLabel(getTranslation("crm.quotes.settings.wins"));
        wins.setValue(quotes.quoteWinsOpportunity());
        wins.addValueChangeListener(event -> {
            if (event.isFromClient() || event.getOldValue() != null) {
                quotes.setQuoteWinsOpportunity(event.getValue());
                Notices.success(getTranslation("crm.quotes.settings.saved"));
            }
        });
        add(new H2(getTranslation("crm.quotes.settings.title")), wins);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("crm.quotes.settings.title");
    }
}
