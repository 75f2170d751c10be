package com.nexo.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nobody reaches a page that needs a login without logging in: every such page sends them to it. */
class AnonymousAccessTest extends KaribuTest {

    @Test
    void every_page_that_is_not_anonymous_sends_an_anonymous_visitor_to_the_login_page() {
        List<RouteData> guarded = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .filter(route -> !route.getNavigationTarget().isAnnotationPresent(AnonymousAllowed.class))
                .toList();
        assertThat(guarded).as("pages that need a login").isNotEmpty();

        for (RouteData route : guarded) {
            // An optional parameter (":id?") is left out: the template itself is no address.
            UI.getCurrent().navigate(route.getTemplate().replaceAll("/:[^/]*\\?", ""));

            assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                    .as("what an anonymous visitor of /%s sees", route.getTemplate())
                    .first()
                    .isInstanceOf(LoginView.class);
        }
    }

    @Test
    void the_login_page_is_open_to_anonymous_visitors() {
        UI.getCurrent().navigate(LoginView.class);

        _get(LoginView.class);
    }
}
