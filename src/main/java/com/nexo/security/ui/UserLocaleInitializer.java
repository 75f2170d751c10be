package com.nexo.security.ui;

import com.nexo.base.ui.LanguageChoice;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
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
 * (Vaadin's default, matched against the supported languages).
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
            locale.ifPresent(init.getUI()::setLocale);
        });
    }
}
