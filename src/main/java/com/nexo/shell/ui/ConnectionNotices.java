package com.nexo.shell.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.ReconnectDialogConfiguration;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * What a page says while it cannot reach the server, in the page's language and NEXO's look (styles
 * in {@code nexo.css}): "trying again" while Vaadin retries, the offline page's own words once the
 * browser is offline or Vaadin gave up, and "connection restored" when it is back. Vaadin's
 * connection indicator otherwise shows a grey English "Connection lost".
 *
 * <p>The page also leaves its language in the browser's local storage, where the PWA's {@code
 * offline.html} (served by the service worker, without the server) reads it. A journey test
 * ({@code OfflineJourneyTest}) checks all of this in Chromium.
 */
@Component
class ConnectionNotices implements VaadinServiceInitListener {

    /** The language the UI's notices are in (set once per UI, again only if its language changes). */
    private static final String APPLIED = ConnectionNotices.class.getName();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        // After navigation, because the UI's language is settled only once every UI init listener ran.
        event.getSource()
                .addUIInitListener(init -> init.getUI().addAfterNavigationListener(navigation -> {
                    UI ui = init.getUI();
                    Locale locale = ui.getLocale();
                    if (!locale.equals(ComponentUtil.getData(ui, APPLIED))) {
                        ComponentUtil.setData(ui, APPLIED, locale);
                        apply(ui);
                    }
                }));
    }

    static void apply(UI ui) {
        ReconnectDialogConfiguration texts = ui.getReconnectDialogConfiguration();
        texts.setDialogText(ui.getTranslation("connection.reconnecting"));
        texts.setDialogTextGaveUp(ui.getTranslation("offline.text"));
        ui.getPage()
                .executeJs(
                        """
                        const indicator = window.Vaadin && window.Vaadin.connectionIndicator;
                        if (indicator) { indicator.onlineText = $0; }
                        try { localStorage.setItem('nexo-lang', $1); } catch (e) { /* storage off */ }
                        // Vaadin's indicator stays on "reconnecting" after a resent request got through,
                        // until the next request; the notice would keep saying "trying again". A server
                        // answer to a UI request means the connection is back.
                        if (!window.nexoConnectionWatch && window.PerformanceObserver) {
                          window.nexoConnectionWatch = new PerformanceObserver(list => {
                            const state = window.Vaadin && window.Vaadin.connectionState;
                            const answered = list.getEntries().some(entry => entry.name.includes('v-r=uidl')
                                && entry.responseStatus >= 200 && entry.responseStatus < 300);
                            if (answered && state && state.state === 'reconnecting') { state.state = 'connected'; }
                          });
                          window.nexoConnectionWatch.observe({type: 'resource', buffered: false});
                        }
                        """,
                        ui.getTranslation("connection.restored"),
                        ui.getLocale().getLanguage());
    }
}
