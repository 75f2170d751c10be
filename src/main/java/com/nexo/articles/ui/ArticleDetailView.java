package com.nexo.articles.ui;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.catalogue.ArticleForm;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.pages.ArticlePage;
import com.nexo.articles.pages.ArticlePageService;
import com.nexo.articles.stock.BalanceRow;
import com.nexo.articles.stock.CostChange;
import com.nexo.articles.stock.MovementRow;
import com.nexo.articles.stock.StockListService;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.units.UnitService;
import com.nexo.base.Ids;
import com.nexo.base.ui.DetailSections;
import com.nexo.base.ui.HistoryTimeline;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PageTitles;
import com.nexo.base.ui.RecordSection;
import com.nexo.base.ui.RecordSections;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import java.util.UUID;

/**
 * One article seen whole: its data in both languages, how its cost changed, its stock per warehouse with the movement
 * history (newest first, page by page), and the timeline of who changed what. Each render reads the
 * page once ({@link ArticlePageService#page}); the sections ({@link ArticleHeader},
 * {@link ArticleDataSection}, {@link ArticleCostSection}, {@link ArticleStockSection}) show their part of it. Only the actions
 * the user may take are offered; moving stock happens on the stock screen, one link away. Other
 * modules add sections of their own ({@link RecordSection}s of type {@link RecordSection#ARTICLE},
 * such as the article's suppliers), each read by its own service call, built once per article shown.
 */
@Route("articles/:articleId")
@RolesAllowed(ArticlePermissions.READ)
public class ArticleDetailView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String PARAMETER = "articleId";

    private final transient ArticlePageService pages;
    private ArticlePage page;

    private final ArticleHeader header;
    private final ArticleDataSection data = new ArticleDataSection();
    private final ArticleStockSection stockSection;
    private final ArticleCostSection costSection = new ArticleCostSection();
    final Grid<CostChange> costChanges = costSection.changes;
    final Grid<BalanceRow> balances;
    final Grid<MovementRow> movements;
    final HistoryTimeline timeline = new HistoryTimeline();
    private final transient RecordSections contributed;
    private final Div contributedSections = new Div();
    /** The article the contributed sections show, so that a reload of the page does not rebuild them. */
    private UUID contributedFor;

    ArticleDetailView(
            ArticlePageService pages,
            ArticleService articles,
            StockService stock,
            StockListService stockLists,
            UnitService units,
            CategoryService categories,
            RecordSections contributed) {
        this.pages = pages;
        this.contributed = contributed;
        addClassName("article-detail");
        header = new ArticleHeader(articles, units, categories, this::reload);
        stockSection = new ArticleStockSection(stock, stockLists);
        balances = stockSection.balances;
        movements = stockSection.movements;

        Section dataSection = DetailSections.section(getTranslation("articles.detail.data"), data);
        Section historySection = DetailSections.section(getTranslation("articles.detail.history"), timeline);
        historySection.addClassName("detail-history");
        contributedSections.addClassName("record-sections");
        Div main = new Div(dataSection, costSection, contributedSections);
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
            show(pages.page(id.get()));
        } catch (ArticleRuleException e) {
            // Not there, or another tenant's: the same answer, which gives nothing away.
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void show(ArticlePage shown) {
        this.page = shown;
        header.show(shown);
        data.show(shown);
        stockSection.show(shown);
        costSection.show(shown);
        timeline.setEntries(ArticleHistory.entries(this, shown.history(), names(shown)));
        if (!shown.id().equals(contributedFor)) {
            contributedFor = shown.id();
            contributedSections.removeAll();
            contributed
                    .render(this, RecordSection.ARTICLE, shown.id(), CurrentUser::can)
                    .forEach(contributedSections::add);
        }
    }

    private void reload() {
        try {
            show(pages.page(page.id()));
            PageTitles.refresh(this);
        } catch (ArticleRuleException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
            getUI().ifPresent(ui -> ui.navigate(ArticleListView.class));
        }
    }

    /** Names of what the history refers to by id, all read with the page. */
    private ArticleHistory.Names names(ArticlePage shown) {
        return new ArticleHistory.Names() {
            @Override
            public String category(UUID id) {
                var node = shown.categories().get(id);
                return node == null ? null : CategoryPicker.label(node, getLocale());
            }

            @Override
            public String unit(UUID id) {
                var unit = shown.units().get(id);
                return unit == null ? null : unit.label(getLocale());
            }

            @Override
            public String supplier(UUID id) {
                return shown.suppliers().get(id);
            }
        };
    }

    static String name(ArticleForm form, java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? form.nameEn() : form.nameEs();
    }

    @Override
    public String getPageTitle() {
        return page == null
                ? getTranslation("articles.title")
                : page.form().code() + " · " + name(page.form(), getLocale());
    }
}
