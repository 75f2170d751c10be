package com.nexo.cms.content;

import com.nexo.base.Ids;
import com.nexo.base.files.FileStorage;
import com.nexo.base.files.FileTooLargeException;
import com.nexo.base.files.StoredFile;
import com.nexo.cms.Audience;
import com.nexo.cms.CmsPermissions;
import com.nexo.cms.CmsRuleException;
import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import com.nexo.cms.ContentStatus;
import com.nexo.security.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing content: items and their texts in both languages, slugs, audiences, revisions (every save
 * keeps a snapshot with who changed which fields) and restore, publication (now or scheduled),
 * unpublishing and deletion, images and attachments. Markdown is rendered and sanitised here
 * ({@link MarkdownRenderer}) so readers are only ever served the stored safe HTML.
 */
@Service
public class ContentService {

    /** Largest image (png, jpeg, webp, gif) an editor may upload into a text. */
    public static final long MAX_IMAGE_BYTES = 5L * 1024 * 1024;
    /** Largest attachment or document file. */
    public static final long MAX_FILE_BYTES = 50L * 1024 * 1024;

    static final int TITLE_LENGTH = 200;
    static final int SUMMARY_LENGTH = 300;
    static final int BODY_LENGTH = 200_000;
    static final int FILE_TEXT_LENGTH = 300_000;
    private static final String FILE_ADDRESS = "/cms/files/";

    private static final String INSERT_ITEM = """
            INSERT INTO cms_item (id, kind, slug, category_id, folder_id, publish_at, expire_at, for_internal,
                                  for_clients, for_suppliers, for_professionals, for_public, internal_roles)
            VALUES (:id, :kind, :slug, :category, :folder, :publishAt, :expireAt, :internal, :clients, :suppliers,
                    :professionals, :public, CAST(:roles AS uuid[]))
            RETURNING tenant_id
            """;

    private static final String UPDATE_ITEM = """
            UPDATE cms_item
               SET slug = :slug, category_id = :category, publish_at = :publishAt, expire_at = :expireAt,
                   for_internal = :internal, for_clients = :clients, for_suppliers = :suppliers,
                   for_professionals = :professionals, for_public = :public, internal_roles = CAST(:roles AS uuid[])
             WHERE id = :id
            """;

    /** Every save: a new revision number and version, who and when. */
    private static final String TOUCH = """
            UPDATE cms_item SET revision = revision + 1, version = version + 1, updated_at = now(),
                                updated_by = nexo_user_id()
             WHERE id = :id
            RETURNING tenant_id
            """;

    private static final String UPSERT_TEXT = """
            INSERT INTO cms_item_text (item_id, lang, title, summary, body_md, body_html)
            VALUES (:item, :lang, :title, :summary, :body, :html)
            ON CONFLICT (tenant_id, item_id, lang) DO UPDATE
               SET title = EXCLUDED.title, summary = EXCLUDED.summary, body_md = EXCLUDED.body_md,
                   body_html = EXCLUDED.body_html, updated_at = now()
            """;

    private final JdbcClient jdbc;
    private final ItemStore store;
    private final MarkdownRenderer renderer;
    private final FileStorage files;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ContentService(
            JdbcClient jdbc,
            ItemStore store,
            MarkdownRenderer renderer,
            FileStorage files,
            UserDirectory users,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.renderer = renderer;
        this.files = files;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a draft (revision 1, version 0) and returns its id. */
    @Transactional
    @RolesAllowed(CmsPermissions.EDIT)
    public UUID create(ItemDraft draft) {
        if (draft == null || draft.kind() == null) {
            throw CmsRuleException.onField("kind", "cms.error.kind-required");
        }
        UUID id = Ids.newId();
        Valid valid = validate(draft, draft.kind(), id, null);
        UUID tenant;
        try {
            tenant = itemParams(jdbc.sql(INSERT_ITEM), id, valid)
                    .param("kind", draft.kind().name())
                    .param("folder", valid.folderId())
                    .query(UUID.class)
                    .single();
        } catch (DuplicateKeyException taken) {
            throw CmsRuleException.onField("slug", "cms.error.slug-taken");
        }
        writeTexts(id, valid.texts());
        ItemDetail after = store.detail(id, false).orElseThrow();
        store.recordRevisions(List.of(id), Changes.between(null, after), null);
        events.publishEvent(new ContentChanged(tenant, id, after.slug(), null));
        return id;
    }

    /**
     * Saves a new state of the item as a new revision; {@code version} as read (concurrent edit refused). A
     * save that changes nothing (and has no note) writes nothing.
     */
    @Transactional
    @RolesAllowed(CmsPermissions.EDIT)
    public void update(UUID id, long version, ItemDraft draft, String note) {
        ItemDetail before = locked(id, version);
        if (draft == null) {
            throw new CmsRuleException("cms.error.no-language");
        }
        if (draft.kind() != null && draft.kind() != before.kind()) {
            throw CmsRuleException.onField("kind", "cms.error.kind-fixed");
        }
        Valid valid = validate(draft, before.kind(), id, before.slug());
        try {
            itemParams(jdbc.sql(UPDATE_ITEM), id, valid).update();
        } catch (DuplicateKeyException taken) {
            throw CmsRuleException.onField("slug", "cms.error.slug-taken");
        }
        writeTexts(id, valid.texts());
        jdbc.sql("DELETE FROM cms_item_text WHERE item_id = :id AND lang <> ALL(CAST(:langs AS text[]))")
                .param("id", id)
                .param(
                        "langs",
                        ItemStore.arrayLiteral(valid.texts().keySet().stream()
                                .map(ContentLanguage::code)
                                .toList()))
                .update();
        String cleanNote = cleanNote(note);
        if (cleanNote == null
                && Changes.between(before, store.detail(id, false).orElseThrow())
                        .isEmpty()) {
            // Nothing changed: no new revision, the version the editor holds stays good.
            return;
        }
        saved(before, cleanNote);
    }

    /** The item with its texts, for the editor. */
    @Transactional(readOnly = true)
    @RolesAllowed(CmsPermissions.EDIT)
    public ItemDetail get(UUID id) {
        return store.detail(id, false).orElseThrow(() -> new CmsRuleException("cms.error.not-found"));
    }

    /** A page of the content list, newest change first. */
    @Transactional(readOnly = true)
    @RolesAllowed(CmsPermissions.EDIT)
    public List<ItemRow> list(ItemFilter filter, ContentLanguage language, int offset, int limit) {
        ContentLanguage mine = language == null ? ContentLanguage.ES : language;
        ListSql where = ListSql.of(filter);
        return where.bind(jdbc.sql("""
                        SELECT i.id, i.kind, i.slug, i.status, i.for_internal, i.for_clients, i.for_suppliers,
                               i.for_professionals, i.for_public, i.published_at, i.updated_at,
                               coalesce(mine.title, other.title) AS title,
                               CASE WHEN mine.title IS NOT NULL THEN :lang ELSE :other END AS title_lang,
                               (SELECT string_agg(t.lang, ',' ORDER BY t.lang) FROM cms_item_text t
                                 WHERE t.item_id = i.id) AS langs
                          FROM cms_item i
                          LEFT JOIN cms_item_text mine ON mine.item_id = i.id AND mine.lang = :lang
                          LEFT JOIN cms_item_text other ON other.item_id = i.id AND other.lang = :other
                        """ + where.sql() + " ORDER BY i.updated_at DESC, i.id OFFSET :offset LIMIT :limit"))
                .param("lang", mine.code())
                .param("other", mine.other().code())
                .param("offset", Math.max(0, offset))
                .param("limit", Math.max(0, Math.min(limit, 500)))
                .query((rs, n) -> new ItemRow(
                        rs.getObject("id", UUID.class),
                        ContentKind.valueOf(rs.getString("kind")),
                        rs.getString("slug"),
                        rs.getString("title"),
                        ContentLanguage.fromCode(rs.getString("title_lang")),
                        languages(rs.getString("langs")),
                        ContentStatus.valueOf(rs.getString("status")),
                        ItemStore.audiences(rs),
                        ItemStore.instant(rs, "published_at"),
                        ItemStore.instant(rs, "updated_at")))
                .list();
    }

    @Transactional(readOnly = true)
    @RolesAllowed(CmsPermissions.EDIT)
    public long count(ItemFilter filter) {
        ListSql where = ListSql.of(filter);
        return where.bind(jdbc.sql("SELECT count(*) FROM cms_item i" + where.sql()))
                .query(Long.class)
                .single();
    }

    /** Publishes now, or schedules when the item's publish-at lies ahead. */
    @Transactional
    @RolesAllowed(CmsPermissions.PUBLISH)
    public void publish(UUID id, long version) {
        ItemDetail before = locked(id, version);
        Instant now = clock.instant();
        ContentStatus status = PublicationRules.onPublish(before.publishAt(), before.expireAt(), now)
                .orElseThrow(() -> CmsRuleException.onField("expireAt", "cms.error.already-expired"));
        if (before.kind() == ContentKind.DOCUMENT
                && before.texts().values().stream().allMatch(text -> text.fileId() == null)) {
            throw new CmsRuleException("cms.error.document-without-file");
        }
        jdbc.sql("UPDATE cms_item SET status = :status,"
                        + " published_at = CASE WHEN :status = 'PUBLISHED' THEN :now ELSE published_at END"
                        + " WHERE id = :id")
                .param("status", status.name())
                .param("now", at(now))
                .param("id", id)
                .update();
        saved(before, null);
    }

    /** Back to draft: no reader sees it any more. */
    @Transactional
    @RolesAllowed(CmsPermissions.PUBLISH)
    public void unpublish(UUID id, long version) {
        ItemDetail before = locked(id, version);
        jdbc.sql("UPDATE cms_item SET status = 'DRAFT' WHERE id = :id")
                .param("id", id)
                .update();
        saved(before, null);
    }

    /** Deletes the item with its texts, revisions and attachments (files it alone used go too). */
    @Transactional
    @RolesAllowed(CmsPermissions.EDIT)
    public void delete(UUID id, long version) {
        ItemDetail before = locked(id, version);
        // Every file the item refers to now, as an attachment or in any of its revisions.
        List<UUID> used = jdbc.sql("""
                        SELECT file_id FROM cms_attachment WHERE item_id = :id
                        UNION
                        SELECT CAST(t.value->>'file_id' AS uuid) FROM cms_item_revision r,
                               jsonb_array_elements(r.snapshot->'texts') t
                         WHERE r.item_id = :id AND t.value->>'file_id' IS NOT NULL
                        UNION
                        SELECT file_id FROM cms_item_text WHERE item_id = :id AND file_id IS NOT NULL
                        """).param("id", id).query(UUID.class).list();
        UUID tenant = jdbc.sql("DELETE FROM cms_item WHERE id = :id RETURNING tenant_id")
                .param("id", id)
                .query(UUID.class)
                .single();
        for (UUID file : used) {
            boolean elsewhere = jdbc.sql("""
                            SELECT EXISTS (SELECT 1 FROM cms_item_text WHERE file_id = :file)
                                OR EXISTS (SELECT 1 FROM cms_attachment WHERE file_id = :file)
                                OR EXISTS (SELECT 1 FROM cms_item_revision r, jsonb_array_elements(r.snapshot->'texts') t
                                            WHERE t.value->>'file_id' = :fileText)
                            """)
                    .param("file", file)
                    .param("fileText", file.toString())
                    .query(Boolean.class)
                    .single();
            if (!elsewhere) {
                files.delete(file);
            }
        }
        events.publishEvent(new ContentChanged(tenant, id, before.slug(), null));
    }

    /** Every saved state, newest first. */
    @Transactional(readOnly = true)
    @RolesAllowed(CmsPermissions.EDIT)
    public List<RevisionRow> revisions(UUID id) {
        record Raw(int revision, Instant at, UUID by, List<String> fields, String note) {}
        List<Raw> rows = jdbc.sql("SELECT revision, changed_at, changed_by, changed_fields, note"
                        + " FROM cms_item_revision WHERE item_id = :id ORDER BY revision DESC")
                .param("id", id)
                .query((rs, n) -> new Raw(
                        rs.getInt("revision"),
                        ItemStore.instant(rs, "changed_at"),
                        rs.getObject("changed_by", UUID.class),
                        List.of((String[]) rs.getArray("changed_fields").getArray()),
                        rs.getString("note")))
                .list();
        Map<UUID, String> names = users.namesOf(rows.stream().map(Raw::by).toList());
        return rows.stream()
                .map(raw -> new RevisionRow(raw.revision(), raw.at(), names.get(raw.by()), raw.fields(), raw.note()))
                .toList();
    }

    /** The item as it was at a revision (texts and settings), to look at before restoring. */
    @Transactional(readOnly = true)
    @RolesAllowed(CmsPermissions.EDIT)
    public ItemDetail atRevision(UUID id, int revision) {
        return store.atRevision(id, revision).orElseThrow(() -> new CmsRuleException("cms.error.revision-not-found"));
    }

    /** Saves the state of {@code revision} as a new revision (its status stays the current one). */
    @Transactional
    @RolesAllowed(CmsPermissions.PUBLISH)
    public void restore(UUID id, int revision, long version) {
        ItemDetail before = locked(id, version);
        ItemDetail old =
                store.atRevision(id, revision).orElseThrow(() -> new CmsRuleException("cms.error.revision-not-found"));
        Instant publishAt = old.publishAt();
        if (before.status() == ContentStatus.SCHEDULED && publishAt == null) {
            // A scheduled item keeps a publication date.
            publishAt = before.publishAt();
        }
        if (old.expireAt() != null && publishAt != null && !old.expireAt().isAfter(publishAt)) {
            throw CmsRuleException.onField("expireAt", "cms.error.expire-before-publish");
        }
        boolean takenSlug = jdbc.sql("SELECT EXISTS (SELECT 1 FROM cms_item WHERE slug = :slug AND id <> :id)")
                .param("slug", old.slug())
                .param("id", id)
                .query(Boolean.class)
                .single();
        if (takenSlug) {
            throw CmsRuleException.onField("slug", "cms.error.slug-taken");
        }
        // A document's audience is its folder's as it is now.
        Set<Audience> audiences = before.kind() == ContentKind.DOCUMENT ? before.audiences() : old.audiences();
        Valid valid = new Valid(
                old.slug(),
                before.kind() == ContentKind.ARTICLE ? old.categoryId() : null,
                before.folderId(),
                audiences,
                audiences.contains(Audience.INTERNAL) ? old.internalRoles() : Set.of(),
                publishAt,
                old.expireAt(),
                Map.of());
        itemParams(jdbc.sql(UPDATE_ITEM), id, valid).update();
        jdbc.sql("DELETE FROM cms_item_text WHERE item_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("""
                        INSERT INTO cms_item_text (item_id, lang, title, summary, body_md, body_html, file_id, file_text)
                        SELECT :id, t.lang, t.title, t.summary, t.body_md, '', t.file_id, t.file_text
                          FROM cms_item_revision r, jsonb_populate_recordset(NULL::cms_item_text, r.snapshot->'texts') t
                         WHERE r.item_id = :id AND r.revision = :revision
                        """).param("id", id).param("revision", revision).update();
        // Rendered again: the safe HTML is whatever the sanitiser's policy makes of the text today.
        for (ItemText text : old.texts().values()) {
            jdbc.sql("UPDATE cms_item_text SET body_html = :html WHERE item_id = :id AND lang = :lang")
                    .param("html", renderer.toSafeHtml(text.bodyMarkdown()))
                    .param("id", id)
                    .param("lang", text.language().code())
                    .update();
        }
        saved(before, "restored from " + revision);
    }

    /** A knowledge-base category as the editor's picker shows it. */
    public record CategoryChoice(UUID id, String name) {}

    /** The knowledge-base categories, named in {@code language} or the other, for an article's picker. */
    @Transactional(readOnly = true)
    @RolesAllowed(CmsPermissions.EDIT)
    public List<CategoryChoice> categories(ContentLanguage language) {
        String first = language == ContentLanguage.EN ? "name_en" : "name_es";
        String second = language == ContentLanguage.EN ? "name_es" : "name_en";
        return jdbc.sql("SELECT id, coalesce(" + first + ", " + second + ") AS name FROM cms_category"
                        + " ORDER BY position, lower(coalesce(" + first + ", " + second + ")), id")
                .query((rs, n) -> new CategoryChoice(rs.getObject("id", UUID.class), rs.getString("name")))
                .list();
    }

    /**
     * Uploads an image or file into an item (type and size checked: images up to {@link
     * #MAX_IMAGE_BYTES}, other files up to {@link #MAX_FILE_BYTES}, executables and HTML refused).
     */
    @Transactional
    @RolesAllowed(CmsPermissions.EDIT)
    public AttachmentRow attach(UUID itemId, String name, String contentType, InputStream content) {
        exists(itemId);
        String cleanName = name == null ? "" : name.strip();
        try {
            BufferedInputStream buffered = new BufferedInputStream(content, FileTypes.HEAD * 2);
            FileTypes.FileType type = FileTypes.detect(cleanName, FileTypes.head(buffered))
                    .orElseThrow(() -> new CmsRuleException("cms.error.file-type", cleanName));
            long limit = type.image() ? MAX_IMAGE_BYTES : MAX_FILE_BYTES;
            StoredFile file;
            try {
                file = files.store(
                        cleanName, type.contentType(), type.image() ? "cms-image" : "cms-attachment", buffered, limit);
            } catch (FileTooLargeException tooLarge) {
                throw new CmsRuleException("cms.error.file-too-large", cleanName, limit / (1024 * 1024));
            }
            UUID id = Ids.newId();
            jdbc.sql("INSERT INTO cms_attachment (id, item_id, file_id, kind) VALUES (:id, :item, :file, :kind)")
                    .param("id", id)
                    .param("item", itemId)
                    .param("file", file.id())
                    .param("kind", type.image() ? "IMAGE" : "FILE")
                    .update();
            return attachment(id, file, type.image());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @Transactional(readOnly = true)
    @RolesAllowed(CmsPermissions.EDIT)
    public List<AttachmentRow> attachments(UUID itemId) {
        record Raw(UUID id, UUID fileId, boolean image) {}
        List<Raw> rows = jdbc.sql("SELECT id, file_id, kind FROM cms_attachment WHERE item_id = :item"
                        + " ORDER BY created_at, id")
                .param("item", itemId)
                .query((rs, n) -> new Raw(
                        rs.getObject("id", UUID.class),
                        rs.getObject("file_id", UUID.class),
                        "IMAGE".equals(rs.getString("kind"))))
                .list();
        List<AttachmentRow> attachments = new ArrayList<>();
        for (Raw raw : rows) {
            files.find(raw.fileId()).ifPresent(file -> attachments.add(attachment(raw.id(), file, raw.image())));
        }
        return attachments;
    }

    /**
     * Sets a document's file in one language (a replace keeps the earlier file in the earlier
     * revision) with its extracted text for the search; a new revision. Called by the library. A
     * language without a text yet gets one titled as the other language's.
     */
    @Transactional
    @RolesAllowed(CmsPermissions.EDIT)
    public void setDocumentFile(UUID itemId, long version, ContentLanguage language, UUID fileId, String fileText) {
        ItemDetail before = locked(itemId, version);
        if (before.kind() != ContentKind.DOCUMENT) {
            throw new CmsRuleException("cms.error.not-a-document");
        }
        String text = fileText == null
                ? null
                : fileText.replace('\0', ' ').substring(0, Math.min(fileText.length(), FILE_TEXT_LENGTH));
        if (!before.texts().containsKey(language)) {
            ItemText other = before.texts().get(language.other());
            jdbc.sql("INSERT INTO cms_item_text (item_id, lang, title) VALUES (:id, :lang, :title)")
                    .param("id", itemId)
                    .param("lang", language.code())
                    .param("title", other.title())
                    .update();
        }
        jdbc.sql("UPDATE cms_item_text SET file_id = :file, file_text = :text, updated_at = now()"
                        + " WHERE item_id = :id AND lang = :lang")
                .param("file", fileId)
                .param("text", text)
                .param("id", itemId)
                .param("lang", language.code())
                .update();
        saved(before, null);
    }

    // ---------------------------------------------------------------------------------------------

    /** What a draft becomes once checked: the slug to store, the audiences, the texts. */
    private record Valid(
            String slug,
            UUID categoryId,
            UUID folderId,
            Set<Audience> audiences,
            Set<UUID> internalRoles,
            Instant publishAt,
            Instant expireAt,
            Map<ContentLanguage, TextDraft> texts) {}

    private Valid validate(ItemDraft draft, ContentKind kind, UUID id, String currentSlug) {
        Map<ContentLanguage, TextDraft> texts = new EnumMap<>(ContentLanguage.class);
        if (draft.texts() != null) {
            draft.texts().forEach((language, text) -> {
                if (language != null && text != null) {
                    texts.put(language, text);
                }
            });
        }
        if (texts.isEmpty()) {
            throw CmsRuleException.onField("texts", "cms.error.no-language");
        }
        Map<ContentLanguage, TextDraft> clean = new EnumMap<>(ContentLanguage.class);
        texts.forEach((language, text) -> clean.put(language, checkText(language, text)));

        if (draft.expireAt() != null
                && draft.publishAt() != null
                && !draft.expireAt().isAfter(draft.publishAt())) {
            throw CmsRuleException.onField("expireAt", "cms.error.expire-before-publish");
        }
        if (draft.categoryId() != null && kind != ContentKind.ARTICLE) {
            throw CmsRuleException.onField("categoryId", "cms.error.category-only-articles");
        }
        if (draft.categoryId() != null && !existsIn("cms_category", draft.categoryId())) {
            throw CmsRuleException.onField("categoryId", "cms.error.category-not-found");
        }
        Set<Audience> audiences;
        UUID folderId = null;
        if (kind == ContentKind.DOCUMENT) {
            if (draft.folderId() == null) {
                throw CmsRuleException.onField("folderId", "cms.error.folder-required");
            }
            folderId = draft.folderId();
            audiences = folderAudiences(folderId);
        } else {
            if (draft.folderId() != null) {
                throw CmsRuleException.onField("folderId", "cms.error.folder-only-documents");
            }
            audiences = draft.audiences() == null || draft.audiences().isEmpty()
                    ? EnumSet.noneOf(Audience.class)
                    : EnumSet.copyOf(draft.audiences());
            if (audiences.isEmpty()) {
                throw CmsRuleException.onField("audiences", "cms.error.audience-required");
            }
        }
        Set<UUID> roles = audiences.contains(Audience.INTERNAL) && draft.internalRoles() != null
                ? Set.copyOf(new LinkedHashSet<>(draft.internalRoles()))
                : Set.of();
        return new Valid(
                (draft.slug() == null || draft.slug().isBlank()) && currentSlug != null
                        ? currentSlug
                        : slug(draft.slug(), clean, id, kind),
                draft.categoryId(),
                folderId,
                audiences,
                roles,
                draft.publishAt(),
                draft.expireAt(),
                clean);
    }

    private TextDraft checkText(ContentLanguage language, TextDraft text) {
        // Keys by name (TranslationBundlesTest): the field is built from the language.
        String titleRequiredKey = "cms.error.title-required";
        String titleTooLongKey = "cms.error.title-too-long";
        String summaryTooLongKey = "cms.error.summary-too-long";
        String bodyTooLongKey = "cms.error.body-too-long";
        String code = language.code();
        String title = text.title() == null ? "" : text.title().strip();
        if (title.isEmpty()) {
            throw CmsRuleException.onField("title." + code, titleRequiredKey);
        }
        if (title.length() > TITLE_LENGTH) {
            throw CmsRuleException.onField("title." + code, titleTooLongKey, TITLE_LENGTH);
        }
        String summary = text.summary() == null || text.summary().isBlank()
                ? null
                : text.summary().strip();
        if (summary != null && summary.length() > SUMMARY_LENGTH) {
            throw CmsRuleException.onField("summary." + code, summaryTooLongKey, SUMMARY_LENGTH);
        }
        String body = text.bodyMarkdown() == null ? "" : text.bodyMarkdown().replace('\0', ' ');
        if (body.length() > BODY_LENGTH) {
            throw CmsRuleException.onField("body." + code, bodyTooLongKey, BODY_LENGTH);
        }
        return new TextDraft(title.replace('\0', ' '), summary, body);
    }

    /**
     * The slug given (checked and refused when another item has it) or, when blank, one made from the
     * first title (Spanish before English), with a number added while it is taken.
     */
    private String slug(String given, Map<ContentLanguage, TextDraft> texts, UUID id, ContentKind kind) {
        if (given != null && !given.isBlank()) {
            String slug = given.strip();
            if (!Slugs.valid(slug)) {
                throw CmsRuleException.onField("slug", "cms.error.slug-format");
            }
            if (slugTaken(slug, id)) {
                throw CmsRuleException.onField("slug", "cms.error.slug-taken");
            }
            return slug;
        }
        String base = Slugs.fromTitle(texts.values().iterator().next().title());
        if (base.isEmpty()) {
            base = kind.name().toLowerCase(Locale.ROOT);
        }
        String slug = base;
        for (int n = 2; slugTaken(slug, id); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private boolean slugTaken(String slug, UUID id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM cms_item WHERE slug = :slug AND id <> :id)")
                .param("slug", slug)
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    private boolean existsIn(String table, UUID id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    private Set<Audience> folderAudiences(UUID folderId) {
        return jdbc.sql("SELECT for_internal, for_clients, for_suppliers, for_professionals, for_public"
                        + " FROM cms_folder WHERE id = :id")
                .param("id", folderId)
                .query((rs, n) -> ItemStore.audiences(rs))
                .optional()
                .orElseThrow(() -> CmsRuleException.onField("folderId", "cms.error.folder-not-found"));
    }

    private JdbcClient.StatementSpec itemParams(JdbcClient.StatementSpec sql, UUID id, Valid valid) {
        return sql.param("id", id)
                .param("slug", valid.slug())
                .param("category", valid.categoryId())
                .param("publishAt", at(valid.publishAt()))
                .param("expireAt", at(valid.expireAt()))
                .param("internal", valid.audiences().contains(Audience.INTERNAL))
                .param("clients", valid.audiences().contains(Audience.CLIENTS))
                .param("suppliers", valid.audiences().contains(Audience.SUPPLIERS))
                .param("professionals", valid.audiences().contains(Audience.PROFESSIONALS))
                .param("public", valid.audiences().contains(Audience.PUBLIC))
                .param("roles", ItemStore.arrayLiteral(valid.internalRoles()));
    }

    private void writeTexts(UUID id, Map<ContentLanguage, TextDraft> texts) {
        texts.forEach((language, text) -> jdbc.sql(UPSERT_TEXT)
                .param("item", id)
                .param("lang", language.code())
                .param("title", text.title())
                .param("summary", text.summary())
                .param("body", text.bodyMarkdown())
                .param("html", renderer.toSafeHtml(text.bodyMarkdown()))
                .update());
    }

    /** The item locked for a change, at the version its editor read. */
    private ItemDetail locked(UUID id, long version) {
        ItemDetail item = store.detail(id, true).orElseThrow(() -> new CmsRuleException("cms.error.not-found"));
        if (item.version() != version) {
            throw new CmsRuleException("cms.error.concurrent");
        }
        return item;
    }

    private void exists(UUID id) {
        if (!existsIn("cms_item", id)) {
            throw new CmsRuleException("cms.error.not-found");
        }
    }

    /** After a change: a new revision with the fields that changed, and the event readers' caches wait for. */
    private void saved(ItemDetail before, String note) {
        UUID tenant = jdbc.sql(TOUCH).param("id", before.id()).query(UUID.class).single();
        ItemDetail after = store.detail(before.id(), false).orElseThrow();
        store.recordRevisions(List.of(before.id()), Changes.between(before, after), note);
        events.publishEvent(new ContentChanged(
                tenant, before.id(), after.slug(), Objects.equals(before.slug(), after.slug()) ? null : before.slug()));
    }

    private static String cleanNote(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String clean = note.strip().replace('\0', ' ');
        return clean.length() > 300 ? clean.substring(0, 300) : clean;
    }

    private static AttachmentRow attachment(UUID id, StoredFile file, boolean image) {
        return new AttachmentRow(
                id, file.id(), file.name(), file.contentType(), file.size(), image, FILE_ADDRESS + file.id());
    }

    private static Set<ContentLanguage> languages(String codes) {
        Set<ContentLanguage> languages = EnumSet.noneOf(ContentLanguage.class);
        if (codes != null) {
            for (String code : codes.split(",")) {
                languages.add(ContentLanguage.fromCode(code));
            }
        }
        return languages;
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The WHERE of the content list for a filter, with its parameters. */
    private record ListSql(String sql, Map<String, Object> params) {

        static ListSql of(ItemFilter filter) {
            ItemFilter f = filter == null ? ItemFilter.all() : filter;
            List<String> where = new ArrayList<>();
            Map<String, Object> params = new java.util.HashMap<>();
            if (f.kind() != null) {
                where.add("i.kind = :kind");
                params.put("kind", f.kind().name());
            }
            if (f.status() != null) {
                where.add("i.status = :status");
                params.put("status", f.status().name());
            }
            if (f.audience() != null) {
                where.add("i." + ItemStore.column(f.audience()));
            }
            String text = com.nexo.base.filters.SearchText.clean(f.text());
            if (text != null) {
                where.add("(i.slug ILIKE :pattern OR EXISTS (SELECT 1 FROM cms_item_text s"
                        + " WHERE s.item_id = i.id AND s.title ILIKE :pattern))");
                params.put("pattern", "%" + escapeLike(text) + "%");
            }
            return new ListSql(where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where), params);
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            params.forEach(spec::param);
            return spec;
        }

        private static String escapeLike(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }

    /**
     * The allowed type of a file of this name whose first bytes are {@code head}; refuses with {@code
     * cms.error.file-type} otherwise. Used by the library before storing a document.
     */
    public static String checkFileType(String fileName, byte[] head) {
        return FileTypes.detect(fileName, head)
                .map(FileTypes.FileType::contentType)
                .orElseThrow(() -> new CmsRuleException("cms.error.file-type", fileName));
    }
}
