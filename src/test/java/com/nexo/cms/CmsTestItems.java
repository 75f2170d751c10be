package com.nexo.cms;

import com.nexo.base.Ids;
import com.nexo.base.files.FileStorage;
import com.nexo.base.files.StoredFile;
import com.nexo.tenancy.TenantContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CMS items for the reading side's tests, written with plain SQL as the tenant's system work through
 * the application role (so the column defaults and the staff policies apply, as for the editor's own
 * saves): an item in the state, audiences and languages a test needs, and files referred to by it.
 */
public final class CmsTestItems {

    public static final UUID DEMO = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");
    public static final UUID NORTHWIND = UUID.fromString("0195f3a0-0000-7000-8000-000000000002");

    private final JdbcClient jdbc;
    private final PlatformTransactionManager transactions;
    private final FileStorage files;

    public CmsTestItems(JdbcClient jdbc, PlatformTransactionManager transactions, FileStorage files) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.files = files;
    }

    /** A new item, described step by step, written by {@link #save()}. */
    public Item item(UUID tenant, ContentKind kind) {
        return new Item(tenant, kind);
    }

    /** A slug no other test run uses. */
    public static String uniqueSlug(String prefix) {
        return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    /** The id of a predefined role of a tenant, by its code. */
    public UUID role(UUID tenant, String code) {
        return system(
                tenant,
                () -> jdbc.sql("SELECT id FROM role WHERE code = :code")
                        .param("code", code)
                        .query(UUID.class)
                        .single());
    }

    /** Stores a file in a tenant (to refer to from an item). */
    public StoredFile file(UUID tenant, String name, String type, byte[] bytes) {
        return system(tenant, () -> {
            try {
                return files.store(name, type, "cms-test", new ByteArrayInputStream(bytes), 1_000_000);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Changes an item's title in one language, as a saved edit does. */
    public void retitle(UUID tenant, UUID item, ContentLanguage language, String title) {
        system(
                tenant,
                () -> jdbc.sql("UPDATE cms_item_text SET title = :title WHERE item_id = :id AND lang = :lang")
                        .param("title", title)
                        .param("id", item)
                        .param("lang", language.code())
                        .update());
    }

    /** A library folder of a tenant, for documents (which must be in one). */
    public UUID folder(UUID tenant, String name, Audience audience) {
        UUID id = Ids.newId();
        system(
                tenant,
                () -> jdbc.sql("""
                        INSERT INTO cms_folder (id, name, for_internal, for_clients, for_suppliers,
                                                for_professionals, for_public)
                        VALUES (:id, :name, :internal, :clients, :suppliers, :professionals, :public)
                        """)
                        .param("id", id)
                        .param("name", name)
                        .param("internal", audience == Audience.INTERNAL)
                        .param("clients", audience == Audience.CLIENTS)
                        .param("suppliers", audience == Audience.SUPPLIERS)
                        .param("professionals", audience == Audience.PROFESSIONALS)
                        .param("public", audience == Audience.PUBLIC)
                        .update());
        return id;
    }

    public <T> T system(UUID tenant, Supplier<T> work) {
        return TenantContext.callAsSystem(
                tenant, null, () -> new TransactionTemplate(transactions).execute(status -> work.get()));
    }

    public final class Item {
        private final UUID tenant;
        private final ContentKind kind;
        private final UUID id = Ids.newId();
        private String slug;
        private UUID folder;
        private ContentStatus status = ContentStatus.PUBLISHED;
        private Instant expireAt;
        private Set<Audience> audiences = EnumSet.of(Audience.INTERNAL);
        private final List<UUID> internalRoles = new ArrayList<>();
        private final Map<ContentLanguage, String[]> texts = new LinkedHashMap<>();
        private final Map<ContentLanguage, UUID> textFiles = new LinkedHashMap<>();
        private final List<UUID> attachments = new ArrayList<>();

        private Item(UUID tenant, ContentKind kind) {
            this.tenant = tenant;
            this.kind = kind;
            this.slug = uniqueSlug(kind.name().toLowerCase(Locale.ROOT));
        }

        public Item slug(String value) {
            slug = value;
            return this;
        }

        public String slug() {
            return slug;
        }

        public Item folder(UUID value) {
            folder = value;
            return this;
        }

        public Item status(ContentStatus value) {
            status = value;
            return this;
        }

        /** Published but past its expiry (the schedule has not run yet). */
        public Item expired() {
            expireAt = Instant.now().minusSeconds(3600);
            return this;
        }

        public Item audiences(Audience... values) {
            audiences = EnumSet.copyOf(List.of(values));
            return this;
        }

        public Item internalRoles(UUID... roles) {
            internalRoles.addAll(List.of(roles));
            return this;
        }

        /** A text: title, summary and its (already safe) HTML body. */
        public Item text(ContentLanguage language, String title, String summary, String html) {
            texts.put(language, new String[] {title, summary, html});
            return this;
        }

        public Item textFile(ContentLanguage language, UUID fileId) {
            textFiles.put(language, fileId);
            return this;
        }

        public Item attachment(UUID fileId) {
            attachments.add(fileId);
            return this;
        }

        public UUID save() {
            system(tenant, () -> {
                jdbc.sql("""
                                INSERT INTO cms_item (id, kind, slug, folder_id, status, publish_at, published_at, expire_at,
                                                      for_internal, for_clients, for_suppliers, for_professionals,
                                                      for_public, internal_roles)
                                VALUES (:id, :kind, :slug, :folder, :status, NULL, :publishedAt, :expireAt,
                                        :internal, :clients, :suppliers, :professionals, :public,
                                        CAST(:roles AS uuid[]))
                                """)
                        .param("id", id)
                        .param("kind", kind.name())
                        .param("slug", slug)
                        .param("folder", folder)
                        .param("status", status.name())
                        .param(
                                "publishedAt",
                                status == ContentStatus.PUBLISHED ? java.sql.Timestamp.from(Instant.now()) : null)
                        .param("expireAt", expireAt == null ? null : java.sql.Timestamp.from(expireAt))
                        .param("internal", audiences.contains(Audience.INTERNAL))
                        .param("clients", audiences.contains(Audience.CLIENTS))
                        .param("suppliers", audiences.contains(Audience.SUPPLIERS))
                        .param("professionals", audiences.contains(Audience.PROFESSIONALS))
                        .param("public", audiences.contains(Audience.PUBLIC))
                        .param(
                                "roles",
                                "{"
                                        + String.join(
                                                ",",
                                                internalRoles.stream()
                                                        .map(UUID::toString)
                                                        .toList()) + "}")
                        .update();
                texts.forEach((language, text) -> jdbc.sql("""
                                INSERT INTO cms_item_text (item_id, lang, title, summary, body_md, body_html, file_id)
                                VALUES (:id, :lang, :title, :summary, :md, :html, :file)
                                """)
                        .param("id", id)
                        .param("lang", language.code())
                        .param("title", text[0])
                        .param("summary", text[1])
                        .param("md", text[2])
                        .param("html", text[2])
                        .param("file", textFiles.get(language))
                        .update());
                attachments.forEach(file -> jdbc.sql("""
                                INSERT INTO cms_attachment (id, item_id, file_id, kind) VALUES (:id, :item, :file, 'IMAGE')
                                """)
                        .param("id", Ids.newId())
                        .param("item", id)
                        .param("file", file)
                        .update());
                return null;
            });
            return id;
        }
    }
}
