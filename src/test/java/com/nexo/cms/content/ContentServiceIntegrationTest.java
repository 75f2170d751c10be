package com.nexo.cms.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.cms.Audience;
import com.nexo.cms.CmsRuleException;
import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import com.nexo.cms.ContentStatus;
import com.nexo.security.NexoUser;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Content as the application's role against the real database: both languages saved and rendered
 * safe, slugs made from titles and refused when taken or malformed, a stale save refused, every save a
 * revision with its changed fields and who made it, a restore, publication now and scheduled, the
 * schedule publishing and expiring, attachment types and sizes, and users without the permissions
 * refused.
 */
@NexoSpringTest
class ContentServiceIntegrationTest {

    private static final String EDITOR = "admin@demo.nexo";
    private static final String READER = "consulta@demo.nexo";

    @Autowired
    private ContentService content;

    @Autowired
    private PublicationSchedule schedule;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    private final String unique = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anItemIsCreatedInBothLanguagesWithASlugFromItsTitleAndItsMarkdownRenderedSafe() {
        UUID id = asEditor(() -> content.create(draft(
                "Política de Privacidad " + unique,
                "Privacy policy " + unique,
                "Hola **mundo** <script>alert(1)</script>")));

        ItemDetail item = asEditor(() -> content.get(id));
        assertThat(item.slug()).isEqualTo("politica-de-privacidad-" + unique);
        assertThat(item.status()).isEqualTo(ContentStatus.DRAFT);
        assertThat(item.revision()).isEqualTo(1);
        assertThat(item.audiences()).containsExactlyInAnyOrder(Audience.INTERNAL, Audience.CLIENTS);
        assertThat(item.texts()).containsOnlyKeys(ContentLanguage.ES, ContentLanguage.EN);
        assertThat(item.texts().get(ContentLanguage.ES).bodyHtml())
                .contains("<strong>mundo</strong>")
                .doesNotContain("script");

        // The same title again: the slug gets a number.
        UUID twin = asEditor(() -> content.create(draft("Política de Privacidad " + unique, null, "")));
        assertThat(asEditor(() -> content.get(twin)).slug()).isEqualTo("politica-de-privacidad-" + unique + "-2");

        List<ItemRow> rows = asEditor(
                () -> content.list(new ItemFilter(ContentKind.NEWS, null, null, unique), ContentLanguage.EN, 0, 10));
        assertThat(rows).extracting(ItemRow::id).containsExactlyInAnyOrder(id, twin);
        ItemRow onlySpanish =
                rows.stream().filter(row -> row.id().equals(twin)).findFirst().orElseThrow();
        assertThat(onlySpanish.titleLanguage()).isEqualTo(ContentLanguage.ES);
        assertThat(onlySpanish.languages()).containsExactly(ContentLanguage.ES);
        assertThat(asEditor(() -> content.count(new ItemFilter(null, null, Audience.PUBLIC, unique))))
                .isZero();
    }

    @Test
    void slugsThatAreMalformedOrTakenAndInvalidTextsAreRefusedOnTheirField() {
        UUID first = asEditor(() -> content.create(draft("Primero " + unique, null, "")));
        String taken = asEditor(() -> content.get(first)).slug();

        assertRefused(
                () -> content.create(withSlug(draft("Otro " + unique, null, ""), taken)),
                "slug",
                "cms.error.slug-taken");
        assertRefused(
                () -> content.create(withSlug(draft("Otro " + unique, null, ""), "Con Espacios")),
                "slug",
                "cms.error.slug-format");
        assertRefused(() -> content.create(draft(" ", null, "")), "title.es", "cms.error.title-required");
        assertRefused(
                () -> content.create(new ItemDraft(
                        ContentKind.NEWS, null, null, null, Set.of(Audience.INTERNAL), Set.of(), null, null, Map.of())),
                "texts",
                "cms.error.no-language");
        Map<ContentLanguage, TextDraft> longSummary =
                Map.of(ContentLanguage.EN, new TextDraft("Long " + unique, "x".repeat(301), ""));
        assertRefused(
                () -> content.create(new ItemDraft(
                        ContentKind.NEWS,
                        null,
                        null,
                        null,
                        Set.of(Audience.INTERNAL),
                        Set.of(),
                        null,
                        null,
                        longSummary)),
                "summary.en",
                "cms.error.summary-too-long");
        Instant now = Instant.now();
        assertRefused(
                () -> content.create(new ItemDraft(
                        ContentKind.NEWS,
                        null,
                        null,
                        null,
                        Set.of(Audience.INTERNAL),
                        Set.of(),
                        now.plus(2, ChronoUnit.DAYS),
                        now.plus(1, ChronoUnit.DAYS),
                        texts("Fechas " + unique, null, ""))),
                "expireAt",
                "cms.error.expire-before-publish");
        assertRefused(
                () -> content.create(new ItemDraft(
                        ContentKind.DOCUMENT,
                        null,
                        null,
                        null,
                        Set.of(Audience.INTERNAL),
                        Set.of(),
                        null,
                        null,
                        texts("Documento " + unique, null, ""))),
                "folderId",
                "cms.error.folder-required");
    }

    @Test
    void aStaleSaveIsRefusedAndEverySaveIsARevisionThatCanBeRestored() {
        UUID id = asEditor(() -> content.create(draft("Versión uno " + unique, "Version one " + unique, "Uno")));
        ItemDetail first = asEditor(() -> content.get(id));

        asEditor(() -> {
            content.update(id, first.version(), draft("Versión dos " + unique, null, "Dos"), "segunda");
            return null;
        });
        // The first editor saves again on what it read: someone else saved in between.
        assertRefused(
                () -> {
                    content.update(id, first.version(), draft("Versión tres " + unique, null, "Tres"), null);
                    return null;
                },
                null,
                "cms.error.concurrent");

        ItemDetail second = asEditor(() -> content.get(id));
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.texts()).containsOnlyKeys(ContentLanguage.ES);

        List<RevisionRow> revisions = asEditor(() -> content.revisions(id));
        assertThat(revisions).extracting(RevisionRow::revision).containsExactly(2, 1);
        assertThat(revisions.getFirst().changedFields())
                .contains("title.es", "body.es", "title.en", "body.en")
                .doesNotContain("slug", "audiences");
        assertThat(revisions.getFirst().note()).isEqualTo("segunda");
        assertThat(revisions.getFirst().changedBy()).isNotBlank();

        ItemDetail old = asEditor(() -> content.atRevision(id, 1));
        assertThat(old.texts().get(ContentLanguage.EN).title()).isEqualTo("Version one " + unique);

        asEditor(() -> {
            content.restore(id, 1, second.version());
            return null;
        });
        ItemDetail restored = asEditor(() -> content.get(id));
        assertThat(restored.revision()).isEqualTo(3);
        assertThat(restored.texts().get(ContentLanguage.ES).title()).isEqualTo("Versión uno " + unique);
        assertThat(restored.texts().get(ContentLanguage.EN).bodyHtml()).contains("Uno");
        assertThat(asEditor(() -> content.revisions(id)).getFirst().note()).isEqualTo("restored from 1");
    }

    @Test
    void publishingNowOrLaterAndTheScheduleThatPublishesAndExpires() {
        UUID now = asEditor(() -> content.create(draft("Ahora " + unique, null, "")));
        asEditor(() -> {
            content.publish(now, content.get(now).version());
            return null;
        });
        ItemDetail published = asEditor(() -> content.get(now));
        assertThat(published.status()).isEqualTo(ContentStatus.PUBLISHED);
        assertThat(published.publishedAt()).isNotNull();
        assertThat(asEditor(() -> content.revisions(now)).getFirst().changedFields())
                .containsExactly("status");

        asEditor(() -> {
            content.unpublish(now, content.get(now).version());
            return null;
        });
        assertThat(asEditor(() -> content.get(now)).status()).isEqualTo(ContentStatus.DRAFT);

        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS);
        UUID later = asEditor(() -> content.create(new ItemDraft(
                ContentKind.NEWS,
                null,
                null,
                null,
                Set.of(Audience.CLIENTS),
                Set.of(),
                tomorrow,
                tomorrow.plus(1, ChronoUnit.DAYS),
                texts("Mañana " + unique, null, ""))));
        asEditor(() -> {
            content.publish(later, content.get(later).version());
            return null;
        });
        assertThat(asEditor(() -> content.get(later)).status()).isEqualTo(ContentStatus.SCHEDULED);

        // Its time comes: the schedule publishes it.
        asEditor(() -> moveDates(later, "-2 hours", "+1 day"));
        NexoUser editor = (NexoUser) users.loadUserByUsername(EDITOR);
        List<UUID> changed = TenantContext.callAsSystem(editor.tenantId(), null, schedule::applyDue);
        assertThat(changed).contains(later);
        ItemDetail due = asEditor(() -> content.get(later));
        assertThat(due.status()).isEqualTo(ContentStatus.PUBLISHED);
        assertThat(due.publishedAt()).isEqualTo(due.publishAt());
        assertThat(asEditor(() -> content.revisions(later)).getFirst().changedFields())
                .containsExactly("status");

        // Its expiry passes: the schedule expires it.
        asEditor(() -> moveDates(later, "-2 hours", "-1 hour"));
        assertThat(TenantContext.callAsSystem(editor.tenantId(), null, schedule::applyDue))
                .contains(later);
        assertThat(asEditor(() -> content.get(later)).status()).isEqualTo(ContentStatus.EXPIRED);
        assertThat(TenantContext.callAsSystem(editor.tenantId(), null, schedule::applyDue))
                .doesNotContain(later);
    }

    @Test
    void attachmentsAreCheckedByTheirBytesAndSizeAndDeletedWithTheirItem() {
        UUID id = asEditor(() -> content.create(draft("Adjuntos " + unique, null, "")));
        byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

        AttachmentRow image = asEditor(() -> content.attach(id, "foto.png", "image/png", stream(png)));
        assertThat(image.image()).isTrue();
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.address()).isEqualTo("/cms/files/" + image.fileId());
        AttachmentRow pdf =
                asEditor(() -> content.attach(id, "informe.pdf", "application/pdf", stream("%PDF-1.4\n".getBytes())));
        assertThat(pdf.image()).isFalse();
        assertThat(asEditor(() -> content.attachments(id)))
                .extracting(AttachmentRow::id)
                .containsExactly(image.id(), pdf.id());

        assertRefused(
                () -> content.attach(id, "foto.png", "image/png", stream("<svg onload=x>".getBytes())),
                null,
                "cms.error.file-type");
        assertRefused(
                () -> content.attach(id, "pagina.html", "text/html", stream("<html></html>".getBytes())),
                null,
                "cms.error.file-type");
        assertRefused(
                () -> content.attach(id, "dibujo.svg", "image/svg+xml", stream("<svg></svg>".getBytes())),
                null,
                "cms.error.file-type");
        assertRefused(
                () -> content.attach(id, "notas.txt", "text/plain", stream("<!DOCTYPE html><p>".getBytes())),
                null,
                "cms.error.file-type");
        assertRefused(
                () -> content.attach(id, "programa.exe", "application/octet-stream", stream("MZ".getBytes())),
                null,
                "cms.error.file-type");
        byte[] big = new byte[(int) ContentService.MAX_IMAGE_BYTES + 1];
        System.arraycopy(png, 0, big, 0, png.length);
        assertRefused(
                () -> content.attach(id, "grande.png", "image/png", stream(big)), null, "cms.error.file-too-large");
        assertThat(asEditor(() -> content.attachments(id))).hasSize(2);

        asEditor(() -> {
            content.delete(id, content.get(id).version());
            return null;
        });
        assertRefused(() -> content.get(id), null, "cms.error.not-found");
        long files = asEditor(() -> new TransactionTemplate(transactions)
                .execute(status -> jdbc.sql("SELECT count(*) FROM stored_file WHERE id IN (:ids)")
                        .param("ids", List.of(image.fileId(), pdf.fileId()))
                        .query(Long.class)
                        .single()));
        assertThat(files).isZero();
    }

    @Test
    void aReaderMayNotWriteAndAnEditorWithoutPublishMayNotPublish() {
        UUID id = asEditor(() -> content.create(draft("Permisos " + unique, null, "")));
        LoggedIn.asUser(users, READER, () -> {
            assertThatThrownBy(() -> content.create(draft("Lector " + unique, null, "")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> content.get(id)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> content.publish(id, 0)).isInstanceOf(AccessDeniedException.class);
            return null;
        });
        NexoUser admin = (NexoUser) users.loadUserByUsername(EDITOR);
        NexoUser writerOnly = withPermissions(admin, Set.of("cms.read", "cms.edit"));
        LoggedIn.asPrincipal(writerOnly, () -> {
            ItemDetail item = content.get(id);
            assertThatThrownBy(() -> content.publish(id, item.version())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> content.restore(id, 1, item.version())).isInstanceOf(AccessDeniedException.class);
            return null;
        });
    }

    // ---------------------------------------------------------------------------------------------

    private Void moveDates(UUID id, String publishShift, String expireShift) {
        new TransactionTemplate(transactions)
                .executeWithoutResult(
                        status -> jdbc.sql("UPDATE cms_item SET publish_at = now() + CAST(:p AS interval),"
                                        + " expire_at = now() + CAST(:e AS interval) WHERE id = :id")
                                .param("p", publishShift)
                                .param("e", expireShift)
                                .param("id", id)
                                .update());
        return null;
    }

    private static NexoUser withPermissions(NexoUser user, Set<String> permissions) {
        return user.withAccess(permissions, user.accessVersion());
    }

    private <T> T asEditor(Supplier<T> work) {
        return LoggedIn.asUser(users, EDITOR, work);
    }

    private void assertRefused(Supplier<?> work, String field, String key) {
        asEditor(() -> {
            assertThatThrownBy(work::get).isInstanceOfSatisfying(CmsRuleException.class, refused -> {
                assertThat(refused.messageKey()).isEqualTo(key);
                assertThat(refused.field()).isEqualTo(field);
            });
            return null;
        });
    }

    private static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    static ItemDraft draft(String titleEs, String titleEn, String body) {
        return new ItemDraft(
                ContentKind.NEWS,
                null,
                null,
                null,
                Set.of(Audience.INTERNAL, Audience.CLIENTS),
                Set.of(),
                null,
                null,
                texts(titleEs, titleEn, body));
    }

    static Map<ContentLanguage, TextDraft> texts(String titleEs, String titleEn, String body) {
        Map<ContentLanguage, TextDraft> texts = new EnumMap<>(ContentLanguage.class);
        if (titleEs != null) {
            texts.put(ContentLanguage.ES, new TextDraft(titleEs, "Resumen", body));
        }
        if (titleEn != null) {
            texts.put(ContentLanguage.EN, new TextDraft(titleEn, "Summary", body));
        }
        return texts;
    }

    private static ItemDraft withSlug(ItemDraft draft, String slug) {
        return new ItemDraft(
                draft.kind(),
                slug,
                draft.categoryId(),
                draft.folderId(),
                draft.audiences(),
                draft.internalRoles(),
                draft.publishAt(),
                draft.expireAt(),
                draft.texts());
    }
}
