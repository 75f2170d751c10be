package com.nexo.cms.ui;

import com.nexo.base.RuleException;
import com.nexo.base.ui.Notices;
import com.nexo.cms.CmsPermissions;
import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import com.nexo.cms.content.ContentReader;
import com.nexo.cms.content.ReadableItem;
import com.nexo.cms.library.CategoryRow;
import com.nexo.cms.library.KnowledgeCategoryService;
import com.nexo.cms.search.CmsSearch;
import com.nexo.cms.search.SearchHit;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The knowledge base: its categories on the left, the published articles of the chosen one, the
 * article read in a pane (its stored, sanitised HTML), a search over every article the user may
 * read, and for editors the categories' management.
 */
@Route("cms/knowledge")
@RolesAllowed(CmsPermissions.READ)
@Menu(title = "menu.cms.knowledge", order = 60.1, icon = "vaadin:book")
public class KnowledgeBaseView extends Main implements HasDynamicTitle {

    /** The most articles a category lists. */
    static final int ARTICLES = 200;

    private final transient ContentReader reader;
    private final transient KnowledgeCategoryService categories;
    private final transient CmsSearch search;
    private final ContentLanguage language;

    final Grid<CategoryRow> categoryGrid = new Grid<>();
    final Grid<ReadableItem> articles = new Grid<>();
    final TextField query = new TextField();
    final SearchHitList hits = new SearchHitList();
    final Div article = new Div();
    final H3 articleTitle = new H3();
    final Div articleBody = new Div();
    final Button newCategory = new Button();
    final Button editCategory = new Button();
    final Button deleteCategory = new Button();
    private final Span empty = new Span();
    /** The dialog last opened, for the tests. */
    CategoryDialog categoryDialog;

    public KnowledgeBaseView(ContentReader reader, KnowledgeCategoryService categories, CmsSearch search) {
        this.reader = reader;
        this.categories = categories;
        this.search = search;
        this.language = ContentLanguage.of(getLocale());
        addClassNames("list-view", "cms-knowledge");

        categoryGrid.addClassName("cms-category-grid");
        categoryGrid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_COMPACT);
        categoryGrid.setAllRowsVisible(true);
        categoryGrid
                .addComponentColumn(row -> {
                    Span name = new Span(row.name(language) + " (" + row.articles() + ")");
                    name.getStyle().set("padding-left", (row.depth() * 1.25) + "rem");
                    return name;
                })
                .setHeader(getTranslation("cms.knowledge.categories"));
        // A category stays chosen: clicking it again does not empty the articles pane.
        ((com.vaadin.flow.component.grid.GridSingleSelectionModel<CategoryRow>) categoryGrid.getSelectionModel())
                .setDeselectAllowed(false);
        categoryGrid.addSelectionListener(selection -> showCategory());

        articles.addClassName("cms-article-grid");
        articles.addThemeVariants(GridVariant.LUMO_NO_BORDER);
        articles.setAllRowsVisible(true);
        articles.addComponentColumn(item -> {
                    Div cell = new Div(new Span(item.title()));
                    if (item.summary() != null && !item.summary().isBlank()) {
                        Span summary = new Span(item.summary());
                        summary.getStyle()
                                .set("display", "block")
                                .set("color", "var(--lumo-secondary-text-color)")
                                .set("font-size", "var(--lumo-font-size-s)");
                        cell.add(summary);
                    }
                    cell.getStyle().set("white-space", "normal");
                    return cell;
                })
                .setHeader(getTranslation("cms.knowledge.articles"));
        articles.addSelectionListener(
                selection -> selection.getFirstSelectedItem().ifPresent(this::showArticle));

        query.setPlaceholder(getTranslation("cms.knowledge.search"));
        query.setAriaLabel(getTranslation("cms.knowledge.search"));
        query.setPrefixComponent(VaadinIcon.SEARCH.create());
        query.setClearButtonVisible(true);
        query.setValueChangeMode(ValueChangeMode.LAZY);
        query.setMaxLength(200);
        query.setWidthFull();
        query.addValueChangeListener(event -> showHits());

        article.addClassName("cms-article");
        articleBody.addClassName("cms-article-body");
        article.add(articleTitle, articleBody);
        article.setVisible(false);

        boolean edits = CurrentUser.can(CmsPermissions.EDIT);
        newCategory.setText(getTranslation("cms.knowledge.category.new"));
        newCategory.setIcon(VaadinIcon.PLUS.create());
        newCategory.addClickListener(click -> openCategoryDialog(null));
        editCategory.setText(getTranslation("cms.knowledge.category.edit"));
        editCategory.setIcon(VaadinIcon.EDIT.create());
        editCategory.addClickListener(click -> selectedCategory().ifPresent(this::openCategoryDialog));
        deleteCategory.setText(getTranslation("action.delete"));
        deleteCategory.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        deleteCategory.addClickListener(click -> deleteCategory());
        newCategory.setVisible(edits);
        editCategory.setVisible(edits);
        deleteCategory.setVisible(edits);

        Div categoryActions = new Div(newCategory, editCategory, deleteCategory);
        categoryActions.addClassName("list-actions");
        categoryActions
                .getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("gap", "0.25rem");
        Div left = new Div(categoryActions, categoryGrid);
        left.addClassName("cms-knowledge-categories");
        left.getStyle().set("flex", "1 1 16rem").set("min-width", "0").set("max-width", "100%");
        Div right = new Div(query, hits, articles, empty, article);
        right.addClassName("cms-knowledge-articles");
        right.getStyle().set("flex", "3 1 30rem").set("min-width", "0").set("max-width", "100%");
        Div panes = new Div(left, right);
        // Side by side when there is room; on a narrow screen the categories stack above.
        panes.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("gap", "var(--lumo-space-l)")
                .set("align-items", "flex-start");
        add(new H2(getTranslation("cms.knowledge.title")), panes);
        setWidthFull();
        loadCategories(null);
    }

    private Optional<CategoryRow> selectedCategory() {
        return categoryGrid.getSelectedItems().stream().findFirst();
    }

    private void loadCategories(UUID keep) {
        List<CategoryRow> rows = categories.categories();
        categoryGrid.setItems(rows);
        Optional<CategoryRow> chosen = rows.stream()
                .filter(row -> row.id().equals(keep))
                .findFirst()
                .or(() -> rows.stream().findFirst());
        chosen.ifPresentOrElse(categoryGrid::select, this::showCategory);
    }

    private void showCategory() {
        Optional<CategoryRow> category = selectedCategory();
        List<ReadableItem> items = category.map(
                        c -> reader.published(ContentKind.ARTICLE, c.id(), language, 0, ARTICLES))
                .orElse(List.of());
        articles.setItems(items);
        empty.setText(
                category.isEmpty()
                        ? getTranslation("cms.knowledge.no-categories")
                        : getTranslation("cms.knowledge.no-articles"));
        empty.setVisible(items.isEmpty());
        editCategory.setEnabled(category.isPresent());
        deleteCategory.setEnabled(category.isPresent());
        article.setVisible(false);
    }

    private void showArticle(ReadableItem item) {
        articleTitle.setText(item.title());
        // Only ever the HTML the content service stored after sanitising it.
        articleBody.getElement().setProperty("innerHTML", item.html() == null ? "" : item.html());
        article.setVisible(true);
    }

    private void showHits() {
        String words = query.getValue();
        if (words == null || words.isBlank()) {
            hits.clear();
            return;
        }
        hits.show(
                search.search(words, ContentKind.ARTICLE, language, 20),
                getTranslation("cms.knowledge.search-none"),
                this::openButton,
                null);
    }

    private Button openButton(SearchHit hit) {
        Button open = new Button(
                hit.title(),
                click -> reader.read(hit.itemId(), language)
                        .ifPresentOrElse(this::showArticle, () -> Notices.error(getTranslation("cms.knowledge.gone"))));
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        open.addClassName("cms-hit-title");
        return open;
    }

    private void openCategoryDialog(CategoryRow editing) {
        categoryDialog =
                new CategoryDialog(categories, categories.categories(), editing, language, this::loadCategories);
        categoryDialog.open();
    }

    private void deleteCategory() {
        selectedCategory().ifPresent(category -> {
            try {
                categories.delete(category.id(), category.version());
            } catch (RuleException refusal) {
                Notices.error(LibraryTexts.refusal(this, refusal));
                return;
            }
            Notices.success(getTranslation("cms.knowledge.category.deleted", category.name(language)));
            loadCategories(null);
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cms.knowledge.title");
    }
}
