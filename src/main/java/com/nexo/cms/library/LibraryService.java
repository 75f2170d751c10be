package com.nexo.cms.library;

import com.nexo.base.files.FileStorage;
import com.nexo.base.files.FileTooLargeException;
import com.nexo.base.files.StoredFile;
import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.cms.Audience;
import com.nexo.cms.CmsPermissions;
import com.nexo.cms.CmsRuleException;
import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import com.nexo.cms.ContentStatus;
import com.nexo.cms.content.ContentChanged;
import com.nexo.cms.content.ContentService;
import com.nexo.cms.content.ItemDetail;
import com.nexo.cms.content.ItemDraft;
import com.nexo.cms.content.ItemText;
import com.nexo.cms.content.TextDraft;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The document library: folders with their audience and editing roles; documents uploaded into them
 * (through {@code FileStorage}, the text of PDFs extracted for the search), replaced (the earlier file
 * kept in the earlier revision) and downloaded. Documents are CMS items of kind DOCUMENT, written
 * through {@code ContentService}.
 *
 * <p>A folder's audience and reader roles are copied to its documents (their {@code for_*} columns and
 * internal roles), so the database policies and every reader of items see them; a change of a folder
 * publishes one {@link ContentChanged} per document it reached.
 */
@Service
public class LibraryService {

    /** What {@code FileStorage} files of the library are kept for. */
    static final String PURPOSE = "cms-document";
    /** How many leading bytes the type check looks at. */
    private static final int HEAD_BYTES = 512;

    private final JdbcClient jdbc;
    private final ContentService content;
    private final FileStorage files;
    private final ReaderScope scopes;
    private final ApplicationEventPublisher events;

    LibraryService(
            JdbcClient jdbc,
            ContentService content,
            FileStorage files,
            ReaderScope scopes,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.content = content;
        this.files = files;
        this.scopes = scopes;
        this.events = events;
    }

    /** Folders the current user may see, as a flat list (parents before children). */
    @Transactional(readOnly = true)
    @RolesAllowed({CmsPermissions.READ, Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public List<FolderRow> folders() {
        ReaderScope.Scope scope = scopes.current();
        List<FolderRow> rows = jdbc.sql("SELECT f.id, f.parent_id, f.name, f.for_internal, f.for_clients,"
                        + " f.for_suppliers, f.for_professionals, f.for_public, f.reader_roles, f.editor_roles,"
                        + " f.version, (SELECT count(*) FROM cms_item i WHERE i.tenant_id = f.tenant_id"
                        + " AND i.folder_id = f.id AND " + scope.itemCondition("i") + ") AS documents"
                        + " FROM cms_folder f WHERE " + scope.folderCondition("f"))
                .params(rolesParam(scope))
                .query((rs, i) -> folderRow(rs, scope))
                .list();
        return treeOrder(rows);
    }

    @Transactional
    @RolesAllowed(CmsPermissions.FOLDERS)
    public UUID createFolder(FolderDraft draft) {
        FolderDraft checked = checked(draft);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("INSERT INTO cms_folder (id, parent_id, name, for_internal, for_clients, for_suppliers,"
                            + " for_professionals, for_public, reader_roles, editor_roles)"
                            + " VALUES (:id, :parent, :name, :internal, :clients, :suppliers, :professionals,"
                            + " :public, CAST(:readers AS uuid[]), CAST(:editors AS uuid[]))")
                    .param("id", id)
                    .params(folderParams(checked))
                    .update();
        } catch (DuplicateKeyException e) {
            throw CmsRuleException.onField("name", "cms.error.folder-name-taken", checked.name());
        }
        return id;
    }

    /** Saves a folder; a changed audience reaches every document in it. */
    @Transactional
    @RolesAllowed(CmsPermissions.FOLDERS)
    public void updateFolder(UUID id, long version, FolderDraft draft) {
        FolderDraft checked = checked(draft);
        if (checked.parentId() != null && ancestorsOf(checked.parentId()).contains(id)) {
            throw CmsRuleException.onField("parentId", "cms.error.folder-inside-itself");
        }
        int updated;
        try {
            updated = jdbc.sql("UPDATE cms_folder SET parent_id = :parent, name = :name, for_internal = :internal,"
                            + " for_clients = :clients, for_suppliers = :suppliers,"
                            + " for_professionals = :professionals, for_public = :public,"
                            + " reader_roles = CAST(:readers AS uuid[]), editor_roles = CAST(:editors AS uuid[]),"
                            + " updated_at = now(), version = version + 1"
                            + " WHERE id = :id AND version = :version")
                    .param("id", id)
                    .param("version", version)
                    .params(folderParams(checked))
                    .update();
        } catch (DuplicateKeyException e) {
            throw CmsRuleException.onField("name", "cms.error.folder-name-taken", checked.name());
        }
        if (updated == 0) {
            throw new CmsRuleException("error.concurrent-edit");
        }
        // The folder's audience and readers are its documents': copied set-based, only where they differ.
        List<Map.Entry<UUID, String>> reached = jdbc.sql("UPDATE cms_item i SET for_internal = f.for_internal,"
                        + " for_clients = f.for_clients, for_suppliers = f.for_suppliers,"
                        + " for_professionals = f.for_professionals, for_public = f.for_public,"
                        + " internal_roles = f.reader_roles, updated_at = now(), version = i.version + 1"
                        + " FROM cms_folder f WHERE f.tenant_id = i.tenant_id AND f.id = i.folder_id AND f.id = :id"
                        + " AND (i.for_internal, i.for_clients, i.for_suppliers, i.for_professionals, i.for_public,"
                        + " i.internal_roles) IS DISTINCT FROM (f.for_internal, f.for_clients, f.for_suppliers,"
                        + " f.for_professionals, f.for_public, f.reader_roles)"
                        + " RETURNING i.id, i.slug")
                .param("id", id)
                .query((rs, i) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("slug")))
                .list();
        UUID tenant = currentTenant();
        for (Map.Entry<UUID, String> document : reached) {
            events.publishEvent(new ContentChanged(tenant, document.getKey(), document.getValue(), null));
        }
    }

    /** Deletes an empty folder (one with documents or sub-folders is refused). */
    @Transactional
    @RolesAllowed(CmsPermissions.FOLDERS)
    public void deleteFolder(UUID id, long version) {
        boolean inUse = jdbc.sql("SELECT EXISTS (SELECT 1 FROM cms_item WHERE folder_id = :id)"
                        + " OR EXISTS (SELECT 1 FROM cms_folder WHERE parent_id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
        if (inUse) {
            throw new CmsRuleException("cms.error.folder-not-empty");
        }
        int deleted = jdbc.sql("DELETE FROM cms_folder WHERE id = :id AND version = :version")
                .param("id", id)
                .param("version", version)
                .update();
        if (deleted == 0) {
            throw new CmsRuleException("error.concurrent-edit");
        }
    }

    /**
     * A page of the documents of a folder the current user may read (drafts only for its editors), by
     * title in the reader's language (or the other), {@code limit} rows after {@code after} (null: the
     * first page). Their files are described in one read per page.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({CmsPermissions.READ, Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public Page<DocumentRow> documents(UUID folderId, ContentLanguage language, PageCursor after, int limit) {
        ReaderScope.Scope scope = scopes.current();
        record Line(
                UUID id,
                UUID folderId,
                String title,
                ContentLanguage titleLanguage,
                Set<ContentLanguage> languages,
                UUID fileId,
                ContentStatus status,
                int revision,
                java.time.Instant updatedAt,
                long version) {}
        Page<Line> lines = ListQuery.select("i.id, i.folder_id, i.status, i.revision, i.updated_at, i.version,"
                        + " t.lang, t.title, t.file_id,"
                        + " (SELECT string_agg(x.lang, ',') FROM cms_item_text x"
                        + "   WHERE x.tenant_id = i.tenant_id AND x.item_id = i.id) AS langs")
                .from("cms_item i"
                        + " JOIN LATERAL (SELECT x.lang, x.title, x.file_id FROM cms_item_text x"
                        + "   WHERE x.tenant_id = i.tenant_id AND x.item_id = i.id"
                        + "   ORDER BY (x.lang = :lang) DESC LIMIT 1) t ON true")
                .where("i.kind = 'DOCUMENT'")
                .where("i.folder_id = :folder", "folder", folderId)
                .where(scope.itemCondition("i"))
                .where("EXISTS (SELECT 1 FROM cms_folder f WHERE f.tenant_id = i.tenant_id"
                        + " AND f.id = i.folder_id AND " + scope.folderCondition("f") + ")")
                .param("lang", language.code())
                .param("roles", scope.rolesArray())
                .page(
                        jdbc,
                        ListOrder.keyset("lower(t.title)", "text", "i.id", false),
                        after,
                        limit,
                        (rs, i) -> new Line(
                                rs.getObject("id", UUID.class),
                                rs.getObject("folder_id", UUID.class),
                                rs.getString("title"),
                                ContentLanguage.fromCode(rs.getString("lang")),
                                languages(rs.getString("langs")),
                                rs.getObject("file_id", UUID.class),
                                ContentStatus.valueOf(rs.getString("status")),
                                rs.getInt("revision"),
                                rs.getTimestamp("updated_at").toInstant(),
                                rs.getLong("version")));
        Map<UUID, StoredFile> described = files.findAll(lines.rows().stream()
                .map(Line::fileId)
                .filter(java.util.Objects::nonNull)
                .toList());
        List<DocumentRow> rows = new ArrayList<>(lines.rows().size());
        for (Line line : lines.rows()) {
            Optional<StoredFile> file = Optional.ofNullable(line.fileId()).map(described::get);
            rows.add(new DocumentRow(
                    line.id(),
                    line.folderId(),
                    line.title(),
                    line.titleLanguage(),
                    line.languages(),
                    file.map(StoredFile::name).orElse(null),
                    file.map(StoredFile::contentType).orElse(null),
                    file.map(StoredFile::size).orElse(0L),
                    line.status(),
                    line.revision(),
                    line.updatedAt(),
                    line.version()));
        }
        return new Page<>(rows, lines.next());
    }

    /** Uploads a new document (a draft) into a folder the user may edit; returns the item id. */
    @Transactional
    @RolesAllowed(CmsPermissions.EDIT)
    public UUID upload(
            UUID folderId,
            ContentLanguage language,
            String title,
            String fileName,
            String contentType,
            InputStream content) {
        EditableFolder folder = editableFolder(folderId);
        String name = fileName(fileName);
        String documentTitle = title == null || title.isBlank() ? titleFrom(name) : title.strip();
        Upload stored = store(name, content);
        UUID id = this.content.create(new ItemDraft(
                ContentKind.DOCUMENT,
                null,
                null,
                folderId,
                folder.audiences(),
                folder.readerRoles(),
                null,
                null,
                Map.of(language, new TextDraft(documentTitle, null, ""))));
        this.content.setDocumentFile(id, versionOf(id), language, stored.file().id(), stored.text());
        return id;
    }

    /** Replaces a document's file in one language: a new revision, the earlier file kept. */
    @Transactional
    @RolesAllowed(CmsPermissions.EDIT)
    public void replace(
            UUID documentId,
            long version,
            ContentLanguage language,
            String fileName,
            String contentType,
            InputStream content) {
        UUID folderId = jdbc.sql("SELECT folder_id FROM cms_item WHERE id = :id AND kind = 'DOCUMENT'")
                .param("id", documentId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new CmsRuleException("cms.error.document-not-found"));
        editableFolder(folderId);
        String name = fileName(fileName);
        Upload stored = store(name, content);
        this.content.setDocumentFile(
                documentId, version, language, stored.file().id(), stored.text());
    }

    /**
     * Writes the document's current file in {@code language} (or the other when missing) to {@code out}.
     *
     * @return the file's name and type, or empty when the user may not read it
     */
    @Transactional(readOnly = true)
    @RolesAllowed({CmsPermissions.READ, Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public Optional<StoredFile> download(UUID documentId, ContentLanguage language, OutputStream out) {
        Optional<StoredFile> file = currentFile(documentId, language);
        if (file.isPresent()) {
            copy(file.get().id(), out);
        }
        return file;
    }

    /**
     * The current file of a document the user may read, in {@code language} or the other, without its
     * bytes (a download names the file before writing it).
     */
    @Transactional(readOnly = true)
    @RolesAllowed({CmsPermissions.READ, Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public Optional<StoredFile> currentFile(UUID documentId, ContentLanguage language) {
        ReaderScope.Scope scope = scopes.current();
        return jdbc.sql("SELECT t.file_id FROM cms_item i JOIN cms_item_text t"
                        + " ON t.tenant_id = i.tenant_id AND t.item_id = i.id AND t.file_id IS NOT NULL"
                        + " WHERE i.id = :id AND i.kind = 'DOCUMENT' AND " + scope.itemCondition("i")
                        + " ORDER BY (t.lang = :lang) DESC LIMIT 1")
                .param("id", documentId)
                .param("lang", language.code())
                .params(rolesParam(scope))
                .query(UUID.class)
                .optional()
                .flatMap(files::find);
    }

    /**
     * The file a document had at an earlier revision in {@code language} (or the other), for its
     * editors' list of versions.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(CmsPermissions.EDIT)
    public Optional<StoredFile> fileAtRevision(UUID documentId, int revision, ContentLanguage language) {
        ItemDetail detail = content.atRevision(documentId, revision);
        if (detail == null || detail.kind() != ContentKind.DOCUMENT) {
            return Optional.empty();
        }
        ItemText text = Optional.ofNullable(detail.texts().get(language))
                .filter(t -> t.fileId() != null)
                .orElse(detail.texts().get(language.other()));
        if (text == null || text.fileId() == null) {
            return Optional.empty();
        }
        return files.find(text.fileId());
    }

    /** Writes the file a document had at an earlier revision (see {@link #fileAtRevision}) to {@code out}. */
    @Transactional(readOnly = true)
    @RolesAllowed(CmsPermissions.EDIT)
    public Optional<StoredFile> downloadRevision(
            UUID documentId, int revision, ContentLanguage language, OutputStream out) {
        Optional<StoredFile> file = fileAtRevision(documentId, revision, language);
        if (file.isPresent()) {
            copy(file.get().id(), out);
        }
        return file;
    }

    private void copy(UUID fileId, OutputStream out) {
        try {
            files.copyTo(fileId, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record EditableFolder(Set<Audience> audiences, Set<UUID> readerRoles) {}

    private EditableFolder editableFolder(UUID folderId) {
        ReaderScope.Scope scope = scopes.current();
        record Folder(Set<Audience> audiences, Set<UUID> readerRoles, Set<UUID> editorRoles) {}
        Folder folder = jdbc.sql("SELECT for_internal, for_clients, for_suppliers, for_professionals, for_public,"
                        + " reader_roles, editor_roles FROM cms_folder WHERE id = :id")
                .param("id", folderId)
                .query((rs, i) -> new Folder(
                        audiences(rs), uuids(rs.getArray("reader_roles")), uuids(rs.getArray("editor_roles"))))
                .optional()
                .orElseThrow(() -> new CmsRuleException("cms.error.folder-not-found"));
        if (!scope.mayEdit(folder.editorRoles())) {
            throw new CmsRuleException("cms.error.folder-not-editable");
        }
        return new EditableFolder(folder.audiences(), folder.readerRoles());
    }

    private record Upload(StoredFile file, String text) {}

    /**
     * Spools the upload to a temporary file (bounded by the size limit; never whole in memory), stores
     * it and reads its text from the spooled copy.
     */
    private Upload store(String name, InputStream content) {
        Path spool = null;
        try {
            spool = Files.createTempFile("nexo-cms-", ".upload");
            long size;
            try (OutputStream out = Files.newOutputStream(spool)) {
                size = content.transferTo(new LimitedOutput(out, ContentService.MAX_FILE_BYTES));
            }
            if (size == 0) {
                throw new CmsRuleException("cms.error.file-empty");
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(spool)) {
                head = in.readNBytes(HEAD_BYTES);
            }
            // The type comes from the name and the bytes together (ContentService's rules), not the browser.
            String contentType = ContentService.checkFileType(name, head);
            StoredFile file;
            try (InputStream in = Files.newInputStream(spool)) {
                file = files.store(name, contentType, PURPOSE, in, ContentService.MAX_FILE_BYTES);
            }
            return new Upload(file, DocumentText.extract(spool, name, contentType));
        } catch (FileTooLargeException e) {
            throw new CmsRuleException("cms.error.file-too-large", name, ContentService.MAX_FILE_BYTES / (1024 * 1024));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException ignored) {
                    // A temporary file the system cleans up anyway.
                }
            }
        }
    }

    /** Passes bytes on until the limit, then refuses the whole upload. */
    private static final class LimitedOutput extends java.io.FilterOutputStream {
        private final long limit;
        private long written;

        LimitedOutput(OutputStream out, long limit) {
            super(out);
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            count(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count(len);
            out.write(b, off, len);
        }

        private void count(int bytes) {
            written += bytes;
            if (written > limit) {
                throw new FileTooLargeException(limit);
            }
        }
    }

    private long versionOf(UUID itemId) {
        return jdbc.sql("SELECT version FROM cms_item WHERE id = :id")
                .param("id", itemId)
                .query(Long.class)
                .single();
    }

    private Set<UUID> ancestorsOf(UUID folderId) {
        return new HashSet<>(jdbc.sql("WITH RECURSIVE up(id, parent_id) AS ("
                        + " SELECT id, parent_id FROM cms_folder WHERE id = :id"
                        + " UNION SELECT f.id, f.parent_id FROM cms_folder f JOIN up ON f.id = up.parent_id)"
                        + " SELECT id FROM up")
                .param("id", folderId)
                .query(UUID.class)
                .list());
    }

    private static FolderDraft checked(FolderDraft draft) {
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            throw CmsRuleException.onField("name", "cms.error.folder-name-required");
        }
        if (name.length() > 120) {
            throw CmsRuleException.onField("name", "cms.error.folder-name-too-long", 120);
        }
        Set<Audience> audiences = draft.audiences() == null ? Set.of() : draft.audiences();
        if (audiences.isEmpty()) {
            throw CmsRuleException.onField("audiences", "cms.error.folder-audience-required");
        }
        return new FolderDraft(
                draft.parentId(),
                name,
                audiences,
                draft.readerRoles() == null ? Set.of() : draft.readerRoles(),
                draft.editorRoles() == null ? Set.of() : draft.editorRoles());
    }

    private static Map<String, Object> folderParams(FolderDraft draft) {
        Map<String, Object> params = new HashMap<>();
        params.put("parent", draft.parentId());
        params.put("name", draft.name());
        params.put("internal", draft.audiences().contains(Audience.INTERNAL));
        params.put("clients", draft.audiences().contains(Audience.CLIENTS));
        params.put("suppliers", draft.audiences().contains(Audience.SUPPLIERS));
        params.put("professionals", draft.audiences().contains(Audience.PROFESSIONALS));
        params.put("public", draft.audiences().contains(Audience.PUBLIC));
        params.put("readers", array(draft.readerRoles()));
        params.put("editors", array(draft.editorRoles()));
        return params;
    }

    private static Map<String, Object> rolesParam(ReaderScope.Scope scope) {
        return Map.of("roles", scope.rolesArray());
    }

    private static String array(Set<UUID> ids) {
        return ids.stream().map(UUID::toString).sorted().collect(Collectors.joining(",", "{", "}"));
    }

    private static FolderRow folderRow(ResultSet rs, ReaderScope.Scope scope) throws SQLException {
        Set<UUID> editorRoles = uuids(rs.getArray("editor_roles"));
        return new FolderRow(
                rs.getObject("id", UUID.class),
                rs.getObject("parent_id", UUID.class),
                rs.getString("name"),
                audiences(rs),
                uuids(rs.getArray("reader_roles")),
                editorRoles,
                scope.mayEdit(editorRoles),
                rs.getLong("documents"),
                rs.getLong("version"));
    }

    static Set<Audience> audiences(ResultSet rs) throws SQLException {
        Set<Audience> audiences = EnumSet.noneOf(Audience.class);
        if (rs.getBoolean("for_internal")) {
            audiences.add(Audience.INTERNAL);
        }
        if (rs.getBoolean("for_clients")) {
            audiences.add(Audience.CLIENTS);
        }
        if (rs.getBoolean("for_suppliers")) {
            audiences.add(Audience.SUPPLIERS);
        }
        if (rs.getBoolean("for_professionals")) {
            audiences.add(Audience.PROFESSIONALS);
        }
        if (rs.getBoolean("for_public")) {
            audiences.add(Audience.PUBLIC);
        }
        return audiences;
    }

    private static Set<UUID> uuids(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        Object[] values = (Object[]) array.getArray();
        Set<UUID> ids = new HashSet<>();
        for (Object value : values) {
            ids.add(value instanceof UUID id ? id : UUID.fromString(value.toString()));
        }
        return Set.copyOf(ids);
    }

    private static Set<ContentLanguage> languages(String codes) {
        if (codes == null || codes.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(codes.split(","))
                .map(ContentLanguage::fromCode)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ContentLanguage.class)));
    }

    /** Parents before children, siblings by name; a folder whose parent is hidden shows at the top. */
    private static List<FolderRow> treeOrder(List<FolderRow> rows) {
        Map<UUID, FolderRow> byId = new LinkedHashMap<>();
        rows.forEach(row -> byId.put(row.id(), row));
        Map<UUID, List<FolderRow>> children = new HashMap<>();
        List<FolderRow> roots = new ArrayList<>();
        Comparator<FolderRow> byName = Comparator.comparing(
                        (FolderRow row) -> row.name().toLowerCase(java.util.Locale.ROOT))
                .thenComparing(FolderRow::id);
        for (FolderRow row : rows) {
            if (row.parentId() == null || !byId.containsKey(row.parentId())) {
                roots.add(row);
            } else {
                children.computeIfAbsent(row.parentId(), k -> new ArrayList<>()).add(row);
            }
        }
        List<FolderRow> ordered = new ArrayList<>(rows.size());
        roots.sort(byName);
        java.util.ArrayDeque<FolderRow> stack = new java.util.ArrayDeque<>();
        for (int r = roots.size() - 1; r >= 0; r--) {
            stack.push(roots.get(r));
        }
        while (!stack.isEmpty()) {
            FolderRow row = stack.pop();
            ordered.add(row);
            List<FolderRow> kids = new ArrayList<>(children.getOrDefault(row.id(), List.of()));
            kids.sort(byName);
            for (int k = kids.size() - 1; k >= 0; k--) {
                stack.push(kids.get(k));
            }
        }
        return ordered;
    }

    private static String fileName(String fileName) {
        String name = fileName == null ? "" : fileName.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        if (name.isEmpty()) {
            throw new CmsRuleException("cms.error.file-name-required");
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static String titleFrom(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String title = (dot > 0 ? fileName.substring(0, dot) : fileName)
                .replace('_', ' ')
                .strip();
        return title.length() > 200 ? title.substring(0, 200) : title;
    }

    private static UUID currentTenant() {
        return CurrentUser.get().map(NexoUser::tenantId).orElse(null);
    }
}
