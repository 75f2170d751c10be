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
import com.vaadin.flow.router.RouterLink;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The news card on the dashboard and the reading view behind it: a client sees the news published to
 * clients and not internal ones, an employee the internal news and not the clients', and the reading
 * view opens an item the reader may read (and says so of one it may not).
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
    void a_client_sees_the_news_for_clients_on_the_dashboard_and_not_internal_news() {
        login("cliente@demo.nexo");

        UI.getCurrent().navigate(DashboardView.class);

        Section card = newsCard().orElseThrow();
        assertThat(card.getElement().getTextRecursively())
                .startsWith("Noticias")
                .contains("Nuevas tarifas " + word, "Desde enero.")
                .doesNotContain("Turnos de diciembre " + word);
        assertThat(_find(card, RouterLink.class))
                .extracting(RouterLink::getText)
                .contains("Nuevas tarifas " + word, "Todas las noticias");
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
    void the_reading_view_opens_an_item_in_the_readers_language() {
        login("cliente@demo.nexo");

        UI.getCurrent().navigate("cms/read/" + forClients);

        ReadView view = _get(ReadView.class);
        assertThat(view.panel.reading.getElement().getOuterHTML())
                .contains("Nuevas tarifas " + word)
                .contains("<strong>2027</strong>");
        assertThat(view.panel.newsList.getValue().id()).isEqualTo(forClients);
    }

    @Test
    void the_reading_view_does_not_show_a_client_an_internal_item() {
        login("cliente@demo.nexo");

        UI.getCurrent().navigate("cms/read/" + internal);

        ReadView view = _get(ReadView.class);
        assertThat(view.panel.reading.getElement().getTextRecursively())
                .contains("no existe o ya no está publicado")
                .doesNotContain("Turnos de diciembre");
        assertThat(view.panel.newsList.getListDataView().getItems())
                .extracting(item -> item.id())
                .contains(forClients)
                .doesNotContain(internal);
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
