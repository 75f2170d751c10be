package com.nexo.base.notifications.ui;

import com.nexo.base.notifications.NotificationRow;
import com.nexo.base.notifications.NotificationService;
import com.nexo.base.notifications.NotificationSignals;
import com.nexo.base.ui.Format;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.UUID;

/**
 * The bell in the back office's header: the current user's unread notifications as a count on it, and
 * on a click the latest ones, newest first (unread in bold); opening one marks it read and goes where it
 * points. "Mark all read" and the choice to get them by e-mail too sit beside the list. It refreshes
 * when the user is notified (server push, on this node) and on every navigation.
 */
public class NotificationBell extends Div {

    private static final int SHOWN = 20;

    private final transient NotificationService notifications;
    private final transient NotificationSignals signals;
    private final UUID userId;
    final Button bell = new Button(VaadinIcon.BELL.create());
    final Span badge = new Span();
    Dialog dialog;
    private transient Runnable stopListening;
    private Registration navigation;

    public NotificationBell(NotificationService notifications, NotificationSignals signals, UUID userId) {
        this.notifications = notifications;
        this.signals = signals;
        this.userId = userId;
        addClassName("notification-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        bell.addClassName("notification-bell-button");
        bell.addClickListener(click -> open());
        badge.addClassName("notification-badge");
        badge.getElement().setAttribute("aria-hidden", "true");
        add(bell, badge);
        refresh();
    }

    /** Reads the unread count again. */
    public void refresh() {
        long unread = notifications.unreadCount();
        badge.setText(unread > 99 ? "99+" : Long.toString(unread));
        badge.setVisible(unread > 0);
        bell.setAriaLabel(getTranslation("notifications.bell", unread));
        bell.setTooltipText(getTranslation("notifications.bell", unread));
    }

    /** Opens the list of the latest notifications. */
    void open() {
        if (dialog != null) {
            dialog.close();
        }
        dialog = new Dialog();
        dialog.addClassName("notification-dialog");
        dialog.setHeaderTitle(getTranslation("notifications.title"));
        Div list = new Div();
        list.addClassName("notification-list");
        List<NotificationRow> rows = notifications.latest(SHOWN);
        if (rows.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("notifications.empty"));
            empty.addClassName("notification-empty");
            list.add(empty);
        }
        for (NotificationRow row : rows) {
            list.add(item(row));
        }
        Checkbox byEmail = new Checkbox(getTranslation("notifications.by-email"), notifications.emailWanted());
        byEmail.addClassName("notification-by-email");
        byEmail.addValueChangeListener(change -> notifications.setEmailWanted(change.getValue()));
        Button markAll = new Button(getTranslation("notifications.mark-all-read"), click -> {
            notifications.markAllRead();
            dialog.close();
            refresh();
        });
        markAll.addClassName("notification-mark-all");
        markAll.setEnabled(rows.stream().anyMatch(NotificationRow::unread));
        Button close = new Button(getTranslation("notifications.close"), click -> dialog.close());
        dialog.add(list, byEmail);
        dialog.getFooter().add(markAll, close);
        dialog.open();
    }

    private Div item(NotificationRow row) {
        Div item = new Div();
        item.addClassName("notification-item");
        if (row.unread()) {
            item.addClassName("unread");
        }
        Span title = new Span(notifications.title(row, getLocale()));
        title.addClassName("notification-title");
        Span when = new Span(Format.dateTime(row.createdAt()));
        when.addClassName("notification-time");
        item.add(title, when);
        item.getElement().setAttribute("role", "button");
        item.getElement().setAttribute("tabindex", "0");
        item.addClickListener(click -> openItem(row));
        return item;
    }

    void openItem(NotificationRow row) {
        if (row.unread()) {
            notifications.markRead(row.id());
        }
        if (dialog != null) {
            dialog.close();
        }
        refresh();
        if (row.link() != null) {
            getUI().ifPresent(ui -> ui.navigate(row.link()));
        }
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        UI ui = attach.getUI();
        stopListening = signals.listen(userId, () -> ui.access(this::refresh));
        navigation = ui.addAfterNavigationListener(navigated -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (stopListening != null) {
            stopListening.run();
            stopListening = null;
        }
        if (navigation != null) {
            navigation.remove();
            navigation = null;
        }
        super.onDetach(detach);
    }
}
