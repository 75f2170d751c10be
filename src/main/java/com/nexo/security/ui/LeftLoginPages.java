package com.nexo.security.ui;

import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.stereotype.Component;

/**
 * Closes the login pages a session has left behind. The login form posts outside Vaadin (a full page
 * load), and its page's UI would otherwise stay in the session, tree and all, until three heartbeats
 * were missed or the session ended: the biggest share of a freshly logged-in session's heap after the
 * list it opens. So when a logged-in user's page starts, every other UI of the session that still
 * shows the login view is closed (Vaadin removes closed UIs at the end of the request). A login tab
 * that is in fact still open reloads on its next click, and shows the login page again.
 */
@Component
class LeftLoginPages implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            if (CurrentUser.get().isPresent()) {
                closeLoginPages(init.getUI().getSession(), init.getUI());
            }
        });
    }

    static void closeLoginPages(VaadinSession session, UI except) {
        for (UI ui : session.getUIs()) {
            if (ui != except && !ui.isClosing() && ui.getCurrentView() instanceof LoginView) {
                ui.close();
            }
        }
    }
}
