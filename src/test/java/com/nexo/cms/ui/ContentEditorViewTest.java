package com.nexo.cms.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.cms.Audience;
import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import com.nexo.cms.ContentStatus;
import com.nexo.cms.content.ContentService;
import com.nexo.cms.content.ItemDetail;
import com.nexo.cms.content.ItemDraft;
import com.nexo.cms.content.TextDraft;
import com.nexo.security.NexoUser;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The content editor on the real database: both languages written with their live preview, saved
 * and published; a missing title refused on its field; a save over someone else's refused with the
 * reload offered; the revisions listed and one restored; no publish button without cms.publish; a
 * read-only user refused.
 */
class ContentEditorViewTest extends KaribuTest {

    private static final String EDITOR = "admin@demo.nexo";

    @Autowired
    private ContentService content;

    @Autowired
    private UserDetailsService users;

    private final String unique = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anEditorWritesBothLanguagesSeesThePreviewSavesAndPublishes() {
        login(EDITOR);
        UI.getCurrent().navigate("cms/content/new/news");
        ContentEditorView editor = _get(ContentEditorView.class);
        assertThat(editor.getPageTitle()).isEqualTo("Nuevo: Noticia");
        assertThat(editor.publish.isVisible()).isTrue();

        ContentEditorView.LanguageTab es = editor.languages.get(ContentLanguage.ES);
        ContentEditorView.LanguageTab en = editor.languages.get(ContentLanguage.EN);
        es.title.setValue("Nueva tarifa " + unique);
        es.body.setValue("Precios **nuevos** <script>alert(1)</script>");
        assertThat(es.preview.getElement().getProperty("innerHTML"))
                .contains("<strong>nuevos</strong>")
                .doesNotContain("script");
        en.title.setValue("New prices " + unique);
        en.body.setValue("| a | b |\n|---|---|\n| 1 | 2 |");
        assertThat(en.preview.getElement().getProperty("innerHTML")).contains("<table>");
        editor.audiences.setValue(Set.of(Audience.INTERNAL, Audience.CLIENTS));

        _click(editor.save);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .startsWith("cms/content/")
                .doesNotContain("new");
        ContentEditorView saved = _get(ContentEditorView.class);
        assertThat(saved.heading.getText()).isEqualTo("Nueva tarifa " + unique);
        assertThat(saved.slug.getValue()).isEqualTo("nueva-tarifa-" + unique);
        assertThat(saved.status.getText()).isEqualTo("Borrador");

        _click(saved.publish);
        assertThat(saved.status.getText()).isEqualTo("Publicado");
        assertThat(saved.unpublish.isVisible()).isTrue();
        assertThat(saved.publish.isVisible()).isFalse();
        UUID id = UUID.fromString(
                UI.getCurrent().getInternals().getActiveViewLocation().getPath().substring("cms/content/".length()));
        ItemDetail stored = content.get(id);
        assertThat(stored.status()).isEqualTo(ContentStatus.PUBLISHED);
        assertThat(stored.texts()).containsOnlyKeys(ContentLanguage.ES, ContentLanguage.EN);
        assertThat(stored.audiences()).containsExactlyInAnyOrder(Audience.INTERNAL, Audience.CLIENTS);
    }

    @Test
    void aTextWithoutTitleIsRefusedOnItsField() {
        login(EDITOR);
        UI.getCurrent().navigate("cms/content/new/page");
        ContentEditorView editor = _get(ContentEditorView.class);
        editor.languages.get(ContentLanguage.ES).title.setValue("Con título " + unique);
        editor.languages.get(ContentLanguage.EN).body.setValue("An English body without its title");

        _click(editor.save);

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("cms/content/new/page");
        ContentEditorView.LanguageTab en = editor.languages.get(ContentLanguage.EN);
        assertThat(en.title.isInvalid()).isTrue();
        assertThat(en.title.getErrorMessage()).isEqualTo("Escribe el título.");
        assertThat(editor.tabs.getSelectedIndex()).isEqualTo(1);
    }

    @Test
    void aSaveOverSomeoneElsesIsRefusedAndTheSavedVersionCanBeLoaded() {
        login(EDITOR);
        UUID id = content.create(news("Original " + unique));
        UI.getCurrent().navigate("cms/content/" + id);
        ContentEditorView editor = _get(ContentEditorView.class);

        // Someone else saves in between.
        content.update(id, content.get(id).version(), news("Cambiado por otra persona " + unique), null);

        editor.languages.get(ContentLanguage.ES).title.setValue("Mi cambio " + unique);
        _click(editor.save);
        assertThat(editor.problem.isVisible()).isTrue();
        assertThat(editor.problem.getText()).startsWith("Otra persona ha guardado este contenido");
        assertThat(editor.reload.isVisible()).isTrue();
        assertThat(content.get(id).texts().get(ContentLanguage.ES).title())
                .isEqualTo("Cambiado por otra persona " + unique);

        _click(editor.reload);
        assertThat(editor.languages.get(ContentLanguage.ES).title.getValue())
                .isEqualTo("Cambiado por otra persona " + unique);
        assertThat(editor.problem.isVisible()).isFalse();
    }

    @Test
    void theRevisionsAreListedAndAnEarlierOneIsRestored() {
        login(EDITOR);
        UUID id = content.create(news("Primera " + unique));
        content.update(id, content.get(id).version(), news("Segunda " + unique), null);
        UI.getCurrent().navigate("cms/content/" + id);
        ContentEditorView editor = _get(ContentEditorView.class);

        editor.tabs.setSelectedIndex(3);
        assertThat(GridKt._size(editor.revisions)).isEqualTo(2);
        assertThat(GridKt._get(editor.revisions, 0).changedFields()).contains("title.es");
        editor.openRevision(GridKt._get(editor.revisions, 1));
        assertThat(editor.revisionView.getElement().getTextRecursively()).contains("Primera " + unique);
        assertThat(editor.restore.isVisible()).isTrue();

        editor.restore(1);
        assertThat(editor.languages.get(ContentLanguage.ES).title.getValue()).isEqualTo("Primera " + unique);
        assertThat(GridKt._size(editor.revisions)).isEqualTo(3);
        assertThat(GridKt._get(editor.revisions, 0).note()).isEqualTo("restored from 1");
        assertThat(editor.changes(GridKt._get(editor.revisions, 0))).endsWith("restaurada la versión 1");
    }

    @Test
    void anEditorWithoutPublishSeesNoPublishButtonsAndAReaderIsRefused() {
        login(EDITOR);
        UUID id = content.create(news("Sin publicar " + unique));
        NexoUser admin = (NexoUser) users.loadUserByUsername(EDITOR);
        loginAs(admin.withAccess(Set.of("cms.read", "cms.edit"), admin.accessVersion()));
        UI.getCurrent().getPage().reload();
        UI.getCurrent().navigate("cms/content/" + id);
        ContentEditorView editor = _get(ContentEditorView.class);
        assertThat(editor.publish.isVisible()).isFalse();
        assertThat(editor.unpublish.isVisible()).isFalse();
        assertThat(editor.save.isVisible()).isTrue();

        UI.getCurrent().navigate("");
        switchUser("consulta@demo.nexo");
        assertThatThrownBy(() -> UI.getCurrent().navigate("cms/content/" + id))
                .hasRootCauseInstanceOf(com.vaadin.flow.router.AccessDeniedException.class);
    }

    private void loginAs(NexoUser user) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        VaadinSession.getCurrent()
                .getSession()
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
    }

    private static ItemDraft news(String title) {
        return new ItemDraft(
                ContentKind.NEWS,
                null,
                null,
                null,
                Set.of(Audience.INTERNAL),
                Set.of(),
                null,
                null,
                Map.of(ContentLanguage.ES, new TextDraft(title, null, "Texto de " + title)));
    }
}
