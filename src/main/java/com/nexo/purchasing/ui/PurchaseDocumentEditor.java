package com.nexo.purchasing.ui;

import com.nexo.accounts.AccountDirectory.AccountName;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.articles.ArticleDirectory.WarehouseSummary;
import com.nexo.base.Ids;
import com.nexo.base.documents.DocumentLine;
import com.nexo.base.documents.DocumentTotals;
import com.nexo.base.ui.ConflictNotice;
import com.nexo.base.ui.DetailSections;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.documents.DocumentLineFields;
import com.nexo.base.ui.documents.DocumentLinesEditor;
import com.nexo.base.ui.documents.DocumentTotalsBox;
import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.documents.DraftOrder;
import com.nexo.purchasing.documents.DraftRfq;
import com.nexo.purchasing.documents.PurchaseDocument;
import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.purchasing.documents.PurchaseOrderService;
import com.nexo.purchasing.documents.PurchaseStatus;
import com.nexo.purchasing.documents.PurchaseTotals;
import com.nexo.purchasing.documents.Rfq;
import com.nexo.purchasing.documents.RfqService;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes a draft purchase order ({@code purchasing/orders/new}, {@code purchasing/orders/<id>/edit})
 * or request for quotation ({@code purchasing/rfqs/new}, {@code purchasing/rfqs/<id>/edit}): the
 * supplier (only supplier accounts are offered) or, for an RFQ, the suppliers it goes to, the
 * warehouse and dates, and the lines in the shared line grid ({@link DocumentLinesEditor}), with the
 * totals following every change. Saving goes to the document's page; the service checks everything
 * again and a refusal is shown on the field it is about; a save over someone else's newer version is
 * refused and explained.
 */
@Route("purchasing/orders/new")
@RouteAlias("purchasing/orders/:id/edit")
@RouteAlias("purchasing/rfqs/new")
@RouteAlias("purchasing/rfqs/:id/edit")
@RolesAllowed({PurchasingPermissions.CREATE, PurchasingPermissions.EDIT})
public class PurchaseDocumentEditor extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final int MATCHES = 20;

    /** A purchasing line in the shared line grid: the supplier's code is kept, any VAT rate typed. */
    private static final DocumentLineFields<PurchaseLineForm> LINE_FIELDS = new DocumentLineFields<>() {
        @Override
        public Class<PurchaseLineForm> lineType() {
            return PurchaseLineForm.class;
        }

        @Override
        public String articleCode(PurchaseLineForm line) {
            return line.getArticleCode();
        }

        @Override
        public String unitCode(PurchaseLineForm line) {
            return line.getUnitCode();
        }
    };

    private final transient PurchaseOrderService orders;
    private final transient RfqService rfqs;

    private PurchaseKind kind = PurchaseKind.ORDER;
    private UUID id;
    private Long version;

    private final H2 title = new H2();
    final Paragraph problem = new Paragraph();
    final ConflictNotice conflict = new ConflictNotice();

    final ComboBox<AccountName> supplier = new ComboBox<>();
    final MultiSelectComboBox<AccountName> suppliers = new MultiSelectComboBox<>();
    final ComboBox<WarehouseSummary> warehouse = new ComboBox<>();
    final DatePicker documentDate = new DatePicker();
    final DatePicker expectedDate = new DatePicker();
    final TextField supplierReference = new TextField();
    final TextArea notes = new TextArea();

    final ComboBox<ArticleSummary> article = new ComboBox<>();
    final Button freeText = new Button();
    final DocumentLinesEditor<PurchaseLineForm> lines;
    final DocumentTotalsBox totals = new DocumentTotalsBox();
    final Button save = new Button();

    PurchaseDocumentEditor(PurchaseOrderService orders, RfqService rfqs) {
        this.orders = orders;
        this.rfqs = rfqs;
        addClassNames("account-detail", "purchase-document-editor");
        title.addClassName("detail-title");
        problem.addClassName("form-problem");
        problem.setVisible(false);
        lines = new DocumentLinesEditor<>(LINE_FIELDS, this::showTotals, article::focus);

        configureHeader();
        FormLayout header =
                new FormLayout(supplier, suppliers, warehouse, documentDate, expectedDate, supplierReference, notes);
        header.setColspan(supplier, 2);
        header.setColspan(suppliers, 2);
        header.setColspan(notes, 2);
        header.setResponsiveSteps(
                new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("28em", 2),
                new FormLayout.ResponsiveStep("56em", 4));

        configureArticle();
        Div entry = new Div(article, freeText);
        entry.addClassName("document-line-entry");
        entry.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("gap", "var(--lumo-space-s)")
                .set("align-items", "baseline");

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        save.addClickShortcut(Key.KEY_S, KeyModifier.CONTROL);
        Button back = new Button(getTranslation("action.cancel"), click -> leave());
        Div buttons = new Div(back, save);
        buttons.addClassName("detail-actions");
        Div top = new Div(title, buttons);
        top.addClassName("detail-header");
        add(
                top,
                conflict,
                problem,
                DetailSections.section(getTranslation("purchasing.page.data"), header),
                DetailSections.section(getTranslation("purchasing.page.lines"), entry, lines.grid, totals));
    }

    private void configureHeader() {
        supplier.setLabel(getTranslation("purchasing.field.supplier"));
        supplier.setPlaceholder(getTranslation("purchasing.editor.supplier-placeholder"));
        supplier.setItemLabelGenerator(AccountName::name);
        supplier.setItems(query ->
                orders.suppliersMatching(query.getFilter().orElse(""), query.getOffset() + query.getLimit()).stream()
                        .skip(query.getOffset()));
        supplier.setRequiredIndicatorVisible(true);
        supplier.setWidthFull();
        // Another supplier, other prices: lines whose price was not typed take the new supplier's.
        supplier.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                lines.rows().forEach(row -> propose(row, true));
            }
        });

        suppliers.setLabel(getTranslation("purchasing.field.suppliers"));
        suppliers.setPlaceholder(getTranslation("purchasing.editor.supplier-placeholder"));
        suppliers.setHelperText(getTranslation("purchasing.editor.suppliers-help"));
        suppliers.setItemLabelGenerator(AccountName::name);
        suppliers.setItems(query ->
                orders.suppliersMatching(query.getFilter().orElse(""), query.getOffset() + query.getLimit()).stream()
                        .skip(query.getOffset()));
        suppliers.setRequiredIndicatorVisible(true);
        suppliers.setWidthFull();

        warehouse.setLabel(getTranslation("purchasing.field.warehouse"));
        warehouse.setItemLabelGenerator(w -> w.code() + " · " + w.name());
        warehouse.setClearButtonVisible(true);

        documentDate.setLabel(getTranslation("purchasing.field.document-date"));
        documentDate.setLocale(getLocale());
        expectedDate.setLocale(getLocale());
        supplierReference.setLabel(getTranslation("purchasing.field.supplier-reference"));
        supplierReference.setMaxLength(100);
        notes.setLabel(getTranslation("purchasing.field.notes"));
        notes.setMaxLength(4000);
    }

    private void configureArticle() {
        article.setLabel(getTranslation("purchasing.editor.add-article"));
        article.setPlaceholder(getTranslation("purchasing.editor.add-article-placeholder"));
        article.setItemLabelGenerator(found -> found.label(getLocale()));
        article.setItems(query -> orders.articlesMatching(query.getFilter().orElse(""), MATCHES).stream()
                .skip(query.getOffset())
                .limit(query.getLimit()));
        article.setMinWidth("16rem");
        article.getStyle().set("flex", "1");
        article.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                addArticle(change.getValue());
            }
        });
        freeText.setText(getTranslation("purchasing.editor.free-text"));
        freeText.setIcon(VaadinIcon.PLUS.create());
        freeText.addClickListener(click -> {
            PurchaseLineForm line = new PurchaseLineForm();
            line.setDescription("");
            lines.add(line).description.focus();
        });
    }

    void addArticle(ArticleSummary chosen) {
        try {
            DocumentLinesEditor<PurchaseLineForm>.Row row = lines.add(PurchaseLineForm.of(
                    orders.lineFor(chosenSupplier(), chosen.id(), BigDecimal.ONE, getLocale()), chosen.code()));
            watchPrice(row);
            row.quantity.focus();
        } catch (PurchasingRuleException refusal) {
            Notices.error(PurchaseTexts.refusal(this, refusal));
        }
        article.clear();
    }

    /** The order's supplier (an RFQ goes to several: its lines propose the articles' costs). */
    private UUID chosenSupplier() {
        return kind == PurchaseKind.ORDER && supplier.getValue() != null
                ? supplier.getValue().id()
                : null;
    }

    /**
     * A price typed into the line is the buyer's and stays; until then the line's price follows its
     * quantity (a quantity crossing one of the supplier's breaks takes that break's price).
     */
    private void watchPrice(DocumentLinesEditor<PurchaseLineForm>.Row row) {
        row.price.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                row.line.setPriceByHand(true);
            }
        });
        row.quantity.addValueChangeListener(change -> propose(row, false));
    }

    /**
     * Proposes the supplier's price for an article line's quantity again, unless its price was typed;
     * with {@code supplierChanged}, the line also takes the new supplier's code for the article.
     */
    private void propose(DocumentLinesEditor<PurchaseLineForm>.Row row, boolean supplierChanged) {
        PurchaseLineForm line = row.line;
        BigDecimal quantity = row.quantity.getValue();
        if (line.getArticleId() == null
                || (line.isPriceByHand() && !supplierChanged)
                || quantity == null
                || quantity.signum() <= 0) {
            return;
        }
        try {
            com.nexo.purchasing.documents.OrderLine proposed =
                    orders.lineFor(chosenSupplier(), line.getArticleId(), quantity, getLocale());
            if (supplierChanged) {
                line.setSupplierCode(proposed.supplierCode());
            }
            if (!line.isPriceByHand()
                    && (row.price.getValue() == null || row.price.getValue().compareTo(proposed.unitPrice()) != 0)) {
                row.price.setValue(proposed.unitPrice());
            }
        } catch (PurchasingRuleException refusal) {
            Notices.error(PurchaseTexts.refusal(this, refusal));
        }
    }

    private void showTotals() {
        DocumentTotals amounts;
        try {
            amounts = PurchaseTotals.of(
                    lines.forms().stream()
                            .map(line -> new DocumentLine(
                                    line.getQuantity(),
                                    line.getUnitPrice(),
                                    line.getDiscountPercent(),
                                    PurchaseTotals.rate(line.getVatPercent())))
                            .toList(),
                    "EUR");
        } catch (IllegalArgumentException | NullPointerException notYet) {
            return; // a cell not filled in yet: the totals come back once it is
        }
        lines.showNets(amounts.lineNets(), "EUR");
        totals.show(amounts, "EUR");
    }

    /** The total as shown (for tests). */
    String totalShown() {
        return totals.totalShown();
    }

    // ---- save ----

    void save() {
        problem.setVisible(false);
        supplier.setInvalid(false);
        suppliers.setInvalid(false);
        expectedDate.setInvalid(false);
        if (!lines.validate()) {
            return;
        }
        List<com.nexo.purchasing.documents.OrderLine> orderLines =
                lines.forms().stream().map(PurchaseLineForm::toOrderLine).toList();
        UUID warehouseId =
                warehouse.getValue() == null ? null : warehouse.getValue().id();
        try {
            UUID saved;
            if (kind == PurchaseKind.RFQ) {
                DraftRfq draft = new DraftRfq(
                        id,
                        version,
                        documentDate.getValue(),
                        expectedDate.getValue(),
                        warehouseId,
                        blankToNull(notes.getValue()),
                        orderLines,
                        suppliers.getValue().stream().map(AccountName::id).toList());
                if (id == null) {
                    saved = rfqs.create(draft);
                } else {
                    version = rfqs.update(draft);
                    saved = id;
                }
            } else {
                DraftOrder draft = new DraftOrder(
                        id,
                        version,
                        supplier.getValue() == null ? null : supplier.getValue().id(),
                        warehouseId,
                        documentDate.getValue(),
                        expectedDate.getValue(),
                        blankToNull(supplierReference.getValue()),
                        blankToNull(notes.getValue()),
                        orderLines);
                if (id == null) {
                    saved = orders.create(draft);
                } else {
                    version = orders.update(draft);
                    saved = id;
                }
            }
            Notices.success(getTranslation("purchasing.editor.saved"));
            getUI().ifPresent(ui -> ui.navigate(PurchaseTexts.route(kind, saved)));
        } catch (PurchasingRuleException refusal) {
            String message = PurchaseTexts.refusal(this, refusal);
            if (PurchaseTexts.changedMeanwhile(refusal)) {
                conflict.show(List.of(), null, this::reloadStored);
                conflict.focusReload();
            }
            switch (refusal.field() == null ? "" : refusal.field()) {
                case "supplierId" -> {
                    supplier.setErrorMessage(message);
                    supplier.setInvalid(true);
                }
                case "supplierIds" -> {
                    suppliers.setErrorMessage(message);
                    suppliers.setInvalid(true);
                }
                case "expectedDate", "answerBy" -> {
                    expectedDate.setErrorMessage(message);
                    expectedDate.setInvalid(true);
                }
                default -> {}
            }
            problem.setText(message);
            problem.setVisible(true);
            Notices.error(message);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private void reloadStored() {
        problem.setVisible(false);
        if (kind == PurchaseKind.RFQ) {
            showRfq(rfqs.rfq(id));
        } else {
            showOrder(orders.order(id));
        }
    }

    private void leave() {
        String target = id != null
                ? PurchaseTexts.route(kind, id)
                : kind == PurchaseKind.RFQ ? PurchaseTexts.RFQS : PurchaseTexts.ORDERS;
        getUI().ifPresent(ui -> ui.navigate(target));
    }

    // ---- navigation ----

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        kind = event.getLocation().getPath().startsWith(PurchaseTexts.RFQS) ? PurchaseKind.RFQ : PurchaseKind.ORDER;
        Optional<String> idText = event.getRouteParameters().get("id");
        warehouse.setItems(orders.warehouses());
        try {
            if (idText.isEmpty()) {
                if (!CurrentUser.can(PurchasingPermissions.CREATE)) {
                    event.rerouteToError(AccessDeniedException.class);
                    return;
                }
                id = null;
                version = null;
                lines.show(List.of());
                showKind();
                title.setText(getTranslation("purchasing.editor.title-new", PurchaseTexts.kindName(this, kind)));
                (kind == PurchaseKind.RFQ ? suppliers : supplier).focus();
                return;
            }
            Optional<UUID> parsed = idText.flatMap(Ids::parse);
            if (parsed.isEmpty()) {
                event.rerouteToError(NotFoundException.class);
                return;
            }
            if (!CurrentUser.can(PurchasingPermissions.EDIT)) {
                event.rerouteToError(AccessDeniedException.class);
                return;
            }
            id = parsed.get();
            PurchaseDocument stored;
            if (kind == PurchaseKind.RFQ) {
                Rfq rfq = rfqs.rfq(id);
                stored = rfq.document();
                if (stored.status() == PurchaseStatus.DRAFT) {
                    showRfq(rfq);
                }
            } else {
                stored = orders.order(id);
                if (stored.status() == PurchaseStatus.DRAFT) {
                    showOrder(stored);
                }
            }
            if (stored.status() != PurchaseStatus.DRAFT) {
                // Only drafts are edited: anything else opens on its page.
                event.forwardTo(PurchaseTexts.route(kind, id));
                return;
            }
            title.setText(
                    getTranslation("purchasing.editor.title-edit", PurchaseTexts.title(this, kind, stored.number())));
        } catch (PurchasingRuleException e) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void showKind() {
        boolean isRfq = kind == PurchaseKind.RFQ;
        supplier.setVisible(!isRfq);
        suppliers.setVisible(isRfq);
        supplierReference.setVisible(!isRfq);
        expectedDate.setLabel(
                (isRfq
                        ? getTranslation("purchasing.field.answer-by")
                        : getTranslation("purchasing.field.expected-date")));
    }

    private void showOrder(PurchaseDocument order) {
        version = order.version();
        showKind();
        supplier.setValue(new AccountName(order.supplierId(), order.supplierName()));
        showCommon(order);
        supplierReference.setValue(order.supplierReference() == null ? "" : order.supplierReference());
    }

    private void showRfq(Rfq rfq) {
        PurchaseDocument document = rfq.document();
        version = document.version();
        showKind();
        suppliers.setValue(new HashSet<>(rfq.suppliers().stream()
                .map(s -> new AccountName(s.supplierId(), s.supplierName()))
                .toList()));
        showCommon(document);
    }

    private void showCommon(PurchaseDocument document) {
        warehouse.setValue(orders.warehouses().stream()
                .filter(w -> w.id().equals(document.warehouseId()))
                .findFirst()
                .orElse(null));
        documentDate.setValue(document.documentDate());
        expectedDate.setValue(document.expectedDate());
        notes.setValue(document.notes() == null ? "" : document.notes());
        lines.show(document.lines().stream().map(PurchaseLineForm::of).toList());
        lines.rows().forEach(this::watchPrice);
        showTotals();
    }

    @Override
    public String getPageTitle() {
        return title.getText() == null || title.getText().isBlank()
                ? getTranslation("purchasing.page.page-title")
                : title.getText();
    }
}
