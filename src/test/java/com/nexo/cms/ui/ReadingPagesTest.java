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
import com.nexo.shell.ui.MainLayout;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AccessDeniedException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The two pages news and pages are read on: the back office's ({@code cms/read}, employees only, in
 * the back office's frame) and the portals' ({@code portal/content}, portal users only, in the portal's
 * frame, listed in its menu). Each opens the item its address names when the reader may read it.
 */
class ReadingPagesTest extends KaribuTest {

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
        word = CmsTestItems.uniqueSlug("r");
        forClients = items.item(DEMO, ContentKind.NEWS)
                .audiences(Audience.CLIENTS)
                .text(ContentLanguage.ES, "Cierre por inventario " + word, "El día 30.", "<p>Cerramos el 30.</p>")
                .save();
        internal = items.item(DEMO, ContentKind.NEWS)
                .audiences(Audience.INTERNAL)
                .text(ContentLanguage.ES, "Cena de empresa " + word, "El viernes.", "<p>Cena.</p>")
                .save();
    }

    @Test
    void a_client_reads_an_item_at_its_portal_address_inside_the_portal_frame() {
        login("cliente@demo.nexo");
        UI.getCurrent().navigate(PortalReadView.ROUTE + "/" + forClients);

        PortalReadView page = _get(PortalReadView.class);
        assertThat(_get(PortalLayout.class).getContent()).isSameAs(page);
        assertThat(_find(MainLayout.class)).isEmpty();
        assertThat(page.panel.reading.getElement().getTextRecursively()).contains("Cierre por inventario " + word);
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
                .doesNotContain("Cena de empresa");
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
        assertThat(page.panel.reading.getElement().getTextRecursively()).contains("Cena de empresa " + word);

        assertThatThrownBy(() -> UI.getCurrent().navigate(PortalReadView.ROUTE + "/" + internal))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }
}
