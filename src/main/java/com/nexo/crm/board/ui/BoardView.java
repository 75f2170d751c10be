package com.nexo.crm.board.ui;

import com.nexo.accounts.AccountDirectory;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.Initials;
import com.nexo.base.ui.QuickSearchField;
import com.nexo.crm.CrmPermissions;
import com.nexo.crm.board.Board;
import com.nexo.crm.board.BoardColumn;
import com.nexo.crm.board.BoardService;
import com.nexo.crm.board.ColumnTotals;
import com.nexo.crm.opportunities.OpportunityFilter;
import com.nexo.crm.opportunities.OpportunityRow;
import com.nexo.crm.opportunities.OpportunityRuleException;
import com.nexo.crm.opportunities.OpportunityService;
import com.nexo.crm.opportunities.ui.CrmNotices;
import com.nexo.crm.opportunities.ui.LostDialog;
import com.nexo.crm.opportunities.ui.NewOpportunityDialog;
import com.nexo.crm.pipelines.PipelineRow;
import com.nexo.crm.pipelines.PipelineService;
import com.nexo.crm.pipelines.StageRow;
import com.nexo.security.CurrentUser;
import com.nexo.security.UserDirectory;
import com.nexo.security.UserDirectory.UserName;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropEffect;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.dnd.EffectAllowed;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The kanban board of a pipeline: one column per active stage with its count and expected revenue,
 * cards soonest close first, more cards per column on demand, and cards dragged from one column to
 * another with Vaadin's own drag and drop (the move is saved, then both columns' totals are read
 * again; a refused move says why and shows the board as it now is). Filters: pipeline, owner, close
 * dates and a search over titles and account names.
 */
@Route("crm/board")
@RolesAllowed(CrmPermissions.READ)
@Menu(title = "menu.crm-board", order = 15.0, icon = "vaadin:grid-big-o")
@StyleSheet("styles/crm.css")
public class BoardView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    /** Cards a column shows at first and adds per "more". */
    static final int CARDS = 20;

    private static final Comparator<OpportunityRow> BOARD_ORDER =
            Comparator.comparing(OpportunityRow::expectedClose).thenComparing(OpportunityRow::id);

    private final transient BoardService boards;
    private final transient OpportunityService opportunities;
    private final transient PipelineService pipelines;
    private final transient AccountDirectory accounts;
    private final transient UserDirectory users;

    final ComboBox<PipelineRow> pipeline = new ComboBox<>();
    final ComboBox<UserName> owner = new ComboBox<>();
    final DatePicker closeFrom = new DatePicker();
    final DatePicker closeTo = new DatePicker();
    final QuickSearchField search;
    final Button create = new Button();
    final Div columns = new Div();
    final Paragraph empty = new Paragraph();

    public BoardView(
            BoardService boards,
            OpportunityService opportunities,
            PipelineService pipelines,
            AccountDirectory accounts,
            UserDirectory users) {
        this.boards = boards;
        this.opportunities = opportunities;
        this.pipelines = pipelines;
        this.accounts = accounts;
        this.users = users;
        addClassNames("list-view", "crm-board-view");
        search = new QuickSearchField(getTranslation("crm.board.search"));
        search.addValueChangeListener(event -> reload());

        pipeline.setLabel(getTranslation("crm.board.pipeline"));
        pipeline.setItemLabelGenerator(PipelineRow::name);
        List<PipelineRow> active = pipelines.activePipelines();
        pipeline.setItems(active);
        pipeline.addClassName("crm-pipeline-filter");
        owner.setLabel(getTranslation("crm.board.owner"));
        owner.setItems(users.activeEmployees());
        owner.setItemLabelGenerator(UserName::displayName);
        owner.setClearButtonVisible(true);
        closeFrom.setLabel(getTranslation("crm.board.close-from"));
        closeTo.setLabel(getTranslation("crm.board.close-to"));
        closeFrom.setClearButtonVisible(true);
        closeTo.setClearButtonVisible(true);
        create.setText(getTranslation("crm.opportunity.new"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(CurrentUser.can(CrmPermissions.CREATE) && !active.isEmpty());
        create.addClickListener(click -> openNew());

        Div toolbar = new Div(pipeline, owner, closeFrom, closeTo, search, create);
        toolbar.addClassNames("list-toolbar", "crm-board-toolbar");
        columns.addClassName("crm-board");
        empty.addClassName("crm-board-empty");
        empty.setVisible(false);
        add(new H2(getTranslation("crm.board.title")), toolbar, empty, columns);

        if (active.isEmpty()) {
            showNoPipeline();
        } else {
            pipeline.setValue(active.getFirst());
        }
        pipeline.addValueChangeListener(event -> reload());
        owner.addValueChangeListener(event -> reload());
        closeFrom.addValueChangeListener(event -> reload());
        closeTo.addValueChangeListener(event -> reload());
        reload();
    }

    /** {@code crm/board?pipeline=<id>} opens the board of that pipeline (a link from elsewhere). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation()
                .getQueryParameters()
                .getSingleParameter("pipeline")
                .flatMap(com.nexo.base.Ids::parse)
                .flatMap(id -> pipelines.activePipelines().stream()
                        .filter(p -> p.id().equals(id))
                        .findFirst())
                .ifPresent(pipeline::setValue);
    }

    private void showNoPipeline() {
        empty.setText(getTranslation("crm.board.no-pipeline"));
        empty.setVisible(true);
        if (CurrentUser.can(CrmPermissions.SETTINGS)) {
            empty.add(new Span(" "), new Anchor("crm/settings", getTranslation("crm.board.to-settings")));
        }
    }

    OpportunityFilter filter() {
        return new OpportunityFilter(
                pipeline.getValue() == null ? null : pipeline.getValue().id(),
                owner.getValue() == null ? null : owner.getValue().id(),
                closeFrom.getValue(),
                closeTo.getValue(),
                null,
                search.text());
    }

    /** Reads the whole board again (filters changed, or a move was refused). */
    void reload() {
        columns.removeAll();
        if (pipeline.getValue() == null) {
            return;
        }
        Board board = boards.board(filter(), CARDS);
        for (BoardColumn column : board.columns()) {
            columns.add(new StageColumn(column));
        }
    }

    List<StageColumn> stageColumns() {
        return columns.getChildren()
                .filter(StageColumn.class::isInstance)
                .map(StageColumn.class::cast)
                .toList();
    }

    /** Saves the move of {@code card} into {@code target}, then shows it there with fresh totals. */
    void moveCard(BoardCard card, StageColumn target) {
        StageColumn from = card.column();
        if (from == target) {
            return;
        }
        long version;
        try {
            version = opportunities.moveToStage(card.row.id(), target.stage.id(), card.row.version());
        } catch (OpportunityRuleException e) {
            CrmNotices.refused(this, e);
            reload();
            return;
        }
        card.row = card.row.movedTo(target.stage.id(), target.stage.probability(), version);
        from.cards.remove(card);
        target.insert(card);
        refreshTotals();
    }

    void refreshTotals() {
        Map<UUID, ColumnTotals> totals = boards.totals(filter());
        for (StageColumn column : stageColumns()) {
            column.setTotals(totals.getOrDefault(column.stage.id(), ColumnTotals.NONE));
        }
    }

    private void openNew() {
        List<StageColumn> shown = stageColumns();
        if (pipeline.getValue() == null || shown.isEmpty()) {
            return;
        }
        new NewOpportunityDialog(
                        opportunities,
                        accounts,
                        pipelines,
                        users,
                        pipeline.getValue().id(),
                        shown.getFirst().stage.id(),
                        id -> reload())
                .open();
    }

    void win(BoardCard card) {
        try {
            opportunities.win(card.row.id(), card.row.version());
        } catch (OpportunityRuleException e) {
            CrmNotices.refused(this, e);
            reload();
            return;
        }
        card.column().cards.remove(card);
        refreshTotals();
        com.nexo.base.ui.Notices.success(getTranslation("crm.opportunity.won-notice", card.row.title()));
    }

    LostDialog lose(BoardCard card) {
        LostDialog dialog = new LostDialog(
                opportunities, pipelines, card.row.id(), card.row.version(), card.row.title(), this::reload);
        dialog.open();
        return dialog;
    }

    /** A column: the stage's header with its totals, its cards, and "more" while cards are left. */
    final class StageColumn extends Div {

        final StageRow stage;
        final Span count = new Span();
        final Span amount = new Span();
        final Span expected = new Span();
        final Div cards = new Div();
        final Button more = new Button();
        private PageCursor next;

        StageColumn(BoardColumn column) {
            this.stage = column.stage();
            this.next = column.next();
            addClassName("crm-column");
            getElement().setAttribute("data-stage", stage.name());
            H3 name = new H3(stage.name());
            name.addClassName("crm-column-name");
            count.addClassNames("crm-column-count");
            count.getElement().getThemeList().add("badge pill contrast");
            amount.addClassName("crm-column-amount");
            expected.addClassName("crm-column-expected");
            Div title = new Div(name, count);
            title.addClassName("crm-column-title");
            Div header = new Div(title, expected, amount);
            header.addClassName("crm-column-header");
            cards.addClassName("crm-column-cards");
            column.cards().forEach(row -> cards.add(new BoardCard(row)));
            more.setText(getTranslation("crm.board.more"));
            more.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            more.addClassName("crm-column-more");
            more.addClickListener(click -> loadMore());
            more.setVisible(next != null);
            add(header, cards, more);
            setTotals(column.totals());
            DropTarget<StageColumn> target = DropTarget.create(this);
            target.setDropEffect(DropEffect.MOVE);
            target.addDropListener(drop -> drop.getDragSourceComponent().ifPresent(source -> {
                if (source instanceof BoardCard card) {
                    moveCard(card, this);
                }
            }));
        }

        void setTotals(ColumnTotals totals) {
            count.setText(Format.integer(totals.count()));
            expected.setText(getTranslation("crm.board.expected", Format.money(totals.expected(), "EUR")));
            amount.setText(getTranslation("crm.board.amount", Format.money(totals.amount(), "EUR")));
        }

        void loadMore() {
            if (next == null) {
                return;
            }
            Page<OpportunityRow> page = boards.column(stage.id(), filter(), next, CARDS);
            page.rows().forEach(row -> cards.add(new BoardCard(row)));
            next = page.next();
            more.setVisible(next != null);
        }

        /** Puts a moved card where the column's order puts it among the cards shown. */
        void insert(BoardCard card) {
            List<BoardCard> shown = cardList();
            int index = 0;
            while (index < shown.size() && BOARD_ORDER.compare(shown.get(index).row, card.row) < 0) {
                index++;
            }
            if (index == shown.size() && next != null) {
                // It sorts after the cards loaded so far: "more" will bring it.
                card.removeFromParent();
                return;
            }
            cards.addComponentAtIndex(index, card);
        }

        List<BoardCard> cardList() {
            return cards.getChildren()
                    .filter(BoardCard.class::isInstance)
                    .map(BoardCard.class::cast)
                    .toList();
        }
    }

    /** A card: title (a link to the opportunity), account, amount, close date, owner's initials. */
    final class BoardCard extends Div {

        OpportunityRow row;

        BoardCard(OpportunityRow row) {
            this.row = row;
            addClassName("crm-card");
            getElement().setAttribute("data-title", row.title());
            Anchor title = new Anchor("crm/opportunities/" + row.id(), row.title());
            title.addClassName("crm-card-title");
            Span account = new Span(row.accountName() == null ? "" : row.accountName());
            account.addClassName("crm-card-account");
            Span amount = new Span(Format.money(row.amount(), row.currency()));
            amount.addClassName("crm-card-amount");
            Span close = new Span(Format.date(row.expectedClose()));
            close.addClassName("crm-card-close");
            Span initials = new Span(row.ownerName() == null ? "–" : Initials.of(row.ownerName()));
            initials.addClassName("crm-card-owner");
            initials.getElement().setAttribute("title", row.ownerName() == null ? "" : row.ownerName());
            Div meta = new Div(amount, close, initials);
            meta.addClassName("crm-card-meta");
            Div top = new Div(title);
            top.addClassName("crm-card-top");
            if (CurrentUser.can(CrmPermissions.EDIT)) {
                top.add(actions());
            }
            add(top, account, meta);
            // The title is a link: a drag that starts on it must drag the card, not the link.
            title.getElement().setAttribute("draggable", "false");
            DragSource<BoardCard> source = DragSource.create(this);
            source.setEffectAllowed(EffectAllowed.MOVE);
        }

        private Component actions() {
            MenuBar menu = new MenuBar();
            menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_ICON);
            menu.addClassName("crm-card-actions");
            MenuItem root = menu.addItem(VaadinIcon.ELLIPSIS_DOTS_V.create());
            root.getElement().setAttribute("aria-label", getTranslation("crm.board.card-actions"));
            root.getSubMenu()
                    .addItem(
                            getTranslation("crm.board.open"),
                            click -> UI.getCurrent().navigate("crm/opportunities/" + row.id()));
            root.getSubMenu().addItem(getTranslation("crm.board.win"), click -> win(this));
            root.getSubMenu().addItem(getTranslation("crm.board.lose"), click -> lose(this));
            return menu;
        }

        StageColumn column() {
            return (StageColumn) getParent().flatMap(Component::getParent).orElseThrow();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("crm.board.title");
    }

    static List<String> titles(StageColumn column) {
        List<String> titles = new ArrayList<>();
        column.cardList().forEach(card -> titles.add(card.row.title()));
        return titles;
    }
}
