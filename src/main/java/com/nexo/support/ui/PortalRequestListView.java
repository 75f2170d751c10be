package com.nexo.support.ui;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.GridCells;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.PagedList;
import com.nexo.security.Roles;
import com.nexo.support.RequestState;
import com.nexo.support.requests.PortalRequests;
import com.nexo.support.requests.RequestRoutes;
import com.nexo.support.requests.RequestRow;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * The portal actor's requests (a client's, a supplier's or a professional's), latest activity first, read a page at a time; a request with
 * an answer not yet opened is marked. Opens a request, or starts a new one.
 */
@Route(RequestRoutes.PORTAL)
@RolesAllowed({Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
@Menu(title = "support.menu.portal", order = 50.0, icon = "vaadin:comments-o")
public class PortalRequestListView extends Main implements HasDynamicTitle {

    final Select<RequestState> state = new Select<>();
    final Button create = new Button();
    final Grid<RequestRow> grid = new Grid<>();
    private final PagedList<RequestRow, RequestState> list;

    public PortalRequestListView(PortalRequests requests) {
        addClassNames("list-view", "support-client-requests");
        SupportLabels.filter(
                state,
                getTranslation("support.list.state"),
                getTranslation("support.list.any-state"),
                value -> SupportLabels.state(this, value),
                RequestState.values());
        create.setText(getTranslation("support.portal.new"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> getUI().ifPresent(ui -> ui.navigate(NewPortalRequestView.class)));

        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(row -> {
                    Div cell = GridCells.twoLines(row.subject(), SupportLabels.category(this, row.category()));
                    if (row.unreadByClient()) {
                        cell.addClassName("support-unread");
                    }
                    return cell;
                })
                .setHeader(getTranslation("support.list.subject"))
                .setFlexGrow(3);
        grid.addComponentColumn(row -> SupportLabels.stateBadge(this, row.state()))
                .setHeader(getTranslation("support.list.state"))
                .setAutoWidth(true);
        Grid.Column<RequestRow> lastActivity = grid.addColumn(row -> Format.dateTime(row.lastMessageAt()))
                .setHeader(getTranslation("support.list.last-activity"))
                .setAutoWidth(true);
        // A phone keeps the subject and the state (the list is in order of last activity anyway).
        NarrowScreens.hideColumnsBelow(grid, 480, List.of(lastActivity));
        grid.setEmptyStateText(getTranslation("support.portal.empty"));
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(
                PortalRequestView.class,
                new RouteParameters("id", click.getItem().id().toString()))));
        list = PagedList.bind(
                grid, orders -> state.getValue(), (filter, after, limit) -> requests.page(filter, after, limit));
        state.addValueChangeListener(change -> list.refresh());

        Div toolbar = new Div(state, create);
        toolbar.addClassName("list-toolbar");
        add(toolbar, grid);
        setSizeFull();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("support.portal.title");
    }
}
