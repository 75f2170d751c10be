package com.nexo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.DatabaseContext;
import com.nexo.tenancy.TestContexts;
import com.nexo.testing.NexoSpringTest;
import com.nexo.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What row-level security and the grants of each actor's role let the application do with the
 * identity and access tables (roles, their permissions, role assignments, security events, login
 * throttling), for each kind of context. Raw JDBC as {@code nexo_app}, so nothing of the application stands in between.
 */
@NexoSpringTest
class AccessDatabaseTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    /** The tables that belong to a tenant's identity and access, none of them the operator's business. */
    private static final List<String> IDENTITY_TABLES =
            List.of("app_user", "role", "role_permission", "user_role", "security_event");

    /** The context a transaction is bound to (with its actor's role, by the production binder). */
    record Ctx(UUID tenantId, UUID userId, String actorType, UUID partyId) {

        static Ctx operator() {
            return new Ctx(null, null, "operator", null);
        }

        static Ctx system(UUID tenantId) {
            return new Ctx(tenantId, null, "system", null);
        }
    }

    /** A tenant made for one test: an employee, a client, a role both hold, and two events. */
    record Tenant(UUID id, UUID employee, UUID client, UUID clientParty, UUID role, UUID otherRole) {

        Ctx asEmployee() {
            return new Ctx(id, employee, "employee", null);
        }

        Ctx asClient() {
            return new Ctx(id, client, "client", clientParty);
        }

        Ctx asSystem() {
            return Ctx.system(id);
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private Tenant a;
    private Tenant b;

    @BeforeEach
    void twoFreshTenants() throws SQLException {
        a = newTenant();
        b = newTenant();
    }

    // --- The operator ----------------------------------------------------------------------------

    @Test
    void the_operator_sees_every_tenant_row_and_is_refused_every_tenants_identity_and_access() throws SQLException {
        inTransaction(Ctx.operator(), db -> {
            assertThat(uuids(db, "SELECT id FROM tenant")).contains(a.id(), b.id());
            return null;
        });
        // Its role holds no grant on any of them.
        for (String table : IDENTITY_TABLES) {
            assertRefusedByGrant(
                    () -> inTransaction(Ctx.operator(), db -> count(db, "SELECT count(*) FROM " + table)), table);
        }
    }

    @Test
    void the_operator_cannot_write_any_tenants_roles_or_assignments() throws SQLException {
        assertRefusedByGrant(
                () -> inTransaction(
                        Ctx.operator(),
                        db -> update(
                                db,
                                "INSERT INTO role (id, tenant_id, code, name) VALUES (?, ?, 'smuggled', 'Smuggled')",
                                UUID.randomUUID(),
                                a.id())),
                "role");
        assertRefusedByGrant(
                () -> inTransaction(
                        Ctx.operator(),
                        db -> update(
                                db,
                                "INSERT INTO user_role (tenant_id, user_id, role_id) VALUES (?, ?, ?)",
                                a.id(),
                                a.client(),
                                a.role())),
                "user_role");
        assertRefusedByGrant(
                () -> inTransaction(
                        Ctx.operator(), db -> update(db, "UPDATE role SET name = 'Renamed' WHERE id = ?", a.role())),
                "role");
        assertRefusedByGrant(
                () -> inTransaction(
                        Ctx.operator(), db -> update(db, "DELETE FROM user_role WHERE tenant_id = ?", a.id())),
                "user_role");
    }

    // --- A tenant's staff ----------------------------------------------------------------------

    @Test
    void an_employee_sees_only_its_own_tenants_roles_permissions_assignments_and_events() throws SQLException {
        inTransaction(a.asEmployee(), db -> {
            assertThat(uuids(db, "SELECT DISTINCT tenant_id FROM role")).containsExactly(a.id());
            assertThat(uuids(db, "SELECT id FROM role")).contains(a.role(), a.otherRole());
            assertThat(uuids(db, "SELECT DISTINCT tenant_id FROM role_permission"))
                    .containsExactly(a.id());
            assertThat(uuids(db, "SELECT DISTINCT tenant_id FROM user_role")).containsExactly(a.id());
            assertThat(uuids(db, "SELECT user_id FROM user_role")).containsExactlyInAnyOrder(a.employee(), a.client());
            assertThat(uuids(db, "SELECT DISTINCT tenant_id FROM security_event"))
                    .containsExactly(a.id());
            assertThat(texts(db, "SELECT details FROM security_event ORDER BY details"))
                    .containsExactly("test event 1 of " + a.id(), "test event 2 of " + a.id());
            return null;
        });
    }

    @Test
    void an_employee_cannot_write_into_another_tenant() throws SQLException {
        assertRefusedByPolicy(
                () -> inTransaction(
                        a.asEmployee(),
                        db -> update(
                                db,
                                "INSERT INTO role (id, tenant_id, code, name) VALUES (?, ?, 'smuggled', 'Smuggled')",
                                UUID.randomUUID(),
                                b.id())),
                "role");
        assertRefusedByPolicy(
                () -> inTransaction(
                        a.asEmployee(),
                        db -> update(
                                db,
                                "INSERT INTO user_role (tenant_id, user_id, role_id) VALUES (?, ?, ?)",
                                b.id(),
                                b.client(),
                                b.role())),
                "user_role");
        assertRefusedByPolicy(
                () -> inTransaction(
                        a.asEmployee(),
                        db -> update(
                                db,
                                "INSERT INTO security_event (id, tenant_id, event_type, details) VALUES (?, ?, 'ROLE_CHANGED', 'forged')",
                                UUID.randomUUID(),
                                b.id())),
                "security_event");
        inTransaction(a.asEmployee(), db -> {
            assertThat(update(db, "UPDATE role SET name = 'Renamed' WHERE id = ?", b.role()))
                    .isZero();
            assertThat(update(db, "DELETE FROM role_permission WHERE role_id = ?", b.role()))
                    .isZero();
            assertThat(update(db, "DELETE FROM user_role WHERE role_id = ?", b.role()))
                    .isZero();
            return null;
        });
        inTransaction(b.asEmployee(), db -> {
            assertThat(count(db, "SELECT count(*) FROM role_permission WHERE role_id = ?", b.role()))
                    .isOne();
            assertThat(count(db, "SELECT count(*) FROM user_role WHERE role_id = ?", b.role()))
                    .isEqualTo(2);
            return null;
        });
    }

    // --- Portal actors --------------------------------------------------------------------------

    @Test
    void a_client_sees_only_its_own_role_assignments_and_no_role() throws SQLException {
        inTransaction(a.asClient(), db -> {
            assertThat(uuids(db, "SELECT user_id FROM user_role")).containsExactly(a.client());
            // Which permissions its tenant's roles carry is no secret: that is how it learns its own.
            assertThat(uuids(db, "SELECT DISTINCT tenant_id FROM role_permission"))
                    .containsExactly(a.id());
            return null;
        });
        // Roles and the security log are internal: a portal role holds no grant on them.
        assertRefusedByGrant(() -> inTransaction(a.asClient(), db -> count(db, "SELECT count(*) FROM role")), "role");
        assertRefusedByGrant(
                () -> inTransaction(a.asClient(), db -> count(db, "SELECT count(*) FROM security_event")),
                "security_event");
    }

    @Test
    void a_client_cannot_give_itself_a_role_or_make_one() throws SQLException {
        assertRefusedByGrant(
                () -> inTransaction(
                        a.asClient(),
                        db -> update(
                                db,
                                "INSERT INTO user_role (tenant_id, user_id, role_id) VALUES (?, ?, ?)",
                                a.id(),
                                a.client(),
                                a.otherRole())),
                "user_role");
        assertRefusedByGrant(
                () -> inTransaction(
                        a.asClient(),
                        db -> update(
                                db,
                                "INSERT INTO role (id, tenant_id, code, name) VALUES (?, ?, 'self-made', 'Self-made')",
                                UUID.randomUUID(),
                                a.id())),
                "role");
        assertRefusedByGrant(
                () -> inTransaction(
                        a.asClient(),
                        db -> update(
                                db,
                                "INSERT INTO role_permission (tenant_id, role_id, permission) VALUES (?, ?, 'users.edit')",
                                a.id(),
                                a.role())),
                "role_permission");
        // Its own assignment is visible but not writable.
        assertRefusedByGrant(
                () -> inTransaction(
                        a.asClient(),
                        db -> update(
                                db, "UPDATE user_role SET role_id = ? WHERE user_id = ?", a.otherRole(), a.client())),
                "user_role");
        assertRefusedByGrant(
                () -> inTransaction(
                        a.asClient(), db -> update(db, "DELETE FROM user_role WHERE user_id = ?", a.client())),
                "user_role");
        assertRefusedByGrant(
                () -> inTransaction(
                        a.asClient(), db -> update(db, "DELETE FROM role_permission WHERE role_id = ?", a.role())),
                "role_permission");
        inTransaction(a.asSystem(), db -> {
            assertThat(uuids(db, "SELECT role_id FROM user_role WHERE user_id = ?", a.client()))
                    .containsExactly(a.role());
            assertThat(count(db, "SELECT count(*) FROM role_permission WHERE role_id = ?", a.role()))
                    .isOne();
            return null;
        });
    }

    // --- The security event log ------------------------------------------------------------------

    @ParameterizedTest(name = "as {0}")
    @ValueSource(strings = {"employee", "system", "client", "operator"})
    void nobody_can_change_or_delete_security_events(String actor) {
        Ctx context = switch (actor) {
            case "employee" -> a.asEmployee();
            case "system" -> a.asSystem();
            case "client" -> a.asClient();
            default -> Ctx.operator();
        };
        assertRefused(
                () -> inTransaction(
                        context,
                        db -> update(
                                db, "UPDATE security_event SET details = 'rewritten' WHERE tenant_id = ?", a.id())),
                "permission denied for table security_event");
        assertRefused(
                () -> inTransaction(
                        context, db -> update(db, "DELETE FROM security_event WHERE tenant_id = ?", a.id())),
                "permission denied for table security_event");
        assertRefused(
                () -> inTransaction(context, db -> update(db, "TRUNCATE security_event")),
                "permission denied for table security_event");
    }

    @Test
    void portal_actors_cannot_write_security_events() {
        assertRefusedByGrant(
                () -> inTransaction(
                        a.asClient(),
                        db -> update(
                                db,
                                "INSERT INTO security_event (id, event_type, details) VALUES (?, 'LOGIN_SUCCEEDED', 'forged')",
                                UUID.randomUUID())),
                "security_event");
    }

    @Test
    void a_login_event_for_an_unknown_email_belongs_to_no_tenant_and_nobody_reads_it() throws SQLException {
        String email = "nobody-" + UUID.randomUUID() + "@access.test";
        inTransaction(null, db -> {
            try (PreparedStatement statement = db.prepareStatement(
                    "SELECT nexo_record_login_event('LOGIN_FAILED', ?, '192.0.2.1', null, 'bad-credentials')")) {
                statement.setString(1, email);
                statement.execute();
            }
            return null;
        });
        for (Ctx context : List.of(a.asEmployee(), a.asSystem())) {
            inTransaction(context, db -> {
                assertThat(count(db, "SELECT count(*) FROM security_event WHERE email = ?", email))
                        .as("%s", context)
                        .isZero();
                return null;
            });
        }
        assertRefusedByGrant(
                () -> inTransaction(
                        Ctx.operator(), db -> count(db, "SELECT count(*) FROM security_event WHERE email = ?", email)),
                "security_event");
    }

    @Test
    void a_login_event_for_a_user_is_filed_under_the_users_tenant() throws SQLException {
        String email = inTransaction(
                        a.asSystem(), db -> texts(db, "SELECT email FROM app_user WHERE id = ?", a.employee()))
                .getFirst();
        inTransaction(null, db -> {
            try (PreparedStatement statement = db.prepareStatement(
                    "SELECT nexo_record_login_event('LOGIN_SUCCEEDED', upper(?), '192.0.2.1', 'Test agent', null)")) {
                statement.setString(1, email);
                statement.execute();
            }
            return null;
        });

        inTransaction(a.asEmployee(), db -> {
            assertThat(uuids(db, "SELECT user_id FROM security_event WHERE email = ?", email))
                    .containsExactly(a.employee());
            return null;
        });
        inTransaction(b.asEmployee(), db -> {
            assertThat(count(db, "SELECT count(*) FROM security_event WHERE email = ?", email))
                    .isZero();
            return null;
        });
    }

    // --- Login throttling ------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "SELECT * FROM login_throttle",
                "INSERT INTO login_throttle (kind, key) VALUES ('account', 'someone@access.test')",
                "UPDATE login_throttle SET locked_until = NULL",
                "DELETE FROM login_throttle",
                "TRUNCATE login_throttle"
            })
    void the_application_role_cannot_touch_login_throttle_except_through_the_login_functions(String statement) {
        for (Ctx context : List.of(a.asEmployee(), a.asSystem(), Ctx.operator())) {
            assertRefused(
                    () -> inTransaction(
                            context, db -> db.prepareStatement(statement).execute()),
                    "permission denied for table login_throttle");
        }
        assertRefused(
                () -> inTransaction(null, db -> db.prepareStatement(statement).execute()),
                "permission denied for table login_throttle");
    }

    // --- Plumbing -----------------------------------------------------------------------------------

    /** Creates a tenant with its users, two roles, assignments and events, through system work. */
    private static Tenant newTenant() throws SQLException {
        UUID id = UUID.randomUUID();
        Tenant tenant = new Tenant(
                id, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        String tag = id.toString().substring(0, 13);
        inTransaction(tenant.asSystem(), db -> {
            update(db, "INSERT INTO tenant (id, code, name) VALUES (?, ?, ?)", id, "acc-" + tag, "Access " + tag);
            update(
                    db,
                    "INSERT INTO app_user (id, email, display_name, actor_type) VALUES (?, ?, 'Employee', 'employee')",
                    tenant.employee(),
                    "employee-" + tenant.employee() + "@access.test");
            update(
                    db,
                    "INSERT INTO app_user (id, email, display_name, actor_type, party_id) VALUES (?, ?, 'Client', 'client', ?)",
                    tenant.client(),
                    "client-" + tenant.client() + "@access.test",
                    tenant.clientParty());
            update(db, "INSERT INTO role (id, code, name) VALUES (?, 'viewer', 'Viewer')", tenant.role());
            update(db, "INSERT INTO role (id, code, name) VALUES (?, 'manager', 'Manager')", tenant.otherRole());
            update(db, "INSERT INTO role_permission (role_id, permission) VALUES (?, 'users.read')", tenant.role());
            update(
                    db,
                    "INSERT INTO role_permission (role_id, permission) VALUES (?, 'users.edit')",
                    tenant.otherRole());
            update(db, "INSERT INTO user_role (user_id, role_id) VALUES (?, ?)", tenant.employee(), tenant.role());
            update(db, "INSERT INTO user_role (user_id, role_id) VALUES (?, ?)", tenant.client(), tenant.role());
            for (int i = 1; i <= 2; i++) {
                update(
                        db,
                        "INSERT INTO security_event (id, event_type, user_id, details) VALUES (?, 'USER_CREATED', ?, ?)",
                        UUID.randomUUID(),
                        tenant.employee(),
                        "test event " + i + " of " + id);
            }
            return null;
        });
        return tenant;
    }

    /** Runs {@code work} in one transaction as the application role, bound to {@code context} (null: none). */
    private static <T> T inTransaction(Ctx context, SqlWork<T> work) throws SQLException {
        try (Connection db = TestDatabase.asApplicationRole()) {
            db.setAutoCommit(false);
            try {
                TestContexts.bind(
                        db,
                        context == null
                                ? null
                                : new DatabaseContext(
                                        context.tenantId(),
                                        context.userId(),
                                        ActorType.fromDbValue(context.actorType()),
                                        context.partyId()));
                T result = work.run(db);
                db.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            }
        }
    }

    private static int update(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(db, sql, params)) {
            return statement.executeUpdate();
        }
    }

    private static long count(Connection db, String sql, Object... params) throws SQLException {
        List<String> values = texts(db, sql, params);
        assertThat(values).hasSize(1);
        return Long.parseLong(values.getFirst());
    }

    private static List<String> texts(Connection db, String sql, Object... params) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = prepare(db, sql, params);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static List<UUID> uuids(Connection db, String sql, Object... params) throws SQLException {
        return texts(db, sql, params).stream().map(UUID::fromString).toList();
    }

    private static PreparedStatement prepare(Connection db, String sql, Object... params) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }

    private static void assertRefused(ThrowingCallable statement, String reason) {
        assertThatThrownBy(statement).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).as("SQLSTATE of: %s", e.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE);
            assertThat(e.getMessage()).contains(reason);
        });
    }

    private static void assertRefusedByPolicy(ThrowingCallable statement, String table) {
        assertRefused(statement, "new row violates row-level security policy for table \"" + table + "\"");
    }

    /** Refused because the actor's role holds no grant for the statement on the table at all. */
    private static void assertRefusedByGrant(ThrowingCallable statement, String table) {
        assertRefused(statement, "permission denied for table " + table);
    }
}
