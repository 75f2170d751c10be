package com.nexo.cms.content;

import com.nexo.base.files.FileStorage;
import com.nexo.base.files.StoredFile;
import com.nexo.cms.Audience;
import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import com.nexo.cms.ContentStatus;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL that reads items as the editor sees them (live or as a revision kept them) and writes
 * revisions. Joins the caller's transaction; the caller checks permissions.
 */
@Component
class ItemStore {

    static final String ITEM_COLUMNS = "id, kind, slug, category_id, folder_id, status, publish_at, expire_at,"
            + " published_at, for_internal, for_clients, for_suppliers, for_professionals, for_public,"
            + " internal_roles, revision, version, updated_at";

    private static final String TEXT_COLUMNS = "lang, title, summary, body_md, body_html, file_id";

    /**
     * A revision of each of these items as they are now: the item and its texts (without the search
     * vector, which the texts give again) as one jsonb snapshot.
     */
    private static final String INSERT_REVISIONS = """
            INSERT INTO cms_item_revision (id, item_id, revision, snapshot, changed_fields, note)
            SELECT gen_random_uuid(), i.id, i.revision,
                   jsonb_build_object('item', to_jsonb(i), 'texts', coalesce(
                       (SELECT jsonb_agg(to_jsonb(t) - 'search' ORDER BY t.lang)
                          FROM cms_item_text t WHERE t.item_id = i.id), '[]'::jsonb)),
                   CAST(:fields AS text[]), :note
              FROM cms_item i
             WHERE i.id = ANY(CAST(:ids AS uuid[]))
            """;

    private final JdbcClient jdbc;
    private final FileStorage files;

    ItemStore(JdbcClient jdbc, FileStorage files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /** The item with its texts; {@code lock} takes the item's row lock for a change. */
    Optional<ItemDetail> detail(UUID id, boolean lock) {
        Optional<ItemDetail> item = jdbc.sql(
                        "SELECT " + ITEM_COLUMNS + " FROM cms_item WHERE id = :id" + (lock ? " FOR UPDATE" : ""))
                .param("id", id)
                .query((rs, n) -> item(rs, Map.of()))
                .optional();
        return item.map(found -> withTexts(
                found,
                jdbc.sql("SELECT " + TEXT_COLUMNS + " FROM cms_item_text WHERE item_id = :id ORDER BY lang")
                        .param("id", id)
                        .query((rs, n) -> text(rs))
                        .list()));
    }

    /** The item as revision {@code revision} kept it (its version is the current one's). */
    Optional<ItemDetail> atRevision(UUID id, int revision) {
        Optional<ItemDetail> item = jdbc.sql("SELECT " + ITEM_COLUMNS
                        + " FROM (SELECT (jsonb_populate_record(NULL::cms_item, snapshot->'item')).*"
                        + "         FROM cms_item_revision WHERE item_id = :id AND revision = :revision) s")
                .param("id", id)
                .param("revision", revision)
                .query((rs, n) -> item(rs, Map.of()))
                .optional();
        return item.map(found -> withTexts(
                found,
                jdbc.sql("SELECT " + TEXT_COLUMNS.replace("lang", "t.lang")
                                + " FROM cms_item_revision r,"
                                + " jsonb_populate_recordset(NULL::cms_item_text, r.snapshot->'texts') t"
                                + " WHERE r.item_id = :id AND r.revision = :revision ORDER BY t.lang")
                        .param("id", id)
                        .param("revision", revision)
                        .query((rs, n) -> text(rs))
                        .list()));
    }

    /** Writes a revision of each item as it is now, with the fields that changed and a note. */
    void recordRevisions(Collection<UUID> ids, List<String> fields, String note) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql(INSERT_REVISIONS)
                .param("ids", arrayLiteral(ids))
                .param("fields", arrayLiteral(fields))
                .param("note", note)
                .update();
    }

    private ItemDetail withTexts(ItemDetail item, List<ItemText> texts) {
        Map<ContentLanguage, ItemText> byLanguage = new EnumMap<>(ContentLanguage.class);
        for (ItemText text : texts) {
            byLanguage.put(text.language(), withFile(text));
        }
        return new ItemDetail(
                item.id(),
                item.kind(),
                item.slug(),
                item.categoryId(),
                item.folderId(),
                item.status(),
                item.publishAt(),
                item.expireAt(),
                item.publishedAt(),
                item.audiences(),
                item.internalRoles(),
                item.revision(),
                item.version(),
                byLanguage,
                item.updatedAt());
    }

    private ItemText withFile(ItemText text) {
        if (text.fileId() == null) {
            return text;
        }
        Optional<StoredFile> file = files.find(text.fileId());
        return new ItemText(
                text.language(),
                text.title(),
                text.summary(),
                text.bodyMarkdown(),
                text.bodyHtml(),
                text.fileId(),
                file.map(StoredFile::name).orElse(null),
                file.map(StoredFile::contentType).orElse(null),
                file.map(StoredFile::size).orElse(null));
    }

    static ItemDetail item(ResultSet rs, Map<ContentLanguage, ItemText> texts) throws SQLException {
        return new ItemDetail(
                rs.getObject("id", UUID.class),
                ContentKind.valueOf(rs.getString("kind")),
                rs.getString("slug"),
                rs.getObject("category_id", UUID.class),
                rs.getObject("folder_id", UUID.class),
                ContentStatus.valueOf(rs.getString("status")),
                instant(rs, "publish_at"),
                instant(rs, "expire_at"),
                instant(rs, "published_at"),
                audiences(rs),
                uuids(rs.getArray("internal_roles")),
                rs.getInt("revision"),
                rs.getLong("version"),
                texts,
                instant(rs, "updated_at"));
    }

    private static ItemText text(ResultSet rs) throws SQLException {
        return new ItemText(
                ContentLanguage.fromCode(rs.getString("lang")),
                rs.getString("title"),
                rs.getString("summary"),
                rs.getString("body_md"),
                rs.getString("body_html"),
                rs.getObject("file_id", UUID.class),
                null,
                null,
                null);
    }

    static Set<Audience> audiences(ResultSet rs) throws SQLException {
        Set<Audience> audiences = EnumSet.noneOf(Audience.class);
        for (Audience audience : Audience.values()) {
            if (rs.getBoolean(column(audience))) {
                audiences.add(audience);
            }
        }
        return audiences;
    }

    /** The {@code for_*} column of an audience (the policies of its database role read it). */
    static String column(Audience audience) {
        return switch (audience) {
            case INTERNAL -> "for_internal";
            case CLIENTS -> "for_clients";
            case SUPPLIERS -> "for_suppliers";
            case PROFESSIONALS -> "for_professionals";
            case PUBLIC -> "for_public";
        };
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Set<UUID> uuids(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        Object[] values = (Object[]) array.getArray();
        Set<UUID> ids = new LinkedHashSet<>();
        for (Object value : values) {
            ids.add(value instanceof UUID uuid ? uuid : UUID.fromString(value.toString()));
        }
        return Set.copyOf(ids);
    }

    /** A PostgreSQL array literal of simple values (ids, field names), cast in the statement. */
    static String arrayLiteral(Collection<?> values) {
        return values.stream().map(Object::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
