package com.nexo.accounts.ui;

import com.nexo.accounts.account.AccountConflictException;
import com.nexo.accounts.account.AccountRuleException;
import com.nexo.accounts.contacts.ContactForm;
import com.nexo.accounts.contacts.ContactService;
import com.nexo.base.ui.ConflictNotice;
import com.nexo.base.ui.ConflictNotice.ChangedField;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.ValueListField;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.Map;
import java.util.UUID;

/**
 * Adds a person to an account or changes one: name, position, e-mails, phones, language, whether it
 * is the primary contact. Like the account form, it saves only over the version it loaded.
 */
class ContactDialog extends Dialog {

    private final transient ContactService contacts;
    private final UUID accountId;
    private final Runnable onSaved;
    private ContactForm loaded;

    private final ConflictNotice conflict = new ConflictNotice();
    private final TextField name = new TextField();
    private final TextField position = new TextField();
    private final ValueListField emails;
    private final ValueListField phones;
    private final Select<String> language = new Select<>();
    private final Checkbox primary = new Checkbox();
    private final TextArea notes = new TextArea();
    private final BeanValidationBinder<ContactForm> binder = new BeanValidationBinder<>(ContactForm.class);

    static ContactDialog forNew(ContactService contacts, UUID accountId, Runnable onSaved) {
        return new ContactDialog(contacts, accountId, new ContactForm(), onSaved);
    }

    static ContactDialog forEdit(ContactService contacts, UUID accountId, UUID contactId, Runnable onSaved) {
        return new ContactDialog(contacts, accountId, contacts.getContact(contactId), onSaved);
    }

    private ContactDialog(ContactService contacts, UUID accountId, ContactForm contact, Runnable onSaved) {
        this.contacts = contacts;
        this.accountId = accountId;
        this.loaded = contact;
        this.onSaved = onSaved;
        addClassName("contact-dialog");
        setHeaderTitle(
                contact.getId() == null
                        ? getTranslation("accounts.contacts.new-title")
                        : getTranslation("accounts.contacts.edit-title"));
        setWidth("40rem");
        setMaxWidth("100%");

        name.setLabel(getTranslation("accounts.contacts.name"));
        position.setLabel(getTranslation("accounts.contacts.position"));
        emails = new ValueListField(
                getTranslation("accounts.contacts.emails"),
                getTranslation("accounts.form.add-email"),
                getTranslation("accounts.form.remove"),
                TextField::new);
        phones = new ValueListField(
                getTranslation("accounts.contacts.phones"),
                getTranslation("accounts.form.add-phone"),
                getTranslation("accounts.form.remove"),
                TextField::new);
        language.setLabel(getTranslation("accounts.contacts.language"));
        language.setItems(AccountLabels.LANGUAGES);
        language.setEmptySelectionAllowed(true);
        language.setItemLabelGenerator(
                code -> code == null ? getTranslation("accounts.form.none") : AccountLabels.language(this, code));
        primary.setLabel(getTranslation("accounts.contacts.primary-field"));
        notes.setLabel(getTranslation("accounts.contacts.notes"));

        binder.forField(name).bind("name");
        binder.forField(position).bind("position");
        binder.forField(emails).bind("emails");
        binder.forField(phones).bind("phones");
        binder.forField(language).bind("language");
        binder.forField(primary).bind("primary");
        binder.forField(notes).bind("notes");
        binder.readBean(contact);

        FormLayout form = new FormLayout(name, position, emails, phones, language, primary, notes);
        form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("28rem", 2));
        form.setColspan(notes, 2);
        add(conflict, form);

        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        Button save = new Button(getTranslation("action.save"), click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, save);
    }

    private void save() {
        if (conflict.isShown()) {
            conflict.focusReload();
            return;
        }
        ContactForm edited = new ContactForm();
        edited.setId(loaded.getId());
        edited.setVersion(loaded.getVersion());
        try {
            binder.writeBean(edited);
        } catch (ValidationException e) {
            return;
        }
        try {
            if (edited.getId() == null) {
                contacts.addContact(accountId, edited);
            } else {
                contacts.updateContact(edited);
            }
        } catch (AccountConflictException e) {
            conflict.show(
                    e.changes().stream()
                            .map(change -> new ChangedField(
                                    AccountHistory.contactLabel(this, change.column())
                                            .orElse(change.column()),
                                    StoredValues.show(this, change.column(), change.currentValue(), Map.of())))
                            .toList(),
                    String.join(", ", e.changedBy()),
                    this::reloadTheirVersion);
            return;
        } catch (AccountRuleException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        close();
        Notices.success(
                getTranslation("accounts.contacts.saved", edited.getName().strip()));
        onSaved.run();
    }

    private void reloadTheirVersion() {
        loaded = contacts.getContact(loaded.getId());
        binder.readBean(loaded);
    }
}
