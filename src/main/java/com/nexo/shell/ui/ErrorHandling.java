package com.nexo.shell.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one error handler for everything that goes wrong after a page is open (a click, a save):
 * the user gets a clear message in their language, the log gets the details. Nothing else shows a
 * stack trace.
 */
@Component
class ErrorHandling implements VaadinServiceInitListener {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(ErrorHandling::handle));
    }

    static void handle(ErrorEvent event) {
        Throwable error = event.getThrowable();
        if (clientWentAway(error)) {
            // The browser closed the connection (a tab closed during a download, a phone losing its
            // network): there is nobody to tell, and nothing went wrong on this side.
            LOG.debug("Client went away: {}", error.toString());
            return;
        }
        String messageKey;
        String incident = null;
        if (causedBy(error, AccessDeniedException.class)) {
            messageKey = "error.access-denied";
            LOG.warn("Access denied: {}", error.getMessage());
        } else if (causedBy(error, OptimisticLockingFailureException.class)) {
            messageKey = "error.concurrent-edit";
            LOG.info("Concurrent edit refused: {}", error.getMessage());
        } else {
            messageKey = "error.unexpected.notification";
            incident = Incidents.newId();
            LOG.error("Incident {}", incident, error);
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            Notification notification = new Notification(ui.getTranslation(messageKey, incident), 8000);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            notification.setPosition(Notification.Position.TOP_CENTER);
            notification.open();
        }
    }

    /** Whether the error is the web server saying that the client closed the connection. */
    static boolean clientWentAway(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("ClientAbortException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
