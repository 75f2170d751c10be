package com.nexo.sales.ui;

import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.base.Ids;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PageTitles;
import com.nexo.base.ui.PagedList;
import com.nexo.base.ui.QuickSearchField;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.SalesRuleException;
import com.nexo.sales.pricing.PriceListItemForm;
import com.nexo.sales.pricing.PriceListItemRow;
import com.nexo.sales.pricing.PriceListRow;
import com.nexo.sales.pricing.PriceListService;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.editor.Editor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ReadOnlyHasValue;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One price list: its name, period and whom it applies to, and its items (an article's price from a
 * quantity up, with a line discount). Those who manage sales settings edit the list, archive or
 * restore it, add items by looking the article up by code, barcode or name, and edit or delete
 * items in their row.
 */
@Route("sales/price-lists/:id")
@RolesAllowed(SalesPermissions.READ)
public class PriceListView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient PriceListService priceLists;
    private final transient ArticleDirectory articles;
    private final boolean canEdit = CurrentUser.can(SalesPermissions.SETTINGS);
    private PriceListRow shown;

    final H2 title = new H2();
    final Span summary = new Span();
    final Div badges = new Div();
    final Button edit = new Button();
    final Button archive = new Button();
    final Button restore = new Button();

    final QuickSearchField itemSearch;
    final Grid<PriceListItemRow> items = new Grid<>();
    private PagedList<PriceListItemRow, String> itemList;

    // Adding an item: the article, from which quantity, at what price and discount.
    final ComboBox<ArticleSummary> newArticle = new ComboBox<>();
    final BigDecimalField newMinQuantity = new BigDecimalField();
    final BigDecimalField newUnitPrice = new BigDecimalField();
    final BigDecimalField newDiscount = new BigDecimalField();
    final Button add = new Button();
    private final BeanValidationBinder<PriceListItemForm> addBinder =
            new BeanValidationBinder<>(PriceListItemForm.class);

    // Editing an item in its row.
    final BigDecimalField editMinQuantity = new BigDecimalField();
    final BigDecimalField editUnitPrice = new BigDecimalField();
    final BigDecimalField editDiscount = new BigDecimalField();
    private final BeanValidationBinder<PriceListItemForm> editBinder =
            new BeanValidationBinder<>(PriceListItemForm.class);

    PriceListView(PriceListService priceLists, ArticleDirectory articles) {
        this.priceLists = priceLists;
        this.articles = articles;
        this.itemSearch = new QuickSearchField(getTranslation("sales.price-list.items.search"));
        addClassNames("list-view", "price-list-view");
    }

    static RouteParameters parameters(UUID priceListId) {
        return new RouteParameters("id", priceListId.toString());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> id = event.getRouteParameters().get("id").flatMap(Ids::parse);
        if (id.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        try {
            shown = priceLists.list(id.get());
        } catch (SalesRuleException e) {
            // Not there, or another tenant's: the same answer, which gives nothing away.
            event.rerouteToError(NotFoundException.class);
            return;
        }
        if (itemList == null) {
            build();
        }
        renderHeader();
        itemList.refresh();
    }

    private void build() {
        RouterLink back = new RouterLink(getTranslation("sales.price-list.back"), PriceListsView.class);
        back.addClassName("detail-back");

        edit.setText(getTranslation("sales.price-list.edit"));
        edit.setIcon(VaadinIcon.EDIT.create());
        edit.addClickListener(click -> PriceListFormDialog.forEdit(priceLists, shown.id(), saved -> reloadHeader())
                .open());
        archive.setText(getTranslation("sales.price-list.archive"));
        archive.setIcon(VaadinIcon.ARCHIVE.create());
        archive.addClickListener(click -> confirmArchive());
        restore.setText(getTranslation("sales.price-list.restore"));
        restore.setIcon(VaadinIcon.ARROW_BACKWARD.create());
        restore.addClickListener(click -> {
            priceLists.restore(shown.id());
            Notices.success(getTranslation("sales.price-list.restored", shown.name()));
            reloadHeader();
        });
        Div actions = new Div();
        actions.addClassName("list-actions");
        if (canEdit) {
            actions.add(edit, archive, restore);
        }
        Div header = new Div(title, actions);
        header.addClassName("list-toolbar");
        summary.addClassName("list-count");
        badges.addClassName("list-actions");

        add(back, header, badges, summary);
        if (canEdit) {
            add(addEntry());
        }
        add(itemsSection());
    }

    private Component addEntry() {
        newArticle.setLabel(getTranslation("sales.price-list.items.article"));
        newArticle.setPlaceholder(getTranslation("sales.price-list.items.article-placeholder"));
        newArticle.setItems(query -> {
            String filter = query.getFilter().orElse("");
            return articles.lookUp(filter, query.getOffset() + query.getLimit()).stream()
                    .skip(query.getOffset())
                    .limit(query.getLimit());
        });
        newArticle.setItemLabelGenerator(article -> article.label(getLocale()));
        newArticle.setClearButtonVisible(true);
        newArticle.setOverlayWidth("min(24rem, 95vw)");
        newArticle.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                newUnitPrice.setValue(change.getValue().salePrice());
            }
        });
        quantityField(newMinQuantity, "sales.price-list.items.min-quantity");
        priceField(newUnitPrice);
        discountField(newDiscount);
        add.setText(getTranslation("sales.price-list.items.add"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(click -> addItem());

        addBinder
                .forField(newArticle)
                .withConverter(
                        (ArticleSummary article) -> article == null ? null : article.id(), id -> newArticle.getValue())
                .bind("articleId");
        // Record binders write every component: the id and version of a new item stay null.
        addBinder.forField(PriceListView.<UUID>carried()).bind("id");
        addBinder.forField(PriceListView.<Long>carried()).bind("version");
        addBinder.forField(newMinQuantity).bind("minQuantity");
        addBinder.forField(newUnitPrice).bind("unitPrice");
        addBinder.forField(newDiscount).bind("discountPercent");
        addBinder.readRecord(PriceListItemForm.newItem(null, null));

        Div entry = new Div(newArticle, newMinQuantity, newUnitPrice, newDiscount, add);
        entry.addClassNames("list-toolbar", "price-list-entry");
        H3 heading = new H3(getTranslation("sales.price-list.items.add-title"));
        return new Div(heading, entry);
    }

    private Component itemsSection() {
        items.addColumn(PriceListItemRow::articleCode)
                .setHeader(getTranslation("sales.price-list.items.code"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<PriceListItemRow> name = items.addColumn(
                        row -> row.articleName(getLocale().getLanguage()))
                .setHeader(getTranslation("sales.price-list.items.name"))
                .setFlexGrow(2);
        Grid.Column<PriceListItemRow> minQuantity = items.addColumn(row -> Format.quantity(row.minQuantity(), 0))
                .setHeader(getTranslation("sales.price-list.items.min-quantity"))
                .setKey("minQuantity")
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<PriceListItemRow> unitPrice = items.addColumn(
                        row -> Format.price(row.unitPrice(), shown.currency()))
                .setHeader(getTranslation("sales.price-list.items.unit-price"))
                .setKey("unitPrice")
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<PriceListItemRow> discount = items.addColumn(row -> Format.percent(row.discountPercent()))
                .setHeader(getTranslation("sales.price-list.items.discount"))
                .setKey("discount")
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<PriceListItemRow> salePrice = items.addColumn(
                        row -> row.salePrice() == null ? "" : Format.price(row.salePrice(), "EUR"))
                .setHeader(getTranslation("sales.price-list.items.sale-price"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        NarrowScreens.hideColumnsBelow(items, 1000, List.of(salePrice));
        NarrowScreens.hideColumnsBelow(items, 600, List.of(name));
        if (canEdit) {
            Grid.Column<PriceListItemRow> actions = items.addComponentColumn(this::rowActions)
                    .setKey("actions")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
            inlineEditor(minQuantity, unitPrice, discount, actions);
        }
        items.addClassNames("list-grid", "price-list-items");
        items.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        items.setSelectionMode(Grid.SelectionMode.NONE);
        if (canEdit) {
            items.setEmptyStateText(getTranslation("sales.price-list.items.empty"));
        } else {
            items.setEmptyStateText(getTranslation("sales.price-list.items.empty-read-only"));
        }
        itemList = PagedList.bind(
                items,
                orders -> itemSearch.text(),
                (text, after, limit) -> priceLists.items(shown.id(), text, after, limit));
        itemSearch.addValueChangeListener(change -> itemList.refresh());

        H3 heading = new H3(getTranslation("sales.price-list.items.title"));
        Div toolbar = new Div(heading, itemSearch);
        toolbar.addClassName("list-toolbar");
        return new Div(toolbar, items);
    }

    /** The row's quantity, price and discount become fields; the actions column saves or cancels. */
    private void inlineEditor(
            Grid.Column<PriceListItemRow> minQuantity,
            Grid.Column<PriceListItemRow> unitPrice,
            Grid.Column<PriceListItemRow> discount,
            Grid.Column<PriceListItemRow> actions) {
        Editor<PriceListItemRow> editor = items.getEditor();
        // The row's own binder only carries the editor; the values go through the item's form.
        editor.setBinder(new Binder<>(PriceListItemRow.class));
        editor.setBuffered(true);
        quantityField(editMinQuantity, null);
        priceField(editUnitPrice);
        discountField(editDiscount);
        for (BigDecimalField field : List.of(editMinQuantity, editUnitPrice, editDiscount)) {
            field.setLabel(null);
            field.setWidthFull();
        }
        // The item's id, version and article come back as they were read.
        editBinder.forField(PriceListView.<UUID>carried()).bind("id");
        editBinder.forField(PriceListView.<Long>carried()).bind("version");
        editBinder.forField(PriceListView.<UUID>carried()).bind("articleId");
        editBinder.forField(editMinQuantity).bind("minQuantity");
        editBinder.forField(editUnitPrice).bind("unitPrice");
        editBinder.forField(editDiscount).bind("discountPercent");
        minQuantity.setEditorComponent(editMinQuantity);
        unitPrice.setEditorComponent(editUnitPrice);
        discount.setEditorComponent(editDiscount);

        Button save = new Button(VaadinIcon.CHECK.create(), click -> saveEdited());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        save.setAriaLabel(getTranslation("action.save"));
        save.setTooltipText(getTranslation("action.save"));
        Button cancel = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> editor.cancel());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        cancel.setAriaLabel(getTranslation("action.cancel"));
        cancel.setTooltipText(getTranslation("action.cancel"));
        actions.setEditorComponent(new Div(save, cancel));
        editor.addOpenListener(open -> editBinder.readRecord(open.getItem().form()));
    }

    private Component rowActions(PriceListItemRow row) {
        Button editRow = new Button(VaadinIcon.EDIT.create(), click -> {
            if (items.getEditor().isOpen()) {
                items.getEditor().cancel();
            }
            items.getEditor().editItem(row);
            editMinQuantity.focus();
        });
        editRow.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        editRow.setAriaLabel(getTranslation("sales.price-list.items.edit", row.articleCode()));
        editRow.setTooltipText(getTranslation("sales.price-list.items.edit", row.articleCode()));
        editRow.addClassName("edit-item");
        Button delete = new Button(VaadinIcon.TRASH.create(), click -> deleteItem(row));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        delete.setAriaLabel(getTranslation("sales.price-list.items.delete", row.articleCode()));
        delete.setTooltipText(getTranslation("sales.price-list.items.delete", row.articleCode()));
        delete.addClassName("delete-item");
        return new Div(editRow, delete);
    }

    void addItem() {
        PriceListItemForm form;
        try {
            form = addBinder.writeRecord();
        } catch (ValidationException e) {
            return;
        }
        try {
            priceLists.saveItem(shown.id(), form);
        } catch (SalesRuleException e) {
            showOnField(e, newArticle, newMinQuantity);
            return;
        }
        String code = newArticle.getValue().code();
        addBinder.readRecord(PriceListItemForm.newItem(null, null));
        newArticle.clear();
        newUnitPrice.clear();
        Notices.success(getTranslation("sales.price-list.items.added", code));
        reloadItems();
        newArticle.focus();
    }

    void saveEdited() {
        PriceListItemForm form;
        try {
            form = editBinder.writeRecord();
        } catch (ValidationException e) {
            return;
        }
        try {
            priceLists.saveItem(shown.id(), form);
        } catch (SalesRuleException e) {
            showOnField(e, null, editMinQuantity);
            return;
        }
        items.getEditor().cancel();
        Notices.success(getTranslation("sales.price-list.items.saved"));
        reloadItems();
    }

    private void showOnField(SalesRuleException e, ComboBox<ArticleSummary> article, BigDecimalField minQuantity) {
        String message = getTranslation(e.messageKey(), e.arguments());
        HasValue<?, ?> field = null;
        if ("minQuantity".equals(e.field())) {
            field = minQuantity;
        } else if ("articleId".equals(e.field())) {
            field = article;
        }
        if (field instanceof BigDecimalField decimal) {
            decimal.setInvalid(true);
            decimal.setErrorMessage(message);
        } else if (field instanceof ComboBox<?> combo) {
            combo.setInvalid(true);
            combo.setErrorMessage(message);
        } else {
            Notices.error(message);
        }
    }

    private void deleteItem(PriceListItemRow row) {
        priceLists.deleteItem(row.id());
        Notices.success(getTranslation("sales.price-list.items.deleted", row.articleCode()));
        reloadItems();
    }

    private void confirmArchive() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("sales.price-list.archive-title", shown.name()));
        confirm.setText(getTranslation("sales.price-list.archive-text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("sales.price-list.archive"));
        confirm.addConfirmListener(event -> {
            priceLists.archive(shown.id());
            Notices.success(getTranslation("sales.price-list.archived", shown.name()));
            reloadHeader();
        });
        confirm.open();
    }

    private void reloadHeader() {
        shown = priceLists.list(shown.id());
        renderHeader();
        PageTitles.refresh(this);
    }

    private void reloadItems() {
        itemList.refresh();
        reloadHeader();
    }

    private void renderHeader() {
        title.setText(shown.name());
        badges.removeAll();
        Span applies = new Span(
                shown.isDefault()
                        ? getTranslation("sales.price-lists.applies.default")
                        : shown.clientGroup() != null
                                ? getTranslation("sales.price-lists.applies.group", shown.clientGroup())
                                : getTranslation("sales.price-lists.applies.clients"));
        applies.getElement().getThemeList().add(shown.isDefault() ? "badge primary" : "badge");
        badges.add(applies);
        if (shown.archived()) {
            Span archived = new Span(getTranslation("sales.price-lists.status.archived"));
            archived.getElement().getThemeList().add("badge contrast");
            badges.add(archived);
        } else if (!shown.validOn(LocalDate.now(Format.zone(getUI().orElse(null))))) {
            Span notValid = new Span(getTranslation("sales.price-list.not-valid-today"));
            notValid.getElement().getThemeList().add("badge contrast");
            badges.add(notValid);
        }
        String period = shown.validTo() == null
                ? getTranslation("sales.price-list.period-open", Format.date(shown.validFrom()))
                : getTranslation(
                        "sales.price-list.period", Format.date(shown.validFrom()), Format.date(shown.validTo()));
        summary.setText(getTranslation(
                "sales.price-list.summary", period, shown.currency(), Format.integer(shown.items()), shown.items()));
        archive.setVisible(!shown.archived());
        restore.setVisible(shown.archived());
    }

    private void quantityField(BigDecimalField field, String labelKey) {
        if (labelKey != null) {
            field.setLabel(getTranslation("sales.price-list.items.min-quantity"));
        }
        field.setWidth("8rem");
    }

    private void priceField(BigDecimalField field) {
        field.setLabel(getTranslation("sales.price-list.items.unit-price"));
        field.setWidth("9rem");
    }

    private void discountField(BigDecimalField field) {
        field.setLabel(getTranslation("sales.price-list.items.discount"));
        field.setWidth("7rem");
        field.setSuffixComponent(new Span("%"));
    }

    /** A value a record binder carries from reading to writing, with no field to show it. */
    private static <V> ReadOnlyHasValue<V> carried() {
        return new ReadOnlyHasValue<>(value -> {}) {
            @Override
            public void setRequiredIndicatorVisible(boolean visible) {
                // Nothing to mark: the value is never typed.
            }
        };
    }

    @Override
    public String getPageTitle() {
        return shown == null ? getTranslation("sales.price-lists.title") : shown.name();
    }
}
