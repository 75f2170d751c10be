package com.nexo.cms.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.nexo.cms.CmsTestItems.DEMO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.base.files.FileStorage;
import com.nexo.cms.Audience;
import com.nexo.cms.CmsTestItems;
import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import com.nexo.portal.ui.PortalLayout;
import com.nexo.shell.ui.DashboardView;
import com.nexo.shell.ui.MainLayout;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AccessDeniedException;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The news card on the dashboard and the reading pages: an employee sees the internal news and not the
 * clients', and the back office's reading page ({@code cms/read}, employees only) opens an item the
 * reader may read. A client reads the news published to clients, and not internal ones, in the same
 * panel on the portal's home page (portal actors never get the back office's dashboard) and on the
 * portals' reading page ({@code portal/content}, portal users only, in the portal frame and menu),
 * which say so of an item it may not read.
 */
class NewsCardTest extends KaribuTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private FileStorage files;

    private String word;
    private UUID forClients;
    private UUID internal;

    @BeforeEach
    void newsForClientsAndInternalNews() {
        CmsTestItems items = new CmsTestItems(jdbc, transactions, files);
        word = CmsTestItems.uniqueSlug("n");
        forClients = items.item(DEMO, ContentKind.NEWS)
                .audiences(Audience.CLIENTS)
                .text(
                        ContentLanguage.ES,
                        "Nuevas tarifas " + word,
                        "Desde enero.",
                        "<p>Tarifas <strong>2027</strong>.</p>")
                .text(ContentLanguage.EN, "New prices " + word, "From January.", "<p>Prices 2027.</p>")
                .save();
        internal = items.item(DEMO, ContentKind.NEWS)
                .audiences(Audience.INTERNAL)
                .text(ContentLanguage.ES, "Turnos de diciembre " + word, "Cambian los turnos.", "<p>Turnos.</p>")
                .save();
    }

    @Test
    void a_client_reads_the_news_for_clients_on_the_portal_home_and_not_internal_news() {
        login("cliente@demo.nexo");

        // A portal actor never gets the back office's dashboard: the portal home shows its content.
        UI.getCurrent().navigate(DashboardView.class);

        PublishedContentPanel panel = _get(PublishedContentPanel.class);
        assertThat(panel.newsList.getListDataView().getItems())
                .extracting(item -> item.id())
                .contains(forClients)
                .doesNotContain(internal);
        assertThat(panel.getElement().getTextRecursively())
                .contains("Nuevas tarifas " + word)
                .doesNotContain("Turnos de diciembre " + word);
    }

    @Test
    void an_employee_sees_internal_news_and_not_the_clients() {
        login("consulta@demo.nexo");

        UI.getCurrent().navigate(DashboardView.class);

        assertThat(newsCard().orElseThrow().getElement().getTextRecursively())
                .contains("Turnos de diciembre " + word)
                .doesNotContain("Nuevas tarifas " + word);
    }

    @Test
    void the_portal_home_opens_an_item_in_the_readers_language() {
        login("cliente@demo.nexo");
        UI.getCurrent().navigate("portal");
        PublishedContentPanel panel = _get(PublishedContentPanel.class);

        assertThat(panel.open(forClients)).isTrue();

        assertThat(panel.reading.getElement().getOuterHTML())
                .contains("Nuevas tarifas " + word)
                .contains("<strong>2027</strong>");
        assertThat(panel.newsList.getValue().id()).isEqualTo(forClients);
    }

    @Test
    void the_portal_home_does_not_show_a_client_an_internal_item() {
        login("cliente@demo.nexo");
        UI.getCurrent().navigate("portal");
        PublishedContentPanel panel = _get(PublishedContentPanel.class);

        assertThat(panel.open(internal)).isFalse();

        assertThat(panel.reading.getElement().getTextRecursively())
                .contains("no existe o ya no está publicado")
                .doesNotContain("Turnos de diciembre");
    }

    @Test
    void choosing_an_item_in_the_list_shows_it() {
        login("consulta@demo.nexo");
        UI.getCurrent().navigate(ReadView.class);
        ReadView view = _get(ReadView.class);

        view.panel.newsList.setValue(view.panel
                .newsList
                .getListDataView()
                .getItems()
                .filter(item -> item.id().equals(internal))
                .findFirst()
                .orElseThrow());

        assertThat(view.panel.reading.getElement().getTextRecursively()).contains("Turnos de diciembre " + word);
    }

    @Test
    void a_client_reads_an_item_at_its_portal_address_inside_the_portal_frame() {
        login("cliente@demo.nexo");
        UI.getCurrent().navigate(PortalReadView.ROUTE + "/" + forClients);

        PortalReadView page = _get(PortalReadView.class);
        assertThat(_get(PortalLayout.class).getContent()).isSameAs(page);
        assertThat(_find(MainLayout.class)).isEmpty();
        assertThat(page.panel.reading.getElement().getTextRecursively()).contains("Nuevas tarifas " + word);
        assertThat(page.panel.newsList.getListDataView().getItems())
                .extracting(item -> item.id())
                .contains(forClients)
                .doesNotContain(internal);
    }

    @Test
    void the_portal_address_of_an_internal_item_shows_a_client_nothing_of_it() {
        login("cliente@demo.nexo");
        UI.getCurrent().navigate(PortalReadView.ROUTE + "/" + internal);

        PortalReadView page = _get(PortalReadView.class);
        assertThat(page.panel.reading.getElement().getTextRecursively())
                .contains("no existe o ya no está publicado")
                .doesNotContain("Turnos de diciembre");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cliente@demo.nexo", "proveedor@demo.nexo", "profesional@demo.nexo"})
    void every_portal_lists_its_reading_page_and_refuses_the_back_offices(String email) {
        login(email);
        UI.getCurrent().navigate("portal");
        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getPath)
                .anySatisfy(path -> assertThat(path).endsWith(PortalReadView.ROUTE));

        assertThatThrownBy(() -> UI.getCurrent().navigate(ReadView.ROUTE))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate(ReadView.ROUTE + "/" + forClients))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_employee_reads_at_the_back_office_address_and_is_refused_the_portals() {
        login("consulta@demo.nexo");
        UI.getCurrent().navigate(ReadView.ROUTE + "/" + internal);

        ReadView page = _get(ReadView.class);
        assertThat(_get(MainLayout.class).getContent()).isSameAs(page);
        assertThat(page.panel.reading.getElement().getTextRecursively()).contains("Turnos de diciembre " + word);

        assertThatThrownBy(() -> UI.getCurrent().navigate(PortalReadView.ROUTE + "/" + internal))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }

    private static Optional<Section> newsCard() {
        return _find(Section.class, spec -> spec.withClasses("dashboard-card")).stream()
                .filter(card -> !_find(
                                card,
                                com.vaadin.flow.component.html.Div.class,
                                spec -> spec.withClasses("cms-news-card"))
                        .isEmpty())
                .findFirst();
    }
}
