package com.nexo.cms.content;

import com.nexo.base.files.FileStorage;
import com.nexo.base.files.StoredFile;
import com.nexo.cms.CmsPermissions;
import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import com.nexo.security.CurrentUser;
import com.nexo.security.Roles;
import com.nexo.security.UserDirectory;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.DatabaseContext;
import com.nexo.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading published content as the current actor: employees what is published to internal readers of
 * their roles, portal actors what their role's policies let them read (their audience), the visitor
 * (public pages) what is public. Every text comes in the reader's language or the other.
 *
 * <p>Only employees get an application-side filter (internal items, and of their roles unless they edit
 * content): which audience a portal actor or a visitor reads is the database's policies alone, so a
 * broken policy shows in tests instead of hiding behind a filter here.
 */
@Service
public class ContentReader {

    /** Largest page of a list. */
    static final int MAX_LIMIT = 200;

    /**
     * An item with the text of the reader's language or, when it has none, the other; the languages it
     * has. {@code :lang} the reader's language; the filter and order follow.
     */
    private static final String SELECT = """
            SELECT i.id, i.kind, i.slug, i.published_at, i.updated_at,
                   t.lang, t.title, t.summary, t.body_html, t.file_id,
                   ARRAY(SELECT x.lang FROM cms_item_text x
                          WHERE x.tenant_id = i.tenant_id AND x.item_id = i.id ORDER BY x.lang) AS langs
              FROM cms_item i
              CROSS JOIN LATERAL (
                    SELECT t.lang, t.title, t.summary, t.body_html, t.file_id
                      FROM cms_item_text t
                     WHERE t.tenant_id = i.tenant_id AND t.item_id = i.id
                     ORDER BY (t.lang = :lang) DESC
                     LIMIT 1) t
             WHERE i.status = 'PUBLISHED' AND coalesce(i.expire_at, 'infinity') > now()
            """;

    /** An employee's filter: internal items, of every employee or of one of the reader's roles. */
    private static final String INTERNAL = """
               AND i.for_internal
               AND (cardinality(i.internal_roles) = 0 OR i.internal_roles && CAST(:roles AS uuid[]))
            """;

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final FileStorage files;

    ContentReader(JdbcClient jdbc, UserDirectory users, FileStorage files) {
        this.jdbc = jdbc;
        this.users = users;
        this.files = files;
    }

    /** The latest published news for the current actor, newest first. */
    @Transactional(readOnly = true)
    @RolesAllowed({CmsPermissions.READ, Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public List<ReadableItem> latestNews(ContentLanguage language, int limit) {
        return list(ContentKind.NEWS, null, language, 0, limit);
    }

    /**
     * Published items of a kind for the current actor (pages, news, articles of a category when given):
     * news and documents newest first, pages and articles by title.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({CmsPermissions.READ, Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public List<ReadableItem> published(
            ContentKind kind, UUID categoryId, ContentLanguage language, int offset, int limit) {
        return list(kind, categoryId, language, offset, limit);
    }

    /** One published item the current actor may read. */
    @Transactional(readOnly = true)
    @RolesAllowed({CmsPermissions.READ, Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public Optional<ReadableItem> read(UUID id, ContentLanguage language) {
        if (id == null) {
            return Optional.empty();
        }
        Filter filter = filter();
        return jdbc.sql(SELECT + filter.sql() + " AND i.id = :id")
                .param("lang", language.code())
                .param("roles", filter.roles())
                .param("id", id)
                .query(this::row)
                .optional()
                .map(this::withFile);
    }

    /** A published public item by its slug, for the visitor of a public page. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.VISITOR)
    public Optional<ReadableItem> publicItem(String slug, ContentLanguage language) {
        if (slug == null || slug.isBlank()) {
            return Optional.empty();
        }
        // The visitor role's policies read only public items: no audience filter here.
        return jdbc.sql(SELECT + " AND i.slug = :slug")
                .param("lang", language.code())
                .param("slug", slug)
                .query(this::row)
                .optional()
                .map(this::withFile);
    }

    /** Published public items of a kind, for the index of a tenant's public pages. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.VISITOR)
    public List<ReadableItem> publicItems(ContentKind kind, ContentLanguage language, int offset, int limit) {
        return list(kind, null, language, offset, limit);
    }

    /**
     * Writes a file of CMS content (a document's file, or an image or attachment of an item) that the
     * current actor may read: to {@code sink}'s stream, which it opens once it knows the file.
     * Editors read the files of every item (drafts too, for the preview); employees those of published
     * internal items of their roles; portal actors and the visitor those of published items their
     * policies show.
     *
     * @return false, with nothing written, when there is no such file the actor may read
     */
    @Transactional(readOnly = true)
    @RolesAllowed({CmsPermissions.READ, Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL, Roles.VISITOR})
    public boolean copyFile(UUID fileId, FileSink sink) throws IOException {
        if (fileId == null || !fileReadable(fileId)) {
            return false;
        }
        Optional<StoredFile> file = files.find(fileId);
        if (file.isEmpty()) {
            return false;
        }
        return files.copyTo(fileId, sink.open(file.get()));
    }

    /** Where a file's bytes go, opened once the file's name, type and size are known. */
    @FunctionalInterface
    public interface FileSink {
        OutputStream open(StoredFile file) throws IOException;
    }

    private boolean fileReadable(UUID fileId) {
        String referring = """
                SELECT EXISTS (
                  SELECT 1 FROM cms_item i
                   WHERE i.id IN (SELECT t.item_id FROM cms_item_text t WHERE t.file_id = :file
                                  UNION SELECT a.item_id FROM cms_attachment a WHERE a.file_id = :file)
                """;
        if (editor()) {
            return jdbc.sql(referring + ")")
                    .param("file", fileId)
                    .query(Boolean.class)
                    .single();
        }
        Filter filter = filter();
        return jdbc.sql(referring + " AND i.status = 'PUBLISHED' AND coalesce(i.expire_at, 'infinity') > now()"
                        + filter.sql() + ")")
                .param("file", fileId)
                .param("roles", filter.roles())
                .query(Boolean.class)
                .single();
    }

    private List<ReadableItem> list(
            ContentKind kind, UUID categoryId, ContentLanguage language, int offset, int limit) {
        Filter filter = filter();
        String order = kind == ContentKind.PAGE || kind == ContentKind.ARTICLE
                ? " ORDER BY lower(t.title), i.id"
                : " ORDER BY i.published_at DESC NULLS LAST, i.id";
        return jdbc
                .sql(SELECT
                        + filter.sql()
                        + " AND i.kind = :kind"
                        + (categoryId == null ? "" : " AND i.category_id = :category")
                        + order
                        + " LIMIT :limit OFFSET :offset")
                .param("lang", language.code())
                .param("roles", filter.roles())
                .param("kind", kind.name())
                .param("category", categoryId)
                .param("limit", Math.clamp(limit, 0, MAX_LIMIT))
                .param("offset", Math.max(offset, 0))
                .query(this::row)
                .list()
                .stream()
                .map(this::withFile)
                .toList();
    }

    /** The application-side filter of the current actor (see the class comment). */
    private Filter filter() {
        ActorType actor =
                TenantContext.current().map(DatabaseContext::actorType).orElse(null);
        if (actor != ActorType.EMPLOYEE) {
            return new Filter("", "{}");
        }
        if (editor()) {
            // Editors read every internal item (they write them).
            return new Filter(" AND i.for_internal", "{}");
        }
        return new Filter(
                INTERNAL,
                users.currentUserRoles().stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")));
    }

    private static boolean editor() {
        return CurrentUser.can(CmsPermissions.EDIT);
    }

    /** {@code roles}: a PostgreSQL array literal of the reader's role ids. */
    private record Filter(String sql, String roles) {}

    private ReadableItem row(ResultSet rs, int row) throws SQLException {
        Set<ContentLanguage> languages = EnumSet.noneOf(ContentLanguage.class);
        Array langs = rs.getArray("langs");
        Arrays.stream((Object[]) langs.getArray())
                .map(code -> ContentLanguage.fromCode((String) code))
                .forEach(languages::add);
        return new ReadableItem(
                rs.getObject("id", UUID.class),
                ContentKind.valueOf(rs.getString("kind")),
                rs.getString("slug"),
                ContentLanguage.fromCode(rs.getString("lang")),
                Set.copyOf(languages),
                rs.getString("title"),
                rs.getString("summary"),
                rs.getString("body_html"),
                instant(rs.getTimestamp("published_at")),
                instant(rs.getTimestamp("updated_at")),
                rs.getObject("file_id", UUID.class),
                null,
                null,
                null);
    }

    /** A document's file: its name, type and size, read through the file storage. */
    private ReadableItem withFile(ReadableItem item) {
        if (item.fileId() == null) {
            return item;
        }
        return files.find(item.fileId())
                .map(file -> new ReadableItem(
                        item.id(),
                        item.kind(),
                        item.slug(),
                        item.language(),
                        item.languages(),
                        item.title(),
                        item.summary(),
                        item.html(),
                        item.publishedAt(),
                        item.updatedAt(),
                        item.fileId(),
                        file.name(),
                        file.contentType(),
                        file.size()))
                .orElse(item);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
