package com.nexo.cms.ui;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.QuickSearchField;
import com.nexo.cms.Audience;
import com.nexo.cms.CmsPermissions;
import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import com.nexo.cms.ContentStatus;
import com.nexo.cms.content.ContentService;
import com.nexo.cms.content.ItemFilter;
import com.nexo.cms.content.ItemRow;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Every item of the CMS for its editors: a lazy list, newest change first, filtered by kind, state,
 * audience and a part of the title or address; a "New" menu per kind (documents are created in the
 * library); a click opens the editor.
 */
@Route(ContentListView.ROUTE)
@RolesAllowed(CmsPermissions.EDIT)
@Menu(title = "menu.cms.content", order = 60, icon = "vaadin:newspaper")
public class ContentListView extends Main implements HasDynamicTitle {

    static final String ROUTE = "cms/content";

    private final transient ContentService content;
    final QuickSearchField search;
    final ComboBox<ContentKind> kind = new ComboBox<>();
    final ComboBox<ContentStatus> status = new ComboBox<>();
    final ComboBox<Audience> audience = new ComboBox<>();
    final MenuBar create = new MenuBar();
    final Span count = new Span();
    final Grid<ItemRow> grid = new Grid<>();

    public ContentListView(ContentService content) {
        this.content = content;
        addClassNames("list-view", "cms-content-list");
        search = new QuickSearchField(getTranslation("cms.content.list.search"));
        search.addValueChangeListener(event -> reload());

        kind.setLabel(getTranslation("cms.content.field.kind"));
        kind.setItems(ContentKind.values());
        kind.setItemLabelGenerator(value -> ContentLabels.kind(this, value));
        kind.setClearButtonVisible(true);
        kind.addValueChangeListener(event -> reload());
        status.setLabel(getTranslation("cms.content.field.status"));
        status.setItems(ContentStatus.values());
        status.setItemLabelGenerator(value -> ContentLabels.status(this, value));
        status.setClearButtonVisible(true);
        status.addValueChangeListener(event -> reload());
        audience.setLabel(getTranslation("cms.content.field.audience"));
        audience.setItems(Audience.values());
        audience.setItemLabelGenerator(value -> ContentLabels.audience(this, value));
        audience.setClearButtonVisible(true);
        audience.addValueChangeListener(event -> reload());

        create.setId("cms-new");
        create.addThemeVariants(MenuBarVariant.LUMO_PRIMARY);
        SubMenu kinds = create.addItem(getTranslation("cms.content.list.new")).getSubMenu();
        for (ContentKind each : List.of(ContentKind.NEWS, ContentKind.PAGE, ContentKind.ARTICLE)) {
            kinds.addItem(
                    ContentLabels.kind(this, each),
                    click -> getUI().ifPresent(ui -> ui.navigate(ContentEditorView.newItem(each))));
        }

        configureGrid();
        Div actions = new Div(create);
        actions.addClassName("list-actions");
        Div toolbar = new Div(search, kind, status, audience, actions);
        toolbar.addClassName("list-toolbar");
        count.addClassName("list-count");
        add(new H2(getTranslation("cms.content.title")), toolbar, count, grid);
        setSizeFull();
        reload();
    }

    private void configureGrid() {
        grid.addClassNames("list-grid", "clickable-rows");
        grid.addColumn(row -> row.titleLanguage() == language()
                        ? row.title()
                        : row.title() + " (" + row.titleLanguage().code().toUpperCase(java.util.Locale.ROOT) + ")")
                .setKey("title")
                .setHeader(getTranslation("cms.content.field.title"))
                .setWidth("14rem")
                .setFlexGrow(4);
        Grid.Column<ItemRow> kindColumn = grid.addColumn(row -> ContentLabels.kind(this, row.kind()))
                .setKey("kind")
                .setHeader(getTranslation("cms.content.field.kind"))
                .setWidth("8rem")
                .setFlexGrow(1);
        grid.addComponentColumn(row -> {
                    Span badge = new Span(ContentLabels.status(this, row.status()));
                    badge.getElement().setAttribute("theme", ContentLabels.statusTheme(row.status()));
                    return badge;
                })
                .setKey("status")
                .setHeader(getTranslation("cms.content.field.status"))
                .setWidth("8rem")
                .setFlexGrow(0);
        Grid.Column<ItemRow> audiencesColumn = grid.addColumn(row -> ContentLabels.audiences(this, row.audiences()))
                .setKey("audiences")
                .setHeader(getTranslation("cms.content.field.audiences"))
                .setWidth("10rem")
                .setFlexGrow(2);
        Grid.Column<ItemRow> languages = grid.addColumn(row -> row.languages().stream()
                        .map(l -> l.code().toUpperCase(java.util.Locale.ROOT))
                        .reduce((a, b) -> a + " · " + b)
                        .orElse(""))
                .setKey("languages")
                .setHeader(getTranslation("cms.content.field.languages"))
                .setWidth("6rem")
                .setFlexGrow(0);
        Grid.Column<ItemRow> published = grid.addColumn(
                        row -> row.publishedAt() == null ? "" : Format.dateTime(row.publishedAt()))
                .setKey("published")
                .setHeader(getTranslation("cms.content.field.published-at"))
                .setWidth("9rem")
                .setFlexGrow(0);
        grid.addColumn(row -> Format.dateTime(row.updatedAt()))
                .setKey("updated")
                .setHeader(getTranslation("cms.content.field.updated-at"))
                .setWidth("9rem")
                .setFlexGrow(0);
        NarrowScreens.hideColumnsBelow(grid, 1000, List.of(kindColumn, audiencesColumn, languages, published));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addItemClickListener(event -> getUI().ifPresent(ui ->
                ui.navigate(ContentEditorView.existing(event.getItem().id()))));
    }

    ItemFilter filter() {
        return new ItemFilter(kind.getValue(), status.getValue(), audience.getValue(), search.text());
    }

    private ContentLanguage language() {
        return ContentLanguage.of(getLocale());
    }

    void reload() {
        ItemFilter filter = filter();
        ContentLanguage language = language();
        grid.setItems(query -> content.list(filter, language, query.getOffset(), query.getLimit()).stream(), query ->
                (int) Math.min(Integer.MAX_VALUE, content.count(filter)));
        count.setText(getTranslation("cms.content.list.count", Format.integer(content.count(filter))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cms.content.title");
    }
}
