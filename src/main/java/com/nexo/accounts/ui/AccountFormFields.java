package com.nexo.accounts.ui;

import com.nexo.accounts.account.AccountField;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountKind;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountRuleException;
import com.nexo.accounts.account.OwnerOption;
import com.nexo.accounts.account.PaymentTerms;
import com.nexo.accounts.account.TaxIds;
import com.nexo.base.ui.ValueListField;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.binder.ValidationResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The fields of the account form, laid out in sections and bound to an {@link AccountForm} with bean
 * validation (messages from the bundles) plus the tax id rule of the chosen country. A rule the
 * service refuses is shown on its field ({@link #showOnField}).
 */
class AccountFormFields extends FormLayout {

    /** The country whose tax ids are checked (NIF, NIE, CIF); others' are free text. */
    private static final String SPAIN = "ES";

    private final RadioButtonGroup<AccountKind> kind = new RadioButtonGroup<>();
    private final CheckboxGroup<AccountRole> roles = new CheckboxGroup<>();
    private final TextField code = new TextField();
    private final TextField legalName = new TextField();
    private final TextField tradeName = new TextField();
    private final ComboBox<String> country = new ComboBox<>();
    private final TextField taxId = new TextField();
    private final AddressesField addresses;
    private final ValueListField emails;
    private final ValueListField phones;
    private final TextField website = new TextField();
    private final Select<PaymentTerms> paymentTerms = new Select<>();
    private final BigDecimalField creditLimit = new BigDecimalField();
    private final ComboBox<String> currency = new ComboBox<>();
    private final Select<String> language = new Select<>();
    private final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>();
    private final TextArea notes = new TextArea();
    private final ComboBox<OwnerOption> owner = new ComboBox<>();
    private final BeanValidationBinder<AccountForm> binder = new BeanValidationBinder<>(AccountForm.class);
    private final Map<AccountField, HasValidation> fields = new EnumMap<>(AccountField.class);

    AccountFormFields(AccountForm loaded, List<OwnerOption> owners) {
        addresses = new AddressesField(getTranslation(AccountField.ADDRESSES.labelKey()));
        emails = new ValueListField(
                getTranslation(AccountField.EMAILS.labelKey()),
                getTranslation("accounts.form.add-email"),
                getTranslation("accounts.form.remove"),
                () -> entry("email"));
        phones = new ValueListField(
                getTranslation(AccountField.PHONES.labelKey()),
                getTranslation("accounts.form.add-phone"),
                getTranslation("accounts.form.remove"),
                () -> entry("tel"));
        configureFields(loaded, owners);
        bind();
        layout();
        binder.readBean(loaded);
    }

    /** Shows {@code form}'s values (the user's typing is replaced). */
    void read(AccountForm form) {
        binder.readBean(form);
    }

    /** Writes the fields into {@code form}; false (with the messages on the fields) when one is invalid. */
    boolean write(AccountForm form) {
        try {
            binder.writeBean(form);
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }

    /** Shows the broken rule on its field; false when it names no field of the form. */
    boolean showOnField(AccountRuleException error, String message) {
        HasValidation field = error.field() == null ? null : fieldForProperty(error.field());
        if (field == null) {
            return false;
        }
        field.setErrorMessage(message);
        field.setInvalid(true);
        return true;
    }

    private static TextField entry(String inputType) {
        TextField field = new TextField();
        field.getElement().setAttribute("type", inputType);
        return field;
    }

    private void configureFields(AccountForm loaded, List<OwnerOption> owners) {
        label(kind, AccountField.KIND);
        kind.setItems(AccountKind.values());
        kind.setItemLabelGenerator(value -> AccountLabels.kind(this, value));
        label(roles, AccountField.ROLES);
        roles.setItems(AccountRole.values());
        roles.setItemLabelGenerator(role -> AccountLabels.role(this, role));
        label(code, AccountField.CODE);
        code.setHelperText(getTranslation("accounts.form.code-help"));
        label(legalName, AccountField.LEGAL_NAME);
        legalName.setRequiredIndicatorVisible(true); // @NotBlank, which the binder does not mark itself
        label(tradeName, AccountField.TRADE_NAME);
        label(country, AccountField.COUNTRY);
        country.setItems(AccountLabels.COUNTRIES);
        country.setItemLabelGenerator(value -> AccountLabels.country(this, value));
        label(taxId, AccountField.TAX_ID);
        country.addValueChangeListener(change -> {
            taxIdHelp();
            if (!taxId.isEmpty()) {
                binder.validate();
            }
        });
        fields.put(AccountField.ADDRESSES, addresses);
        fields.put(AccountField.EMAILS, emails);
        fields.put(AccountField.PHONES, phones);
        label(website, AccountField.WEBSITE);
        label(paymentTerms, AccountField.PAYMENT_TERMS);
        paymentTerms.setItems(PaymentTerms.values());
        paymentTerms.setEmptySelectionAllowed(true);
        paymentTerms.setItemLabelGenerator(terms ->
                terms == null ? getTranslation("accounts.form.none") : AccountLabels.paymentTerms(this, terms));
        label(creditLimit, AccountField.CREDIT_LIMIT);
        label(currency, AccountField.CURRENCY);
        currency.setItems(AccountLabels.CURRENCIES);
        label(language, AccountField.LANGUAGE);
        language.setItems(AccountLabels.LANGUAGES);
        language.setEmptySelectionAllowed(true);
        language.setItemLabelGenerator(
                value -> value == null ? getTranslation("accounts.form.none") : AccountLabels.language(this, value));
        label(tags, AccountField.TAGS);
        List<String> knownTags = new ArrayList<>(loaded.getTags());
        tags.setItems(knownTags);
        tags.setAllowCustomValue(true);
        tags.setHelperText(getTranslation("accounts.form.tags-help"));
        tags.addCustomValueSetListener(custom -> {
            String tag = custom.getDetail().strip();
            if (tag.isEmpty()) {
                return;
            }
            if (!knownTags.contains(tag)) {
                knownTags.add(tag);
                tags.getListDataView().addItem(tag);
            }
            LinkedHashSet<String> value = new LinkedHashSet<>(tags.getValue());
            value.add(tag);
            tags.setValue(value);
        });
        label(notes, AccountField.NOTES);
        label(owner, AccountField.OWNER);
        owner.setItems(owners);
        owner.setItemLabelGenerator(OwnerOption::name);
        owner.setClearButtonVisible(true);
    }

    private <F extends HasLabel & HasValidation> void label(F field, AccountField accountField) {
        field.setLabel(getTranslation(accountField.labelKey()));
        fields.put(accountField, field);
    }

    private void taxIdHelp() {
        boolean spanish = SPAIN.equals(country.getValue());
        taxId.setHelperText(spanish ? getTranslation("accounts.form.tax-id-help-es") : null);
    }

    private void bind() {
        binder.forField(kind).bind("kind");
        binder.forField(roles).bind("roles");
        binder.forField(code).bind("code");
        binder.forField(legalName).bind("legalName");
        binder.forField(tradeName).bind("tradeName");
        binder.forField(country).bind("country");
        // The rule depends on the country, so it is checked here too, with a message that names it.
        binder.forField(taxId)
                .withValidator((value, context) -> TaxIds.isValid(country.getValue(), value)
                        ? ValidationResult.ok()
                        : ValidationResult.error(
                                SPAIN.equals(country.getValue())
                                        ? getTranslation("accounts.form.tax-id-invalid-es")
                                        : getTranslation(
                                                "accounts.form.tax-id-invalid",
                                                AccountLabels.country(this, country.getValue()))))
                .bind("taxId");
        binder.forField(addresses).bind("addresses");
        binder.forField(emails).bind("emails");
        binder.forField(phones).bind("phones");
        binder.forField(website).bind("website");
        binder.forField(paymentTerms).bind("paymentTerms");
        binder.forField(creditLimit).bind("creditLimit");
        binder.forField(currency).bind("currency");
        binder.forField(language).bind("language");
        binder.forField(tags).bind("tags");
        binder.forField(notes).bind("notes");
        binder.forField(owner)
                .withConverter(
                        option -> option == null ? null : option.id(),
                        id -> id == null
                                ? null
                                : owner.getListDataView()
                                        .getItems()
                                        .filter(option -> option.id().equals(id))
                                        .findFirst()
                                        .orElse(null))
                .bind("ownerId");
        taxIdHelp();
    }

    private void layout() {
        FormLayout form = this;
        form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("34rem", 2));
        form.add(kind, roles);
        form.add(legalName, tradeName, code, owner, country, taxId);
        form.add(section(getTranslation("accounts.form.section-contact")), 2);
        form.add(emails, phones, website, language);
        form.add(addresses, 2);
        form.add(section(getTranslation("accounts.form.section-commercial")), 2);
        form.add(paymentTerms, creditLimit, currency, tags);
        form.add(notes, 2);
    }

    private H4 section(String title) {
        H4 heading = new H4(title);
        heading.addClassName("form-section");
        return heading;
    }

    private HasValidation fieldForProperty(String property) {
        return fields.entrySet().stream()
                .filter(entry -> propertyOf(entry.getKey()).equals(property))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    /** The form property of a field: {@code legalName} for LEGAL_NAME, {@code ownerId} for OWNER. */
    private static String propertyOf(AccountField field) {
        if (field == AccountField.OWNER) {
            return "ownerId";
        }
        String[] words = field.name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder property = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            property.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return property.toString();
    }
}
