package com.nexo.crm.conversion.ui;

import com.nexo.base.RuleException;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.Notices;
import com.nexo.crm.conversion.ConversionChoices;
import com.nexo.crm.conversion.ConversionRequest;
import com.nexo.crm.conversion.ConversionResult;
import com.nexo.crm.conversion.LeadConversionService;
import com.nexo.crm.leads.LeadDetails;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Converts a lead: into a new account or the existing one it matches, a new contact or the matching
 * one of that account, and an opportunity if wanted (title, amount, expected close). One click, one
 * transaction; afterwards the account's page opens.
 */
class ConversionDialog extends Dialog {

    /** One choice of the radio groups: an existing record (id) or "create new" (null id). */
    record Choice(UUID id, UUID accountId, String label) {}

    private final transient LeadConversionService conversions;
    private final LeadDetails lead;
    private final transient Runnable onConverted;
    private final List<Choice> allContacts = new ArrayList<>();

    final RadioButtonGroup<Choice> account = new RadioButtonGroup<>();
    final RadioButtonGroup<Choice> contact = new RadioButtonGroup<>();
    final Checkbox withOpportunity = new Checkbox();
    final TextField title = new TextField();
    final BigDecimalField amount = new BigDecimalField();
    final DatePicker expectedClose = new DatePicker();
    final Button convert;

    ConversionDialog(LeadConversionService conversions, LeadDetails lead, Runnable onConverted) {
        this.conversions = conversions;
        this.lead = lead;
        this.onConverted = onConverted;
        addClassName("crm-conversion-dialog");
        setHeaderTitle(getTranslation("crm.conversion.title", lead.title()));
        setWidth("40rem");
        setMaxWidth("100%");
        ConversionChoices choices = conversions.choices(lead.id());

        account.setLabel(getTranslation("crm.conversion.account"));
        List<Choice> accounts = new ArrayList<>();
        String newName = lead.companyName() != null ? lead.companyName() : lead.personName();
        accounts.add(new Choice(null, null, getTranslation("crm.conversion.new-account", newName)));
        choices.accounts()
                .forEach(choice -> accounts.add(new Choice(
                        choice.id(), choice.id(), getTranslation("crm.conversion.existing-account", choice.name()))));
        account.setItems(accounts);
        account.setItemLabelGenerator(Choice::label);
        // Offer the match first: merging is what the duplicate check suggests.
        account.setValue(accounts.size() > 1 ? accounts.get(1) : accounts.getFirst());

        contact.setLabel(getTranslation("crm.conversion.contact"));
        choices.contacts()
                .forEach(choice -> allContacts.add(new Choice(
                        choice.id(),
                        choice.accountId(),
                        getTranslation("crm.conversion.existing-contact", choice.name()))));
        account.addValueChangeListener(change -> showContacts());
        showContacts();

        withOpportunity.setLabel(getTranslation("crm.conversion.with-opportunity"));
        withOpportunity.setValue(true);
        title.setLabel(getTranslation("crm.conversion.opportunity-title"));
        title.setValue(lead.title());
        amount.setLabel(getTranslation("crm.conversion.amount"));
        amount.setValue(BigDecimal.ZERO);
        expectedClose.setLabel(getTranslation("crm.conversion.expected-close"));
        expectedClose.setValue(LocalDate.now(Format.zone(UI.getCurrent())).plusDays(30));
        withOpportunity.addValueChangeListener(change -> {
            title.setEnabled(change.getValue());
            amount.setEnabled(change.getValue());
            expectedClose.setEnabled(change.getValue());
        });
        FormLayout opportunity = new FormLayout(withOpportunity, title, amount, expectedClose);
        opportunity.setColspan(withOpportunity, 2);
        opportunity.setColspan(title, 2);
        add(account, contact, opportunity);

        convert = new Button(getTranslation("crm.leads.action.convert"), click -> convert());
        convert.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), convert);
    }

    private void showContacts() {
        UUID accountId = account.getValue() == null ? null : account.getValue().id();
        List<Choice> contacts = new ArrayList<>();
        contacts.add(
                lead.personName() == null
                        ? new Choice(null, null, getTranslation("crm.conversion.no-contact"))
                        : new Choice(null, null, getTranslation("crm.conversion.new-contact", lead.personName())));
        if (accountId != null) {
            allContacts.stream()
                    .filter(choice -> Objects.equals(choice.accountId(), accountId))
                    .forEach(contacts::add);
        }
        contact.setItems(contacts);
        contact.setItemLabelGenerator(Choice::label);
        contact.setValue(contacts.size() > 1 ? contacts.get(1) : contacts.getFirst());
    }

    void convert() {
        boolean opportunity = withOpportunity.getValue();
        ConversionRequest request = new ConversionRequest(
                lead.id(),
                lead.version(),
                account.getValue() == null ? null : account.getValue().id(),
                contact.getValue() == null ? null : contact.getValue().id(),
                opportunity ? title.getValue() : null,
                opportunity ? amount.getValue() : null,
                opportunity ? expectedClose.getValue() : null);
        ConversionResult result;
        try {
            result = conversions.convert(request);
        } catch (RuleException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        close();
        Notices.success(getTranslation("crm.conversion.done"));
        onConverted.run();
        getUI().ifPresent(ui -> ui.navigate("accounts/" + result.accountId()));
    }
}
