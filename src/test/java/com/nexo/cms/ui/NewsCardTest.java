package com.nexo.cms.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.nexo.cms.CmsTestItems.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.files.FileStorage;
import com.nexo.cms.Audience;
import com.nexo.cms.CmsTestItems;
import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import com.nexo.shell.ui.DashboardView;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Section;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The news card on the dashboard and the reading view behind it: an employee sees the internal news
 * and not the clients', and the reading view opens an item the reader may read. A client reads the
 * news published to clients, and not internal ones, in the same panel on the portal's home page
 * (portal actors never get the back office's dashboard), which says so of an item it may not read.
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
