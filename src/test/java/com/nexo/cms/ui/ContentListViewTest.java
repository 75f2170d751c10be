package com.nexo.cms.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.cms.Audience;
import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import com.nexo.cms.ContentStatus;
import com.nexo.cms.content.ContentService;
import com.nexo.cms.content.ItemDraft;
import com.nexo.cms.content.ItemRow;
import com.nexo.cms.content.TextDraft;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The content list on the real database: it finds items by title and filters by kind, state and
 * audience, shows an English-only item's title marked with its language, opens the editor on a click;
 * a read-only user neither sees it in the menu nor opens it.
 */
class ContentListViewTest extends KaribuTest {

    @Autowired
    private ContentService content;

    private final String unique = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theListFindsFiltersAndOpensItems() {
        login("admin@demo.nexo");
        UUID page =
                content.create(item(ContentKind.PAGE, Set.of(Audience.PUBLIC), ContentLanguage.EN, "About " + unique));
        UUID news =
                content.create(item(ContentKind.NEWS, Set.of(Audience.CLIENTS), ContentLanguage.ES, "Aviso " + unique));
        content.publish(news, content.get(news).version());

        UI.getCurrent().navigate("cms/content");
        ContentListView view = _get(ContentListView.class);
        assertThat(view.getPageTitle()).isEqualTo("Contenidos");
        view.search.setValue(unique);
        assertThat(GridKt._size(view.grid)).isEqualTo(2);
        assertThat(view.count.getText()).isEqualTo("2 elementos");

        view.kind.setValue(ContentKind.PAGE);
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        ItemRow row = GridKt._get(view.grid, 0);
        assertThat(row.id()).isEqualTo(page);
        assertThat(row.titleLanguage()).isEqualTo(ContentLanguage.EN);
        assertThat(GridKt._getFormatted(view.grid, 0, "title")).isEqualTo("About " + unique + " (EN)");
        assertThat(GridKt._getFormatted(view.grid, 0, "audiences")).isEqualTo("Público (sin iniciar sesión)");

        view.kind.clear();
        view.status.setValue(ContentStatus.PUBLISHED);
        view.audience.setValue(Audience.CLIENTS);
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._get(view.grid, 0).id()).isEqualTo(news);

        GridKt._clickItem(view.grid, 0);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("cms/content/" + news);
        assertThat(_get(ContentEditorView.class).heading.getText()).isEqualTo("Aviso " + unique);
    }

    @Test
    void aReadOnlyUserNeitherSeesNorOpensTheList() {
        login("consulta@demo.nexo");
        UI.getCurrent().navigate("");
        UI.getCurrent().getPage().reload();
        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getPath)
                .doesNotContain("cms/content");
        assertThatThrownBy(() -> UI.getCurrent().navigate("cms/content"))
                .hasRootCauseInstanceOf(com.vaadin.flow.router.AccessDeniedException.class);
    }

    private static ItemDraft item(ContentKind kind, Set<Audience> audiences, ContentLanguage language, String title) {
        return new ItemDraft(
                kind,
                null,
                null,
                null,
                audiences,
                Set.of(),
                null,
                null,
                Map.of(language, new TextDraft(title, null, "")));
    }
}
