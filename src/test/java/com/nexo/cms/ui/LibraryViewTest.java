package com.nexo.cms.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.nexo.cms.Audience;
import com.nexo.cms.library.DocumentRow;
import com.nexo.cms.library.FolderDraft;
import com.nexo.cms.library.FolderRow;
import com.nexo.cms.library.LibraryFixtures;
import com.nexo.cms.library.LibraryService;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.FileRejectedEvent;
import com.vaadin.flow.router.AccessDeniedException;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The document library screen on the real database: an editor makes a folder, uploads a PDF and finds
 * it by a word of its text; a read-only user browses without upload; a folder with editor roles
 * offers no upload to other editors; a file too large is refused with its message; a client is
 * refused the screen.
 */
class LibraryViewTest extends KaribuTest {

    @Autowired
    private LibraryService library;

    private LibraryFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new LibraryFixtures(context);
    }

    private LibraryView open(String email) {
        login(email);
        UI.getCurrent().navigate("cms/library");
        return _get(LibraryView.class);
    }

    private static void choose(LibraryView view, UUID folder) {
        FolderRow row = view.folders
                .getListDataView()
                .getItems()
                .filter(item -> item.id().equals(folder))
                .findFirst()
                .orElseThrow();
        view.folders.select(row);
    }

    @Test
    void an_editor_makes_a_folder_uploads_a_pdf_and_finds_it_by_a_word_of_its_text() {
        LibraryView view = open(fx.editor);
        assertThat(view.getPageTitle()).isEqualTo("Biblioteca de documentos");

        view.newFolder.click();
        FolderDialog dialog = view.folderDialog;
        dialog.name.setValue("Procedimientos " + fx.tag);
        dialog.save.click();
        assertThat(dialog.isOpened()).isFalse();
        expectNotifications("Carpeta «Procedimientos " + fx.tag + "» guardada.");
        FolderRow folder = view.folders.getSelectedItems().iterator().next();
        assertThat(folder.name()).isEqualTo("Procedimientos " + fx.tag);
        assertThat(folder.audiences()).containsExactly(Audience.INTERNAL);
        assertThat(view.upload.isVisible()).isTrue();

        view.upload.click();
        MockVaadin.clientRoundtrip(false);
        DocumentUploadDialog upload = view.uploadDialog;
        upload.title.setValue("Alta de clientes " + fx.tag);
        UploadKt._upload(
                upload.upload,
                "alta.pdf",
                "application/pdf",
                LibraryFixtures.pdf("Procedimiento de alta " + fx.tag, "Comprobar el NIF del cliente"));
        expectNotifications("«alta.pdf» subido.");
        assertThat(GridKt._fetch(view.documents, 0, 100)).singleElement().satisfies(row -> {
            assertThat(row.title()).isEqualTo("Alta de clientes " + fx.tag);
            assertThat(row.fileName()).isEqualTo("alta.pdf");
        });

        view.query.setValue("comprobar " + fx.tag);
        assertThat(view.hits.isVisible()).isTrue();
        assertThat(view.hits.getElement().getTextRecursively()).contains("Alta de clientes " + fx.tag);
        view.query.setValue("inexistente " + fx.tag);
        assertThat(view.hits.getElement().getTextRecursively()).contains("Ningún documento contiene esas palabras.");
    }

    @Test
    void a_read_only_user_browses_the_library_without_upload_nor_folder_management() {
        UUID folder = fx.as(
                fx.editor,
                () -> library.createFolder(
                        new FolderDraft(null, "Consulta " + fx.tag, Set.of(Audience.INTERNAL), Set.of(), Set.of())));

        LibraryView view = open(LibraryFixtures.READ_ONLY);
        choose(view, folder);

        assertThat(view.upload.isVisible()).isFalse();
        assertThat(view.replace.isVisible()).isFalse();
        assertThat(view.newFolder.isVisible()).isFalse();
        assertThat(view.versions.isVisible()).isFalse();
        assertThat(view.publish.isVisible()).isFalse();
        assertThat(GridKt._fetch(view.documents, 0, 100)).isEmpty();
    }

    @Test
    void a_folder_for_other_editor_roles_offers_no_upload_and_a_file_too_large_is_refused_with_its_message() {
        UUID purchasing = fx.roleId("purchasing");
        UUID closed = fx.as(
                fx.editor,
                () -> library.createFolder(new FolderDraft(
                        null, "Cerrada " + fx.tag, Set.of(Audience.INTERNAL), Set.of(), Set.of(purchasing))));
        UUID open = fx.as(
                fx.editor,
                () -> library.createFolder(
                        new FolderDraft(null, "Abierta " + fx.tag, Set.of(Audience.INTERNAL), Set.of(), Set.of())));

        LibraryView view = open(fx.editor);
        choose(view, closed);
        assertThat(view.upload.isVisible()).isFalse();
        choose(view, open);
        assertThat(view.upload.isVisible()).isTrue();

        view.upload.click();
        MockVaadin.clientRoundtrip(false);
        DocumentUploadDialog upload = view.uploadDialog;
        ComponentUtil.fireEvent(upload.upload, new FileRejectedEvent(upload.upload, "File is Too Big.", "enorme.pdf"));
        expectNotifications(
                "El archivo no se admite: debe ser PDF, texto, CSV, OpenDocument, Office, ZIP o una imagen, de 50 MB como máximo.");
        assertThat(GridKt._fetch(view.documents, 0, 100))
                .extracting(DocumentRow::id)
                .isEmpty();
    }

    @Test
    void a_client_is_refused_the_library_screen() {
        login(LibraryFixtures.CLIENT);
        assertThatThrownBy(() -> UI.getCurrent().navigate("cms/library"))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }
}
