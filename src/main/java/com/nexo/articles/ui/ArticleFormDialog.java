package com.nexo.articles.ui;

import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.catalogue.ArticleForm;
import com.nexo.articles.catalogue.ArticleKind;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryNode;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.units.UnitRow;
import com.nexo.base.ui.ConflictNotice;
import com.nexo.base.ui.ConflictNotice.ChangedField;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.RecordDifferences;
import com.nexo.history.ChangeEntry;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ReadOnlyHasValue;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.binder.ValueContext;
import com.vaadin.flow.data.converter.Converter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Creates or edits an article: one {@link ArticleForm} bound with a {@code BeanValidationBinder} (its
 * annotations check what they can as the user types: required fields, the EAN-13 check digit),
 * loaded with one service call and saved with one; the service has the last word (a taken code or
 * barcode, shown on its field; a changed article, shown as a conflict).
 */
class ArticleFormDialog extends Dialog {

    private final transient ArticleService articles;
    private final transient CategoryService categories;
    private final transient List<UnitRow> units;
    private final UUID articleId;
    /** What the form was loaded with: the base of the conflict shown when someone saved meanwhile. */
    private ArticleForm loaded;

    final ConflictNotice conflict = new ConflictNotice();
    private final Consumer<UUID> onSaved;
    private final BeanValidationBinder<ArticleForm> binder = new BeanValidationBinder<>(ArticleForm.class);

    final TextField code = new TextField();
    final ComboBox<ArticleKind> kind = new ComboBox<>();
    final TextField nameEs = new TextField();
    final TextField nameEn = new TextField();
    final TextArea descriptionEs = new TextArea();
    final TextArea descriptionEn = new TextArea();
    final ComboBox<CategoryNode> category = new ComboBox<>();
    final ComboBox<UnitRow> unit = new ComboBox<>();
    final TextField barcode = new TextField();
    final BigDecimalField salePrice = new BigDecimalField();
    final BigDecimalField cost = new BigDecimalField();
    final BigDecimalField taxRate = new BigDecimalField();
    final Checkbox stockTracked = new Checkbox();
    final Button save = new Button();

    ArticleFormDialog(
            ArticleService articles,
            List<UnitRow> units,
            CategoryService categories,
            UUID articleId,
            Consumer<UUID> onSaved) {
        this.articles = articles;
        this.categories = categories;
        this.units = units;
        this.articleId = articleId;
        this.onSaved = onSaved;
        if (articleId == null) {
            setHeaderTitle(getTranslation("articles.form.new"));
        } else {
            setHeaderTitle(getTranslation("articles.form.edit"));
        }

        configureFields();
        bind();
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

        loaded = articleId == null ? articles.newForm() : articles.getForm(articleId);
        code.setReadOnly(articleId != null);
        binder.readRecord(loaded);

        save.setText(getTranslation("articles.form.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(event -> save());
        Button cancel = new Button(getTranslation("articles.form.cancel"), event -> close());
        getFooter().add(cancel, save);
        setWidth("min(52rem, 100vw)");
    }

    private void configureFields() {
        code.setLabel(getTranslation("articles.field.code"));
        code.setMaxLength(40);
        kind.setLabel(getTranslation("articles.field.kind"));
        kind.setItems(ArticleListView.kinds());
        kind.setItemLabelGenerator(value -> ArticleLabels.kind(this, value));
        nameEs.setLabel(getTranslation("articles.field.name-es"));
        nameEs.setMaxLength(200);
        nameEn.setLabel(getTranslation("articles.field.name-en"));
        nameEn.setMaxLength(200);
        descriptionEs.setLabel(getTranslation("articles.field.description-es"));
        descriptionEn.setLabel(getTranslation("articles.field.description-en"));
        category.setLabel(getTranslation("articles.field.category"));
        CategoryPicker.lazy(category, categories);
        unit.setLabel(getTranslation("articles.field.unit"));
        unit.setItems(units);
        unit.setItemLabelGenerator(value -> value.label(getLocale()));
        barcode.setLabel(getTranslation("articles.field.barcode"));
        barcode.setMaxLength(13);
        barcode.setAllowedCharPattern("[0-9]");
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
    }

    private void bind() {
        // Kept as loaded: the form has no field for them, and saving must not drop them.
        binder.forField(new ReadOnlyHasValue<UUID>(value -> {})).bind("id");
        binder.forField(new ReadOnlyHasValue<Long>(value -> {})).bind("version");
        binder.forField(new ReadOnlyHasValue<UUID>(value -> {})).bind("defaultSupplierId");
        binder.forField(code).bind("code");
        binder.forField(kind).bind("kind");
        binder.forField(nameEs).bind("nameEs");
        binder.forField(nameEn).bind("nameEn");
        binder.forField(descriptionEs).bind("descriptionEs");
        binder.forField(descriptionEn).bind("descriptionEn");
        binder.forField(category).withConverter(new CategoryIds()).bind("categoryId");
        binder.forField(unit).withConverter(new UnitIds()).bind("unitId");
        binder.forField(barcode).bind("barcode");
        binder.forField(salePrice).bind("salePrice");
        binder.forField(cost).bind("cost");
        binder.forField(taxRate).bind("taxRate");
        binder.forField(stockTracked).bind("stockTracked");
        // The binder marks only @NotNull fields itself; @NotBlank ones are required too.
        List.of(code, nameEs, nameEn).forEach(field -> field.setRequiredIndicatorVisible(true));
    }

    void save() {
        if (conflict.isShown()) {
            conflict.focusReload();
            return; // their version must be loaded first: the notice's button says so
        }
        ArticleForm form;
        try {
            form = binder.writeRecord();
        } catch (ValidationException e) {
            return; // the fields show what is wrong
        }
        UUID saved;
        try {
            if (articleId == null) {
                saved = articles.create(form);
            } else {
                articles.update(form);
                saved = articleId;
            }
        } catch (ArticleRuleException e) {
            if (articleId != null && e.messageKey().equals("articles.error.changed-meanwhile")) {
                showConflict();
                return;
            }
            showRuleBroken(e);
            return;
        }
        Notices.success(getTranslation("articles.form.saved", form.code()));
        close();
        onSaved.accept(saved);
    }

    /** A rule the service refused: on its field when it names one, else as a notice. */
    private void showRuleBroken(ArticleRuleException e) {
        String message = getTranslation(e.messageKey(), e.arguments());
        HasValidation field = e.field() == null
                ? null
                : switch (e.field()) {
                    case "code" -> code;
                    case "barcode" -> barcode;
                    case "nameEs" -> nameEs;
                    case "nameEn" -> nameEn;
                    case "unitId" -> unit;
                    case "categoryId" -> category;
                    case "kind" -> kind;
                    case "salePrice" -> salePrice;
                    case "cost" -> cost;
                    case "taxRate" -> taxRate;
                    default -> null;
                };
        if (field == null) {
            Notices.error(message);
            return;
        }
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    /** Someone saved first: list what they changed, and let the user load their version. */
    private void showConflict() {
        ArticleForm current = articles.getForm(articleId);
        // The supplier has no field here: its change still needs a reload, the notice just does not list it.
        List<ChangedField> changed = RecordDifferences.between(loaded, current).stream()
                .filter(difference ->
                        !List.of("defaultSupplierId", "version", "id").contains(difference.field()))
                .flatMap(difference -> ArticleHistory.label(this, column(difference.field())).stream()
                        .map(label -> new ChangedField(label, shown(difference.field(), difference.after()))))
                .toList();
        String changedBy = articles.history(articleId, null, 1).stream()
                .findFirst()
                .map(ChangeEntry::userName)
                .orElse(null);
        conflict.show(changed, changedBy, () -> {
            loaded = articles.getForm(articleId);
            binder.readRecord(loaded);
        });
    }

    /** A form property's column: {@code nameEs} is {@code name_es}. */
    private static String column(String property) {
        return property.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    private String shown(String property, Object value) {
        if (value == null) {
            return "";
        }
        return switch (property) {
            case "kind" -> ArticleLabels.kind(this, (ArticleKind) value);
            case "stockTracked" -> ArticleHistory.yesNo(this, (Boolean) value);
            case "categoryId" ->
                categories
                        .findCategory((UUID) value)
                        .map(node -> CategoryPicker.label(node, getLocale()))
                        .orElse("");
            case "unitId" ->
                units.stream()
                        .filter(option -> option.id().equals(value))
                        .map(UnitRow::code)
                        .findFirst()
                        .orElse("");
            case "salePrice", "cost" -> Format.price((BigDecimal) value, null);
            case "taxRate" -> Format.percent((BigDecimal) value);
            default -> value.toString();
        };
    }

    /** The picked category as its id, and an id as the category to show (read once per form load). */
    private final class CategoryIds implements Converter<CategoryNode, UUID> {
        @Override
        public Result<UUID> convertToModel(CategoryNode value, ValueContext context) {
            return Result.ok(value == null ? null : value.id());
        }

        @Override
        public CategoryNode convertToPresentation(UUID value, ValueContext context) {
            return value == null ? null : categories.findCategory(value).orElse(null);
        }
    }

    /** The picked unit as its id, and an id as one of the offered units. */
    private final class UnitIds implements Converter<UnitRow, UUID> {
        @Override
        public Result<UUID> convertToModel(UnitRow value, ValueContext context) {
            return Result.ok(value == null ? null : value.id());
        }

        @Override
        public UnitRow convertToPresentation(UUID value, ValueContext context) {
            return units.stream()
                    .filter(option -> option.id().equals(value))
                    .findFirst()
                    .orElse(null);
        }
    }
}
