package com.nexo.support.requests;

import com.nexo.base.files.FileStorage;
import com.nexo.base.files.StoredFile;
import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.nexo.security.Roles;
import com.nexo.support.SupportPermissions;
import com.nexo.support.SupportRuleException;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files a client uploads to its account's documents ("My files"), outside any request: the client
 * lists and downloads its account's, uploads and deletes its own; the back office reads them per
 * account. Each page's files are described in one read.
 */
@Service
public class AccountDocuments {

    static final String PURPOSE = "support-document";
    private static final ListOrder NEWEST_FIRST = ListOrder.keyset("d.created_at", "timestamptz", "d.id", true);

    private final JdbcClient jdbc;
    private final FileStorage files;
    private final RequestStore store;

    AccountDocuments(JdbcClient jdbc, FileStorage files, RequestStore store) {
        this.jdbc = jdbc;
        this.files = files;
        this.store = store;
    }

    /** A page of the signed-in client's account documents, newest first. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.CLIENT)
    public Page<DocumentRow> mine(PageCursor after, int limit) {
        return page(ListQuery.select(COLUMNS).from("support_document d"), after, limit);
    }

    /** A page of an account's documents, newest first, for the back office. */
    @Transactional(readOnly = true)
    @RolesAllowed(SupportPermissions.READ)
    public Page<DocumentRow> ofAccount(UUID accountId, PageCursor after, int limit) {
        return page(
                ListQuery.select(COLUMNS).from("support_document d").where("d.party_id = :party", "party", accountId),
                after,
                limit);
    }

    /** Stores a file in the signed-in client's account documents. */
    @Transactional
    @RolesAllowed(Roles.CLIENT)
    public UUID upload(NewFile file) {
        NexoUser user = CurrentUser.get().orElseThrow();
        StoredFile stored = store.store(file, PURPOSE, null);
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO support_document (id, file_id, uploaded_by_name) VALUES (:id, :file, :name)")
                .param("id", id)
                .param("file", stored.id())
                .param("name", user.displayName())
                .update();
        return id;
    }

    /** Deletes one of the files the signed-in client uploaded, with its bytes. */
    @Transactional
    @RolesAllowed(Roles.CLIENT)
    public void delete(UUID id) {
        List<UUID> deleted = jdbc.sql("DELETE FROM support_document WHERE id = :id RETURNING file_id")
                .param("id", id)
                .query(UUID.class)
                .list();
        if (deleted.isEmpty()) {
            throw new SupportRuleException("support.error.file-not-yours");
        }
        files.delete(deleted.getFirst());
    }

    /** Writes a document of the signed-in client's account; false when there is none. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.CLIENT)
    public boolean downloadMine(UUID id, OutputStream out) throws IOException {
        return copy(id, out);
    }

    /** Writes a document of any account of the tenant; false when there is none. */
    @Transactional(readOnly = true)
    @RolesAllowed(SupportPermissions.READ)
    public boolean download(UUID id, OutputStream out) throws IOException {
        return copy(id, out);
    }

    private boolean copy(UUID id, OutputStream out) throws IOException {
        List<UUID> file = jdbc.sql("SELECT file_id FROM support_document WHERE id = :id")
                .param("id", id)
                .query(UUID.class)
                .list();
        return !file.isEmpty() && files.copyTo(file.getFirst(), out);
    }

    private static final String COLUMNS = "d.id, d.file_id, d.uploaded_by, d.uploaded_by_name, d.created_at";

    private Page<DocumentRow> page(ListQuery query, PageCursor after, int limit) {
        UUID me = CurrentUser.get().map(NexoUser::userId).orElse(null);
        Page<Link> links = query.page(
                jdbc,
                NEWEST_FIRST,
                after,
                limit,
                (rs, i) -> new Link(
                        rs.getObject("id", UUID.class),
                        rs.getObject("file_id", UUID.class),
                        rs.getObject("uploaded_by", UUID.class),
                        rs.getString("uploaded_by_name"),
                        rs.getTimestamp("created_at").toInstant()));
        Map<UUID, StoredFile> described =
                files.findAll(links.rows().stream().map(Link::fileId).toList());
        List<DocumentRow> rows = new ArrayList<>();
        for (Link link : links.rows()) {
            StoredFile file = described.get(link.fileId());
            if (file != null) {
                rows.add(new DocumentRow(
                        link.id(),
                        file.id(),
                        file.name(),
                        file.contentType(),
                        file.size(),
                        link.uploadedByName(),
                        link.createdAt(),
                        link.uploadedBy().equals(me)));
            }
        }
        return new Page<>(rows, links.next());
    }

    /** A document's row before its file is described. */
    private record Link(UUID id, UUID fileId, UUID uploadedBy, String uploadedByName, Instant createdAt) {}
}
