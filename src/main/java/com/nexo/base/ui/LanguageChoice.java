package com.nexo.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The language a person chose in this browser: kept in the Vaadin session and in a cookie, so the
 * login page speaks it too. Logged-in users also keep it in their profile (see the security module).
 */
public final class LanguageChoice {

    private static final String SESSION_KEY = LanguageChoice.class.getName();
    private static final String COOKIE = "nexo-lang";

    private LanguageChoice() {}

    /** Switches the current UI (and the session's later UIs) to {@code locale} and remembers it. */
    public static void choose(Locale locale) {
        Locale supported = Translations.supported(locale);
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(SESSION_KEY, supported);
            session.setLocale(supported);
        }
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, supported.getLanguage());
            cookie.setPath("/");
            cookie.setHttpOnly(true);
            cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
            response.addCookie(cookie);
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.setLocale(supported);
            // Every text on screen was rendered in the old language: render the page again.
            ui.getPage().reload();
        }
    }

    /** The language chosen earlier in this session, or in this browser before (cookie). */
    public static Optional<Locale> chosen(VaadinSession session, VaadinRequest request) {
        Object fromSession = session == null ? null : session.getAttribute(SESSION_KEY);
        if (fromSession instanceof Locale locale) {
            return Optional.of(locale);
        }
        return request == null ? Optional.empty() : chosen(request.getCookies());
    }

    /** The language chosen in this browser before, from its cookies (pages that Vaadin does not serve). */
    public static Optional<Locale> chosen(Cookie[] cookies) {
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(cookie -> COOKIE.equals(cookie.getName()))
                .map(cookie -> Translations.supported(Locale.of(cookie.getValue())))
                .findFirst();
    }

    /** True when the choice was made in this session (it then wins over the profile's language). */
    public static boolean chosenInSession(VaadinSession session) {
        return session != null && session.getAttribute(SESSION_KEY) instanceof Locale;
    }
}
