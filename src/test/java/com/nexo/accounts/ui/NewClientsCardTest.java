package com.nexo.accounts.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.nexo.accounts.account.AccountService;
import com.nexo.security.NexoUser;
import com.nexo.shell.ui.DashboardView;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

class NewClientsCardTest extends KaribuTest {

    @Autowired
    private AccountService accounts;

    @Test
    void whoever_reads_accounts_sees_the_new_clients_with_links_to_them() {
        String word = AccountUiFixtures.word();
        login("ventas@demo.nexo");
        AccountUiFixtures.create(accounts, "Cliente Reciente " + word);
        login("consulta@demo.nexo");

        UI.getCurrent().navigate(DashboardView.class);

        Section card = newClientsCard().orElseThrow();
        assertThat(card.getElement().getTextRecursively())
                .startsWith("Clientes nuevos")
                .containsPattern("[0-9.]+ clientes nuevos en los últimos 30 días")
                .contains("Cliente Reciente " + word);
        assertThat(_find(card, RouterLink.class))
                .extracting(RouterLink::getText)
                .contains("Cliente Reciente " + word);
    }

    @Test
    void an_employee_who_may_not_read_accounts_does_not_get_the_card() {
        login("consulta@demo.nexo");
        NexoUser user = (NexoUser)
                SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        NexoUser withoutAccounts = user.withAccess(Set.of("articles.read"), user.accessVersion());
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(
                withoutAccounts, null, withoutAccounts.getAuthorities());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        // Where a login leaves it (see KaribuTest.login), with the narrower access.
        VaadinSession.getCurrent()
                .getSession()
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        if (VaadinServletRequest.getCurrent() instanceof VaadinServletRequest current
                && current.getRequest() instanceof FakeRequest request) {
            request.setUserPrincipalInt(authentication);
            request.setUserInRole((principal, role) -> authentication.getAuthorities().stream()
                    .anyMatch(granted -> granted.getAuthority().equals("ROLE_" + role)));
        }

        UI.getCurrent().navigate(DashboardView.class);

        _get(DashboardView.class);
        assertThat(newClientsCard()).isEmpty();
    }

    private static java.util.Optional<Section> newClientsCard() {
        List<Section> cards = _find(Section.class, spec -> spec.withClasses("dashboard-card"));
        return cards.stream()
                .filter(card -> card.getElement().getTextRecursively().startsWith("Clientes nuevos"))
                .findFirst();
    }
}
