package com.nexo.production.work;

import com.nexo.base.Ids;
import com.nexo.base.files.FileStorage;
import com.nexo.base.files.FileTooLargeException;
import com.nexo.base.files.StoredFile;
import com.nexo.production.ProductionPermissions;
import com.nexo.production.ProductionRuleException;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files tied to the tasks of production orders: a professional uploads them to its own jobs from the
 * portal (the file belongs to its account, V58), the back office reads them on the order's tasks.
 * Which rows each actor reaches is row-level security's business (production_task_file and
 * stored_file): the professional its own uploads on its own tasks, staff every one of its tenant.
 */
@Service
public class TaskFiles {

    /** The largest file a task takes. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    /** At most this many files are listed on a task (newest first). */
    public static final int LIST_LIMIT = 100;

    static final String PURPOSE = "production-task";

    /** Types kept as sent; any other file is stored as plain bytes (always downloaded, never shown inline). */
    private static final Set<String> KNOWN_TYPES =
            Set.of("application/pdf", "image/png", "image/jpeg", "image/webp", "text/plain", "text/csv");

    private final JdbcClient jdbc;
    private final FileStorage files;

    TaskFiles(JdbcClient jdbc, FileStorage files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /** The files of a task that the current actor may read, newest first (at most {@link #LIST_LIMIT}). */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.PROFESSIONAL, Roles.SYSTEM})
    public List<TaskFile> filesOf(UUID taskId) {
        List<UUID> ids = jdbc.sql("""
                        SELECT file_id FROM production_task_file
                         WHERE task_id = :task
                         ORDER BY created_at DESC, id DESC
                         LIMIT :limit
                        """)
                .param("task", taskId)
                .param("limit", LIST_LIMIT)
                .query(UUID.class)
                .list();
        Map<UUID, StoredFile> described = files.findAll(ids);
        UUID me = CurrentUser.get().map(NexoUser::userId).orElse(null);
        return ids.stream()
                .map(described::get)
                .filter(java.util.Objects::nonNull)
                .map(f -> new TaskFile(f.id(), f.name(), f.contentType(), f.size(), f.createdAt(), f.storedBy(me)))
                .toList();
    }

    /**
     * Writes a file of the task to {@code out}; false (nothing written) when the current actor may not
     * read such a file of that task.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.PROFESSIONAL, Roles.SYSTEM})
    public boolean copyTo(UUID taskId, UUID fileId, OutputStream out) throws IOException {
        boolean tied = jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM production_task_file WHERE task_id = :task AND file_id = :file)")
                .param("task", taskId)
                .param("file", fileId)
                .query(Boolean.class)
                .single();
        return tied && files.copyTo(fileId, out);
    }

    /**
     * Stores a file uploaded by the professional and ties it to its own task. Refuses an empty file,
     * one over {@link #MAX_BYTES} and a task that is not the professional's (the database refuses the
     * link of anyone else's task as well).
     */
    @Transactional
    @RolesAllowed(Roles.PROFESSIONAL)
    public TaskFile attach(UUID taskId, String name, String contentType, InputStream content) {
        boolean own = jdbc.sql("SELECT EXISTS (SELECT 1 FROM production_order_task WHERE id = :task)")
                .param("task", taskId)
                .query(Boolean.class)
                .single();
        if (!own) {
            throw new ProductionRuleException("production.work.error.task-not-found");
        }
        String fileName = name == null || name.isBlank() ? "file" : name.strip();
        if (fileName.length() > 255) {
            fileName = fileName.substring(fileName.length() - 255);
        }
        String type =
                contentType != null && KNOWN_TYPES.contains(contentType) ? contentType : "application/octet-stream";
        StoredFile stored;
        try {
            stored = files.store(fileName, type, PURPOSE, content, MAX_BYTES);
        } catch (FileTooLargeException tooLarge) {
            throw new ProductionRuleException("portal.professional.error.file-too-large", MAX_BYTES / (1024 * 1024));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (stored.size() == 0) {
            throw new ProductionRuleException("portal.professional.error.file-empty");
        }
        jdbc.sql("INSERT INTO production_task_file (id, task_id, file_id) VALUES (:id, :task, :file)")
                .param("id", Ids.newId())
                .param("task", taskId)
                .param("file", stored.id())
                .update();
        return new TaskFile(stored.id(), stored.name(), stored.contentType(), stored.size(), stored.createdAt(), true);
    }

    /**
     * Deletes a file the signed-in professional uploaded to its own task (link and bytes). A file of
     * the task that someone else stored (an employee, another user of the account) is refused, and so
     * is a file not tied to the task or a task that is not the professional's.
     */
    @Transactional
    @RolesAllowed(Roles.PROFESSIONAL)
    public void detach(UUID taskId, UUID fileId) {
        int untied = jdbc.sql("DELETE FROM production_task_file WHERE task_id = :task AND file_id = :file")
                .param("task", taskId)
                .param("file", fileId)
                .update();
        if (untied == 0) {
            throw new ProductionRuleException("portal.professional.error.file-not-found");
        }
        if (!files.deleteOwnUpload(fileId)) {
            // Rolled back with the link: the file stays tied to the task.
            throw new ProductionRuleException("portal.professional.error.file-not-yours");
        }
    }
}
