package com.nexo.security.ui;

import com.nexo.base.paging.CountEstimate;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.PagedList;
import com.nexo.security.AccessPermissions;
import com.nexo.security.events.SecurityEventList;
import com.nexo.security.events.SecurityEventList.EventQuery;
import com.nexo.security.events.SecurityEventList.SecurityEvent;
import com.nexo.security.events.SecurityEventType;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** The tenant's security log, newest first: logins, lock-outs, and changes to users and roles. */
@Route("admin/security-events")
@RolesAllowed(AccessPermissions.SECURITY_EVENTS_READ)
@Menu(title = "menu.admin-security-events", order = 92, icon = "vaadin:shield")
public class SecurityEventsView extends Main implements HasDynamicTitle {

    private final Select<SecurityEventType> type = new Select<>();
    private final Span count = new Span();
    private final Grid<SecurityEvent> grid = new Grid<>();
    private final transient SecurityEventList events;
    private final PagedList<SecurityEvent, EventQuery> rows;

    SecurityEventsView(SecurityEventList events) {
        this.events = events;
        addClassName("list-view");
        count.addClassName("list-count");

        type.setAriaLabel(getTranslation("security-events.filter"));
        type.setItems(SecurityEventType.values());
        // The empty choice comes through the generator too, as null.
        type.setItemLabelGenerator(
                eventType -> eventType == null ? getTranslation("security-events.filter.all") : typeName(eventType));
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption(getTranslation("security-events.filter.all"));
        type.addValueChangeListener(change -> refresh());
        type.addClassName("list-search");
        Div toolbar = new Div(type);
        toolbar.addClassName("list-toolbar");

        grid.addClassName("list-grid");
        // Names, e-mails and details wrap instead of being cut: the log is read, not scanned.
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(event -> Format.dateTimeWithSeconds(event.occurredAt()))
                .setHeader(getTranslation("security-events.column.time"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(event -> typeName(event.type()))
                .setHeader(getTranslation("security-events.column.event"))
                .setWidth("10rem")
                .setFlexGrow(1);
        grid.addComponentColumn(event -> Cells.twoLines(event.userName(), event.email()))
                .setKey("user")
                .setHeader(getTranslation("security-events.column.user"))
                .setWidth("12rem")
                .setFlexGrow(2);
        Grid.Column<SecurityEvent> actor = grid.addColumn(SecurityEvent::actorName)
                .setKey("actor")
                .setHeader(getTranslation("security-events.column.actor"))
                .setWidth("9rem")
                .setFlexGrow(1);
        Grid.Column<SecurityEvent> address = grid.addColumn(SecurityEvent::address)
                .setKey("address")
                .setHeader(getTranslation("security-events.column.address"))
                .setTooltipGenerator(SecurityEvent::userAgent)
                .setWidth("8rem")
                .setFlexGrow(0);
        grid.addColumn(SecurityEvent::details)
                .setHeader(getTranslation("security-events.column.details"))
                .setTooltipGenerator(SecurityEvent::details)
                .setWidth("10rem")
                .setFlexGrow(2);
        // Who acted and from where are shown from 1200 px: narrower, the menu beside the list leaves
        // too little room, and when, what, whom and the details matter most.
        NarrowScreens.hideColumnsBelow(grid, 1200, List.of(actor, address));
        grid.setEmptyStateText(getTranslation("security-events.empty"));
        // Newest first, a page at a time by key; no count per scroll.
        rows = PagedList.bind(grid, orders -> new EventQuery(type.getValue(), null), events::page);

        add(toolbar, count, grid);
        refresh();
    }

    /** The filter changed: the log from its newest event, and its count. */
    private void refresh() {
        CountEstimate estimate = events.count(new EventQuery(type.getValue(), null));
        count.setText(
                estimate.exact()
                        ? getTranslation(
                                "security-events.list.count", Format.integer(estimate.value()), estimate.value())
                        : getTranslation(
                                "security-events.list.count-estimated",
                                Format.integer(estimate.exactLimit()),
                                Format.integer(estimate.value())));
        if (rows != null) {
            rows.refresh();
        }
    }

    private String typeName(SecurityEventType eventType) {
        return getTranslation("security-event." + eventType.name());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("security-events.title");
    }
}
