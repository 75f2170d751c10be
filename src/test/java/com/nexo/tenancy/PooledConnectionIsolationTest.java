package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.Visible.NOTHING;
import static com.nexo.tenancy.IsolationSupport.Visible.clientOf;
import static com.nexo.tenancy.IsolationSupport.Visible.everythingOf;
import static com.nexo.tenancy.IsolationSupport.assertRefusedByGrant;
import static com.nexo.tenancy.IsolationSupport.currentRole;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static com.nexo.tenancy.IsolationSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.tenancy.IsolationSupport.TestTenant;
import com.nexo.tenancy.IsolationSupport.Visible;
import com.nexo.testing.NexoSpringTest;
import com.nexo.testing.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One pooled connection serves tenant A, nobody, then tenant B, and one actor after another: what the
 * production binder writes into one transaction (settings and role) never reaches the next borrower
 * of the connection.
 */
@NexoSpringTest
class PooledConnectionIsolationTest {

    private static final ActorRoles ROLES = TestContexts.ROLES;

    private HikariDataSource pool;
    private TestTenant a;
    private TestTenant b;
    private final Set<String> backends = new HashSet<>();

    @BeforeEach
    void openOneConnectionPool() throws SQLException {
        a = newTenant();
        b = newTenant();
        HikariConfig config = new HikariConfig();
        config.setPoolName("isolation-test");
        config.setJdbcUrl(TestDatabase.url());
        config.setUsername(TestDatabase.APP_ROLE);
        config.setPassword(TestDatabase.APP_ROLE);
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        pool = new HikariDataSource(config);
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void tenant_a_then_no_tenant_then_tenant_b_never_leak() throws SQLException {
        assertThat(inBoundTransaction(Optional.of(a.asEmployee()))).isEqualTo(everythingOf(a));
        assertThat(inBoundTransaction(Optional.empty())).isEqualTo(NOTHING);
        assertThat(withoutBinding()).isEqualTo(NOTHING);
        assertThat(inBoundTransaction(Optional.of(b.asEmployee()))).isEqualTo(everythingOf(b));
        assertThat(withoutBinding()).isEqualTo(NOTHING);
        assertThat(inBoundTransaction(Optional.of(a.asClient()))).isEqualTo(clientOf(a));
        assertThat(withoutBinding()).isEqualTo(NOTHING);

        assertThat(backends).as("all steps ran on one physical connection").hasSize(1);
    }

    @Test
    void each_actor_runs_as_its_own_role_and_the_next_borrower_is_the_login_role_again() throws SQLException {
        UUID operatorId = UUID.randomUUID();
        Map<DatabaseContext, String> roles = Map.of(
                a.asEmployee(),
                ROLES.staff(),
                a.asSystem(),
                ROLES.staff(),
                a.asClient(),
                ROLES.client(),
                new DatabaseContext(a.id(), UUID.randomUUID(), ActorType.SUPPLIER, UUID.randomUUID()),
                ROLES.supplier(),
                new DatabaseContext(a.id(), UUID.randomUUID(), ActorType.PROFESSIONAL, UUID.randomUUID()),
                ROLES.professional(),
                new DatabaseContext(null, operatorId, ActorType.OPERATOR, null),
                ROLES.operator());
        for (Map.Entry<DatabaseContext, String> actor : roles.entrySet()) {
            try (Connection connection = pool.getConnection()) {
                connection.setAutoCommit(false);
                TestContexts.bind(connection, actor.getKey());
                assertThat(currentRole(connection))
                        .as(actor.getKey().toString())
                        .isEqualTo(actor.getValue());
                assertThat(text(connection, "SELECT session_user")).isEqualTo(TestDatabase.APP_ROLE);
                connection.commit();
            }
            assertThat(withoutBinding()).isEqualTo(NOTHING);
            try (Connection connection = pool.getConnection()) {
                connection.setAutoCommit(false);
                TestContexts.bind(connection, actor.getKey());
                connection.rollback();
            }
            assertThat(inBoundTransaction(Optional.empty())).isEqualTo(NOTHING);
        }
        assertThat(backends).hasSize(1);
    }

    @Test
    void a_connection_given_back_without_commit_carries_no_context() throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            TestContexts.bind(connection, Optional.of(a.asEmployee()));
            assertThat(visible(connection)).isEqualTo(everythingOf(a));
            // Given back mid-transaction: the pool rolls it back.
        }
        assertThat(withoutBinding()).isEqualTo(NOTHING);
        assertThat(inBoundTransaction(Optional.empty())).isEqualTo(NOTHING);

        assertThat(backends).hasSize(1);
    }

    @Test
    void a_transaction_that_failed_under_a_context_leaves_none_behind() throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            TestContexts.bind(connection, Optional.of(a.asEmployee()));
            assertThat(visible(connection)).isEqualTo(everythingOf(a));
            assertThatThrownBy(() -> text(connection, "SELECT 1 / 0")).isInstanceOf(SQLException.class);
            connection.rollback();
        }
        assertThat(withoutBinding()).isEqualTo(NOTHING);
        assertThat(inBoundTransaction(Optional.of(b.asEmployee()))).isEqualTo(everythingOf(b));

        assertThat(backends).hasSize(1);
    }

    /**
     * A role set for the whole session (which only a bug could do: the application sets roles
     * transaction-locally, and no other code may set one) does not survive into a bound transaction:
     * binding no context puts the login role back for the transaction ("none"), and binding an actor
     * puts that actor's role.
     */
    @Test
    void a_role_left_on_the_session_is_overridden_by_every_binding() throws SQLException {
        try (Connection connection = pool.getConnection()) {
            text(connection, "SELECT set_config('role', ?, false)", ROLES.staff());
            try {
                connection.setAutoCommit(false);
                TestContexts.bind(connection, Optional.empty());
                assertThat(visible(connection)).isEqualTo(NOTHING);
                connection.rollback();
                TestContexts.bind(connection, Optional.of(a.asClient()));
                assertThat(currentRole(connection)).isEqualTo(ROLES.client());
                assertThat(visible(connection)).isEqualTo(clientOf(a));
                connection.rollback();
            } finally {
                connection.setAutoCommit(true);
                text(connection, "SELECT set_config('role', 'none', false)");
            }
        }
        assertThat(withoutBinding()).isEqualTo(NOTHING);
        assertThat(backends).hasSize(1);
    }

    /** Borrows the connection, binds through the production binder, reads, commits. */
    private Visible inBoundTransaction(Optional<DatabaseContext> context) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            TestContexts.bind(connection, context);
            Visible visible = visible(connection);
            connection.commit();
            return visible;
        }
    }

    /** Borrows the connection and reads with plain autocommit queries: nothing bound at all. */
    private Visible withoutBinding() throws SQLException {
        try (Connection connection = pool.getConnection()) {
            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(text(connection, "SELECT coalesce(current_setting('nexo.tenant_id', true), '')"))
                    .isEmpty();
            return visible(connection);
        }
    }

    /** What the connection sees now; as the login role, that every read is refused (nothing). */
    private Visible visible(Connection connection) throws SQLException {
        backends.add(text(connection, "SELECT pg_backend_pid()::text"));
        if (currentRole(connection).equals(TestDatabase.APP_ROLE)) {
            assertRefusedByGrant(connection, "tenant", "SELECT id FROM tenant");
            assertRefusedByGrant(connection, "app_user", "SELECT id FROM app_user");
            return NOTHING;
        }
        return Visible.on(connection);
    }
}
