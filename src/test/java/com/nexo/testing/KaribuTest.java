package com.nexo.testing;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.nexo.base.ui.Translations;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Base of the server-side UI tests: Vaadin runs in-process with the real Spring context (and so the
 * real database), and {@link #login(String)} logs in a user found through the real login look-up.
 */
@NexoSpringTest
public abstract class KaribuTest {

    /** Routes are discovered once per JVM: scanning the classpath is the slow part. */
    private static final Routes ROUTES = new Routes().autoDiscoverViews("com.nexo");

    @Autowired
    protected ApplicationContext context;

    @Autowired
    private UserDetailsService userDetailsService;

    @BeforeEach
    void startVaadin() {
        // Vaadin's bootstrap starts each new UI in the session's language; Karibu leaves that out.
        Function0<UI> uiFactory = () -> {
            UI ui = new UI();
            VaadinSession session = VaadinSession.getCurrent();
            if (session != null && session.getLocale() != null) {
                ui.setLocale(session.getLocale());
            }
            return ui;
        };
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
        openInLanguage(Translations.SPANISH);
    }

    /**
     * Opens the current page again, built from scratch in {@code locale}, as for a browser set to that
     * language. Needed before checking texts of the page Karibu opened at start-up (the login page):
     * navigating to the page that is already shown keeps its instance and its texts.
     */
    protected void openInLanguage(Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().getPage().reload();
    }

    @AfterEach
    void stopVaadin() {
        logout();
        MockVaadin.tearDown();
    }

    /** Logs in as the user with this e-mail, exactly as the login form would find them. */
    protected void login(String email) {
        UserDetails user = userDetailsService.loadUserByUsername(email);
        Authentication authentication =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        // Where a real login leaves it, and where Vaadin's security context strategy reads it first.
        VaadinSession.getCurrent()
                .getSession()
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        if (VaadinServletRequest.getCurrent() instanceof VaadinServletRequest current
                && current.getRequest() instanceof FakeRequest request) {
            request.setUserPrincipalInt(authentication);
            request.setUserInRole((principal, role) -> authentication.getAuthorities().stream()
                    .anyMatch(granted -> granted.getAuthority().equals("ROLE_" + role)));
        }
    }

    /**
     * Logs in as another user and opens the current page again, as that user's browser would: the
     * frame (navigation, user menu) is built once per page load, so it must not be the previous user's.
     */
    protected void switchUser(String email) {
        login(email);
        UI.getCurrent().getPage().reload();
    }

    protected void logout() {
        SecurityContextHolder.clearContext();
        if (VaadinSession.getCurrent() != null && VaadinSession.getCurrent().getSession() != null) {
            VaadinSession.getCurrent()
                    .getSession()
                    .removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        }
        if (VaadinServletRequest.getCurrent() instanceof VaadinServletRequest current
                && current.getRequest() instanceof FakeRequest request) {
            request.setUserPrincipalInt(null);
            request.setUserInRole((principal, role) -> false);
        }
    }
}
