package com.nexo.cms.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.base.files.StoredFile;
import com.nexo.cms.Audience;
import com.nexo.cms.CmsRuleException;
import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import com.nexo.cms.ContentStatus;
import com.nexo.cms.content.ContentChanged;
import com.nexo.cms.content.ContentService;
import com.nexo.cms.search.CmsSearch;
import com.nexo.cms.search.SearchHit;
import com.nexo.testing.NexoSpringTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The document library on the real database as the application role: folders each reader may see
 * (roles, audiences), a PDF uploaded and its text found, a replacement that keeps the earlier file
 * downloadable, the folder's editing roles, a changed audience reaching the documents, the empty-folder
 * rule, and refusals.
 */
@NexoSpringTest
@RecordApplicationEvents
class LibraryServiceIntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private LibraryService library;

    @Autowired
    private ContentService content;

    @Autowired
    private CmsSearch search;

    @Autowired
    private ApplicationEvents events;

    private LibraryFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new LibraryFixtures(context);
    }

    private UUID folder(String name, Set<Audience> audiences, Set<UUID> readers, Set<UUID> editors) {
        return fx.as(fx.editor, () -> library.createFolder(new FolderDraft(null, name, audiences, readers, editors)));
    }

    private UUID upload(String email, UUID folder, String title, String fileName, byte[] bytes) {
        return fx.as(
                email,
                () -> library.upload(
                        folder,
                        ContentLanguage.ES,
                        title,
                        fileName,
                        "application/pdf",
                        new ByteArrayInputStream(bytes)));
    }

    private byte[] download(String email, UUID document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Optional<StoredFile> file = fx.as(email, () -> library.download(document, ContentLanguage.ES, out));
        return file.isPresent() ? out.toByteArray() : null;
    }

    private long version(UUID item) {
        return fx.value("SELECT version FROM cms_item WHERE id = :id", Map.of("id", item), Long.class);
    }

    private static void refused(ThrowingCallable call, String key) {
        assertThatThrownBy(call)
                .isInstanceOf(CmsRuleException.class)
                .satisfies(e -> assertThat(((CmsRuleException) e).messageKey()).isEqualTo(key));
    }

    private List<UUID> folderIds(String email) {
        return fx.as(email, () -> library.folders()).stream().map(FolderRow::id).toList();
    }

    @Test
    void each_reader_sees_the_folders_of_its_roles_and_audience_parents_before_children() {
        UUID everyone = folder("Todos " + fx.tag, Set.of(Audience.INTERNAL), Set.of(), Set.of());
        UUID child = fx.as(
                fx.editor,
                () -> library.createFolder(
                        new FolderDraft(everyone, "Anexos " + fx.tag, Set.of(Audience.INTERNAL), Set.of(), Set.of())));
        UUID purchasing =
                folder("Compras " + fx.tag, Set.of(Audience.INTERNAL), Set.of(fx.roleId("purchasing")), Set.of());
        UUID clients = folder("Clientes " + fx.tag, Set.of(Audience.CLIENTS), Set.of(), Set.of());

        List<UUID> seller = folderIds(fx.seller);
        assertThat(seller).contains(everyone, child).doesNotContain(purchasing, clients);
        assertThat(seller.indexOf(everyone)).isLessThan(seller.indexOf(child));
        assertThat(folderIds(fx.buyer)).contains(everyone, purchasing).doesNotContain(clients);
        assertThat(folderIds(fx.editor)).contains(everyone, child, purchasing, clients);
        assertThat(folderIds(LibraryFixtures.CLIENT)).contains(clients).doesNotContain(everyone, purchasing);
        assertThat(folderIds(LibraryFixtures.NORTHWIND)).doesNotContain(everyone, clients);
    }

    @Test
    void a_folders_documents_are_read_a_page_at_a_time_by_title_with_their_files() {
        UUID folder = folder("Muchos " + fx.tag, Set.of(Audience.INTERNAL), Set.of(), Set.of());
        for (String title : List.of("Cuarto", "Primero", "Segundo", "Tercero", "Quinto")) {
            upload(
                    fx.editor,
                    folder,
                    title + " " + fx.tag,
                    title.toLowerCase(java.util.Locale.ROOT) + ".pdf",
                    LibraryFixtures.pdf(title, "texto"));
        }

        var first = fx.as(fx.editor, () -> library.documents(folder, ContentLanguage.ES, null, 2));
        var second = fx.as(fx.editor, () -> library.documents(folder, ContentLanguage.ES, first.next(), 2));
        var third = fx.as(fx.editor, () -> library.documents(folder, ContentLanguage.ES, second.next(), 2));

        assertThat(first.rows()).extracting(DocumentRow::fileName).containsExactly("cuarto.pdf", "primero.pdf");
        assertThat(second.rows()).extracting(DocumentRow::fileName).containsExactly("quinto.pdf", "segundo.pdf");
        assertThat(third.rows()).extracting(DocumentRow::fileName).containsExactly("tercero.pdf");
        assertThat(third.next()).isNull();
    }

    @Test
    void an_uploaded_pdf_keeps_its_bytes_and_its_text_is_found_by_the_search() {
        UUID folder = folder("Manuales " + fx.tag, Set.of(Audience.INTERNAL), Set.of(), Set.of());
        byte[] pdf = LibraryFixtures.pdf("Manual de la caldera " + fx.tag, "Revisión anual de la calefacción");

        UUID document = upload(fx.editor, folder, "Manual " + fx.tag, "manual.pdf", pdf);

        assertThat(fx.as(
                        fx.editor,
                        () -> library.documents(folder, ContentLanguage.ES, null, 50)
                                .rows()))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.id()).isEqualTo(document);
                    assertThat(row.title()).isEqualTo("Manual " + fx.tag);
                    assertThat(row.fileName()).isEqualTo("manual.pdf");
                    assertThat(row.fileType()).isEqualTo("application/pdf");
                    assertThat(row.fileSize()).isEqualTo(pdf.length);
                    assertThat(row.status()).isEqualTo(ContentStatus.DRAFT);
                });
        assertThat(download(fx.editor, document)).isEqualTo(pdf);
        List<SearchHit> hits = fx.as(fx.editor, () -> search.search("calefaccion " + fx.tag, ContentKind.DOCUMENT, 10));
        assertThat(hits).extracting(SearchHit::itemId).containsExactly(document);
        assertThat(fx.as(
                        fx.seller,
                        () -> library.documents(folder, ContentLanguage.ES, null, 50)
                                .rows()))
                .as("a draft is its editors' only")
                .isEmpty();
        assertThat(download(fx.seller, document)).isNull();
    }

    @Test
    void a_published_client_document_is_downloaded_by_a_client_and_an_internal_one_is_not() {
        UUID forClients = folder("Catálogos " + fx.tag, Set.of(Audience.CLIENTS), Set.of(), Set.of());
        UUID internal = folder("Interno " + fx.tag, Set.of(Audience.INTERNAL), Set.of(), Set.of());
        byte[] pdf = LibraryFixtures.pdf("Catalogo " + fx.tag);
        UUID catalogue = upload(fx.editor, forClients, "Catálogo", "catalogo.pdf", pdf);
        UUID memo = upload(fx.editor, internal, "Memoria", "memoria.pdf", LibraryFixtures.pdf("Memoria"));
        long catalogueVersion = version(catalogue);
        long memoVersion = version(memo);
        fx.as(fx.editor, () -> content.publish(catalogue, catalogueVersion));
        fx.as(fx.editor, () -> content.publish(memo, memoVersion));

        assertThat(download(LibraryFixtures.CLIENT, catalogue)).isEqualTo(pdf);
        assertThat(download(LibraryFixtures.CLIENT, memo)).isNull();
        assertThat(fx.as(
                        LibraryFixtures.CLIENT,
                        () -> library.documents(forClients, ContentLanguage.ES, null, 50)
                                .rows()))
                .extracting(DocumentRow::id)
                .containsExactly(catalogue);
        assertThat(download(fx.seller, memo)).isNotNull();
        assertThat(download(fx.seller, catalogue))
                .as("a folder only for clients")
                .isNull();
    }

    @Test
    void a_replacement_is_the_current_file_and_the_earlier_one_stays_downloadable_in_its_version() {
        UUID folder = folder("Tarifas " + fx.tag, Set.of(Audience.INTERNAL), Set.of(), Set.of());
        byte[] first = LibraryFixtures.pdf("Tarifa primera " + fx.tag);
        byte[] second = LibraryFixtures.pdf("Tarifa segunda " + fx.tag);
        UUID document = upload(fx.editor, folder, "Tarifa", "tarifa-2025.pdf", first);
        int firstRevision =
                fx.value("SELECT revision FROM cms_item WHERE id = :id", Map.of("id", document), Integer.class);
        long documentVersion = version(document);

        fx.as(
                fx.editor,
                () -> library.replace(
                        document,
                        documentVersion,
                        ContentLanguage.ES,
                        "tarifa-2026.pdf",
                        "application/pdf",
                        new ByteArrayInputStream(second)));

        assertThat(download(fx.editor, document)).isEqualTo(second);
        ByteArrayOutputStream earlier = new ByteArrayOutputStream();
        Optional<StoredFile> earlierFile =
                fx.as(fx.editor, () -> library.downloadRevision(document, firstRevision, ContentLanguage.ES, earlier));
        assertThat(earlierFile).map(StoredFile::name).contains("tarifa-2025.pdf");
        assertThat(earlier.toByteArray()).isEqualTo(first);
        assertThat(fx.as(fx.editor, () -> search.search("segunda " + fx.tag, ContentKind.DOCUMENT, 5)))
                .extracting(SearchHit::itemId)
                .containsExactly(document);
        assertThat(fx.as(fx.editor, () -> search.search("primera " + fx.tag, ContentKind.DOCUMENT, 5)))
                .as("only the current file's text is searched")
                .isEmpty();
    }

    @Test
    void a_folder_with_editor_roles_takes_uploads_only_from_editors_holding_one_of_them() {
        UUID folder =
                folder("Contratos " + fx.tag, Set.of(Audience.INTERNAL), Set.of(), Set.of(fx.roleId("purchasing")));
        byte[] pdf = LibraryFixtures.pdf("Contrato");

        refused(() -> upload(fx.editor, folder, "Contrato", "contrato.pdf", pdf), "cms.error.folder-not-editable");
        UUID document = upload(fx.purchasingEditor, folder, "Contrato", "contrato.pdf", pdf);
        long documentVersion = version(document);

        assertThat(fx.as(fx.editor, () -> library.folders()))
                .filteredOn(row -> row.id().equals(folder))
                .singleElement()
                .satisfies(row -> assertThat(row.editable()).isFalse());
        refused(
                () -> fx.as(fx.editor, () -> {
                    library.replace(
                            document,
                            documentVersion,
                            ContentLanguage.ES,
                            "otro.pdf",
                            "application/pdf",
                            new ByteArrayInputStream(pdf));
                    return null;
                }),
                "cms.error.folder-not-editable");
        assertThatThrownBy(() -> upload(fx.seller, folder, "x", "x.pdf", pdf))
                .as("without cms.edit")
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_changed_audience_reaches_every_document_of_the_folder_with_one_change_event_each() {
        UUID folder = folder("Avisos " + fx.tag, Set.of(Audience.INTERNAL), Set.of(), Set.of());
        UUID first = upload(fx.editor, folder, "Aviso 1", "aviso-1.pdf", LibraryFixtures.pdf("Uno"));
        UUID second = upload(fx.editor, folder, "Aviso 2", "aviso-2.pdf", LibraryFixtures.pdf("Dos"));
        long folderVersion = fx.as(fx.editor, () -> library.folders()).stream()
                .filter(row -> row.id().equals(folder))
                .findFirst()
                .orElseThrow()
                .version();
        events.clear();

        fx.as(
                fx.editor,
                () -> library.updateFolder(
                        folder,
                        folderVersion,
                        new FolderDraft(
                                null,
                                "Avisos " + fx.tag,
                                Set.of(Audience.CLIENTS, Audience.SUPPLIERS),
                                Set.of(),
                                Set.of())));

        for (UUID document : List.of(first, second)) {
            assertThat(fx.value(
                            "SELECT for_internal::text || for_clients::text || for_suppliers::text FROM cms_item"
                                    + " WHERE id = :id",
                            Map.of("id", document),
                            String.class))
                    .isEqualTo("falsetruetrue");
        }
        assertThat(events.stream(ContentChanged.class).map(ContentChanged::itemId))
                .containsExactlyInAnyOrder(first, second);
    }

    @Test
    void only_an_empty_folder_is_deleted_and_names_are_unique_beside_each_other() {
        UUID full = folder("Llena " + fx.tag, Set.of(Audience.INTERNAL), Set.of(), Set.of());
        upload(fx.editor, full, "Algo", "algo.pdf", LibraryFixtures.pdf("Algo"));
        UUID parent = folder("Padre " + fx.tag, Set.of(Audience.INTERNAL), Set.of(), Set.of());
        fx.as(
                fx.editor,
                () -> library.createFolder(
                        new FolderDraft(parent, "Hija", Set.of(Audience.INTERNAL), Set.of(), Set.of())));
        UUID empty = folder("Vacía " + fx.tag, Set.of(Audience.INTERNAL), Set.of(), Set.of());

        refused(() -> fx.as(fx.editor, () -> library.deleteFolder(full, 0)), "cms.error.folder-not-empty");
        refused(() -> fx.as(fx.editor, () -> library.deleteFolder(parent, 0)), "cms.error.folder-not-empty");
        refused(
                () -> folder("Vacía " + fx.tag, Set.of(Audience.INTERNAL), Set.of(), Set.of()),
                "cms.error.folder-name-taken");
        refused(
                () -> folder("Sin público " + fx.tag, Set.of(), Set.of(), Set.of()),
                "cms.error.folder-audience-required");
        refused(() -> fx.as(fx.editor, () -> library.deleteFolder(empty, 7)), "error.concurrent-edit");

        fx.as(fx.editor, () -> library.deleteFolder(empty, 0));

        assertThat(folderIds(fx.editor)).contains(full, parent).doesNotContain(empty);
        assertThatThrownBy(() -> fx.as(fx.seller, () -> library.deleteFolder(full, 0)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_program_is_refused_and_a_broken_pdf_is_kept_without_text() {
        UUID folder = folder("Varios " + fx.tag, Set.of(Audience.INTERNAL), Set.of(), Set.of());

        refused(
                () -> upload(fx.editor, folder, "Programa", "setup.exe", new byte[] {'M', 'Z', 0, 0}),
                "cms.error.file-type");
        byte[] broken = ("%PDF-1.7\n" + fx.tag + " not really a pdf").getBytes(StandardCharsets.US_ASCII);
        UUID document = upload(fx.editor, folder, "Roto " + fx.tag, "roto.pdf", broken);

        assertThat(download(fx.editor, document)).isEqualTo(broken);
        assertThat(fx.value(
                        "SELECT coalesce(file_text, '<none>') FROM cms_item_text WHERE item_id = :id",
                        Map.of("id", document),
                        String.class))
                .isEqualTo("<none>");
    }
}
