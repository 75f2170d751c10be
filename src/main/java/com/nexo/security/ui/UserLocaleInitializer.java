package com.nexo.security.ui;

import com.nexo.base.ui.LanguageChoice;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Chooses each new UI's language: a choice made in this session first, then the logged-in user's
 * saved language, then the language last chosen in this browser, and otherwise the browser's own
 * (Vaadin's default, matched against the supported languages). The page's {@code lang} attribute
 * follows the chosen language.
 */
@Component
class UserLocaleInitializer implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            VaadinSession session = init.getUI().getSession();
            VaadinRequest request = VaadinRequest.getCurrent();
            Optional<Locale> locale = LanguageChoice.chosenInSession(session)
                    ? LanguageChoice.chosen(session, request)
                    : CurrentUser.get().map(NexoUser::locale).or(() -> LanguageChoice.chosen(session, request));
            UI ui = init.getUI();
            locale.ifPresent(ui::setLocale);
            // Vaadin writes <html lang> from the browser's language before the UI exists; make it
            // the page's real language, for screen readers, hyphenation and spelling checks.
            ui.getPage()
                    .executeJs(
                            "document.documentElement.lang = $0", ui.getLocale().getLanguage());
        });
    }
}
