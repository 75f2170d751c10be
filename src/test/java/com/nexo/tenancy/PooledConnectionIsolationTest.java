package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.Visible.NOTHING;
import static com.nexo.tenancy.IsolationSupport.Visible.clientOf;
import static com.nexo.tenancy.IsolationSupport.Visible.everythingOf;
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
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One pooled connection serves tenant A, nobody, then tenant B: what the production binder writes
 * into one transaction never reaches the next borrower of the connection.
 */
@NexoSpringTest
class PooledConnectionIsolationTest {

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
    void a_connection_given_back_without_commit_carries_no_context() throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            DatabaseContextBinder.bind(connection, Optional.of(a.asEmployee()));
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
            DatabaseContextBinder.bind(connection, Optional.of(a.asEmployee()));
            assertThat(visible(connection)).isEqualTo(everythingOf(a));
            assertThatThrownBy(() -> text(connection, "SELECT 1 / 0")).isInstanceOf(SQLException.class);
            connection.rollback();
        }
        assertThat(withoutBinding()).isEqualTo(NOTHING);
        assertThat(inBoundTransaction(Optional.of(b.asEmployee()))).isEqualTo(everythingOf(b));

        assertThat(backends).hasSize(1);
    }

    /** Borrows the connection, binds through the production binder, reads, commits. */
    private Visible inBoundTransaction(Optional<DatabaseContext> context) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            DatabaseContextBinder.bind(connection, context);
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

    private Visible visible(Connection connection) throws SQLException {
        backends.add(text(connection, "SELECT pg_backend_pid()::text"));
        return Visible.on(connection);
    }
}
