package com.nexo.articles.ui;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.catalogue.ArticleKind;
import com.nexo.articles.catalogue.ArticleQuery;
import com.nexo.articles.catalogue.ArticleRow;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryNode;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.units.UnitService;
import com.nexo.base.ui.DownloadLink;
import com.nexo.base.ui.QuickSearchField;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** The catalogue: a lazy list searched by code, name (accents and typos tolerated) or barcode. */
@Route("articles")
@RolesAllowed(ArticlePermissions.READ)
@Menu(title = "menu.articles", order = 20, icon = "vaadin:package")
public class ArticleListView extends Main implements HasDynamicTitle {

    private final ArticleService articles;
    private final CategoryService categories;
    private final UnitService units;
    private final QuickSearchField search;
    private final ComboBox<CategoryNode> category = new ComboBox<>();
    private final Checkbox archived = new Checkbox();
    private final Grid<ArticleRow> grid = new Grid<>();

    public ArticleListView(ArticleService articles, CategoryService categories, UnitService units) {
        this.articles = articles;
        this.categories = categories;
        this.units = units;
        addClassName("list-view");
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
            actions.add(new DownloadLink(
                    getTranslation("articles.list.export"),
                    getTranslation("articles.list.export-file") + ".csv",
                    "text/csv",
                    out -> articles.exportCsv(currentQuery(), out)));
        }
        if (CurrentUser.can(ArticlePermissions.CREATE)) {
            Button create = new Button(getTranslation("articles.list.new"), VaadinIcon.PLUS.create());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.addClickListener(event -> openForm(null));
            actions.add(create);
        }

        grid.addColumn(ArticleRow::code)
                .setHeader(getTranslation("articles.field.code"))
                .setAutoWidth(true);
        grid.addColumn(row -> row.name(getLocale()))
                .setHeader(getTranslation("articles.field.name"))
                .setWidth("14rem")
                .setFlexGrow(3);
        grid.addColumn(row -> ArticleLabels.kind(this, row.kind()))
                .setHeader(getTranslation("articles.field.kind"))
                .setAutoWidth(true);
        grid.addColumn(ArticleRow::categoryCode)
                .setHeader(getTranslation("articles.field.category"))
                .setAutoWidth(true);
        grid.addColumn(ArticleRow::unitCode)
                .setHeader(getTranslation("articles.field.unit"))
                .setAutoWidth(true);
        grid.addColumn(row -> row.salePrice()
                        .setScale(2, java.math.RoundingMode.HALF_UP)
                        .toPlainString())
                .setHeader(getTranslation("articles.field.sale-price"))
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> articles.listArticles(currentQuery(), query.getOffset(), query.getLimit()).stream());
        grid.setEmptyStateText(getTranslation("articles.list.empty"));
        grid.addItemClickListener(event -> getUI().ifPresent(ui -> ui.navigate(
                ArticleDetailView.class,
                ArticleDetailView.parameters(event.getItem().id()))));

        Div toolbar = new Div(search, category, archived, actions);
        toolbar.addClassName("list-toolbar");
        add(new H2(getTranslation("articles.title")), toolbar, grid);
        setSizeFull();
    }

    ArticleQuery currentQuery() {
        return new ArticleQuery(
                search.text(),
                category.getValue() == null ? null : category.getValue().id(),
                null,
                archived.getValue());
    }

    void reload() {
        grid.getDataProvider().refreshAll();
    }

    private void openForm(ArticleRow row) {
        ArticleFormDialog dialog = new ArticleFormDialog(
                articles, units.listUnits(), categories, row == null ? null : row.id(), saved -> reload());
        dialog.open();
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
