package com.nexo.articles.ui;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.counts.CountLine;
import com.nexo.articles.counts.CountLineFilter;
import com.nexo.articles.counts.CountListService;
import com.nexo.articles.counts.StockCountService;
import com.nexo.articles.counts.StockCountSummary;
import com.nexo.base.Ids;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.QuickSearchField;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.value.ValueChangeMode;
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
 * Entering a stock count on a tablet: scan or type an article's code or barcode to jump to its line,
 * type what is on the shelf (saved as soon as the field is left), review the differences, and post
 * them as adjustments. A posted or cancelled count opens read-only.
 */
@Route("stock/counts/:countId")
@RolesAllowed(ArticlePermissions.STOCK_COUNT)
public class StockCountView extends Main implements BeforeEnterObserver, HasDynamicTitle, CountLinesGrid.Host {

    private static final String PARAMETER = "countId";

    private final transient StockCountService counts;
    private final transient CountListService lists;
    private StockCountSummary count;
    /** The code prefix or barcode the lines are narrowed to; empty for all. */
    private String lineSearch = "";

    private final H2 title = new H2();
    private final Div status = new Div();
    private final Paragraph figures = new Paragraph();
    private final Paragraph reviewSummary = new Paragraph();
    final QuickSearchField scan;
    final Button review = new Button();
    final Button post = new Button();
    final Button cancel = new Button();
    final CountLinesGrid lines;

    StockCountView(StockCountService counts, CountListService lists) {
        this.counts = counts;
        this.lists = lists;
        this.lines = new CountLinesGrid(counts, lists, this);
        addClassNames("list-view", "stock-count-view");

        RouterLink back = new RouterLink(getTranslation("stock.count.back"), StockCountsView.class);
        back.addClassName("detail-back");
        status.addClassName("count-state");
        figures.addClassName("count-figures");

        post.setText(getTranslation("stock.count.post"));
        post.setIcon(VaadinIcon.CHECK.create());
        post.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        post.addClickListener(click -> confirmPost());
        // Counting and posting are separate permissions: a counter sees the button, disabled.
        post.setEnabled(CurrentUser.can(ArticlePermissions.STOCK_POST));
        cancel.setText(getTranslation("stock.count.cancel"));
        cancel.setIcon(VaadinIcon.CLOSE_SMALL.create());
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(click -> confirmCancel());
        Div actions = new Div(cancel, post);
        actions.addClassName("list-actions");
        Div header = new Div(new Div(title, status, figures), actions);
        header.addClassName("count-header");

        scan = new QuickSearchField(getTranslation("stock.count.scan"));
        scan.setPrefixComponent(VaadinIcon.BARCODE.create());
        scan.setHelperText(getTranslation("stock.count.scan-help"));
        scan.addClassName("count-scan");
        scan.setAutoselect(true);
        // A scanner types the code and presses Enter: one look-up per code, not one per digit.
        scan.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        scan.addValueChangeListener(change -> scanned(scan.text()));
        review.setIcon(VaadinIcon.FILTER.create());
        review.addClassName("count-review");
        review.addClickListener(click -> setReviewing(!reviewing()));
        Div toolbar = new Div(scan, review);
        toolbar.addClassName("list-toolbar");
        reviewSummary.addClassName("count-review-summary");

        setReviewing(false);
        add(back, header, toolbar, reviewSummary, lines);
    }

    static RouteParameters parameters(UUID countId) {
        return new RouteParameters(PARAMETER, countId.toString());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<StockCountSummary> found =
                event.getRouteParameters().get(PARAMETER).flatMap(Ids::parse).flatMap(lists::count);
        if (found.isEmpty()) {
            // Not there, or another tenant's: the same answer, which gives nothing away.
            event.rerouteToError(NotFoundException.class);
            return;
        }
        show(found.get());
    }

    void scanned(String text) {
        lineSearch = "";
        if (text.isEmpty()) {
            showLines();
            return;
        }
        Optional<CountLine> line = lists.findLine(count.id(), text);
        if (line.isEmpty() && lists.countLines(count.id(), CountLineFilter.ALL, text) > 0) {
            // Part of a code: the lines it begins.
            lineSearch = text;
            showLines();
            return;
        }
        if (line.isEmpty() && count.isOpen()) {
            try {
                line = counts.addScanned(count.id(), text);
            } catch (ArticleRuleException e) {
                Notices.error(getTranslation(e.messageKey(), e.arguments()));
                reload();
                return;
            }
            line.ifPresent(added -> {
                Notices.success(getTranslation("stock.count.added", added.articleCode()));
                refreshFigures();
            });
        }
        if (line.isEmpty()) {
            Notices.error(getTranslation("stock.count.not-found", text));
            showLines();
            return;
        }
        // Jump to the line: all lines (it may have no difference), narrowed to its code.
        lineSearch = line.get().articleCode();
        lines.focusOnRender(line.get().articleId());
        setReviewing(false);
    }

    private void showLines() {
        lines.show(count, filter(), lineSearch);
    }

    @Override
    public void saved() {
        refreshFigures();
    }

    @Override
    public void closed() {
        reload();
    }

    @Override
    public void nextScan() {
        scan.focus();
    }

    boolean reviewing() {
        return review.hasClassName("count-reviewing");
    }

    void setReviewing(boolean on) {
        review.setClassName("count-reviewing", on);
        review.getElement().setAttribute("aria-pressed", Boolean.toString(on));
        review.setText(on ? getTranslation("stock.count.show-all") : getTranslation("stock.count.review"));
        if (on) {
            review.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        } else {
            review.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        showLines();
        renderReviewSummary();
    }

    private CountLineFilter filter() {
        return reviewing() ? CountLineFilter.REVIEW : CountLineFilter.ALL;
    }

    private void show(StockCountSummary shown) {
        this.count = shown;
        title.setText(getTranslation("stock.count.title", shown.warehouseCode() + " · " + shown.warehouseName()));
        status.removeAll();
        String started = getTranslation(
                "stock.count.started-by",
                shown.startedByName() == null ? "" : shown.startedByName(),
                Format.dateTime(shown.startedAt()));
        status.add(
                StockCountLabels.status(this, shown.status()),
                new Span(StockCountLabels.scope(this, shown, getLocale())));
        Span startedText = new Span(started);
        startedText.addClassName("secondary");
        status.add(startedText);
        if (StockCountSummary.POSTED.equals(shown.status())) {
            status.add(new Span(getTranslation("stock.count.posted-at", Format.dateTime(shown.postedAt()))));
        } else if (StockCountSummary.CANCELLED.equals(shown.status())) {
            status.add(new Span(getTranslation("stock.count.cancelled-note")));
        }
        post.setVisible(shown.isOpen());
        cancel.setVisible(shown.isOpen());
        renderFigures();
        showLines();
    }

    private void reload() {
        lists.count(count.id()).ifPresent(this::show);
    }

    private void refreshFigures() {
        lists.count(count.id()).ifPresent(fresh -> {
            count = fresh;
            renderFigures();
        });
    }

    private void renderFigures() {
        figures.setText(getTranslation(
                "stock.count.figures",
                Format.integer(count.lines()),
                Format.integer(count.counted()),
                Format.integer(count.uncounted()),
                Format.integer(count.differences())));
        renderReviewSummary();
    }

    private void renderReviewSummary() {
        reviewSummary.setVisible(count != null && reviewing());
        if (count != null) {
            reviewSummary.setText(getTranslation(
                    "stock.count.review-summary",
                    Format.integer(count.differences()),
                    Format.integer(count.uncounted())));
        }
    }

    void confirmPost() {
        refreshFigures();
        CountClosing.confirmPost(this, counts, count, this::reload);
    }

    void confirmCancel() {
        CountClosing.confirmCancel(this, counts, count, this::reload);
    }

    @Override
    public String getPageTitle() {
        return count == null
                ? getTranslation("stock.count.list.title")
                : getTranslation("stock.count.title", count.warehouseCode());
    }
}
