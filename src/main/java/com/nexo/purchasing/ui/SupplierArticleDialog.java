package com.nexo.purchasing.ui;

import com.nexo.accounts.AccountDirectory;
import com.nexo.accounts.AccountDirectory.AccountName;
import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.Notices;
import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.prices.SupplierArticle;
import com.nexo.purchasing.prices.SupplierArticleForm;
import com.nexo.purchasing.prices.SupplierPriceService;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.di.Instantiator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a supplier sells of an article: its code, lead time, minimum order, currency and quantity
 * breaks. Opened from the article page (the supplier is chosen) or from the supplier's account page
 * (the article is chosen) to add an entry, or on an entry to change or delete it. Those who may only
 * read purchasing see it without changing it.
 */
public class SupplierArticleDialog extends Dialog {

    private final transient SupplierPriceService prices;
    private final transient AccountDirectory accounts;
    private final transient ArticleDirectory articles;
    private final BeanValidationBinder<SupplierArticleForm> binder =
            new BeanValidationBinder<>(SupplierArticleForm.class);
    private SupplierArticleForm loaded;
    private final List<SupplierArticleForm.Break> breakRows = new ArrayList<>();
    private transient Runnable onSaved = () -> {};

    final ComboBox<AccountName> supplier = new ComboBox<>();
    final ComboBox<ArticleSummary> article = new ComboBox<>();
    final TextField supplierCode = new TextField();
    final IntegerField leadTimeDays = new IntegerField();
    final BigDecimalField minOrderQty = new BigDecimalField();
    final TextField currency = new TextField();
    final Grid<SupplierArticleForm.Break> breaks = new Grid<>();
    final BigDecimalField breakQuantity = new BigDecimalField();
    final BigDecimalField breakPrice = new BigDecimalField();
    final Button addBreak = new Button();
    final Button save = new Button();
    final Button delete = new Button();
    private final Div breakEditor;

    /** Opens a new entry for the article, the supplier to be chosen. */
    public static SupplierArticleDialog forArticle(UUID articleId, Runnable onSaved) {
        return open(SupplierArticleForm.newEntry(null, articleId), onSaved);
    }

    /** Opens a new entry for the supplier, the article to be chosen. */
    public static SupplierArticleDialog forSupplier(UUID supplierId, Runnable onSaved) {
        return open(SupplierArticleForm.newEntry(supplierId, null), onSaved);
    }

    /** Opens an existing entry. */
    public static SupplierArticleDialog edit(SupplierArticle entry, Runnable onSaved) {
        SupplierArticleDialog dialog = create();
        dialog.load(dialog.prices.getForm(entry.id()), onSaved);
        dialog.setHeaderTitle(dialog.getTranslation(
                "purchasing.prices.dialog.edit-title",
                entry.supplierName(),
                entry.articleCode() + " · "
                        + entry.articleName(dialog.getLocale().getLanguage())));
        dialog.open();
        return dialog;
    }

    private static SupplierArticleDialog open(SupplierArticleForm form, Runnable onSaved) {
        SupplierArticleDialog dialog = create();
        dialog.load(form, onSaved);
        dialog.setHeaderTitle(dialog.getTranslation("purchasing.prices.dialog.new-title"));
        dialog.open();
        return dialog;
    }

    private static SupplierArticleDialog create() {
        return Instantiator.get(UI.getCurrent()).getOrCreate(SupplierArticleDialog.class);
    }

    public SupplierArticleDialog(SupplierPriceService prices, AccountDirectory accounts, ArticleDirectory articles) {
        this.prices = prices;
        this.accounts = accounts;
        this.articles = articles;
        addClassName("supplier-article-dialog");
        setWidth("42rem");
        setMaxWidth("100%");

        supplier.setLabel(getTranslation("purchasing.prices.field.supplier"));
        supplier.setItemLabelGenerator(AccountName::name);
        supplier.setItems(query -> {
            String filter = query.getFilter().orElse("");
            return accounts.suppliersMatching(filter, query.getOffset() + query.getLimit()).stream()
                    .skip(query.getOffset())
                    .limit(query.getLimit());
        });
        article.setLabel(getTranslation("purchasing.prices.field.article"));
        article.setItemLabelGenerator(found -> found.label(getLocale()));
        article.setItems(query -> {
            String filter = query.getFilter().orElse("");
            return articles.lookUp(filter, query.getOffset() + query.getLimit()).stream()
                    .skip(query.getOffset())
                    .limit(query.getLimit());
        });
        supplierCode.setLabel(getTranslation("purchasing.prices.field.supplier-code"));
        supplierCode.setMaxLength(60);
        leadTimeDays.setLabel(getTranslation("purchasing.prices.field.lead-time"));
        leadTimeDays.setMin(0);
        leadTimeDays.setMax(730);
        minOrderQty.setLabel(getTranslation("purchasing.prices.field.min-order"));
        currency.setLabel(getTranslation("purchasing.prices.field.currency"));
        currency.setMaxLength(3);

        FormLayout layout = new FormLayout(supplier, article, supplierCode, leadTimeDays, minOrderQty, currency);
        layout.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30rem", 2));

        breaks.addClassName("supplier-article-breaks");
        breaks.addThemeVariants(GridVariant.LUMO_COMPACT);
        breaks.setAllRowsVisible(true);
        breaks.addColumn(row -> Format.decimal(row.minQuantity(), 0, 4))
                .setHeader(getTranslation("purchasing.prices.column.from-quantity"));
        breaks.addColumn(row -> Format.price(row.unitPrice(), currentCurrency()))
                .setHeader(getTranslation("purchasing.prices.column.unit-price"));
        breaks.addComponentColumn(row -> {
                    Button remove = new Button(getTranslation("purchasing.prices.action.remove-break"), click -> {
                        breakRows.remove(row);
                        breaks.setItems(breakRows);
                    });
                    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                    remove.addClassName("supplier-article-remove-break");
                    remove.setVisible(CurrentUser.can(PurchasingPermissions.SETTINGS));
                    return remove;
                })
                .setAutoWidth(true)
                .setFlexGrow(0);
        breaks.setEmptyStateText(getTranslation("purchasing.prices.breaks-empty"));
        breakQuantity.setLabel(getTranslation("purchasing.prices.column.from-quantity"));
        breakPrice.setLabel(getTranslation("purchasing.prices.column.unit-price"));
        addBreak.setText(getTranslation("purchasing.prices.action.add-break"));
        addBreak.addClassName("supplier-article-add-break");
        addBreak.addClickListener(click -> addBreak());
        breakEditor = new Div(breakQuantity, breakPrice, addBreak);
        breakEditor.addClassName("supplier-article-break-editor");
        add(layout, new H4(getTranslation("purchasing.prices.breaks")), breaks, breakEditor);

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("supplier-article-save");
        save.addClickListener(click -> save());
        delete.setText(getTranslation("action.delete"));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.addClassName("supplier-article-delete");
        delete.addClickListener(click -> delete());
        Button close = new Button(getTranslation("action.cancel"), click -> close());
        getFooter().add(delete, close, save);
    }

    private String currentCurrency() {
        String value = currency.getValue();
        return value == null || !value.matches("[A-Z]{3}") ? "EUR" : value;
    }

    void load(SupplierArticleForm form, Runnable afterSave) {
        this.onSaved = Objects.requireNonNull(afterSave, "afterSave");
        this.loaded = form;
        boolean isNew = form.getId() == null;
        supplier.setVisible(isNew && form.getSupplierId() == null);
        article.setVisible(isNew && form.getArticleId() == null);
        binder.forField(supplierCode).bind("supplierCode");
        binder.forField(leadTimeDays).bind("leadTimeDays");
        binder.forField(minOrderQty).bind("minOrderQty");
        binder.forField(currency).bind("currency");
        binder.readBean(form);
        breakRows.clear();
        breakRows.addAll(form.getBreaks());
        breaks.setItems(breakRows);

        boolean canEdit = CurrentUser.can(PurchasingPermissions.SETTINGS);
        binder.setReadOnly(!canEdit);
        supplier.setReadOnly(!canEdit);
        article.setReadOnly(!canEdit);
        breakEditor.setVisible(canEdit);
        save.setVisible(canEdit);
        delete.setVisible(canEdit && !isNew);
    }

    void addBreak() {
        if (breakQuantity.getValue() == null || breakQuantity.getValue().signum() <= 0) {
            breakQuantity.setInvalid(true);
            breakQuantity.setErrorMessage(getTranslation("purchasing.prices.validation.quantity"));
            return;
        }
        if (breakPrice.getValue() == null || breakPrice.getValue().signum() < 0) {
            breakPrice.setInvalid(true);
            breakPrice.setErrorMessage(getTranslation("purchasing.prices.validation.price"));
            return;
        }
        breakQuantity.setInvalid(false);
        breakPrice.setInvalid(false);
        breakRows.add(new SupplierArticleForm.Break(breakQuantity.getValue(), breakPrice.getValue()));
        breakRows.sort(Comparator.comparing(SupplierArticleForm.Break::minQuantity));
        breaks.setItems(breakRows);
        breakQuantity.clear();
        breakPrice.clear();
    }

    void save() {
        SupplierArticleForm form = SupplierArticleForm.newEntry(
                supplier.isVisible() && supplier.getValue() != null
                        ? supplier.getValue().id()
                        : loaded.getSupplierId(),
                article.isVisible() && article.getValue() != null
                        ? article.getValue().id()
                        : loaded.getArticleId());
        form.setId(loaded.getId());
        form.setVersion(loaded.getVersion());
        form.setBreaks(breakRows);
        if (form.getSupplierId() == null) {
            supplier.setInvalid(true);
            supplier.setErrorMessage(getTranslation("purchasing.prices.validation.required"));
            return;
        }
        if (form.getArticleId() == null) {
            article.setInvalid(true);
            article.setErrorMessage(getTranslation("purchasing.prices.validation.required"));
            return;
        }
        if (!binder.writeBeanIfValid(form)) {
            return;
        }
        try {
            if (form.getId() == null) {
                prices.create(form);
            } else {
                prices.update(form);
            }
        } catch (PurchasingRuleException e) {
            String message = getTranslation(e.messageKey(), e.arguments());
            if ("supplierId".equals(e.field()) && supplier.isVisible()) {
                supplier.setInvalid(true);
                supplier.setErrorMessage(message);
            } else if ("articleId".equals(e.field()) && article.isVisible()) {
                article.setInvalid(true);
                article.setErrorMessage(message);
            } else {
                Notices.error(message);
            }
            return;
        }
        close();
        Notices.success(getTranslation("purchasing.prices.saved"));
        onSaved.run();
    }

    void delete() {
        try {
            prices.delete(loaded.getId(), loaded.getVersion());
        } catch (PurchasingRuleException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        close();
        Notices.success(getTranslation("purchasing.prices.deleted"));
        onSaved.run();
    }
}
