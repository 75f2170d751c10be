package com.nexo.shell.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.ui.DashboardCard;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/**
 * The dashboard's mechanism, with cards made for the test: who sees which card, in which order, and
 * that a card that fails says so inside itself while the others show.
 */
class DashboardCardsTest extends KaribuTest {

    /** A card for the test; its title is any key the bundles have. */
    private record TestCard(String permission, int order, String titleKey, boolean wide, Supplier<Component> body)
            implements DashboardCard {

        static TestCard of(String permission, int order, String titleKey) {
            return new TestCard(permission, order, titleKey, false, () -> new Span("content of " + titleKey));
        }

        @Override
        public Component content() {
            return body.get();
        }
    }

    // Titles: Cuentas, Artículos, Usuarios, Roles y permisos, Registro de seguridad.
    private static final TestCard ACCOUNTS = TestCard.of("accounts.read", 10, "menu.accounts");
    private static final TestCard ARTICLES = TestCard.of("articles.read", 20, "menu.articles");
    private static final TestCard USERS = TestCard.of("users.read", 900, "menu.admin-users");
    private static final TestCard ROLES = TestCard.of("roles.edit", 910, "menu.admin-roles");
    private static final TestCard SECURITY_LOG = TestCard.of("security-events.read", 920, "menu.admin-security-events");

    @Test
    void cards_show_in_the_order_they_state_whatever_the_order_they_come_in() {
        login("admin@demo.nexo");

        DashboardCards cards = show(List.of(SECURITY_LOG, USERS, ARTICLES, ACCOUNTS, ROLES));

        assertThat(titles(cards))
                .containsExactly("Cuentas", "Artículos", "Usuarios", "Roles y permisos", "Registro de seguridad");
        assertThat(cards.shown()).isEqualTo(5);
        _get(cards, Span.class, spec -> spec.withText("content of menu.accounts"));
    }

    @Test
    void a_user_sees_only_the_cards_its_roles_allow() {
        // Sales: accounts and articles, but no user, role or security administration.
        login("ventas@demo.nexo");

        DashboardCards cards = show(List.of(SECURITY_LOG, USERS, ARTICLES, ACCOUNTS, ROLES));

        assertThat(titles(cards)).containsExactly("Cuentas", "Artículos");
        assertThat(_find(cards, Span.class)).extracting(Span::getText).doesNotContain("content of menu.admin-users");
    }

    @Test
    void a_user_no_card_applies_to_is_told_what_to_do_instead() {
        login("cliente@demo.nexo");

        DashboardCards cards = show(List.of(ACCOUNTS, USERS));

        assertThat(cards.shown()).isZero();
        assertThat(titles(cards)).containsExactly("Aún no hay nada que mostrar aquí");
        assertThat(_get(cards, Paragraph.class).getText())
                .startsWith("Lo que ves en el inicio depende de tus permisos.")
                .contains("pídeselo a tu administrador");
    }

    @Test
    void a_card_that_fails_says_so_inside_itself_and_the_others_still_show() {
        login("admin@demo.nexo");
        TestCard broken = new TestCard("articles.read", 20, "menu.articles", false, () -> {
            throw new IllegalStateException("secret-internal-detail");
        });
        TestCard refused = new TestCard("users.read", 900, "menu.admin-users", false, () -> {
            throw new AccessDeniedException("secret-internal-detail");
        });

        DashboardCards cards = show(List.of(ACCOUNTS, broken, refused, ROLES));

        assertThat(titles(cards)).containsExactly("Cuentas", "Artículos", "Usuarios", "Roles y permisos");
        List<Section> frames = _find(cards, Section.class);
        assertThat(frames.get(1).getElement().getTextRecursively())
                .startsWith("Artículos")
                .containsPattern("No se ha podido cargar esta tarjeta; el resto de la página funciona\\..*"
                        + "número de incidencia [0-9A-F]{8}\\.$")
                .doesNotContain("secret-internal-detail", "Exception");
        assertThat(frames.get(2).getElement().getTextRecursively()).contains("No se ha podido cargar esta tarjeta");
        _get(cards, Span.class, spec -> spec.withText("content of menu.accounts"));
        _get(cards, Span.class, spec -> spec.withText("content of menu.admin-roles"));
    }

    @Test
    void a_wide_card_is_marked_for_two_columns() {
        login("admin@demo.nexo");
        TestCard wide = new TestCard("accounts.read", 10, "menu.accounts", true, () -> new Span("wide"));

        DashboardCards cards = show(List.of(wide, USERS));

        List<Section> frames = _find(cards, Section.class);
        assertThat(frames.get(0).getClassNames()).contains("dashboard-card", "dashboard-card-wide");
        assertThat(frames.get(1).getClassNames()).contains("dashboard-card").doesNotContain("dashboard-card-wide");
    }

    private static DashboardCards show(List<? extends DashboardCard> cards) {
        DashboardCards shown = new DashboardCards(cards);
        UI.getCurrent().add(shown);
        return shown;
    }

    private static List<String> titles(DashboardCards cards) {
        return _find(cards, H3.class).stream().map(H3::getText).toList();
    }
}
