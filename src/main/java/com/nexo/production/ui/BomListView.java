package com.nexo.production.ui;

import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PagedList;
import com.nexo.base.ui.QuickSearchField;
import com.nexo.production.ProductionPermissions;
import com.nexo.production.ProductionRuleException;
import com.nexo.production.boms.BomForm;
import com.nexo.production.boms.BomListRow;
import com.nexo.production.boms.BomService;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The bills of materials ({@code production/boms}): a lazy grid read by key, newest first, searched
 * by the article's code or name; a row opens the bill's editor. Who may edit bills gets "New bill": a
 * dialog that picks the article and the first day of the new version, creates it as a draft (with the
 * lines of the article's latest version) and opens it.
 */
@Route(BomListView.ROUTE)
@RolesAllowed(ProductionPermissions.READ)
@Menu(title = "menu.production-boms", order = 50, icon = "vaadin:sitemap")
public class BomListView extends Main implements HasDynamicTitle {

    static final String ROUTE = "production/boms";

    private final transient BomService boms;
    private final transient ArticleDirectory articles;
    final QuickSearchField search;
    final Grid<BomListRow> grid = new Grid<>();
    final Button newBom = new Button();
    private final PagedList<BomListRow, String> list;

    /** The open "new bill" dialog's fields (null while it is closed). */
    Dialog dialog;

    ComboBox<ArticleSummary> article;
    DatePicker validFrom;
    Button create;

    BomListView(BomService boms, ArticleDirectory articles) {
        this.boms = boms;
        this.articles = articles;
        addClassNames("list-view", "production-bom-list");
        H2 title = new H2(getTranslation("production.boms.title"));
        search = new QuickSearchField(getTranslation("production.boms.search"));
        search.setId("bom-search");
        Div actions = new Div();
        actions.addClassName("list-actions");
        if (CurrentUser.can(ProductionPermissions.EDIT)) {
            newBom.setId("bom-new");
            newBom.setText(getTranslation("production.boms.new"));
            newBom.setIcon(VaadinIcon.PLUS.create());
            newBom.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            newBom.addClickListener(click -> openDialog());
            actions.add(newBom);
        }
        Div toolbar = new Div(search, actions);
        toolbar.addClassName("list-toolbar");

        grid.setId("bom-list");
        grid.addClassNames("list-grid", "clickable-rows");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addColumn(BomListRow::articleCode)
                .setHeader(getTranslation("production.boms.column.code"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(row -> row.articleName(getLocale()))
                .setHeader(getTranslation("production.boms.column.article"))
                .setFlexGrow(2);
        grid.addColumn(BomListRow::revision)
                .setHeader(getTranslation("production.boms.column.revision"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(row -> BomTexts.status(this, row.status()))
                .setHeader(getTranslation("production.boms.column.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<BomListRow> validity = grid.addColumn(
                        row -> BomTexts.validity(this, row.validFrom(), row.validTo()))
                .setHeader(getTranslation("production.boms.column.validity"))
                .setAutoWidth(true);
        Grid.Column<BomListRow> lines = grid.addColumn(BomListRow::lineCount)
                .setHeader(getTranslation("production.boms.column.lines"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(row -> BomTexts.cost(row.standardCost()))
                .setHeader(getTranslation("production.boms.column.standard-cost"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("production.boms.empty"));
        grid.addItemClickListener(click -> open(click.getItem().id()));
        NarrowScreens.hideColumnsBelow(grid, 900, List.of(validity, lines));
        list = PagedList.bind(grid, orders -> search.text(), (text, after, limit) -> boms.page(text, after, limit));
        search.addValueChangeListener(change -> list.refresh());
        add(title, toolbar, grid);
        setSizeFull();
        getStyle().set("display", "flex").set("flex-direction", "column");
        grid.getStyle().set("flex", "1 1 auto").set("min-height", "20rem");
    }

    void openDialog() {
        dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("production.boms.new-title"));
        article = new ComboBox<>(getTranslation("production.boms.field.article"));
        article.setId("bom-article");
        article.setItems(query -> {
            String filter = query.getFilter().orElse("");
            return articles.lookUp(filter, query.getOffset() + query.getLimit()).stream()
                    .skip(query.getOffset())
                    .limit(query.getLimit());
        });
        article.setItemLabelGenerator(summary -> summary.label(getLocale()));
        article.setPlaceholder(getTranslation("production.boms.field.article-placeholder"));
        article.setWidth("min(24rem, 80vw)");
        article.setRequiredIndicatorVisible(true);
        validFrom = new DatePicker(getTranslation("production.boms.field.valid-from"));
        validFrom.setId("bom-valid-from");
        validFrom.setValue(LocalDate.now(Format.zone(getUI().orElse(null))));
        validFrom.setRequiredIndicatorVisible(true);
        Div form = new Div(article, validFrom);
        form.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
        create = new Button(getTranslation("production.boms.create"), click -> create());
        create.setId("bom-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> dialog.close());
        dialog.add(form);
        dialog.getFooter().add(cancel, create);
        dialog.open();
    }

    void create() {
        article.setInvalid(false);
        validFrom.setInvalid(false);
        if (article.getValue() == null) {
            article.setErrorMessage(getTranslation("production.boms.error.article-required"));
            article.setInvalid(true);
            return;
        }
        if (validFrom.getValue() == null) {
            validFrom.setErrorMessage(getTranslation("production.boms.error.valid-from-required"));
            validFrom.setInvalid(true);
            return;
        }
        try {
            UUID id = boms.createVersion(new BomForm(article.getValue().id(), validFrom.getValue(), null, null, null));
            dialog.close();
            Notices.success(getTranslation("production.boms.created"));
            open(id);
        } catch (ProductionRuleException refusal) {
            String text = BomTexts.refusal(this, refusal);
            if ("validFrom".equals(refusal.field()) || "validTo".equals(refusal.field())) {
                validFrom.setErrorMessage(text);
                validFrom.setInvalid(true);
            } else {
                article.setErrorMessage(text);
                article.setInvalid(true);
            }
            Notices.error(text);
        }
    }

    private void open(UUID id) {
        getUI().ifPresent(ui -> ui.navigate(
                BomEditorView.class,
                new com.vaadin.flow.router.RouteParameters(BomEditorView.PARAMETER, id.toString())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("production.boms.title");
    }
}
