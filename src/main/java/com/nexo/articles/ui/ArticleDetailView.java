package com.nexo.articles.ui;

import com.nexo.accounts.AccountDirectory;
import com.nexo.accounts.AccountPermissions;
import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.catalogue.ArticleDetails;
import com.nexo.articles.catalogue.ArticleForm;
import com.nexo.articles.catalogue.ArticleImage;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryNode;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.stock.BalanceRow;
import com.nexo.articles.stock.MovementRow;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.units.UnitOfMeasure;
import com.nexo.articles.units.UnitService;
import com.nexo.base.Ids;
import com.nexo.base.ui.DetailSections;
import com.nexo.base.ui.GridCells;
import com.nexo.base.ui.HistoryTimeline;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.TimeFormat;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One article seen whole: its data in both languages, its stock per warehouse with the movement
 * history (newest first, page by page), and the timeline of who changed what. Only the actions the
 * user may take are offered; moving stock happens on the stock screen, one link away.
 */
@Route("articles/:articleId")
@RolesAllowed(ArticlePermissions.READ)
public class ArticleDetailView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String PARAMETER = "articleId";

    /** How many history entries the timeline shows. */
    static final int HISTORY_PAGE = 50;

    private final transient ArticleService articles;
    private final transient StockService stock;
    private final transient UnitService units;
    private final transient CategoryService categories;
    private final transient AccountDirectory accounts;

    private ArticleDetails details;
    private UnitOfMeasure unit;
    private boolean stockShown;
    /** Names of the users who moved stock, filled page by page as the history is scrolled. */
    private final Map<UUID, String> movers = new HashMap<>();

    private final Div header = new Div();
    private final Div data = new Div();
    private final Section stockSection;
    final Grid<BalanceRow> balances = new Grid<>();
    final Grid<MovementRow> movements = new Grid<>();
    private final RouterLink toStockScreen = new RouterLink();
    final HistoryTimeline timeline = new HistoryTimeline();

    ArticleDetailView(
            ArticleService articles,
            StockService stock,
            UnitService units,
            CategoryService categories,
            AccountDirectory accounts) {
        this.articles = articles;
        this.stock = stock;
        this.units = units;
        this.categories = categories;
        this.accounts = accounts;
        addClassName("article-detail");
        header.addClassName("detail-header");
        data.addClassName("detail-data");
        configureBalances();
        configureMovements();
        toStockScreen.setText(getTranslation("articles.detail.move-stock"));
        toStockScreen.setRoute(StockView.class);
        toStockScreen.addClassName("detail-link");
        toStockScreen.setId("article-stock-link");

        Section dataSection = DetailSections.section(getTranslation("articles.detail.data"), data);
        H3 movementsTitle = new H3(getTranslation("stock.history"));
        stockSection = DetailSections.section(
                getTranslation("articles.detail.stock"), balances, toStockScreen, movementsTitle, movements);
        stockSection.addClassName("article-stock");
        stockSection.setVisible(false);
        Section historySection = DetailSections.section(getTranslation("articles.detail.history"), timeline);
        historySection.addClassName("detail-history");
        Div main = new Div(dataSection);
        main.addClassName("detail-main");
        Div columns = new Div(main, historySection);
        columns.addClassName("detail-columns");
        RouterLink back = new RouterLink(getTranslation("articles.detail.back"), ArticleListView.class);
        back.addClassName("detail-back");
        // Stock below, across the whole width: the movement history needs its columns side by side.
        add(back, header, columns, stockSection);
    }

    static RouteParameters parameters(UUID articleId) {
        return new RouteParameters(PARAMETER, articleId.toString());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> id = event.getRouteParameters().get(PARAMETER).flatMap(Ids::parse);
        if (id.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        try {
            show(articles.loadArticle(id.get()));
        } catch (ArticleRuleException e) {
            // Not there, or another tenant's: the same answer, which gives nothing away.
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void show(ArticleDetails shown) {
        this.details = shown;
        this.unit = units.unit(shown.form().unitId());
        renderHeader();
        renderData();
        renderStock();
        timeline.setEntries(ArticleHistory.entries(this, articles.history(id(), 0, HISTORY_PAGE), names()));
    }

    private UUID id() {
        return details.id();
    }

    private void reload() {
        try {
            show(articles.loadArticle(id()));
        } catch (ArticleRuleException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
            getUI().ifPresent(ui -> ui.navigate(ArticleListView.class));
        }
    }

    // --- Header and actions --------------------------------------------------------------------

    private void renderHeader() {
        ArticleForm form = details.form();
        header.removeAll();
        H2 name = new H2(name(form));
        name.addClassName("detail-title");
        Span subtitle = new Span(form.code());
        subtitle.addClassName("detail-subtitle");
        Badge kind = new Badge(ArticleLabels.kind(this, form.kind()));
        kind.addThemeVariants(BadgeVariant.SMALL);
        Badge status = new Badge(ArticleHistory.status(this, details.archived()));
        status.addThemeVariants(details.archived() ? BadgeVariant.CONTRAST : BadgeVariant.SUCCESS, BadgeVariant.SMALL);
        status.addClassName("article-status");
        Div badges = new Div(kind, status);
        badges.addClassName("detail-badges");
        Div title = new Div(name, subtitle, badges);
        title.addClassName("detail-heading");
        Div identity = new Div();
        identity.addClassName("article-identity");
        image().ifPresent(identity::add);
        identity.add(title);
        header.add(identity, actions());
    }

    private Optional<Image> image() {
        if (!details.hasImage()) {
            return Optional.empty();
        }
        UUID articleId = id();
        // The picture travels on its own request, read again there: it never sits in the session.
        Image picture = new Image(
                (DownloadHandler) event -> {
                    Optional<ArticleImage> found = articles.image(articleId);
                    if (found.isPresent()) {
                        event.setContentType(found.get().contentType());
                        try (OutputStream out = event.getOutputStream()) {
                            out.write(found.get().content());
                        }
                    }
                },
                getTranslation("articles.detail.image", details.form().code()));
        picture.addClassName("article-image");
        return Optional.of(picture);
    }

    private Component actions() {
        Div actions = new Div();
        actions.addClassName("detail-actions");
        if (CurrentUser.can(ArticlePermissions.EDIT)) {
            Button edit = new Button(getTranslation("articles.detail.edit"), VaadinIcon.EDIT.create());
            edit.setId("article-edit");
            edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            edit.addClickListener(click ->
                    new ArticleFormDialog(articles, units.listUnits(), categories, id(), saved -> reload()).open());
            actions.add(edit);
            boolean archived = details.archived();
            Button archive = new Button(
                    archived ? getTranslation("articles.detail.restore") : getTranslation("articles.detail.archive"),
                    (archived ? VaadinIcon.ARROW_BACKWARD : VaadinIcon.ARCHIVE).create());
            archive.addClickListener(click -> {
                if (archived) {
                    articles.restoreArticle(id());
                    Notices.success(getTranslation("articles.detail.restored"));
                } else {
                    articles.archiveArticle(id());
                    Notices.success(getTranslation("articles.detail.archived"));
                }
                reload();
            });
            actions.add(archive);
            actions.add(new ArticlePictureUpload(articles, id(), this::reload));
            if (details.hasImage()) {
                Button removePicture =
                        new Button(getTranslation("articles.detail.picture-remove"), VaadinIcon.CLOSE_SMALL.create());
                removePicture.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                removePicture.addClickListener(click -> {
                    articles.removeImage(id());
                    Notices.success(getTranslation("articles.detail.picture-removed"));
                    reload();
                });
                actions.add(removePicture);
            }
        }
        if (CurrentUser.can(ArticlePermissions.DELETE)) {
            Button delete = new Button(getTranslation("action.delete"), VaadinIcon.TRASH.create());
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            delete.addClickListener(click -> confirmDelete());
            actions.add(delete);
        }
        return actions;
    }

    private void confirmDelete() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(
                getTranslation("articles.detail.delete-title", details.form().code()));
        confirm.setText(getTranslation("articles.detail.delete-text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("action.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            try {
                articles.deleteArticle(id());
            } catch (ArticleRuleException e) {
                Notices.error(getTranslation(e.messageKey(), e.arguments()));
                return;
            }
            Notices.success(
                    getTranslation("articles.detail.deleted", details.form().code()));
            getUI().ifPresent(ui -> ui.navigate(ArticleListView.class));
        });
        confirm.open();
    }

    // --- Data ----------------------------------------------------------------------------------

    private void renderData() {
        ArticleForm form = details.form();
        data.removeAll();
        item(getTranslation("articles.field.category"), categoryName(form.categoryId()));
        item(getTranslation("articles.field.unit"), unitName(unit));
        item(getTranslation("articles.field.barcode"), form.barcode());
        item(getTranslation("articles.field.sale-price"), money(form.salePrice()));
        item(getTranslation("articles.field.cost"), money(form.cost()));
        item(getTranslation("articles.field.tax-rate"), percent(form.taxRate()));
        supplier(form.defaultSupplierId())
                .ifPresent(link -> item(getTranslation("articles.field.default-supplier"), link));
        item(getTranslation("articles.field.stock-tracked"), ArticleHistory.yesNo(this, form.stockTracked()));
        item(getTranslation("articles.field.name-es"), form.nameEs());
        item(getTranslation("articles.field.name-en"), form.nameEn());
        item(getTranslation("articles.field.description-es"), form.descriptionEs());
        item(getTranslation("articles.field.description-en"), form.descriptionEn());
    }

    private void item(String label, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span text = new Span(value);
        item(label, text);
    }

    private void item(String label, Component value) {
        Span term = new Span(label);
        term.addClassName("detail-term");
        value.addClassName("detail-value");
        Div item = new Div(term, value);
        item.addClassName("detail-item");
        data.add(item);
    }

    /** The supplier by name, linked to its account, for whoever may read accounts; else nothing. */
    private Optional<Anchor> supplier(UUID supplierId) {
        String name = supplierName(supplierId);
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        // By address: the accounts module keeps its views to itself.
        Anchor link = new Anchor("accounts/" + supplierId, name);
        link.getElement().setAttribute("router-link", true);
        link.addClassName("article-supplier");
        return Optional.of(link);
    }

    private String supplierName(UUID supplierId) {
        if (supplierId == null || !CurrentUser.can(AccountPermissions.READ)) {
            return null;
        }
        // Null when gone, or not visible to this user: nothing to link to.
        return accounts.namesOf(List.of(supplierId)).get(supplierId);
    }

    private String categoryName(UUID categoryId) {
        return categories
                .findCategory(categoryId)
                .map(node -> node.code() + " · " + name(node))
                .orElse(null);
    }

    private String unitName(UUID unitId) {
        try {
            return unitName(units.unit(unitId));
        } catch (ArticleRuleException e) {
            return null;
        }
    }

    private String unitName(UnitOfMeasure value) {
        return value.getCode() + " · " + (english() ? value.getNameEn() : value.getNameEs());
    }

    private ArticleHistory.Names names() {
        return new ArticleHistory.Names() {
            @Override
            public String category(UUID id) {
                return categoryName(id);
            }

            @Override
            public String unit(UUID id) {
                return unitName(id);
            }

            @Override
            public String supplier(UUID id) {
                return supplierName(id);
            }
        };
    }

    private boolean english() {
        return "en".equals(getLocale().getLanguage());
    }

    private String name(ArticleForm form) {
        return english() ? form.nameEn() : form.nameEs();
    }

    private String name(CategoryNode node) {
        return english() ? node.nameEn() : node.nameEs();
    }

    /** A price or cost: at least two decimals, up to the four stored. */
    private String money(BigDecimal value) {
        if (value == null) {
            return null;
        }
        NumberFormat format = NumberFormat.getNumberInstance(getLocale());
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(4);
        return format.format(value);
    }

    private String percent(BigDecimal value) {
        if (value == null) {
            return null;
        }
        NumberFormat format = NumberFormat.getNumberInstance(getLocale());
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    // --- Stock ---------------------------------------------------------------------------------

    private void renderStock() {
        stockShown = details.form().stockTracked() && CurrentUser.can(ArticlePermissions.STOCK_READ);
        stockSection.setVisible(stockShown);
        if (!stockShown) {
            return;
        }
        balances.setItems(stock.balancesOfArticle(id()));
        toStockScreen.setQueryParameters(QueryParameters.of("article", id().toString()));
        movers.clear();
        movements.getDataProvider().refreshAll();
    }

    private void configureBalances() {
        balances.addClassName("article-balances");
        balances.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        balances.setAllRowsVisible(true);
        balances.addColumn(BalanceRow::warehouseCode).setKey("warehouse").setHeader(getTranslation("stock.warehouse"));
        balances.addColumn(row -> quantity(row.onHand()))
                .setKey("on-hand")
                .setHeader(getTranslation("stock.on-hand"))
                .setTextAlign(ColumnTextAlign.END);
        balances.addColumn(row -> quantity(row.reserved()))
                .setKey("reserved")
                .setHeader(getTranslation("stock.reserved"))
                .setTextAlign(ColumnTextAlign.END);
        balances.addColumn(row -> quantity(row.available()))
                .setKey("available")
                .setHeader(getTranslation("stock.available"))
                .setTextAlign(ColumnTextAlign.END);
        balances.setEmptyStateText(getTranslation("stock.no-stock"));
        balances.setSelectionMode(Grid.SelectionMode.NONE);
    }

    private void configureMovements() {
        movements.addClassName("article-movements");
        movements.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        movements.setHeight("24rem");
        movements
                .addColumn(row -> TimeFormat.dateTime(row.movedAt()))
                .setKey("moved-at")
                .setHeader(getTranslation("stock.moved-at"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        movements
                .addComponentColumn(
                        row -> GridCells.twoLines(MovementLabels.type(this, row.type()), row.warehouseCode()))
                .setKey("type")
                .setHeader(getTranslation("stock.movement"))
                .setAutoWidth(true);
        movements
                .addComponentColumn(this::movedQuantity)
                .setKey("quantity")
                .setHeader(getTranslation("stock.quantity"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<MovementRow> reason = movements
                .addColumn(row -> row.reason() == null ? "" : row.reason())
                .setKey("reason")
                .setHeader(getTranslation("stock.reason"))
                .setWidth("12rem")
                .setFlexGrow(2);
        Grid.Column<MovementRow> user = movements
                .addColumn(row -> row.userId() == null ? "" : movers.getOrDefault(row.userId(), ""))
                .setKey("user")
                .setHeader(getTranslation("articles.detail.moved-by"))
                .setFlexGrow(1);
        Grid.Column<MovementRow> source = movements
                .addColumn(row -> row.sourceRef() == null ? "" : row.sourceRef())
                .setKey("source")
                .setHeader(getTranslation("stock.source"))
                .setFlexGrow(1);
        NarrowScreens.hideColumnsBelow(movements, 1000, List.of(user, source));
        NarrowScreens.hideColumnsBelow(movements, 700, List.of(reason));
        movements.setItems(query -> {
            if (details == null || !stockShown) {
                return Stream.empty();
            }
            List<MovementRow> page = stock.movements(id(), null, query.getOffset(), query.getLimit());
            List<UUID> unknown = page.stream()
                    .map(MovementRow::userId)
                    .filter(userId -> userId != null && !movers.containsKey(userId))
                    .distinct()
                    .toList();
            if (!unknown.isEmpty()) {
                movers.putAll(stock.movedBy(unknown));
            }
            return page.stream();
        });
        movements.setEmptyStateText(getTranslation("stock.no-movements"));
        movements.setSelectionMode(Grid.SelectionMode.NONE);
    }

    /** The signed quantity in the article's unit, and what was entered when it was another unit. */
    private Component movedQuantity(MovementRow row) {
        String main = quantity(row.quantity());
        String entered = row.enteredUnitCode() == null
                        || unit == null
                        || row.enteredUnitCode().equals(unit.getCode())
                ? null
                : MovementLabels.plain(row.enteredQuantity()) + " " + row.enteredUnitCode();
        return GridCells.twoLines(main, entered);
    }

    private String quantity(BigDecimal value) {
        String number = MovementLabels.plain(value);
        return unit == null ? number : number + " " + unit.getCode();
    }

    @Override
    public String getPageTitle() {
        return details == null
                ? getTranslation("articles.title")
                : details.form().code() + " · " + name(details.form());
    }
}
