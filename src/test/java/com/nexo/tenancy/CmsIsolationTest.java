package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.assertRefused;
import static com.nexo.tenancy.IsolationSupport.assertRefusedByGrant;
import static com.nexo.tenancy.IsolationSupport.assertRefusedByPolicy;
import static com.nexo.tenancy.IsolationSupport.count;
import static com.nexo.tenancy.IsolationSupport.currentRole;
import static com.nexo.tenancy.IsolationSupport.ids;
import static com.nexo.tenancy.IsolationSupport.inTransaction;
import static com.nexo.tenancy.IsolationSupport.insertUser;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static com.nexo.tenancy.IsolationSupport.newUserData;
import static com.nexo.tenancy.IsolationSupport.texts;
import static com.nexo.tenancy.IsolationSupport.update;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.tenancy.IsolationSupport.TestTenant;
import com.nexo.tenancy.IsolationSupport.TestUser;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The CMS tables (V57) and the stored files (V56) under row-level security, with raw JDBC as the
 * application role. One tenant holds, for every audience (and two mixed ones), an item in every state
 * (published, published with its expiry passed, draft, scheduled, expired), each a document in a
 * folder of that audience, with a text in both languages that carries a stored file, an attachment
 * with its own file, and a revision. Then: another tenant's staff sees and changes nothing; each
 * portal role reads only the published, unexpired items of its audience with their texts,
 * attachments, files and chunks, and the folders of its audience; the visitor role only the public
 * ones; none of them writes anything or reads revisions; a forged context bound to another tenant's
 * id reads nothing of this one; the login role on its own is refused everything.
 */
@com.nexo.testing.NexoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CmsIsolationTest {

    /** Every table V56 and V57 create. */
    static final List<String> TABLES = List.of(
            "cms_category",
            "cms_folder",
            "cms_item",
            "cms_item_text",
            "cms_item_revision",
            "cms_attachment",
            "stored_file",
            "stored_file_chunk");

    /** What the portal and visitor roles may read (by their policies); revisions are staff's only. */
    private static final List<String> READABLE_OUTSIDE_STAFF =
            TABLES.stream().filter(table -> !table.equals("cms_item_revision")).toList();

    /** Tables staff may add to and delete from but never change (records, immutable files). */
    private static final List<String> NEVER_UPDATED = List.of("cms_item_revision", "stored_file", "stored_file_chunk");

    /** The audience columns, in the order of {@link #AUDIENCES}' flags. */
    private static final List<String> AUDIENCE_COLUMNS =
            List.of("for_internal", "for_clients", "for_suppliers", "for_professionals", "for_public");

    /** Audience label and its flags (internal, clients, suppliers, professionals, public). */
    private static final Map<String, boolean[]> AUDIENCES = new LinkedHashMap<>();

    static {
        AUDIENCES.put("internal", new boolean[] {true, false, false, false, false});
        AUDIENCES.put("clients", new boolean[] {false, true, false, false, false});
        AUDIENCES.put("suppliers", new boolean[] {false, false, true, false, false});
        AUDIENCES.put("professionals", new boolean[] {false, false, false, true, false});
        AUDIENCES.put("public", new boolean[] {false, false, false, false, true});
        AUDIENCES.put("partners", new boolean[] {true, true, true, true, false});
        AUDIENCES.put("everyone", new boolean[] {true, true, true, true, true});
    }

    /** Only "published" may be read outside the staff; "lapsed" is published with its expiry passed. */
    private static final List<String> STATES = List.of("published", "lapsed", "draft", "scheduled", "expired");

    private TestTenant owner;
    private TestTenant other;
    private final UUID party = UUID.randomUUID();
    /** Item ids by slug ({@code <audience>-<state>}). */
    private final Map<String, UUID> items = new HashMap<>();

    @BeforeAll
    void oneTenantWithItemsOfEveryAudienceInEveryState() throws SQLException {
        owner = newTenant();
        other = newTenant();
        StringBuilder audiences = new StringBuilder();
        for (Map.Entry<String, boolean[]> audience : AUDIENCES.entrySet()) {
            if (!audiences.isEmpty()) {
                audiences.append(", ");
            }
            audiences.append("('").append(audience.getKey()).append("'");
            for (boolean flag : audience.getValue()) {
                audiences.append(", ").append(flag);
            }
            audiences.append(")");
        }
        String audienceValues = "(VALUES " + audiences + ") AS a (label, fi, fc, fs, fp, fpub)";
        inTransaction(owner.asEmployee(), db -> {
            update(db, """
                    INSERT INTO cms_category (id, slug, name_es, name_en)
                    VALUES (gen_random_uuid(), 'general', 'General', 'General')
                    """);
            update(db, """
                    INSERT INTO cms_folder (id, name, for_internal, for_clients, for_suppliers, for_professionals,
                                            for_public)
                    SELECT gen_random_uuid(), a.label, a.fi, a.fc, a.fs, a.fp, a.fpub FROM %s
                    """.formatted(audienceValues));
            update(db, """
                    INSERT INTO cms_item (id, kind, slug, folder_id, status, publish_at, expire_at, published_at,
                                          for_internal, for_clients, for_suppliers, for_professionals, for_public)
                    SELECT gen_random_uuid(), 'DOCUMENT', a.label || '-' || s.state, f.id,
                           CASE s.state WHEN 'published' THEN 'PUBLISHED' WHEN 'lapsed' THEN 'PUBLISHED'
                                        WHEN 'draft' THEN 'DRAFT' WHEN 'scheduled' THEN 'SCHEDULED'
                                        ELSE 'EXPIRED' END,
                           CASE s.state WHEN 'scheduled' THEN now() + interval '1 day'
                                        WHEN 'lapsed' THEN now() - interval '2 days' END,
                           CASE s.state WHEN 'published' THEN now() + interval '30 days'
                                        WHEN 'lapsed' THEN now() - interval '1 day'
                                        WHEN 'expired' THEN now() - interval '1 day' END,
                           CASE WHEN s.state IN ('published', 'lapsed', 'expired') THEN now() - interval '3 days' END,
                           a.fi, a.fc, a.fs, a.fp, a.fpub
                      FROM %s
                     CROSS JOIN unnest(?::text[]) AS s (state)
                      JOIN cms_folder f ON f.name = a.label
                    """.formatted(audienceValues), db.createArrayOf("text", STATES.toArray()));
            // Three files per item: its Spanish and English documents and an attachment.
            update(db, """
                    INSERT INTO stored_file (id, name, content_type, size, sha256, purpose)
                    SELECT gen_random_uuid(), i.slug || '-' || p.part, 'application/pdf',
                           octet_length(convert_to(i.slug || '-' || p.part, 'UTF8')),
                           encode(sha256(convert_to(i.slug || '-' || p.part, 'UTF8')), 'hex'), 'cms-document'
                      FROM cms_item i CROSS JOIN (VALUES ('es'), ('en'), ('att')) AS p (part)
                    """);
            update(db, """
                    INSERT INTO stored_file_chunk (file_id, seq, data)
                    SELECT f.id, 0, convert_to(f.name, 'UTF8') FROM stored_file f
                    """);
            update(db, """
                    INSERT INTO cms_item_text (item_id, lang, title, summary, body_md, body_html, file_id, file_text)
                    SELECT i.id, l.lang, i.slug || ' ' || l.lang, 'Resumen', '# ' || i.slug, '<h1>' || i.slug || '</h1>',
                           f.id, 'texto del documento'
                      FROM cms_item i
                     CROSS JOIN (VALUES ('es'), ('en')) AS l (lang)
                      JOIN stored_file f ON f.name = i.slug || '-' || l.lang
                    """);
            update(db, """
                    INSERT INTO cms_attachment (id, item_id, file_id, kind)
                    SELECT gen_random_uuid(), i.id, f.id, 'FILE'
                      FROM cms_item i JOIN stored_file f ON f.name = i.slug || '-att'
                    """);
            update(db, """
                    INSERT INTO cms_item_revision (id, item_id, revision, snapshot)
                    SELECT gen_random_uuid(), i.id, 1, jsonb_build_object('slug', i.slug) FROM cms_item i
                    """);
            try (var statement = db.prepareStatement("SELECT slug, id FROM cms_item");
                    var rows = statement.executeQuery()) {
                while (rows.next()) {
                    items.put(rows.getString(1), rows.getObject(2, UUID.class));
                }
            }
            return null;
        });
        assertThat(items).hasSize(AUDIENCES.size() * STATES.size());
    }

    /** The labels of the audiences whose items the column's readers get. */
    private static Set<String> labelsFor(String column) {
        int index = AUDIENCE_COLUMNS.indexOf(column);
        Set<String> labels = new TreeSet<>();
        AUDIENCES.forEach((label, flags) -> {
            if (flags[index]) {
                labels.add(label);
            }
        });
        return labels;
    }

    /** Slugs of the published, unexpired items of the column's audience. */
    private static Set<String> readableSlugs(String column) {
        Set<String> slugs = new TreeSet<>();
        for (String label : labelsFor(column)) {
            slugs.add(label + "-published");
        }
        return slugs;
    }

    private Set<UUID> idsOf(Set<String> slugs) {
        Set<UUID> ids = new TreeSet<>();
        slugs.forEach(slug -> ids.add(items.get(slug)));
        return ids;
    }

    private static Set<String> fileNamesOf(Set<String> slugs) {
        Set<String> names = new TreeSet<>();
        for (String slug : slugs) {
            names.addAll(List.of(slug + "-es", slug + "-en", slug + "-att"));
        }
        return names;
    }

    @Test
    void the_owners_staff_sees_every_row_of_every_table() throws SQLException {
        inTransaction(owner.asEmployee(), db -> {
            int itemCount = AUDIENCES.size() * STATES.size();
            assertThat(count(db, "SELECT count(*) FROM cms_category")).isOne();
            assertThat(count(db, "SELECT count(*) FROM cms_folder")).isEqualTo(AUDIENCES.size());
            assertThat(count(db, "SELECT count(*) FROM cms_item")).isEqualTo(itemCount);
            assertThat(count(db, "SELECT count(*) FROM cms_item_text")).isEqualTo(2L * itemCount);
            assertThat(count(db, "SELECT count(*) FROM cms_item_revision")).isEqualTo(itemCount);
            assertThat(count(db, "SELECT count(*) FROM cms_attachment")).isEqualTo(itemCount);
            assertThat(count(db, "SELECT count(*) FROM stored_file")).isEqualTo(3L * itemCount);
            assertThat(count(db, "SELECT count(*) FROM stored_file_chunk")).isEqualTo(3L * itemCount);
            return null;
        });
    }

    @Test
    void another_tenants_staff_sees_changes_and_deletes_nothing() throws SQLException {
        inTransaction(other.asEmployee(), db -> {
            for (String table : TABLES) {
                assertThat(count(db, "SELECT count(*) FROM " + table)).as(table).isZero();
                if (NEVER_UPDATED.contains(table)) {
                    assertRefusedByGrant(db, table, "UPDATE " + table + " SET tenant_id = tenant_id");
                } else {
                    assertThat(update(db, "UPDATE " + table + " SET tenant_id = tenant_id"))
                            .as(table)
                            .isZero();
                }
                assertThat(update(db, "DELETE FROM " + table)).as(table).isZero();
            }
            return null;
        });
        the_owners_staff_sees_every_row_of_every_table();
    }

    @Test
    void no_row_can_be_written_into_another_tenant() {
        assertRefusedByPolicy(
                () -> inTransaction(
                        other.asEmployee(),
                        db -> update(
                                db,
                                "INSERT INTO cms_item (id, tenant_id, kind, slug) VALUES (?, ?, 'NEWS', 'forged')",
                                UUID.randomUUID(),
                                owner.id())),
                "cms_item");
        assertRefusedByPolicy(
                () -> inTransaction(
                        other.asEmployee(),
                        db -> update(
                                db,
                                "INSERT INTO stored_file (id, tenant_id, name, content_type, size, sha256, purpose)"
                                        + " VALUES (?, ?, 'x', 'text/plain', 0, repeat('0', 64), 'cms-document')",
                                UUID.randomUUID(),
                                owner.id())),
                "stored_file");
        assertRefusedByPolicy(
                () -> inTransaction(
                        other.asEmployee(),
                        db -> update(
                                db,
                                "INSERT INTO cms_folder (id, tenant_id, name) VALUES (?, ?, 'forged')",
                                UUID.randomUUID(),
                                owner.id())),
                "cms_folder");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = ActorType.class,
            names = {"CLIENT", "SUPPLIER", "PROFESSIONAL", "VISITOR"})
    void readers_outside_the_staff_read_only_published_unexpired_items_of_their_audience(ActorType actor)
            throws SQLException {
        String column = audienceColumnOf(actor);
        DatabaseContext context = readerContext(actor, owner);
        Set<String> slugs = readableSlugs(column);
        Set<UUID> readable = idsOf(slugs);
        assertThat(slugs).as("every audience has something to read").isNotEmpty();
        inTransaction(context, db -> {
            assertThat(currentRole(db)).isEqualTo(roleOf(actor));
            assertThat(new TreeSet<>(texts(db, "SELECT slug FROM cms_item"))).isEqualTo(slugs);
            assertThat(new TreeSet<>(ids(db, "SELECT item_id FROM cms_item_text")))
                    .isEqualTo(readable);
            assertThat(count(db, "SELECT count(*) FROM cms_item_text")).isEqualTo(2L * slugs.size());
            assertThat(new TreeSet<>(ids(db, "SELECT item_id FROM cms_attachment")))
                    .isEqualTo(readable);
            assertThat(new TreeSet<>(texts(db, "SELECT name FROM stored_file"))).isEqualTo(fileNamesOf(slugs));
            assertThat(new TreeSet<>(texts(db, "SELECT convert_from(data, 'UTF8') FROM stored_file_chunk")))
                    .isEqualTo(fileNamesOf(slugs));
            assertThat(new TreeSet<>(texts(db, "SELECT name FROM cms_folder"))).isEqualTo(labelsFor(column));
            // Categories name the knowledge base's sections, of its own tenant only.
            assertThat(texts(db, "SELECT slug FROM cms_category")).containsExactly("general");
            // Nothing else, even asked for by id.
            for (Map.Entry<String, UUID> item : items.entrySet()) {
                if (!slugs.contains(item.getKey())) {
                    assertThat(count(db, "SELECT count(*) FROM cms_item WHERE id = ?", item.getValue()))
                            .as(item.getKey())
                            .isZero();
                    assertThat(count(db, "SELECT count(*) FROM cms_item_text WHERE item_id = ?", item.getValue()))
                            .as(item.getKey())
                            .isZero();
                }
            }
            assertRefusedByGrant(db, "cms_item_revision", "SELECT count(*) FROM cms_item_revision");
            return null;
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = ActorType.class,
            names = {"CLIENT", "SUPPLIER", "PROFESSIONAL", "VISITOR"})
    void readers_outside_the_staff_write_nothing(ActorType actor) throws SQLException {
        DatabaseContext context = readerContext(actor, owner);
        UUID published = items.get("everyone-published");
        // Portal actors store and delete their own account's uploads (V58); none of the CMS's files are.
        boolean uploads = actor != ActorType.VISITOR;
        inTransaction(context, db -> {
            for (String table : TABLES) {
                assertRefusedByGrant(db, table, "UPDATE " + table + " SET tenant_id = tenant_id");
                if (uploads && table.startsWith("stored_file")) {
                    assertThat(update(db, "DELETE FROM " + table)).as(table).isZero();
                } else {
                    assertRefusedByGrant(db, table, "DELETE FROM " + table);
                }
            }
            assertRefusedByGrant(
                    db,
                    "cms_item",
                    "INSERT INTO cms_item (id, kind, slug) VALUES (?, 'NEWS', 'mine')",
                    UUID.randomUUID());
            assertRefusedByGrant(
                    db,
                    "cms_item_text",
                    "INSERT INTO cms_item_text (item_id, lang, title) VALUES (?, 'es', 'x')",
                    published);
            assertRefusedByGrant(
                    db,
                    "cms_item_revision",
                    "INSERT INTO cms_item_revision (id, item_id, revision, snapshot) VALUES (?, ?, 9, '{}')",
                    UUID.randomUUID(),
                    published);
            assertRefusedByGrant(
                    db,
                    "cms_attachment",
                    "INSERT INTO cms_attachment (id, item_id, file_id, kind)"
                            + " SELECT ?, item_id, file_id, 'FILE' FROM cms_attachment LIMIT 1",
                    UUID.randomUUID());
            assertRefusedByGrant(
                    db,
                    "cms_folder",
                    "INSERT INTO cms_folder (id, name, for_public) VALUES (?, 'mine', true)",
                    UUID.randomUUID());
            assertRefusedByGrant(
                    db,
                    "cms_category",
                    "INSERT INTO cms_category (id, slug, name_es) VALUES (?, 'mine', 'Mía')",
                    UUID.randomUUID());
            String fileOfAnotherAccount = "INSERT INTO stored_file (id, name, content_type, size, sha256, purpose,"
                    + " party_id) VALUES (?, 'x', 'text/plain', 0, repeat('0', 64), 'cms-document', ?)";
            String chunkOfACmsFile =
                    "INSERT INTO stored_file_chunk (file_id, seq, data) SELECT id, 9, '\\x00' FROM stored_file LIMIT 1";
            if (uploads) {
                assertRefusedByPolicy(db, "stored_file", fileOfAnotherAccount, UUID.randomUUID(), UUID.randomUUID());
                assertRefusedByPolicy(db, "stored_file_chunk", chunkOfACmsFile);
            } else {
                assertRefusedByGrant(db, "stored_file", fileOfAnotherAccount, UUID.randomUUID(), UUID.randomUUID());
                assertRefusedByGrant(db, "stored_file_chunk", chunkOfACmsFile);
            }
            return null;
        });
        the_owners_staff_sees_every_row_of_every_table();
    }

    /**
     * The search runs as the owner (so that the text index serves under row-level security) and takes
     * the reader's audience from its database role: a portal transaction that rewrites its actor-type
     * setting and asks for everything still finds only what its policies let it read.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = ActorType.class,
            names = {"CLIENT", "SUPPLIER", "PROFESSIONAL"})
    void the_search_finds_only_the_audience_of_the_callers_role_whatever_its_settings_say(ActorType actor)
            throws SQLException {
        Set<UUID> readable = idsOf(readableSlugs(audienceColumnOf(actor)));
        inTransaction(readerContext(actor, owner), db -> {
            assertThat(new TreeSet<>(
                            ids(db, "SELECT hit_item FROM nexo_cms_search('documento', NULL, 'es', false, NULL, 100)")))
                    .isEqualTo(readable);
            texts(db, "SELECT set_config('nexo.actor_type', 'employee', true)");
            assertThat(new TreeSet<>(
                            ids(db, "SELECT hit_item FROM nexo_cms_search('documento', NULL, 'es', true, NULL, 100)")))
                    .isEqualTo(readable);
            return null;
        });
        inTransaction(owner.asEmployee(), db -> {
            assertThat(ids(db, "SELECT hit_item FROM nexo_cms_search('documento', NULL, 'es', true, NULL, 100)"))
                    .hasSize(items.size());
            return null;
        });
        inTransaction(readerContext(ActorType.VISITOR, owner), db -> {
            assertRefused(
                    () -> ids(db, "SELECT hit_item FROM nexo_cms_search('documento', NULL, 'es', true, NULL, 100)"),
                    "permission denied for function nexo_cms_search");
            return null;
        });
    }

    /** A context forged with another tenant's id (the visitor, or this tenant's client) reads nothing here. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = ActorType.class,
            names = {"CLIENT", "SUPPLIER", "PROFESSIONAL", "VISITOR"})
    void a_reader_bound_to_another_tenant_reads_nothing_of_this_one(ActorType actor) throws SQLException {
        DatabaseContext mine = readerContext(actor, owner);
        DatabaseContext forged = new DatabaseContext(other.id(), mine.userId(), actor, mine.partyId());
        inTransaction(forged, db -> {
            for (String table : READABLE_OUTSIDE_STAFF) {
                assertThat(count(db, "SELECT count(*) FROM " + table)).as(table).isZero();
            }
            assertThat(count(db, "SELECT count(*) FROM cms_item WHERE id = ?", items.get("everyone-published")))
                    .isZero();
            return null;
        });
    }

    @Test
    void the_login_role_without_a_context_and_the_operator_are_refused_every_table() throws SQLException {
        DatabaseContext operator = new DatabaseContext(null, UUID.randomUUID(), ActorType.OPERATOR, null);
        List<DatabaseContext> outsiders = new ArrayList<>();
        outsiders.add(null);
        outsiders.add(operator);
        for (DatabaseContext outsider : outsiders) {
            inTransaction(outsider, db -> {
                for (String table : TABLES) {
                    assertRefusedByGrant(db, table, "SELECT count(*) FROM " + table);
                }
                return null;
            });
        }
    }

    /** An employee bound to this tenant reads internal items too, whatever their state (the service filters). */
    @Test
    void staff_reads_internal_and_unpublished_items_which_no_portal_role_reads() throws SQLException {
        Set<String> internalOnly = new TreeSet<>();
        for (String state : STATES) {
            internalOnly.add("internal-" + state);
        }
        inTransaction(owner.asEmployee(), db -> {
            assertThat(new TreeSet<>(texts(db, "SELECT slug FROM cms_item WHERE slug LIKE 'internal-%'")))
                    .isEqualTo(internalOnly);
            return null;
        });
        for (ActorType actor :
                List.of(ActorType.CLIENT, ActorType.SUPPLIER, ActorType.PROFESSIONAL, ActorType.VISITOR)) {
            inTransaction(readerContext(actor, owner), db -> {
                assertThat(count(db, "SELECT count(*) FROM cms_item WHERE slug LIKE 'internal-%'"))
                        .as(actor.name())
                        .isZero();
                assertThat(count(db, "SELECT count(*) FROM cms_item WHERE status <> 'PUBLISHED'"))
                        .as(actor.name())
                        .isZero();
                return null;
            });
        }
    }

    private static String audienceColumnOf(ActorType actor) {
        return switch (actor) {
            case CLIENT -> "for_clients";
            case SUPPLIER -> "for_suppliers";
            case PROFESSIONAL -> "for_professionals";
            case VISITOR -> "for_public";
            default -> throw new IllegalArgumentException(actor.name());
        };
    }

    private static String roleOf(ActorType actor) {
        return TestContexts.ROLES.roleOf(actor);
    }

    /** A portal user of the tenant (created once per actor type), or the visitor, who has no user. */
    private final Map<ActorType, DatabaseContext> readers = new HashMap<>();

    private DatabaseContext readerContext(ActorType actor, TestTenant tenant) throws SQLException {
        if (actor == ActorType.VISITOR) {
            return new DatabaseContext(tenant.id(), null, ActorType.VISITOR, null);
        }
        DatabaseContext existing = readers.get(actor);
        if (existing != null) {
            return existing;
        }
        TestUser me = newUserData(actor, party);
        inTransaction(tenant.asSystem(), (Connection db) -> insertUser(db, me));
        DatabaseContext context = new DatabaseContext(tenant.id(), me.id(), actor, party);
        readers.put(actor, context);
        return context;
    }
}
