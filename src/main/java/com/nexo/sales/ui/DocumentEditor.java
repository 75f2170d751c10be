package com.nexo.sales.ui;

import com.nexo.accounts.AccountDirectory.AccountName;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.base.Ids;
import com.nexo.base.documents.DocumentTotals;
import com.nexo.base.ui.DetailSections;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.documents.DocumentLineFields;
import com.nexo.base.ui.documents.DocumentLinesEditor;
import com.nexo.base.ui.documents.DocumentTotalsBox;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.SalesRuleException;
import com.nexo.sales.TaxRegime;
import com.nexo.sales.documents.DocumentForm;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.DocumentPageChoices;
import com.nexo.sales.documents.DocumentPageChoices.Choice;
import com.nexo.sales.documents.DocumentPageService;
import com.nexo.sales.documents.DocumentStatus;
import com.nexo.sales.documents.LineForm;
import com.nexo.sales.documents.SalesDocument;
import com.nexo.sales.documents.SalesDocumentService;
import com.nexo.sales.documents.SalesTotals;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.listbox.ListBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a draft document: a new one of a kind ({@code sales/document/new/quote}, optionally for
 * {@code ?account=<id>}) or a draft's changes ({@code sales/document/<id>/edit}). The header is bound
 * to {@link DocumentForm} with a {@link BeanValidationBinder}; the lines are typed from the keyboard:
 * a code, barcode or name (optionally {@code 3*CODE}) and Enter adds the article's line, each cell of
 * a line is a field (Tab or Enter moves on), Delete on a line's remove button removes it, and the
 * totals follow every change. Saving goes to the document's page; a save over someone else's newer
 * version is refused and explained.
 */
@Route("sales/document/new/:kind")
@RouteAlias("sales/document/:id/edit")
@RolesAllowed({SalesPermissions.CREATE, SalesPermissions.EDIT})
public class DocumentEditor extends Main implements BeforeEnterObserver, HasDynamicTitle {

    /** "3*CODE" or "2.5 * name": a quantity before the article. */
    private static final Pattern QUANTITY_PREFIX = Pattern.compile("^\\s*(\\d+(?:[.,]\\d+)?)\\s*\\*\\s*(.+)$");

    private static final int MATCHES = 10;

    /** A sales line in the shared line grid: any VAT rate may be typed. */
    private static final DocumentLineFields<LineForm> LINE_FIELDS = new DocumentLineFields<>() {
        @Override
        public Class<LineForm> lineType() {
            return LineForm.class;
        }

        @Override
        public String articleCode(LineForm line) {
            return line.getArticleCode();
        }

        @Override
        public String unitCode(LineForm line) {
            return line.getUnitCode();
        }
    };

    private final transient SalesDocumentService documents;
    private final transient DocumentPageService pages;

    private DocumentForm form;
    private DocumentPageChoices choices = new DocumentPageChoices(List.of(), List.of(), null, List.of());
    private UUID shownClient;
    private boolean refreshing;

    private final H2 title = new H2();
    final Paragraph problem = new Paragraph();
    final BeanValidationBinder<DocumentForm> binder = new BeanValidationBinder<>(DocumentForm.class);

    final ComboBox<AccountName> client = new ComboBox<>();
    final ComboBox<Choice> contact = new ComboBox<>();
    final DatePicker documentDate = new DatePicker();
    final DatePicker validUntil = new DatePicker();
    final DatePicker deliveryDate = new DatePicker();
    final TextField currency = new TextField();
    final BigDecimalField exchangeRate = new BigDecimalField();
    final IntegerField paymentDays = new IntegerField();
    final ComboBox<Choice> salesperson = new ComboBox<>();
    final ComboBox<Choice> warehouse = new ComboBox<>();
    final Select<TaxRegime> taxRegime = new Select<>();
    final BigDecimalField withholdingPercent = new BigDecimalField();
    final BigDecimalField documentDiscount = new BigDecimalField();
    final TextField clientReference = new TextField();
    final TextField legalNote = new TextField();
    final TextArea notes = new TextArea();

    final TextField lookUp = new TextField();
    final ListBox<ArticleSummary> matches = new ListBox<>();
    private BigDecimal pendingQuantity = BigDecimal.ONE;
    final Button freeText = new Button();
    final DocumentLinesEditor<LineForm> lines;
    final DocumentTotalsBox totals = new DocumentTotalsBox();
    final Button save = new Button();

    DocumentEditor(SalesDocumentService documents, DocumentPageService pages) {
        this.documents = documents;
        this.pages = pages;
        addClassNames("account-detail", "sales-document-editor");
        title.addClassName("detail-title");
        problem.addClassName("form-problem");
        problem.setVisible(false);
        lines = new DocumentLinesEditor<>(LINE_FIELDS, this::linesChanged, lookUp::focus);

        FormLayout header = headerFields();
        Section headerSection = DetailSections.section(getTranslation("sales.page.data"), header);

        configureLookUp();
        Div entry = new Div(lookUp, freeText);
        entry.addClassName("document-line-entry");
        entry.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("gap", "var(--lumo-space-s)")
                .set("align-items", "baseline");
        Section linesSection =
                DetailSections.section(getTranslation("sales.page.lines"), entry, matches, lines.grid, totals);

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        save.addClickShortcut(Key.KEY_S, KeyModifier.CONTROL);
        Button back = new Button(getTranslation("action.cancel"), click -> leave());
        Div buttons = new Div(back, save);
        buttons.addClassName("detail-actions");
        Div top = new Div(title, buttons);
        top.addClassName("detail-header");
        add(top, problem, headerSection, linesSection);
    }

    static String editRoute(UUID documentId) {
        return "sales/document/" + documentId + "/edit";
    }

    static String newRoute(DocumentKind kind) {
        return "sales/document/new/" + DocumentView.slug(kind.name());
    }

    // ---- header ----

    private FormLayout headerFields() {
        client.setLabel(getTranslation("sales.editor.field.client"));
        client.setItemLabelGenerator(AccountName::name);
        client.setItems(query ->
                documents.clientsMatching(query.getFilter().orElse(""), query.getOffset() + query.getLimit()).stream()
                        .skip(query.getOffset()));
        client.setPlaceholder(getTranslation("sales.editor.client-placeholder"));
        binder.forField(client)
                .withConverter(
                        name -> name == null ? null : name.id(),
                        id -> id == null ? null : new AccountName(id, Objects.toString(choices.clientName(), "")))
                .bind("accountId");
        client.addValueChangeListener(change -> clientChosen());

        choice(contact, getTranslation("sales.editor.field.contact"), "contactId", () -> choices.contacts());
        choice(
                salesperson,
                getTranslation("sales.editor.field.salesperson"),
                "salespersonId",
                () -> choices.salespeople());
        choice(warehouse, getTranslation("sales.editor.field.warehouse"), "warehouseId", () -> choices.warehouses());

        documentDate.setLabel(getTranslation("sales.editor.field.document-date"));
        validUntil.setLabel(getTranslation("sales.editor.field.valid-until"));
        deliveryDate.setLabel(getTranslation("sales.editor.field.delivery-date"));
        for (DatePicker date : List.of(documentDate, validUntil, deliveryDate)) {
            date.setLocale(getLocale());
        }
        binder.bind(documentDate, "documentDate");
        binder.bind(validUntil, "validUntil");
        binder.bind(deliveryDate, "deliveryDate");

        currency.setLabel(getTranslation("sales.editor.field.currency"));
        currency.setMaxLength(3);
        currency.setWidth("6rem");
        binder.forField(currency)
                .withConverter(text -> text == null ? null : text.strip().toUpperCase(Locale.ROOT), text -> text)
                .bind("currency");
        exchangeRate.setLabel(getTranslation("sales.editor.field.exchange-rate"));
        exchangeRate.setHelperText(getTranslation("sales.editor.exchange-rate-help"));
        binder.bind(exchangeRate, "exchangeRate");
        paymentDays.setLabel(getTranslation("sales.editor.field.payment-days"));
        binder.bind(paymentDays, "paymentDays");

        taxRegime.setLabel(getTranslation("sales.editor.field.tax-regime"));
        taxRegime.setItems(TaxRegime.values());
        taxRegime.setItemLabelGenerator(regime -> getTranslation(regime.labelKey()));
        binder.bind(taxRegime, "taxRegime");
        withholdingPercent.setLabel(getTranslation("sales.editor.field.withholding"));
        binder.bind(withholdingPercent, "withholdingPercent");
        documentDiscount.setLabel(getTranslation("sales.editor.field.document-discount"));
        binder.bind(documentDiscount, "documentDiscount");
        clientReference.setLabel(getTranslation("sales.editor.field.client-reference"));
        binder.bind(clientReference, "clientReference");
        legalNote.setLabel(getTranslation("sales.editor.field.legal-note"));
        binder.bind(legalNote, "legalNote");
        notes.setLabel(getTranslation("sales.editor.field.notes"));
        binder.bind(notes, "notes");

        binder.addValueChangeListener(change -> {
            exchangeRate.setVisible(!"EUR".equals(form == null ? "EUR" : form.getCurrency()));
            showTotals();
        });

        FormLayout layout = new FormLayout(
                client,
                contact,
                documentDate,
                validUntil,
                deliveryDate,
                paymentDays,
                salesperson,
                warehouse,
                taxRegime,
                withholdingPercent,
                documentDiscount,
                currency,
                exchangeRate,
                clientReference,
                legalNote,
                notes);
        layout.setColspan(client, 2);
        layout.setColspan(notes, 2);
        layout.setResponsiveSteps(
                new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("28em", 2),
                new FormLayout.ResponsiveStep("56em", 4));
        return layout;
    }

    /** A picker of ids among {@code options}, bound to {@code property}. */
    private void choice(
            ComboBox<Choice> field, String label, String property, java.util.function.Supplier<List<Choice>> options) {
        field.setLabel(label);
        field.setItemLabelGenerator(Choice::label);
        field.setClearButtonVisible(true);
        binder.forField(field)
                .withConverter(
                        chosen -> chosen == null ? null : chosen.id(),
                        id -> id == null
                                ? null
                                : options.get().stream()
                                        .filter(option -> option.id().equals(id))
                                        .findFirst()
                                        .orElse(null))
                .bind(property);
    }

    /** A client was picked: its currency, payment terms and contact follow, and its contacts are offered. */
    private void clientChosen() {
        if (refreshing || form == null || Objects.equals(form.getAccountId(), shownClient)) {
            return;
        }
        UUID chosen = form.getAccountId();
        if (chosen != null) {
            try {
                documents.withClient(form, chosen);
            } catch (SalesRuleException refusal) {
                Notices.error(DocumentViewTexts.refusal(this, refusal));
            }
        }
        loadChoices();
        refreshFields();
    }

    private void loadChoices() {
        choices = pages.choices(form.getAccountId());
        shownClient = form.getAccountId();
        contact.setItems(choices.contacts());
        salesperson.setItems(choices.salespeople());
        warehouse.setItems(choices.warehouses());
    }

    private void refreshFields() {
        refreshing = true;
        try {
            binder.refreshFields();
        } finally {
            refreshing = false;
        }
        validUntil.setVisible(form.getKind() == DocumentKind.QUOTE);
        exchangeRate.setVisible(!"EUR".equals(form.getCurrency()));
        showTotals();
    }

    // ---- lines ----

    private void configureLookUp() {
        lookUp.setLabel(getTranslation("sales.editor.add-article"));
        lookUp.setPlaceholder(getTranslation("sales.editor.add-article-placeholder"));
        lookUp.setHelperText(getTranslation("sales.editor.add-article-help"));
        lookUp.setClearButtonVisible(true);
        lookUp.setMinWidth("16rem");
        lookUp.getStyle().set("flex", "1");
        // Enter comes before the field's change event: the typed text travels with the key itself.
        lookUp.getElement()
                .addEventListener("keydown", enter -> {
                    lookUp.setValue(enter.getEventData().get("element.value").asString());
                    addTyped();
                })
                .setFilter("event.key === 'Enter'")
                .addEventData("element.value");
        lookUp.addKeyDownListener(Key.ARROW_DOWN, down -> {
            if (matches.isVisible()) {
                matches.getElement().callJsFunction("focus");
            }
        });
        freeText.setText(getTranslation("sales.editor.free-text"));
        freeText.setIcon(VaadinIcon.PLUS.create());
        freeText.addClickListener(click -> {
            LineForm line = new LineForm();
            line.setDescription("");
            lines.add(line).description.focus();
        });
        matches.addClassName("document-article-matches");
        matches.setItemLabelGenerator(
                article -> article.label(getLocale()) + " · " + Format.price(article.salePrice(), null));
        matches.setVisible(false);
        matches.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                addArticle(change.getValue().id(), pendingQuantity);
            }
        });
    }

    /** Enter in the look-up field: the article whose code or barcode it is, or the only match; else a choice. */
    void addTyped() {
        String typed = lookUp.getValue() == null ? "" : lookUp.getValue().strip();
        if (typed.isEmpty()) {
            return;
        }
        BigDecimal quantity = BigDecimal.ONE;
        Matcher prefix = QUANTITY_PREFIX.matcher(typed);
        if (prefix.matches()) {
            quantity = new BigDecimal(prefix.group(1).replace(',', '.'));
            typed = prefix.group(2).strip();
        }
        String text = typed;
        List<ArticleSummary> found = documents.articlesMatching(text, MATCHES).stream()
                .filter(article -> !article.archived())
                .toList();
        Optional<ArticleSummary> exact = found.stream()
                .filter(article -> article.code().equalsIgnoreCase(text) || text.equals(article.barcode()))
                .findFirst();
        if (exact.isEmpty() && found.size() == 1) {
            exact = Optional.of(found.getFirst());
        }
        if (exact.isPresent()) {
            addArticle(exact.get().id(), quantity);
        } else if (found.isEmpty()) {
            Notices.error(getTranslation("sales.editor.no-article", text));
        } else {
            pendingQuantity = quantity;
            matches.setItems(found);
            matches.setVisible(true);
        }
    }

    private void addArticle(UUID articleId, BigDecimal quantity) {
        try {
            lines.add(documents.lineFor(form.getAccountId(), articleId, quantity, form.getDocumentDate(), getLocale()));
            lookUp.clear();
            matches.setVisible(false);
            matches.clear();
            lookUp.focus();
        } catch (SalesRuleException refusal) {
            Notices.error(DocumentViewTexts.refusal(this, refusal));
        }
    }

    private void linesChanged() {
        if (form != null) {
            form.setLines(lines.forms());
        }
        showTotals();
    }

    private void showTotals() {
        if (form == null) {
            return;
        }
        String code =
                form.getCurrency() == null || !form.getCurrency().matches("[A-Z]{3}") ? "EUR" : form.getCurrency();
        totals.removeAll();
        DocumentTotals amounts;
        try {
            amounts = SalesTotals.of(
                    lines.forms(), form.getTaxRegime(), form.getDocumentDiscount(), form.getWithholdingPercent(), code);
        } catch (IllegalArgumentException | NullPointerException notYet) {
            return; // a field not filled in yet (or an unknown currency): totals come back once it is
        }
        lines.showNets(amounts.lineNets(), code);
        totals.show(amounts, code);
    }

    /** The total as shown (for tests). */
    String totalShown() {
        return totals.totalShown();
    }

    // ---- save ----

    void save() {
        problem.setVisible(false);
        boolean headerValid = binder.validate().isOk();
        boolean linesValid = lines.validate();
        if (!headerValid || !linesValid) {
            return;
        }
        form.setLines(lines.forms());
        try {
            UUID id = documents.save(form);
            Notices.success(getTranslation("sales.editor.saved"));
            getUI().ifPresent(ui -> ui.navigate(DocumentView.class, DocumentView.parameters(id)));
        } catch (SalesRuleException refusal) {
            String message = DocumentViewTexts.refusal(this, refusal);
            problem.setText(message);
            problem.setVisible(true);
            Notices.error(message);
        }
    }

    private void leave() {
        if (form != null && form.getId() != null) {
            getUI().ifPresent(ui -> ui.navigate(DocumentView.class, DocumentView.parameters(form.getId())));
        } else if (form != null) {
            getUI().ifPresent(ui -> ui.navigate(DocumentViewTexts.listRoute(form.getKind())));
        }
    }

    // ---- navigation ----

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<String> kindText = event.getRouteParameters().get("kind");
        try {
            if (kindText.isPresent()) {
                Optional<DocumentKind> kind = kind(kindText.get());
                if (kind.isEmpty()) {
                    event.rerouteToError(NotFoundException.class);
                    return;
                }
                if (!CurrentUser.can(SalesPermissions.CREATE)) {
                    event.rerouteToError(AccessDeniedException.class);
                    return;
                }
                UUID account = event.getLocation()
                        .getQueryParameters()
                        .getSingleParameter("account")
                        .flatMap(Ids::parse)
                        .orElse(null);
                load(documents.newForm(kind.get(), account));
            } else {
                Optional<UUID> id = event.getRouteParameters().get("id").flatMap(Ids::parse);
                if (id.isEmpty()) {
                    event.rerouteToError(NotFoundException.class);
                    return;
                }
                if (!CurrentUser.can(SalesPermissions.EDIT)) {
                    event.rerouteToError(AccessDeniedException.class);
                    return;
                }
                SalesDocument document = documents.document(id.get());
                if (document.status() != DocumentStatus.DRAFT) {
                    // Only drafts are edited: a numbered document opens on its page.
                    event.forwardTo(DocumentView.class, DocumentView.parameters(id.get()));
                    return;
                }
                load(documents.getForm(id.get()));
            }
        } catch (SalesRuleException e) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private static Optional<DocumentKind> kind(String text) {
        try {
            return Optional.of(
                    DocumentKind.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void load(DocumentForm loaded) {
        this.form = loaded;
        loadChoices();
        refreshing = true;
        try {
            binder.setBean(loaded);
        } finally {
            refreshing = false;
        }
        lines.show(loaded.getLines());
        title.setText(
                loaded.getId() == null
                        ? getTranslation(
                                "sales.editor.title-new",
                                getTranslation(loaded.getKind().key()))
                        : getTranslation(
                                "sales.editor.title-edit", DocumentViewTexts.title(this, loaded.getKind(), null)));
        refreshFields();
        if (loaded.getAccountId() == null) {
            client.focus();
        } else {
            lookUp.focus();
        }
    }

    /** The form being edited (for tests). */
    DocumentForm form() {
        return form;
    }

    @Override
    public String getPageTitle() {
        return title.getText() == null || title.getText().isBlank()
                ? getTranslation("sales.page.page-title")
                : title.getText();
    }
}
