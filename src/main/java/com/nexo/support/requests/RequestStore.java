package com.nexo.support.requests;

import com.nexo.base.files.FileStorage;
import com.nexo.base.files.FileTooLargeException;
import com.nexo.base.files.StoredFile;
import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.support.RequestCategory;
import com.nexo.support.RequestState;
import com.nexo.support.Requester;
import com.nexo.support.SupportRuleException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of requests, shared by the portal's and the back office's services. It filters by nothing
 * but what the caller asks: row-level security decides whose requests a statement reaches (the
 * tenant's for staff, the account's of its own kind for a portal actor). Callers check their
 * permission first.
 */
@Component
class RequestStore {

    /** What {@code FileStorage} files of requests are kept for. */
    static final String PURPOSE = "support-attachment";
    /** The largest file accepted. */
    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    /** The most files one message carries. */
    static final int MAX_FILES = 5;
    /** A conversation longer than this shows its latest messages only. */
    static final int MAX_MESSAGES = 500;

    static final int SUBJECT_MAX = 200;
    static final int TEXT_MAX = 20000;

    /** The list's order: latest activity first. */
    static final ListOrder BY_ACTIVITY = ListOrder.keyset("r.last_message_at", "timestamptz", "r.id", true);

    private static final String COLUMNS = "r.id, r.subject, r.category, r.state, r.party_id, r.requester,"
            + " r.opened_by_name, r.assigned_to, r.unread_by_client, r.created_at, r.last_message_at";

    private static final RowMapper<RequestRow> ROW = (rs, i) -> new RequestRow(
            rs.getObject("id", UUID.class),
            rs.getString("subject"),
            RequestCategory.valueOf(rs.getString("category")),
            RequestState.valueOf(rs.getString("state")),
            rs.getObject("party_id", UUID.class),
            Requester.valueOf(rs.getString("requester")),
            rs.getString("opened_by_name"),
            rs.getObject("assigned_to", UUID.class),
            rs.getBoolean("unread_by_client"),
            instant(rs, "created_at"),
            instant(rs, "last_message_at"));

    private final JdbcClient jdbc;
    private final FileStorage files;

    RequestStore(JdbcClient jdbc, FileStorage files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /** A page of requests, latest activity first. */
    Page<RequestRow> page(RequestFilter filter, PageCursor after, int limit) {
        ListQuery query = ListQuery.select(COLUMNS).from("support_request r");
        if (filter.state() != null) {
            query.where("r.state = :state", "state", filter.state().name());
        }
        if (filter.requester() != null) {
            query.where(
                    "r.requester = :requester", "requester", filter.requester().name());
        }
        if (filter.accountId() != null) {
            query.where("r.party_id = :party", "party", filter.accountId());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            query.where(
                    "r.subject ILIKE :text ESCAPE '\\'",
                    "text",
                    "%" + likeEscaped(filter.text().strip()) + "%");
        }
        return query.page(jdbc, BY_ACTIVITY, after, limit, ROW);
    }

    /** The request's head (no messages yet), if the caller may read it. */
    Optional<Head> head(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + ", r.opened_by_email, r.opened_by_lang, r.version"
                        + " FROM support_request r WHERE r.id = :id")
                .param("id", id)
                .query((rs, i) -> new Head(
                        ROW.mapRow(rs, i),
                        rs.getString("opened_by_email"),
                        rs.getString("opened_by_lang"),
                        rs.getLong("version")))
                .optional();
    }

    /** The request's head with its latest messages, oldest first, and the files of each. */
    Optional<RequestDetail> detail(UUID id, String accountName, String assignedName) {
        return head(id).map(head -> {
            Map<UUID, List<RequestDetail.Attachment>> attached = attachments(id);
            List<RequestDetail.Message> messages = jdbc.sql("SELECT * FROM (SELECT m.id, m.from_staff, m.author_name,"
                            + " m.body, m.created_at FROM support_message m WHERE m.request_id = :id"
                            + " ORDER BY m.created_at DESC, m.id DESC LIMIT :limit) latest ORDER BY created_at, id")
                    .param("id", id)
                    .param("limit", MAX_MESSAGES)
                    .query((rs, i) -> new RequestDetail.Message(
                            rs.getObject("id", UUID.class),
                            rs.getBoolean("from_staff"),
                            rs.getString("author_name"),
                            rs.getString("body"),
                            instant(rs, "created_at"),
                            attached.getOrDefault(rs.getObject("id", UUID.class), List.of())))
                    .list();
            RequestRow row = head.row();
            return new RequestDetail(
                    row.id(),
                    row.subject(),
                    row.category(),
                    row.state(),
                    row.partyId(),
                    row.requester(),
                    accountName,
                    row.openedByName(),
                    row.assignedTo(),
                    assignedName,
                    row.createdAt(),
                    head.version(),
                    messages);
        });
    }

    /** The files of a request by message, described in one read. */
    private Map<UUID, List<RequestDetail.Attachment>> attachments(UUID requestId) {
        List<Map.Entry<UUID, UUID>> links = jdbc.sql("SELECT a.message_id, a.file_id FROM support_attachment a"
                        + " WHERE a.request_id = :id ORDER BY a.created_at, a.id")
                .param("id", requestId)
                .query((rs, i) ->
                        Map.entry(rs.getObject("message_id", UUID.class), rs.getObject("file_id", UUID.class)))
                .list();
        if (links.isEmpty()) {
            return Map.of();
        }
        Map<UUID, StoredFile> described =
                files.findAll(links.stream().map(Map.Entry::getValue).toList());
        Map<UUID, List<RequestDetail.Attachment>> byMessage = new LinkedHashMap<>();
        for (Map.Entry<UUID, UUID> link : links) {
            StoredFile file = described.get(link.getValue());
            if (file != null) {
                byMessage
                        .computeIfAbsent(link.getKey(), key -> new ArrayList<>())
                        .add(new RequestDetail.Attachment(file.id(), file.name(), file.contentType(), file.size()));
            }
        }
        return byMessage;
    }

    /**
     * Adds a message to a request and stores its files. {@code owner} is the request's account and
     * requester (the database holds message and request to the same ones). Staff's files are handed to
     * that account (its portal users read them, never change or delete them); a portal actor's belong to
     * its account as its own uploads.
     */
    UUID addMessage(
            UUID requestId, Owner owner, boolean fromStaff, String authorName, String text, List<NewFile> newFiles) {
        UUID messageId = UUID.randomUUID();
        UUID partyId = owner.partyId();
        jdbc.sql("INSERT INTO support_message (id, request_id, party_id, requester, from_staff, author_name, body)"
                        + " VALUES (:id, :request, :party, :requester, :staff, :author, :body)")
                .param("id", messageId)
                .param("request", requestId)
                .param("party", partyId)
                .param("requester", owner.requester().name())
                .param("staff", fromStaff)
                .param("author", authorName)
                .param("body", text)
                .update();
        for (NewFile file : newFiles) {
            StoredFile stored = store(file, PURPOSE, fromStaff ? partyId : null);
            jdbc.sql("INSERT INTO support_attachment (id, request_id, party_id, requester, message_id, file_id)"
                            + " VALUES (:id, :request, :party, :requester, :message, :file)")
                    .param("id", UUID.randomUUID())
                    .param("request", requestId)
                    .param("party", partyId)
                    .param("requester", owner.requester().name())
                    .param("message", messageId)
                    .param("file", stored.id())
                    .update();
        }
        return messageId;
    }

    /**
     * Stores an uploaded file for {@code purpose}, handed to the account {@code forAccount} (staff) or,
     * when null, owned by the uploader's own account; a file over the limit is refused with its name.
     */
    StoredFile store(NewFile file, String purpose, UUID forAccount) {
        String name = file.name() == null || file.name().isBlank()
                ? "file"
                : file.name().strip();
        if (name.length() > 255) {
            name = name.substring(name.length() - 255);
        }
        String type = file.contentType() == null || file.contentType().isBlank()
                ? "application/octet-stream"
                : file.contentType();
        try (InputStream in = Files.newInputStream(file.path())) {
            return forAccount == null
                    ? files.store(name, type, purpose, in, MAX_FILE_BYTES)
                    : files.storeForAccount(forAccount, name, type, purpose, in, MAX_FILE_BYTES);
        } catch (FileTooLargeException e) {
            throw new SupportRuleException("support.error.file-too-large", name, MAX_FILE_BYTES / (1024 * 1024));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a file of the request to {@code out}: false when the file is not one of the request's
     * attachments, or the caller may not read it.
     */
    boolean copyAttachment(UUID requestId, UUID fileId, OutputStream out) throws IOException {
        boolean attached = jdbc.sql("SELECT EXISTS (SELECT 1 FROM support_attachment a"
                        + " WHERE a.request_id = :request AND a.file_id = :file)")
                .param("request", requestId)
                .param("file", fileId)
                .query(Boolean.class)
                .single();
        return attached && files.copyTo(fileId, out);
    }

    /** The message's text, checked; refused with a translated reason when empty or too long. */
    static String checkedText(String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw SupportRuleException.onField("text", "support.error.text-required");
        }
        if (body.length() > TEXT_MAX) {
            throw SupportRuleException.onField("text", "support.error.text-too-long", TEXT_MAX);
        }
        return body;
    }

    static List<NewFile> checkedFiles(List<NewFile> newFiles) {
        List<NewFile> checked = newFiles == null ? List.of() : List.copyOf(newFiles);
        if (checked.size() > MAX_FILES) {
            throw new SupportRuleException("support.error.too-many-files", MAX_FILES);
        }
        return checked;
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** A request's head as stored, with what its mails need and its version. */
    record Head(RequestRow row, String openedByEmail, String openedByLang, long version) {
        Owner owner() {
            return new Owner(row.partyId(), row.requester());
        }
    }

    /** Whose a request is: its account and the kind of portal it was opened from. */
    record Owner(UUID partyId, Requester requester) {}
}
