package com.nexo.accounts.ui;

import com.nexo.accounts.account.AccountDetails;
import com.nexo.accounts.account.AccountField;
import com.nexo.accounts.account.AccountForm;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** The values of an account as its page lists them: label and value, empty values left out. */
class AccountData extends Div {

    AccountData() {
        addClassName("detail-data");
    }

    void show(AccountDetails details) {
        AccountForm account = details.account();
        removeAll();
        item(AccountField.KIND, AccountLabels.kind(this, account.getKind()));
        item(AccountField.TAX_ID, account.getTaxId());
        item(AccountField.COUNTRY, AccountLabels.country(this, account.getCountry()));
        item(AccountField.EMAILS, String.join(", ", account.getEmails()));
        item(AccountField.PHONES, String.join(", ", account.getPhones()));
        item(AccountField.WEBSITE, account.getWebsite());
        item(AccountField.LANGUAGE, AccountLabels.language(this, account.getLanguage()));
        item(AccountField.OWNER, details.ownerName());
        item(
                AccountField.PAYMENT_TERMS,
                account.getPaymentTerms() == null ? null : AccountLabels.paymentTerms(this, account.getPaymentTerms()));
        item(AccountField.CREDIT_LIMIT, AccountLabels.money(this, account.getCreditLimit(), account.getCurrency()));
        item(AccountField.TAGS, String.join(", ", account.getTags()));
        account.getAddresses()
                .forEach(address -> item(
                        address.type() == null
                                ? AccountLabels.field(this, AccountField.ADDRESSES)
                                : AccountLabels.addressType(this, address.type()),
                        AccountLabels.address(this, address)));
        item(AccountField.NOTES, account.getNotes());
    }

    private void item(AccountField field, String value) {
        item(AccountLabels.field(this, field), value);
    }

    private void item(String label, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span term = new Span(label);
        term.addClassName("detail-term");
        Span text = new Span(value);
        text.addClassName("detail-value");
        Div item = new Div(term, text);
        item.addClassName("detail-item");
        add(item);
    }
}
