package com.nexo.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Shared plumbing of the database isolation tests: raw JDBC as the application role, contexts bound
 * through the production {@link DatabaseContextBinder}, and fresh tenants with fresh users.
 */
final class IsolationSupport {

    /** SQLSTATE insufficient_privilege: RLS refusals, missing grants, "must be owner". */
    static final String INSUFFICIENT_PRIVILEGE = "42501";

    private IsolationSupport() {}

    /** Work done on a connection inside a transaction. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A new connection as the application role (never owner, never superuser). */
    static Connection connect() throws SQLException {
        Connection connection = TestDatabase.asApplicationRole();
        assertThat(text(connection, "SELECT current_user")).isEqualTo(TestDatabase.APP_ROLE);
        return connection;
    }

    /** Binds {@code context} (or "no context" when null) to the connection's current transaction. */
    static void bind(Connection connection, DatabaseContext context) throws SQLException {
        TestContexts.bind(connection, context);
    }

    /**
     * Runs {@code work} in one transaction on a new connection, bound to {@code context} (null binds
     * "no context"). Commits on success, rolls back and rethrows on failure.
     */
    static <T> T inTransaction(DatabaseContext context, SqlWork<T> work) throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                bind(connection, context);
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** What {@code context} sees, read in a transaction of its own. */
    static Visible visibleTo(DatabaseContext context) throws SQLException {
        return inTransaction(context, Visible::on);
    }

    /** The first column of every row, as UUIDs. */
    static Set<UUID> ids(Connection connection, String sql, Object... params) throws SQLException {
        Set<UUID> ids = new LinkedHashSet<>();
        try (PreparedStatement statement = prepare(connection, sql, params);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    /** The first column of every row, as text. */
    static List<String> texts(Connection connection, String sql, Object... params) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql, params);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** The first column of the single row. */
    static String text(Connection connection, String sql, Object... params) throws SQLException {
        List<String> values = texts(connection, sql, params);
        assertThat(values).as("rows of %s", sql).hasSize(1);
        return values.getFirst();
    }

    static long count(Connection connection, String sql, Object... params) throws SQLException {
        return Long.parseLong(text(connection, sql, params));
    }

    /** Runs an INSERT, UPDATE or DELETE and returns how many rows it changed. */
    static int update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        }
    }

    /** Asserts that PostgreSQL refuses the statement with SQLSTATE 42501 and a message containing {@code reason}. */
    static void assertRefused(ThrowingCallable statement, String reason) {
        assertThatThrownBy(statement).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).as("SQLSTATE of: %s", e.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE);
            assertThat(e.getMessage()).contains(reason);
        });
    }

    /** Asserts that the row-level security policies refuse the new row. */
    static void assertRefusedByPolicy(ThrowingCallable statement, String table) {
        assertRefused(statement, "new row violates row-level security policy for table \"" + table + "\"");
    }

    /** Asserts that the current role holds no grant for the statement on {@code table} at all. */
    static void assertRefusedByGrant(ThrowingCallable statement, String table) {
        assertRefused(statement, "permission denied for table " + table);
    }

    /**
     * Asserts that the statement is refused by a policy of {@code table} (a row it may not write), inside
     * the open transaction of {@code connection} without aborting it (a savepoint is rolled back to).
     */
    static void assertRefusedByPolicy(Connection connection, String table, String sql, Object... params)
            throws SQLException {
        ThrowingCallable statement = () -> {
            try (PreparedStatement prepared = prepare(connection, sql, params)) {
                prepared.execute();
            }
        };
        if (connection.getAutoCommit()) {
            assertRefusedByPolicy(statement, table);
            return;
        }
        Savepoint before = connection.setSavepoint();
        assertRefusedByPolicy(statement, table);
        connection.rollback(before);
    }

    /**
     * Asserts that the statement is refused for lack of a grant on {@code table}, inside the open
     * transaction of {@code connection} without aborting it (a savepoint is rolled back to).
     */
    static void assertRefusedByGrant(Connection connection, String table, String sql, Object... params)
            throws SQLException {
        ThrowingCallable statement = () -> {
            try (PreparedStatement prepared = prepare(connection, sql, params)) {
                prepared.execute();
            }
        };
        if (connection.getAutoCommit()) {
            assertRefusedByGrant(statement, table);
            return;
        }
        Savepoint before = connection.setSavepoint();
        assertRefusedByGrant(statement, table);
        connection.rollback(before);
    }

    /** The role the connection's statements run as now. */
    static String currentRole(Connection connection) throws SQLException {
        return text(connection, "SELECT current_user");
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }

    // --- Fresh tenants -------------------------------------------------------------------------

    /** A user created for one test. */
    record TestUser(UUID id, String email, String displayName, ActorType actorType, UUID partyId) {}

    /** A tenant created for one test, with one employee and one client (of its own account). */
    record TestTenant(UUID id, String code, String name, TestUser employee, TestUser client) {

        Set<UUID> userIds() {
            return Set.of(employee.id(), client.id());
        }

        DatabaseContext asEmployee() {
            return new DatabaseContext(id, employee.id(), ActorType.EMPLOYEE, null);
        }

        DatabaseContext asClient() {
            return new DatabaseContext(id, client.id(), ActorType.CLIENT, client.partyId());
        }

        DatabaseContext asSystem() {
            return DatabaseContext.system(id, null);
        }
    }

    /** What a context sees: tenant rows and user rows. */
    record Visible(Set<UUID> tenants, Set<UUID> users) {

        static final Visible NOTHING = new Visible(Set.of(), Set.of());

        /** Everything of one tenant: its row and all its users (what an employee sees). */
        static Visible everythingOf(TestTenant tenant) {
            return new Visible(Set.of(tenant.id()), tenant.userIds());
        }

        /** What a portal client sees: its tenant row and its own user row. */
        static Visible clientOf(TestTenant tenant) {
            return new Visible(Set.of(tenant.id()), Set.of(tenant.client().id()));
        }

        /** Reads what the connection's current context sees. */
        static Visible on(Connection connection) throws SQLException {
            return new Visible(ids(connection, "SELECT id FROM tenant"), ids(connection, "SELECT id FROM app_user"));
        }
    }

    /** Creates a tenant, an employee and a client through system work bound to the new tenant. */
    static TestTenant newTenant() throws SQLException {
        UUID id = UUID.randomUUID();
        String code = "iso-" + unique().substring(0, 16);
        String name = "Isolation " + code;
        TestUser employee = newUserData(ActorType.EMPLOYEE, null);
        TestUser client = newUserData(ActorType.CLIENT, UUID.randomUUID());
        inTransaction(DatabaseContext.system(id, null), connection -> {
            update(connection, "INSERT INTO tenant (id, code, name) VALUES (?, ?, ?)", id, code, name);
            insertUser(connection, employee);
            insertUser(connection, client);
            return null;
        });
        return new TestTenant(id, code, name, employee, client);
    }

    /** A user that does not exist yet: random id and globally unique e-mail. */
    static TestUser newUserData(ActorType actorType, UUID partyId) {
        String tag = unique();
        return new TestUser(
                UUID.randomUUID(),
                actorType.dbValue() + "-" + tag + "@isolation.test",
                "User " + tag,
                actorType,
                partyId);
    }

    /** Inserts a user into the tenant of the bound context ({@code tenant_id} defaults from it). */
    static int insertUser(Connection connection, TestUser user) throws SQLException {
        return update(
                connection,
                "INSERT INTO app_user (id, email, display_name, actor_type, party_id) VALUES (?, ?, ?, ?, ?)",
                user.id(),
                user.email(),
                user.displayName(),
                user.actorType().dbValue(),
                user.partyId());
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
    }
}
