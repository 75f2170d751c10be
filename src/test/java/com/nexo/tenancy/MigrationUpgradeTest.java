package com.nexo.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.testing.NexoSpringTest;
import com.nexo.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * A database created by main before actor roles (migrated to V18, with rows of two tenants written the
 * way that code wrote them) migrates to the current layout, and then shows those rows through the
 * new roles to the right actors only.
 */
@NexoSpringTest
class MigrationUpgradeTest {

    /** The last version of main before actor roles and repeatable migrations. */
    private static final int BEFORE_ROLES = 18;

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

    @Autowired
    private Environment environment;

    @TempDir
    Path oldMigrations;

    private String database;
    private String url;

    @BeforeEach
    void createAnEmptyDatabase() throws SQLException, IOException {
        database = "nexo_upgrade_" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        DatabaseBootstrap.run(new DatabaseBootstrap.Settings(
                TestDatabase.adminUrl(),
                "postgres",
                "",
                database,
                environment.getRequiredProperty("spring.flyway.user"),
                environment.getRequiredProperty("spring.flyway.password"),
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getRequiredProperty("spring.datasource.password"),
                ActorRoles.from(environment)));
        url = "jdbc:postgresql://" + TestDatabase.HOST + ":" + TestDatabase.PORT + "/" + database;
    }

    @AfterEach
    void dropIt() throws SQLException {
        DatabaseBootstrap.drop(TestDatabase.adminUrl(), "postgres", "", database);
    }

    @Test
    void a_database_of_v18_with_data_migrates_and_its_rows_reach_the_right_actors_only() throws Exception {
        // 1. Main as of V18: its versioned files only (the repeatable ones did not exist yet).
        List<String> old = copyVersionedFilesUpTo(BEFORE_ROLES);
        flyway(old.toArray(String[]::new)).migrate();
        assertThat(appliedVersions()).last().isEqualTo(String.valueOf(BEFORE_ROLES));

        // 2. Rows of two tenants, written as that code wrote them: the application role, the context
        // in settings, no role switch (the old policies tested the actor type per row).
        OldTenant a = OldTenant.create(this, "a");
        OldTenant b = OldTenant.create(this, "b");

        // 3. The current migrations.
        flyway(environment.getRequiredProperty("spring.flyway.locations").split("\\s*,\\s*"))
                .migrate();
        assertThat(appliedVersions()).contains("19", "24");

        // 4. Through the new roles.
        for (OldTenant tenant : List.of(a, b)) {
            OldTenant other = tenant == a ? b : a;
            inContext(tenant.asEmployee(), db -> {
                assertThat(ids(db, "SELECT id FROM tenant")).containsExactly(tenant.id());
                assertThat(ids(db, "SELECT id FROM app_user"))
                        .containsExactlyInAnyOrder(tenant.employee(), tenant.client());
                assertThat(ids(db, "SELECT id FROM account"))
                        .containsExactlyInAnyOrder(tenant.party(), tenant.supplier());
                assertThat(ids(db, "SELECT id FROM article")).containsExactly(tenant.article());
                assertThat(texts(db, "SELECT on_hand::text FROM stock_balance")).containsExactly("5.000000");
                assertThat(ids(db, "SELECT DISTINCT entity_id FROM change_history WHERE table_name = 'account'"))
                        .containsExactlyInAnyOrder(tenant.party(), tenant.supplier());
                assertThat(ids(db, "SELECT id FROM account WHERE id IN (?, ?)", other.party(), other.supplier()))
                        .isEmpty();
                // The searches, now staff-only, find the tenant's own rows only.
                assertThat(ids(db, "SELECT id FROM nexo_account_search(ARRAY['proveedora'], NULL, 10, 0.5)"))
                        .containsExactly(tenant.supplier());
                assertThat(ids(db, "SELECT id FROM nexo_article_search('tornillo', NULL, 10, 0.5)"))
                        .containsExactly(tenant.article());
                return null;
            });
            inContext(tenant.asClient(), db -> {
                assertThat(ids(db, "SELECT id FROM tenant")).containsExactly(tenant.id());
                assertThat(ids(db, "SELECT id FROM app_user")).containsExactly(tenant.client());
                assertThat(ids(db, "SELECT id FROM account")).containsExactly(tenant.party());
                assertThat(ids(db, "SELECT account_id FROM contact")).containsExactly(tenant.party());
                assertThat(refused(db, "SELECT count(*) FROM article")).isTrue();
                assertThat(refused(db, "SELECT count(*) FROM change_history")).isTrue();
                return null;
            });
        }
        inContext(new DatabaseContext(null, null, ActorType.OPERATOR, null), db -> {
            assertThat(ids(db, "SELECT id FROM tenant")).contains(a.id(), b.id());
            assertThat(refused(db, "SELECT count(*) FROM account")).isTrue();
            assertThat(refused(db, "SELECT count(*) FROM app_user")).isTrue();
            return null;
        });
        inContext(null, db -> {
            assertThat(refused(db, "SELECT count(*) FROM tenant")).isTrue();
            assertThat(refused(db, "SELECT count(*) FROM account")).isTrue();
            return null;
        });

        // 5. Staff keeps working on the old rows: the triggers of the repeatable files apply.
        inContext(a.asEmployee(), db -> {
            update(db, """
                    INSERT INTO stock_movement (id, movement_type, article_id, warehouse_id, quantity,
                                                entered_quantity, entered_unit_id, user_id)
                    VALUES (gen_random_uuid(), 'issue', ?, ?, -2, -2, ?, ?)
                    """, a.article(), a.warehouse(), a.unit(), a.employee());
            update(db, "UPDATE account SET legal_name = 'Proveedora Renombrada' WHERE id = ?", a.supplier());
            return null;
        });
        inContext(a.asEmployee(), db -> {
            assertThat(texts(db, "SELECT on_hand::text FROM stock_balance")).containsExactly("3.000000");
            assertThat(texts(
                            db,
                            "SELECT changes->'legal_name'->>1 FROM change_history"
                                    + " WHERE entity_id = ? AND operation = 'UPDATE' AND user_id = ?",
                            a.supplier(),
                            a.employee()))
                    .containsExactly("Proveedora Renombrada");
            assertThat(texts(db, "SELECT word FROM account_search_word WHERE word = 'renombrada'"))
                    .containsExactly("renombrada");
            return null;
        });
    }

    /**
     * An installation that did not create the actor roles (Compose volumes made before them) stops at
     * V19 with a message saying what to run, before anything changed. Role names that exist nowhere
     * stand for the missing roles here, so the cluster's roles stay as they are.
     */
    @Test
    void without_the_actor_roles_the_migration_stops_at_v19_saying_how_to_create_them() throws Exception {
        flyway(copyVersionedFilesUpTo(BEFORE_ROLES).toArray(String[]::new)).migrate();
        Map<String, String> missing = new java.util.HashMap<>(placeholders());
        missing.put(
                "staff_role",
                "nexo_missing_staff_" + ThreadLocalRandom.current().nextInt(1_000_000));
        Flyway current = Flyway.configure()
                .dataSource(
                        url,
                        environment.getRequiredProperty("spring.flyway.user"),
                        environment.getRequiredProperty("spring.flyway.password"))
                .locations(environment
                        .getRequiredProperty("spring.flyway.locations")
                        .split("\\s*,\\s*"))
                .placeholders(missing)
                .load();
        assertThatThrownBy(current::migrate)
                .hasMessageContaining("actor roles are missing: " + missing.get("staff_role"))
                .hasMessageContaining("create-roles.sql")
                .hasMessageContaining("init-roles.sh");
        assertThat(appliedVersions()).last().isEqualTo(String.valueOf(BEFORE_ROLES));
    }

    /** One tenant of the old database: users, accounts, a contact, an article with stock. */
    record OldTenant(
            UUID id, UUID employee, UUID client, UUID party, UUID supplier, UUID unit, UUID article, UUID warehouse) {

        static OldTenant create(MigrationUpgradeTest test, String tag) throws SQLException {
            OldTenant tenant = new OldTenant(
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID());
            String code = "upg-" + tag + "-" + tenant.id().toString().substring(0, 8);
            test.inOldContext(tenant.id(), null, "system", null, db -> {
                update(db, "INSERT INTO tenant (id, code, name) VALUES (?, ?, ?)", tenant.id(), code, "Upgrade " + tag);
                update(
                        db,
                        "INSERT INTO app_user (id, email, display_name, actor_type) VALUES (?, ?, 'E', 'employee')",
                        tenant.employee(),
                        "employee-" + tenant.employee() + "@upgrade.test");
                update(
                        db,
                        "INSERT INTO app_user (id, email, display_name, actor_type, party_id)"
                                + " VALUES (?, ?, 'C', 'client', ?)",
                        tenant.client(),
                        "client-" + tenant.client() + "@upgrade.test",
                        tenant.party());
                return null;
            });
            test.inOldContext(tenant.id(), tenant.employee(), "employee", null, db -> {
                update(
                        db,
                        "INSERT INTO account (id, code, kind, roles, legal_name) VALUES"
                                + " (?, 'C-1', 'ORGANIZATION', '{CLIENT}', 'Cliente Antiguo'),"
                                + " (?, 'S-1', 'ORGANIZATION', '{SUPPLIER}', 'Proveedora Antigua')",
                        tenant.party(),
                        tenant.supplier());
                update(
                        db,
                        "INSERT INTO contact (id, account_id, name) VALUES (gen_random_uuid(), ?, 'Ana')",
                        tenant.party());
                update(
                        db,
                        "INSERT INTO contact (id, account_id, name) VALUES (gen_random_uuid(), ?, 'Luis')",
                        tenant.supplier());
                update(
                        db,
                        "INSERT INTO unit_of_measure (id, code, name_es, name_en, kind, factor) VALUES (?, 'ud', 'unidad',"
                                + " 'unit', 'count', 1)",
                        tenant.unit());
                update(
                        db,
                        "INSERT INTO article (id, code, kind, name_es, name_en, unit_id, default_supplier_id)"
                                + " VALUES (?, 'TOR-1', 'goods', 'Tornillo M8', 'Bolt M8', ?, ?)",
                        tenant.article(),
                        tenant.unit(),
                        tenant.supplier());
                update(db, "INSERT INTO warehouse (id, code, name) VALUES (?, 'CEN', 'Central')", tenant.warehouse());
                update(db, """
                        INSERT INTO stock_movement (id, movement_type, article_id, warehouse_id, quantity,
                                                    entered_quantity, entered_unit_id, user_id)
                        VALUES (gen_random_uuid(), 'receipt', ?, ?, 5, 5, ?, ?)
                        """, tenant.article(), tenant.warehouse(), tenant.unit(), tenant.employee());
                return null;
            });
            return tenant;
        }

        DatabaseContext asEmployee() {
            return new DatabaseContext(id, employee, ActorType.EMPLOYEE, null);
        }

        DatabaseContext asClient() {
            return new DatabaseContext(id, client, ActorType.CLIENT, party);
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private List<String> copyVersionedFilesUpTo(int lastVersion) throws IOException {
        Path migrations = Path.of("db/migration");
        List<String> locations = new ArrayList<>();
        try (Stream<Path> folders = Files.list(migrations)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                Path copy = Files.createDirectories(oldMigrations.resolve(folder.getFileName()));
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.toList()) {
                        Matcher versioned = VERSIONED.matcher(file.getFileName().toString());
                        if (versioned.matches() && Integer.parseInt(versioned.group(1)) <= lastVersion) {
                            Files.copy(file, copy.resolve(file.getFileName()));
                        }
                    }
                }
                locations.add("filesystem:" + copy.toAbsolutePath());
            }
        }
        return locations;
    }

    private Map<String, String> placeholders() {
        return Binder.get(environment)
                .bind("spring.flyway.placeholders", Bindable.mapOf(String.class, String.class))
                .orElseThrow(() -> new IllegalStateException("no Flyway placeholders configured"));
    }

    private Flyway flyway(String... locations) {
        Map<String, String> placeholders = placeholders();
        return Flyway.configure()
                .dataSource(
                        url,
                        environment.getRequiredProperty("spring.flyway.user"),
                        environment.getRequiredProperty("spring.flyway.password"))
                .locations(locations)
                .placeholders(placeholders)
                .load();
    }

    private List<String> appliedVersions() throws SQLException {
        try (Connection owner = DriverManager.getConnection(
                url,
                environment.getRequiredProperty("spring.flyway.user"),
                environment.getRequiredProperty("spring.flyway.password"))) {
            return texts(
                    owner,
                    "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank");
        }
    }

    private Connection asApplicationRole() throws SQLException {
        return DriverManager.getConnection(
                url,
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getRequiredProperty("spring.datasource.password"));
    }

    /** A transaction bound the way main bound it before actor roles: settings only. */
    private <T> T inOldContext(UUID tenant, UUID user, String actorType, UUID party, SqlWork<T> work)
            throws SQLException {
        try (Connection db = asApplicationRole()) {
            db.setAutoCommit(false);
            texts(
                    db,
                    "SELECT set_config('nexo.tenant_id', ?, true), set_config('nexo.user_id', ?, true),"
                            + " set_config('nexo.actor_type', ?, true), set_config('nexo.party_id', ?, true)",
                    String.valueOf(tenant),
                    user == null ? "" : user.toString(),
                    actorType,
                    party == null ? "" : party.toString());
            T result = work.run(db);
            db.commit();
            return result;
        }
    }

    /** A transaction bound by today's binder: context and actor role. */
    private <T> T inContext(DatabaseContext context, SqlWork<T> work) throws SQLException {
        try (Connection db = asApplicationRole()) {
            db.setAutoCommit(false);
            TestContexts.bind(db, context);
            T result = work.run(db);
            db.commit();
            return result;
        }
    }

    /** Whether the statement is refused for lack of a grant (inside a savepoint, so the transaction goes on). */
    private static boolean refused(Connection db, String sql) throws SQLException {
        var savepoint = db.setSavepoint();
        try {
            assertThatThrownBy(() -> texts(db, sql))
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            return true;
        } finally {
            db.rollback(savepoint);
        }
    }

    private static Set<UUID> ids(Connection db, String sql, Object... params) throws SQLException {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String id : texts(db, sql, params)) {
            ids.add(UUID.fromString(id));
        }
        return ids;
    }

    private static List<String> texts(Connection db, String sql, Object... params) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    private static int update(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        }
    }
}
