package com.nexo.articles.ui;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.catalogue.ArticleCsvColumn;
import com.nexo.articles.catalogue.ArticleKind;
import com.nexo.articles.catalogue.ArticleListService;
import com.nexo.articles.catalogue.ArticleOrder;
import com.nexo.articles.catalogue.ArticleQuery;
import com.nexo.articles.catalogue.ArticleRow;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryNode;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.units.UnitService;
import com.nexo.base.paging.CountEstimate;
import com.nexo.base.paging.Sort;
import com.nexo.base.ui.DownloadLink;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.PagedList;
import com.nexo.base.ui.QuickSearchField;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The catalogue: a lazy list read page by page in the index's order (or the search's, while
 * searching by code, name with accents and typos tolerated, or barcode), with a count that is
 * estimated when counting would cost more than the page, and CSV export.
 */
@Route("articles")
@RolesAllowed(ArticlePermissions.READ)
@Menu(title = "menu.articles", order = 20, icon = "vaadin:package")
public class ArticleListView extends Main implements HasDynamicTitle {

    /** What the grid shows: the filter and the sort. */
    record Query(ArticleQuery filter, Sort<ArticleOrder> sort) {}

    private final transient ArticleService articles;
    private final transient ArticleListService lists;
    private final transient CategoryService categories;
    private final transient UnitService units;
    private final QuickSearchField search;
    private final ComboBox<CategoryNode> category = new ComboBox<>();
    private final Checkbox archived = new Checkbox();
    final Span count = new Span();
    final Grid<ArticleRow> grid = new Grid<>();
    private final PagedList<ArticleRow, Query> list;
    /**
     * What the list shows, for the CSV export: the download is served on a request of its own,
     * outside the UI's lock, so it reads this snapshot instead of the fields.
     */
    private volatile Query exportQuery = new Query(ArticleQuery.all(), Sort.ascending(ArticleOrder.CODE));

    public ArticleListView(
            ArticleService articles, ArticleListService lists, CategoryService categories, UnitService units) {
        this.articles = articles;
        this.lists = lists;
        this.categories = categories;
        this.units = units;
        addClassNames("list-view", "articles-list");
        search = new QuickSearchField(getTranslation("articles.list.search"));
        search.addValueChangeListener(event -> reload());

        category.setLabel(getTranslation("articles.list.category"));
        CategoryPicker.lazy(category, categories);
        category.addValueChangeListener(event -> reload());
        archived.setLabel(getTranslation("articles.list.include-archived"));
        archived.addValueChangeListener(event -> reload());

        Div actions = new Div();
        actions.addClassName("list-actions");
        if (CurrentUser.can(ArticlePermissions.EXPORT)) {
            actions.add(exportLink());
        }
        if (CurrentUser.can(ArticlePermissions.CREATE)) {
            Button create = new Button(getTranslation("articles.list.new"), VaadinIcon.PLUS.create());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.addClickListener(event -> openForm());
            actions.add(create);
        }

        configureGrid();
        list = PagedList.bind(
                grid,
                orders -> new Query(currentQuery(), sortOf(orders)),
                (query, after, limit) -> lists.page(query.filter(), query.sort(), after, limit));
        grid.addSortListener(sort -> queryChanged());

        Div toolbar = new Div(search, category, archived, actions);
        toolbar.addClassName("list-toolbar");
        count.addClassName("list-count");
        add(new H2(getTranslation("articles.title")), toolbar, count, grid);
        setSizeFull();
        queryChanged();
    }

    private DownloadLink exportLink() {
        Locale locale = getLocale();
        ZoneId zone = Format.zone(com.vaadin.flow.component.UI.getCurrent());
        Map<ArticleCsvColumn, String> headers = new EnumMap<>(ArticleCsvColumn.class);
        for (ArticleCsvColumn column : ArticleCsvColumn.values()) {
            headers.put(column, getTranslation(column.headerKey()));
        }
        Map<String, String> words = new HashMap<>();
        for (ArticleKind kind : ArticleKind.values()) {
            words.put(ArticleListService.kindKey(kind), ArticleLabels.kind(this, kind));
        }
        for (String key : List.of(
                ArticleListService.YES,
                ArticleListService.NO,
                ArticleListService.ACTIVE,
                ArticleListService.ARCHIVED)) {
            words.put(key, getTranslation(key));
        }
        DownloadLink export = new DownloadLink(
                getTranslation("articles.list.export"),
                getTranslation("articles.list.export-file") + ".csv",
                "text/csv; charset=UTF-8",
                out -> {
                    Query shown = exportQuery; // read once: the download runs on its own request
                    lists.exportCsv(shown.filter(), shown.sort(), locale, zone, headers, words, out);
                });
        export.addClassName("export-link");
        return export;
    }

    private void configureGrid() {
        grid.addClassNames("list-grid", "clickable-rows");
        grid.addColumn(ArticleRow::code)
                .setKey(ArticleOrder.CODE.name())
                .setSortProperty(ArticleOrder.CODE.name())
                .setHeader(getTranslation("articles.field.code"))
                .setWidth("8rem")
                .setFlexGrow(1);
        ArticleOrder byName = english() ? ArticleOrder.NAME_EN : ArticleOrder.NAME_ES;
        grid.addColumn(row -> row.name(getLocale()))
                .setKey("name")
                .setSortProperty(byName.name())
                .setHeader(getTranslation("articles.field.name"))
                .setWidth("12rem")
                .setFlexGrow(4);
        Grid.Column<ArticleRow> kind = grid.addColumn(row -> ArticleLabels.kind(this, row.kind()))
                .setKey("kind")
                .setHeader(getTranslation("articles.field.kind"))
                .setWidth("8rem")
                .setFlexGrow(1);
        Grid.Column<ArticleRow> categoryColumn = grid.addColumn(ArticleRow::categoryCode)
                .setKey("category")
                .setHeader(getTranslation("articles.field.category"))
                .setWidth("7rem")
                .setFlexGrow(1);
        Grid.Column<ArticleRow> unit = grid.addColumn(ArticleRow::unitCode)
                .setKey("unit")
                .setHeader(getTranslation("articles.field.unit"))
                .setWidth("5rem")
                .setFlexGrow(0);
        grid.addColumn(row -> Format.price(row.salePrice(), null))
                .setKey("price")
                .setHeader(getTranslation("articles.field.sale-price"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("9.5rem")
                .setFlexGrow(0);
        // A tablet held upright keeps code, name and price in view without scrolling sideways.
        NarrowScreens.hideColumnsBelow(grid, 1000, List.of(kind, categoryColumn, unit));
        grid.setMultiSort(false);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addItemClickListener(event -> getUI().ifPresent(ui -> ui.navigate(
                ArticleDetailView.class,
                ArticleDetailView.parameters(event.getItem().id()))));
    }

    private boolean english() {
        return "en".equals(getLocale().getLanguage());
    }

    ArticleQuery currentQuery() {
        return new ArticleQuery(
                search.text(),
                category.getValue() == null ? null : category.getValue().id(),
                null,
                archived.getValue());
    }

    private Sort<ArticleOrder> currentSort() {
        return sortOf(grid.getSortOrder().stream()
                .flatMap(order -> order.getSorted().getSortOrder(order.getDirection()))
                .toList());
    }

    /** The grid's sort; without one, best matches first while searching, else by code. */
    private Sort<ArticleOrder> sortOf(List<QuerySortOrder> orders) {
        ArticleOrder fallback = search.text().isEmpty() ? ArticleOrder.CODE : ArticleOrder.RELEVANCE;
        return PagedList.sort(orders, ArticleOrder.class, fallback);
    }

    /** The filter or sort changed: new export snapshot, new count. */
    private void queryChanged() {
        exportQuery = new Query(currentQuery(), currentSort());
        CountEstimate estimate = lists.count(currentQuery());
        count.setText(
                estimate.exact()
                        ? getTranslation("articles.list.count", Format.integer(estimate.value()), estimate.value())
                        : getTranslation(
                                "articles.list.count-estimated",
                                Format.integer(estimate.exactLimit()),
                                Format.integer(estimate.value())));
        // An empty search asks for another word; an empty catalogue for a first article, from whoever may add it.
        boolean filtered = !search.text().isBlank() || category.getValue() != null;
        if (filtered) {
            grid.setEmptyStateText(getTranslation("articles.list.none-match"));
        } else if (CurrentUser.can(ArticlePermissions.CREATE)) {
            grid.setEmptyStateText(getTranslation("articles.list.empty"));
        } else {
            grid.setEmptyStateText(getTranslation("articles.list.empty-read-only"));
        }
    }

    void reload() {
        list.refresh();
        queryChanged();
    }

    private void openForm() {
        new ArticleFormDialog(articles, units.units(), categories, null, saved -> reload()).open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("articles.title");
    }

    /** The kinds an article can have, in the order the form offers them. */
    static List<ArticleKind> kinds() {
        return List.of(ArticleKind.GOODS, ArticleKind.INPUT, ArticleKind.SERVICE);
    }
}
