package com.nexo.articles.ui;

import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.catalogue.ArticleDetails;
import com.nexo.articles.catalogue.ArticleForm;
import com.nexo.articles.catalogue.ArticleKind;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.catalogue.Ean13;
import com.nexo.articles.categories.CategoryNode;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.units.UnitOfMeasure;
import com.nexo.base.ui.ConflictNotice;
import com.nexo.base.ui.ConflictNotice.ChangedField;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.RecordDifferences;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Creates or edits an article. The fields check what they can as the user types (required fields,
 * the EAN-13 check digit); the service has the last word (a taken code, a changed article).
 */
class ArticleFormDialog extends Dialog {

    private final ArticleService articles;
    private final UUID articleId;
    private long version;
    /** What the form was loaded with: the base of the conflict shown when someone saved meanwhile. */
    private ArticleForm loaded;
    /** Kept as loaded: the form has no supplier field, and saving must not drop the supplier. */
    private UUID supplierId;

    private Consumer<ArticleForm> refill;
    private java.util.function.Function<UUID, String> categoryName;
    final ConflictNotice conflict = new ConflictNotice();
    private final Consumer<UUID> onSaved;

    final TextField code = new TextField();
    final ComboBox<ArticleKind> kind = new ComboBox<>();
    final TextField nameEs = new TextField();
    final TextField nameEn = new TextField();
    final TextArea descriptionEs = new TextArea();
    final TextArea descriptionEn = new TextArea();
    final ComboBox<CategoryNode> category = new ComboBox<>();
    final ComboBox<UnitOfMeasure> unit = new ComboBox<>();
    final TextField barcode = new TextField();
    final BigDecimalField salePrice = new BigDecimalField();
    final BigDecimalField cost = new BigDecimalField();
    final BigDecimalField taxRate = new BigDecimalField();
    final Checkbox stockTracked = new Checkbox();
    final Button save = new Button();

    ArticleFormDialog(
            ArticleService articles,
            List<UnitOfMeasure> units,
            CategoryService categories,
            UUID articleId,
            Consumer<UUID> onSaved) {
        this.articles = articles;
        this.articleId = articleId;
        this.onSaved = onSaved;
        if (articleId == null) {
            setHeaderTitle(getTranslation("articles.form.new"));
        } else {
            setHeaderTitle(getTranslation("articles.form.edit"));
        }

        code.setLabel(getTranslation("articles.field.code"));
        code.setRequired(true);
        code.setMaxLength(40);
        kind.setLabel(getTranslation("articles.field.kind"));
        kind.setItems(ArticleListView.kinds());
        kind.setItemLabelGenerator(value -> ArticleLabels.kind(this, value));
        kind.setRequired(true);
        nameEs.setLabel(getTranslation("articles.field.name-es"));
        nameEs.setRequired(true);
        nameEs.setMaxLength(200);
        nameEn.setLabel(getTranslation("articles.field.name-en"));
        nameEn.setRequired(true);
        nameEn.setMaxLength(200);
        descriptionEs.setLabel(getTranslation("articles.field.description-es"));
        descriptionEn.setLabel(getTranslation("articles.field.description-en"));
        category.setLabel(getTranslation("articles.field.category"));
        CategoryPicker.lazy(category, categories);
        unit.setLabel(getTranslation("articles.field.unit"));
        unit.setItems(units);
        unit.setItemLabelGenerator(value -> value.getCode() + " · "
                + ("en".equals(getLocale().getLanguage()) ? value.getNameEn() : value.getNameEs()));
        unit.setRequired(true);
        barcode.setLabel(getTranslation("articles.field.barcode"));
        barcode.setMaxLength(13);
        barcode.setAllowedCharPattern("[0-9]");
        barcode.addValueChangeListener(event -> checkBarcode());
        salePrice.setLabel(getTranslation("articles.field.sale-price"));
        cost.setLabel(getTranslation("articles.field.cost"));
        taxRate.setLabel(getTranslation("articles.field.tax-rate"));
        stockTracked.setLabel(getTranslation("articles.field.stock-tracked"));
        kind.addValueChangeListener(event -> {
            boolean service = event.getValue() == ArticleKind.SERVICE;
            stockTracked.setEnabled(!service);
            if (service) {
                stockTracked.setValue(false);
            }
        });

        FormLayout form = new FormLayout(
                code,
                kind,
                nameEs,
                nameEn,
                category,
                unit,
                barcode,
                salePrice,
                cost,
                taxRate,
                stockTracked,
                descriptionEs,
                descriptionEn);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        add(conflict, form);

        ArticleForm initial;
        if (articleId == null) {
            initial = ArticleForm.blank(units.stream()
                    .filter(value -> value.getCode().equals("ud"))
                    .map(UnitOfMeasure::getId)
                    .findFirst()
                    .orElse(null));
            version = -1;
        } else {
            ArticleDetails details = articles.loadArticle(articleId);
            initial = details.form();
            version = details.version();
            code.setReadOnly(true);
        }
        fill(initial, units, categories);
        loaded = initial;
        supplierId = initial.defaultSupplierId();
        refill = current -> fill(current, units, categories);
        categoryName = id -> categories
                .findCategory(id)
                .map(node ->
                        node.code() + " · " + ("en".equals(getLocale().getLanguage()) ? node.nameEn() : node.nameEs()))
                .orElse("");

        save.setText(getTranslation("articles.form.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(event -> save());
        Button cancel = new Button(getTranslation("articles.form.cancel"), event -> close());
        getFooter().add(cancel, save);
        setWidth("min(52rem, 100vw)");
    }

    private void fill(ArticleForm form, List<UnitOfMeasure> units, CategoryService categories) {
        code.setValue(form.code() == null ? "" : form.code());
        kind.setValue(form.kind());
        nameEs.setValue(form.nameEs() == null ? "" : form.nameEs());
        nameEn.setValue(form.nameEn() == null ? "" : form.nameEn());
        descriptionEs.setValue(form.descriptionEs() == null ? "" : form.descriptionEs());
        descriptionEn.setValue(form.descriptionEn() == null ? "" : form.descriptionEn());
        category.setValue(categories.findCategory(form.categoryId()).orElse(null));
        unit.setValue(units.stream()
                .filter(value -> value.getId().equals(form.unitId()))
                .findFirst()
                .orElse(null));
        barcode.setValue(form.barcode() == null ? "" : form.barcode());
        salePrice.setValue(form.salePrice());
        cost.setValue(form.cost());
        taxRate.setValue(form.taxRate());
        stockTracked.setValue(form.stockTracked());
    }

    private boolean checkBarcode() {
        String value = barcode.getValue().strip();
        boolean valid = value.isEmpty() || Ean13.isValid(value);
        barcode.setInvalid(!valid);
        barcode.setErrorMessage(valid ? null : getTranslation("articles.error.barcode-invalid"));
        return valid;
    }

    private boolean checkRequired() {
        boolean valid = true;
        for (TextField field : List.of(code, nameEs, nameEn)) {
            boolean missing = field.getValue().isBlank();
            field.setInvalid(missing);
            field.setErrorMessage(missing ? getTranslation("articles.form.required") : null);
            valid &= !missing;
        }
        boolean noUnit = unit.getValue() == null;
        unit.setInvalid(noUnit);
        unit.setErrorMessage(noUnit ? getTranslation("articles.form.required") : null);
        return valid && !noUnit && kind.getValue() != null;
    }

    void save() {
        if (conflict.isShown()) {
            conflict.focusReload();
            return; // their version must be loaded first: the notice's button says so
        }
        if (!checkRequired() | !checkBarcode()) {
            return;
        }
        ArticleForm form = new ArticleForm(
                code.getValue().strip(),
                kind.getValue(),
                nameEs.getValue(),
                nameEn.getValue(),
                descriptionEs.getValue(),
                descriptionEn.getValue(),
                category.getValue() == null ? null : category.getValue().id(),
                unit.getValue().getId(),
                barcode.getValue().strip(),
                orZero(salePrice.getValue()),
                orZero(cost.getValue()),
                taxRate.getValue() == null ? BigDecimal.ZERO : taxRate.getValue(),
                supplierId,
                stockTracked.getValue());
        UUID saved;
        try {
            if (articleId == null) {
                saved = articles.createArticle(form);
            } else {
                articles.updateArticle(articleId, version, form);
                saved = articleId;
            }
        } catch (ArticleRuleException e) {
            if (articleId != null && e.messageKey().equals("articles.error.changed-meanwhile")) {
                showConflict();
                return;
            }
            String message = getTranslation(e.messageKey(), e.arguments());
            if (e.messageKey().startsWith("articles.error.code")) {
                code.setInvalid(true);
                code.setErrorMessage(message);
            } else if (e.messageKey().startsWith("articles.error.barcode")) {
                barcode.setInvalid(true);
                barcode.setErrorMessage(message);
            } else {
                Notices.error(message);
            }
            return;
        }
        Notices.success(getTranslation("articles.form.saved", form.code()));
        close();
        onSaved.accept(saved);
    }

    /** Someone saved first: list what they changed, and let the user load their version. */
    private void showConflict() {
        ArticleDetails current = articles.loadArticle(articleId);
        // The supplier has no field here: its change still needs a reload, the notice just does not list it.
        List<ChangedField> changed = RecordDifferences.between(loaded, current.form()).stream()
                .filter(difference -> !difference.field().equals("defaultSupplierId"))
                .flatMap(difference -> {
                    String column = column(difference.field());
                    return ArticleHistory.label(this, column).stream()
                            .map(label -> new ChangedField(label, shown(difference.field(), difference.after())));
                })
                .toList();
        String changedBy = articles.history(articleId, 0, 1).stream()
                .findFirst()
                .map(com.nexo.history.ChangeEntry::userName)
                .orElse(null);
        conflict.show(changed, changedBy, () -> {
            ArticleDetails theirs = articles.loadArticle(articleId);
            version = theirs.version();
            loaded = theirs.form();
            supplierId = loaded.defaultSupplierId();
            refill.accept(loaded);
        });
    }

    /** A form property's column: {@code nameEs} is {@code name_es}. */
    private static String column(String property) {
        return property.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    private String shown(String property, Object value) {
        if (value == null) {
            return "";
        }
        return switch (property) {
            case "kind" -> ArticleLabels.kind(this, (ArticleKind) value);
            case "stockTracked" -> ArticleHistory.yesNo(this, (Boolean) value);
            case "categoryId" -> categoryName.apply((UUID) value);
            case "unitId" ->
                unit.getListDataView()
                        .getItems()
                        .filter(option -> option.getId().equals(value))
                        .map(UnitOfMeasure::getCode)
                        .findFirst()
                        .orElse("");
            default -> value instanceof BigDecimal number ? MovementLabels.plain(number) : value.toString();
        };
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
