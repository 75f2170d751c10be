package com.nexo.articles.ui;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.catalogue.ArticleListService;
import com.nexo.articles.catalogue.ArticleOrder;
import com.nexo.articles.catalogue.ArticleQuery;
import com.nexo.articles.catalogue.ArticleRow;
import com.nexo.articles.categories.CategoryNode;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.categories.CategoryTreeNode;
import com.nexo.base.paging.CountEstimate;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.Sort;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PagedList;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;

/**
 * The category tree of the catalogue, read one level and one page at a time as the user expands
 * it, so thousands of categories cost no more than the ones in view. The selected category shows
 * its way from the root and the articles of its whole subtree; new, rename, move and delete are
 * offered only to those allowed to use them.
 */
@Route("articles/categories")
@RolesAllowed(ArticlePermissions.READ)
@Menu(title = "menu.categories", order = 20.1, icon = "vaadin:folder-open")
public class CategoriesView extends Main implements HasDynamicTitle {

    private final transient CategoryService categories;
    private final transient ArticleListService lists;
    private PagedList<ArticleRow, ArticleQuery> articleList;

    final TreeGrid<CategoryTreeNode> tree = new TreeGrid<>();
    final Grid<ArticleRow> articleGrid = new Grid<>();
    final Nav breadcrumb = new Nav();
    final H3 selectedTitle = new H3();
    final Span articleCount = new Span();
    final Button newRoot = new Button();
    final Button newChild = new Button();
    final Button rename = new Button();
    final Button move = new Button();
    final Button delete = new Button();
    private final Paragraph nothingSelected = new Paragraph();
    private final Div details = new Div();
    /** The category the panel shows, or null. */
    private CategoryNode selected;

    public CategoriesView(CategoryService categories, ArticleListService lists) {
        this.categories = categories;
        this.lists = lists;
        addClassNames("list-view", "categories-view");

        Div actions = new Div();
        actions.addClassName("list-actions");
        if (CurrentUser.can(ArticlePermissions.CREATE)) {
            newRoot.setText(getTranslation("articles.categories.new-root"));
            newRoot.setIcon(VaadinIcon.PLUS.create());
            newRoot.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            newRoot.addClickListener(click -> CategoryFormDialog.forNew(categories, null, id -> changed(selectedId()))
                    .open());
            actions.add(newRoot);
        }
        Div toolbar = new Div(actions);
        toolbar.addClassName("list-toolbar");

        Div body = new Div(configureTree(), panel());
        body.addClassName("categories-body");
        add(new H2(getTranslation("articles.categories.title")), toolbar, body);
        show(null);
    }

    private Component configureTree() {
        // Siblings come by code from the service; the grid offers no other order.
        tree.addHierarchyColumn(CategoryTreeNode::code)
                .setSortable(false)
                .setHeader(getTranslation("articles.field.code"))
                // Wide enough for codes a few levels down: auto width measures only the first rows.
                .setWidth("11rem")
                .setFlexGrow(1)
                .setResizable(true);
        tree.addColumn(node -> node.name(getLocale()))
                .setHeader(getTranslation("articles.field.name"))
                .setWidth("8rem")
                .setFlexGrow(2);
        tree.addColumn(CategoryTreeNode::childCount)
                .setHeader(getTranslation("articles.categories.children"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("8.5rem")
                .setFlexGrow(0);
        tree.setDataProvider(new CategoryLevels(categories));
        tree.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        tree.addClassNames("list-grid", "categories-tree");
        tree.setEmptyStateText(getTranslation("articles.categories.empty-tree"));
        tree.asSingleSelect()
                .addValueChangeListener(change -> show(
                        change.getValue() == null ? null : change.getValue().id()));
        return tree;
    }

    private Component panel() {
        breadcrumb.addClassName("category-breadcrumb");
        breadcrumb.getElement().setAttribute("aria-label", getTranslation("articles.categories.breadcrumb"));
        selectedTitle.addClassName("category-title");
        articleCount.addClassName("list-count");
        nothingSelected.setText(getTranslation("articles.categories.none-selected"));
        nothingSelected.addClassName("category-none");

        Div actions = new Div();
        actions.addClassName("detail-actions");
        if (CurrentUser.can(ArticlePermissions.CREATE)) {
            newChild.setText(getTranslation("articles.categories.new-child"));
            newChild.setIcon(VaadinIcon.PLUS.create());
            newChild.addClickListener(click -> CategoryFormDialog.forNew(categories, selected, id -> {
                        UUID parent = selectedId();
                        changed(parent);
                        expand(parent);
                    })
                    .open());
            actions.add(newChild);
        }
        if (CurrentUser.can(ArticlePermissions.EDIT)) {
            rename.setText(getTranslation("articles.categories.rename"));
            rename.setIcon(VaadinIcon.EDIT.create());
            rename.addClickListener(click -> CategoryFormDialog.forRename(categories, selected, this::changed)
                    .open());
            move.setText(getTranslation("articles.categories.move"));
            move.setIcon(VaadinIcon.ARROWS.create());
            move.addClickListener(click -> new CategoryMoveDialog(categories, selected, this::changed).open());
            actions.add(rename, move);
        }
        if (CurrentUser.can(ArticlePermissions.DELETE)) {
            delete.setText(getTranslation("articles.categories.delete"));
            delete.setIcon(VaadinIcon.TRASH.create());
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            delete.addClickListener(click -> confirmDelete());
            actions.add(delete);
        }

        articleGrid
                .addColumn(ArticleRow::code)
                .setHeader(getTranslation("articles.field.code"))
                .setWidth("12rem")
                .setFlexGrow(0);
        articleGrid
                .addColumn(row -> row.name(getLocale()))
                .setHeader(getTranslation("articles.field.name"))
                .setTooltipGenerator(row -> row.name(getLocale()))
                .setWidth("8rem")
                .setFlexGrow(1);
        articleGrid
                .addColumn(ArticleRow::categoryCode)
                .setHeader(getTranslation("articles.field.category"))
                .setWidth("9rem")
                .setFlexGrow(0);
        articleList = PagedList.bind(
                articleGrid,
                orders -> selected == null ? null : ArticleQuery.inCategory(selected.id()),
                (query, after, limit) -> query == null
                        ? Page.empty()
                        : lists.page(query, Sort.ascending(ArticleOrder.CODE), after, limit));
        articleGrid.setEmptyStateText(getTranslation("articles.categories.no-articles"));
        articleGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        articleGrid.addClassNames("list-grid", "category-articles");

        Div header = new Div(breadcrumb, selectedTitle, actions);
        header.addClassName("category-header");
        details.add(header, articleCount, articleGrid);
        details.addClassName("category-details");
        Div panel = new Div(nothingSelected, details);
        panel.addClassName("category-panel");
        return panel;
    }

    /** Shows the category with this id in the panel (nothing when null). */
    void show(UUID categoryId) {
        if (categoryId == null) {
            selected = null;
        } else {
            try {
                List<CategoryNode> ancestry = categories.ancestry(categoryId);
                selected = ancestry.getLast();
                showBreadcrumb(ancestry);
            } catch (ArticleRuleException e) {
                // Deleted or moved away by someone else meanwhile.
                Notices.error(getTranslation(e.messageKey(), e.arguments()));
                selected = null;
            }
        }
        nothingSelected.setVisible(selected == null);
        details.setVisible(selected != null);
        if (selected != null) {
            selectedTitle.setText(CategoryPicker.label(selected, getLocale()));
            CountEstimate estimate = lists.count(ArticleQuery.inCategory(selected.id()));
            articleCount.setText(
                    estimate.exact()
                            ? getTranslation("articles.categories.article-count", Format.integer(estimate.value()))
                            : getTranslation(
                                    "articles.categories.article-count-estimated",
                                    Format.integer(estimate.exactLimit()),
                                    Format.integer(estimate.value())));
        }
        articleList.refresh();
    }

    private void showBreadcrumb(List<CategoryNode> ancestry) {
        breadcrumb.removeAll();
        for (CategoryNode step : ancestry.subList(0, ancestry.size() - 1)) {
            Span crumb = new Span(CategoryPicker.label(step, getLocale()));
            crumb.addClassName("category-crumb");
            breadcrumb.add(crumb);
        }
        breadcrumb.setVisible(ancestry.size() > 1);
    }

    /** After a change: reads the tree again, and selects {@code keep} (opening the way to it). */
    void changed(UUID keep) {
        tree.getDataProvider().refreshAll();
        if (keep == null) {
            tree.deselectAll();
            show(null);
            return;
        }
        List<CategoryNode> ancestry;
        try {
            ancestry = categories.ancestry(keep);
        } catch (ArticleRuleException e) {
            tree.deselectAll();
            show(null);
            return;
        }
        List<CategoryTreeNode> above = ancestry.subList(0, ancestry.size() - 1).stream()
                .map(CategoriesView::asTreeNode)
                .toList();
        tree.expand(above);
        tree.select(asTreeNode(ancestry.getLast()));
        show(keep);
    }

    private void expand(UUID categoryId) {
        if (categoryId != null) {
            categories.findCategory(categoryId).ifPresent(node -> tree.expand(asTreeNode(node)));
        }
    }

    private void confirmDelete() {
        CategoryNode doomed = selected;
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("articles.categories.delete.title", doomed.code()));
        confirm.setText(getTranslation("articles.categories.delete.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("action.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> deleteSelected());
        confirm.open();
    }

    /** Deletes the selected category; refused (with the reason) when it has sub-categories or articles. */
    void deleteSelected() {
        CategoryNode doomed = selected;
        try {
            categories.deleteCategory(doomed.id());
        } catch (ArticleRuleException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        Notices.success(getTranslation("articles.categories.deleted", doomed.code()));
        changed(doomed.parentId());
    }

    private UUID selectedId() {
        return selected == null ? null : selected.id();
    }

    /** A node that stands for a category in the tree: the tree knows its items by id only. */
    private static CategoryTreeNode asTreeNode(CategoryNode node) {
        return new CategoryTreeNode(
                node.id(), node.parentId(), node.code(), node.nameEs(), node.nameEn(), node.depth(), 1);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("articles.categories.title");
    }
}
