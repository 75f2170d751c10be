package com.nexo.sales.ui;

import com.nexo.accounts.AccountDirectory;
import com.nexo.base.ui.Notices;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.SalesRuleException;
import com.nexo.sales.TaxRegime;
import com.nexo.sales.pricing.ClientTermsForm;
import com.nexo.sales.pricing.ClientTermsService;
import com.nexo.sales.pricing.PriceListRow;
import com.nexo.sales.pricing.PriceListService;
import com.nexo.security.CurrentUser;
import com.nexo.security.UserDirectory;
import com.nexo.security.UserDirectory.UserName;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.di.Instantiator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A client's sales terms: tax regime (with the legal note its invoices print, and the exemption
 * note of an exempt client), IRPF withholding, price list, client group, usual document discount and
 * salesperson. Opened from anywhere an account is shown with {@link #open(UUID, Runnable)}; those
 * who may only read sales see the terms without changing them. Saving over terms someone else saved
 * meanwhile is refused with a message.
 */
public class ClientTermsDialog extends Dialog {

    private final transient ClientTermsService terms;
    private final transient PriceListService priceLists;
    private final transient UserDirectory users;
    private final transient AccountDirectory accounts;
    private final BeanValidationBinder<ClientTermsForm> binder = new BeanValidationBinder<>(ClientTermsForm.class);
    private ClientTermsForm loaded;
    private transient Runnable onSaved = () -> {};

    final Select<TaxRegime> taxRegime = new Select<>();
    final Paragraph legalNote = new Paragraph();
    final TextArea exemptionNote = new TextArea();
    final BigDecimalField withholding = new BigDecimalField();
    final ComboBox<PriceListRow> priceList = new ComboBox<>();
    final TextField clientGroup = new TextField();
    final BigDecimalField documentDiscount = new BigDecimalField();
    final ComboBox<UserName> salesperson = new ComboBox<>();
    final Button save = new Button();

    /**
     * Opens the terms of the account (a client) in a dialog; {@code onSaved} runs after a save. The
     * dialog is made by Spring, with its services, for the current UI.
     */
    public static ClientTermsDialog open(UUID accountId, Runnable onSaved) {
        ClientTermsDialog dialog = Instantiator.get(UI.getCurrent()).getOrCreate(ClientTermsDialog.class);
        dialog.load(accountId, onSaved);
        dialog.open();
        return dialog;
    }

    /** Opens the terms of the account in a dialog. */
    public static ClientTermsDialog open(UUID accountId) {
        return open(accountId, () -> {});
    }

    public ClientTermsDialog(
            ClientTermsService terms, PriceListService priceLists, UserDirectory users, AccountDirectory accounts) {
        this.terms = terms;
        this.priceLists = priceLists;
        this.users = users;
        this.accounts = accounts;
        addClassName("client-terms-dialog");
        setWidth("40rem");
        setMaxWidth("100%");

        taxRegime.setLabel(getTranslation("sales.terms.field.tax-regime"));
        taxRegime.setItems(TaxRegime.values());
        taxRegime.setItemLabelGenerator(regime -> getTranslation(regime.labelKey()));
        taxRegime.addValueChangeListener(change -> regimeChanged(change.getValue()));
        legalNote.addClassName("client-terms-legal-note");
        exemptionNote.setLabel(getTranslation("sales.terms.field.exemption-note"));
        exemptionNote.setMaxLength(500);
        exemptionNote.setPlaceholder(getTranslation("sales.legal.exempt"));
        exemptionNote.setHelperText(getTranslation("sales.terms.field.exemption-note-help"));
        withholding.setLabel(getTranslation("sales.terms.field.withholding"));
        withholding.setHelperText(getTranslation("sales.terms.field.withholding-help"));
        withholding.setSuffixComponent(new Span("%"));
        withholding.setClearButtonVisible(true);
        priceList.setLabel(getTranslation("sales.terms.field.price-list"));
        priceList.setItemLabelGenerator(PriceListRow::name);
        priceList.setClearButtonVisible(true);
        priceList.setHelperText(getTranslation("sales.terms.field.price-list-help"));
        clientGroup.setLabel(getTranslation("sales.terms.field.client-group"));
        clientGroup.setMaxLength(20);
        clientGroup.setHelperText(getTranslation("sales.terms.field.client-group-help"));
        documentDiscount.setLabel(getTranslation("sales.terms.field.document-discount"));
        documentDiscount.setSuffixComponent(new Span("%"));
        salesperson.setLabel(getTranslation("sales.terms.field.salesperson"));
        salesperson.setItemLabelGenerator(UserName::displayName);
        salesperson.setClearButtonVisible(true);

        FormLayout layout = new FormLayout(
                taxRegime,
                withholding,
                legalNote,
                exemptionNote,
                priceList,
                clientGroup,
                documentDiscount,
                salesperson);
        layout.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30rem", 2));
        layout.setColspan(legalNote, 2);
        layout.setColspan(exemptionNote, 2);
        add(layout);

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        Button close = new Button(getTranslation("action.cancel"), click -> close());
        getFooter().add(close, save);
    }

    /** Reads the account's terms and what the pickers offer, and binds them. */
    void load(UUID accountId, Runnable afterSave) {
        this.onSaved = Objects.requireNonNull(afterSave, "afterSave");
        this.loaded = terms.getForm(accountId);
        String name = accounts.namesOf(List.of(accountId)).getOrDefault(accountId, "");
        setHeaderTitle(getTranslation("sales.terms.title", name));

        List<PriceListRow> lists = priceLists.choices();
        Map<UUID, PriceListRow> listsById =
                lists.stream().collect(Collectors.toMap(PriceListRow::id, Function.identity()));
        priceList.setItems(lists);
        List<UserName> people = users.activeEmployees();
        Map<UUID, UserName> peopleById = people.stream().collect(Collectors.toMap(UserName::id, Function.identity()));
        salesperson.setItems(people);

        binder.forField(taxRegime).bind("taxRegime");
        binder.forField(exemptionNote).bind("exemptionNote");
        binder.forField(withholding).bind("withholdingPercent");
        binder.forField(priceList)
                .withConverter((PriceListRow row) -> row == null ? null : row.id(), listsById::get)
                .bind("priceListId");
        binder.forField(clientGroup).bind("clientGroup");
        binder.forField(documentDiscount).bind("documentDiscountPercent");
        binder.forField(salesperson)
                .withConverter((UserName user) -> user == null ? null : user.id(), peopleById::get)
                .bind("salespersonId");
        binder.readBean(loaded);
        regimeChanged(loaded.getTaxRegime());

        boolean canEdit = CurrentUser.can(SalesPermissions.SETTINGS);
        binder.setReadOnly(!canEdit);
        save.setVisible(canEdit);
    }

    private void regimeChanged(TaxRegime regime) {
        exemptionNote.setVisible(regime == TaxRegime.EXEMPT);
        String noteKey = ClientTermsService.legalNoteKey(regime);
        legalNote.setVisible(noteKey != null && regime != TaxRegime.EXEMPT);
        legalNote.setText(noteKey == null ? "" : getTranslation("sales.terms.legal-note", getTranslation(noteKey)));
    }

    void save() {
        ClientTermsForm form = new ClientTermsForm();
        form.setAccountId(loaded.getAccountId());
        form.setVersion(loaded.getVersion());
        if (!binder.writeBeanIfValid(form)) {
            return;
        }
        try {
            terms.save(form);
        } catch (SalesRuleException e) {
            String message = getTranslation(e.messageKey(), e.arguments());
            if ("priceListId".equals(e.field())) {
                priceList.setInvalid(true);
                priceList.setErrorMessage(message);
            } else if ("salespersonId".equals(e.field())) {
                salesperson.setInvalid(true);
                salesperson.setErrorMessage(message);
            } else {
                Notices.error(message);
            }
            return;
        }
        close();
        Notices.success(getTranslation("sales.terms.saved"));
        onSaved.run();
    }
}
