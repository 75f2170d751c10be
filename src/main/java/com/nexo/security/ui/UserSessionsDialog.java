package com.nexo.security.ui;

import com.nexo.base.ui.Format;
import com.nexo.security.AccessRuleException;
import com.nexo.security.sessions.SessionService;
import com.nexo.security.sessions.SessionService.ActiveSession;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.UUID;

/**
 * A user's active sessions on every server node, with where and since when, and buttons to end one
 * or all of them. Ending takes effect on the node serving the session at once.
 */
class UserSessionsDialog extends Dialog {

    private final transient SessionService sessions;
    private final UUID userId;
    private final String email;
    private final Grid<ActiveSession> grid = new Grid<>();
    private final Button endAll = new Button();

    UserSessionsDialog(SessionService sessions, UUID userId, String email) {
        this.sessions = sessions;
        this.userId = userId;
        this.email = email;
        setHeaderTitle(getTranslation("sessions.title", email));
        setWidth("60rem");
        setMaxWidth("100%");

        grid.addClassName("sessions-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addComponentColumn(this::browser)
                .setKey("browser")
                .setHeader(getTranslation("sessions.column.browser"))
                .setFlexGrow(2);
        grid.addColumn(ActiveSession::clientAddress)
                .setKey("address")
                .setHeader(getTranslation("sessions.column.address"))
                .setAutoWidth(true);
        grid.addColumn(ActiveSession::node)
                .setKey("node")
                .setHeader(getTranslation("sessions.column.node"))
                .setAutoWidth(true);
        grid.addColumn(session -> Format.dateTime(session.startedAt()))
                .setHeader(getTranslation("sessions.column.started"))
                .setAutoWidth(true);
        grid.addColumn(session -> Format.dateTime(session.lastAccessAt()))
                .setHeader(getTranslation("sessions.column.last-access"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::endButton)
                .setKey("end")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("sessions.empty"));
        grid.setAllRowsVisible(true);
        add(grid);

        endAll.setText(getTranslation("sessions.end-all"));
        endAll.addThemeVariants(ButtonVariant.LUMO_ERROR);
        endAll.addClickListener(click -> endAll());
        Button close = new Button(getTranslation("sessions.close"), click -> close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(endAll, close);
        refresh();
    }

    private Component browser(ActiveSession session) {
        Div cell = new Div(new Span(session.browser()));
        cell.addClassName("session-browser");
        if (session.current()) {
            Badge current = new Badge(getTranslation("sessions.current"));
            current.addThemeVariants(BadgeVariant.SMALL);
            cell.add(current);
        }
        return cell;
    }

    private Component endButton(ActiveSession session) {
        Button end = new Button(getTranslation("sessions.end"), click -> end(session));
        end.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        end.setAriaLabel(getTranslation("sessions.end") + " " + session.browser());
        return end;
    }

    private void end(ActiveSession session) {
        try {
            sessions.endSession(userId, session.id());
        } catch (AccessRuleException e) {
            Feedback.notify(this, e);
            return;
        }
        Feedback.success(getTranslation("sessions.ended"));
        refresh();
    }

    private void endAll() {
        try {
            sessions.endAllSessions(userId);
        } catch (AccessRuleException e) {
            Feedback.notify(this, e);
            return;
        }
        Feedback.success(getTranslation("sessions.ended-all", email));
        refresh();
    }

    private void refresh() {
        List<ActiveSession> found;
        try {
            found = sessions.listSessions(userId);
        } catch (AccessRuleException e) {
            Feedback.notify(this, e);
            found = List.of();
        }
        grid.setItems(found);
        endAll.setEnabled(found.stream().anyMatch(session -> !session.current()));
    }
}
