package com.nexo.support.ui;

import com.nexo.accounts.AccountDirectory;
import com.nexo.base.paging.Page;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.GridCells;
import com.nexo.base.ui.PagedList;
import com.nexo.base.ui.QuickSearchField;
import com.nexo.support.RequestState;
import com.nexo.support.Requester;
import com.nexo.support.SupportPermissions;
import com.nexo.support.requests.RequestDesk;
import com.nexo.support.requests.RequestFilter;
import com.nexo.support.requests.RequestRoutes;
import com.nexo.support.requests.RequestRow;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.Map;

/**
 * Requests from the portals (clients', suppliers' and professionals') in the back office, latest
 * activity first, read a page at a time and filtered by state, kind of requester, account and words of
 * the subject. Account names are read once per page.
 */
@Route(RequestRoutes.DESK)
@RolesAllowed(SupportPermissions.READ)
@Menu(title = "support.menu.desk", order = 12, icon = "vaadin:comments-o")
public class RequestListView extends Main implements HasDynamicTitle {

    private final transient RequestDesk desk;
    final Select<RequestState> state = new Select<>();
    final Select<Requester> requester = new Select<>();
    final ComboBox<AccountDirectory.AccountName> account = new ComboBox<>();
    final QuickSearchField search;
    final Grid<RequestRow> grid = new Grid<>();
    private final PagedList<RequestRow, RequestFilter> list;
    /** Names of the accounts of the pages read so far. */
    private final Map<java.util.UUID, String> accountNames = new HashMap<>();

    public RequestListView(RequestDesk desk) {
        this.desk = desk;
        addClassNames("list-view", "support-requests");
        search = new QuickSearchField(getTranslation("support.list.search"));
        SupportLabels.filter(
                state,
                getTranslation("support.list.state"),
                getTranslation("support.list.any-state"),
                value -> SupportLabels.state(this, value),
                RequestState.values());
        SupportLabels.filter(
                requester,
                getTranslation("support.list.requester"),
                getTranslation("support.list.any-requester"),
                value -> SupportLabels.requester(this, value),
                Requester.values());
        account.setLabel(getTranslation("support.list.account"));
        account.setClearButtonVisible(true);
        account.setItemLabelGenerator(AccountDirectory.AccountName::name);
        account.setItems(query ->
                desk.accountsMatching(query.getFilter().orElse(""), query.getOffset() + query.getLimit()).stream()
                        .skip(query.getOffset()));

        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(row -> GridCells.twoLines(row.subject(), SupportLabels.category(this, row.category())))
                .setHeader(getTranslation("support.list.subject"))
                .setFlexGrow(3);
        grid.addComponentColumn(row -> GridCells.twoLines(
                        accountNames.getOrDefault(row.partyId(), ""),
                        getTranslation(
                                "support.list.opened-by",
                                SupportLabels.requester(this, row.requester()),
                                row.openedByName())))
                .setHeader(getTranslation("support.list.account"))
                .setFlexGrow(2);
        grid.addComponentColumn(row -> SupportLabels.stateBadge(this, row.state()))
                .setHeader(getTranslation("support.list.state"))
                .setAutoWidth(true);
        grid.addColumn(row -> Format.dateTime(row.lastMessageAt()))
                .setHeader(getTranslation("support.list.last-activity"))
                .setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("support.list.empty"));
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(
                RequestView.class,
                new RouteParameters("id", click.getItem().id().toString()))));
        list = PagedList.bind(grid, orders -> currentFilter(), (filter, after, limit) -> {
            Page<RequestRow> page = desk.page(filter, after, limit);
            accountNames.putAll(desk.accountNames(
                    page.rows().stream().map(RequestRow::partyId).toList()));
            return page;
        });
        state.addValueChangeListener(change -> list.refresh());
        requester.addValueChangeListener(change -> list.refresh());
        account.addValueChangeListener(change -> list.refresh());
        search.addValueChangeListener(change -> list.refresh());

        Div toolbar = new Div(search, state, requester, account);
        toolbar.addClassName("list-toolbar");
        add(new H2(getTranslation("support.desk.title")), toolbar, grid);
        setSizeFull();
    }

    private RequestFilter currentFilter() {
        return new RequestFilter(
                state.getValue(),
                requester.getValue(),
                account.getValue() == null ? null : account.getValue().id(),
                search.getValue());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("support.desk.title");
    }
}
