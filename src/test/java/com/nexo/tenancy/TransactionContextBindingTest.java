package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.Visible.NOTHING;
import static com.nexo.tenancy.IsolationSupport.Visible.clientOf;
import static com.nexo.tenancy.IsolationSupport.Visible.everythingOf;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.tenancy.IsolationSupport.TestTenant;
import com.nexo.tenancy.IsolationSupport.Visible;
import com.nexo.testing.NexoSpringTest;
import com.nexo.testing.TestDatabase;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Through the application: the real transaction manager binds {@link TenantContext#current()} and its
 * actor's role into every transaction it begins, and JDBC on that transaction sees only the bound
 * tenant; without a context (or outside a transaction) it is the login role, refused every table.
 */
@NexoSpringTest
class TransactionContextBindingTest {

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private JdbcTemplate jdbc;

    private TransactionTemplate transaction;
    private TestTenant a;
    private TestTenant b;

    @BeforeEach
    void startWithoutAnyContext() throws SQLException {
        transaction = new TransactionTemplate(transactionManager);
        SecurityContextHolder.clearContext();
        assertThat(TenantContext.current()).isEmpty();
        a = newTenant();
        b = newTenant();
    }

    @AfterEach
    void clearAuthentication() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_transaction_inside_callAs_sees_only_that_tenants_rows() {
        assertThat(TenantContext.callAs(a.asEmployee(), this::visibleInTransaction))
                .isEqualTo(everythingOf(a));
        assertThat(TenantContext.callAs(b.asEmployee(), this::visibleInTransaction))
                .isEqualTo(everythingOf(b));
        assertThat(TenantContext.callAs(a.asClient(), this::visibleInTransaction))
                .isEqualTo(clientOf(a));
    }

    @Test
    void a_transaction_without_callAs_or_authentication_sees_nothing() {
        assertThat(visibleInTransaction()).isEqualTo(NOTHING);
    }

    @Test
    void jdbc_outside_any_transaction_sees_nothing_after_tenant_work() {
        // Several rounds, so that pooled connections which just served a tenant are reused.
        for (int round = 0; round < 5; round++) {
            TenantContext.callAs(a.asEmployee(), this::visibleInTransaction);
            assertThat(visible()).isEqualTo(NOTHING);
            assertThat(TenantContext.callAs(b.asEmployee(), this::visible))
                    .as("callAs binds transactions only; plain JDBC outside one stays unbound")
                    .isEqualTo(NOTHING);
        }
    }

    @Test
    void the_explicit_context_is_removed_after_callAs() {
        TenantContext.callAs(a.asEmployee(), this::visibleInTransaction);

        assertThat(TenantContext.current()).isEmpty();
        assertThat(visibleInTransaction()).isEqualTo(NOTHING);
    }

    @Test
    void the_explicit_context_is_removed_even_when_the_work_throws() {
        assertThatThrownBy(() -> TenantContext.callAs(
                        a.asEmployee(),
                        () -> transaction.execute(status -> {
                            assertThat(visible()).isEqualTo(everythingOf(a));
                            throw new IllegalStateException("work failed");
                        })))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("work failed");

        assertThat(TenantContext.current()).isEmpty();
        assertThat(visibleInTransaction()).isEqualTo(NOTHING);
    }

    /**
     * A transaction joining one already running keeps the outer binding, so work inside
     * {@code callAs(b, ...)} would read, and by column default write, tenant A's rows. Refusing the
     * call or running the work under B are both correct; running it under A is not.
     */
    @Test
    void callAs_inside_a_running_transaction_of_another_tenant_never_runs_under_the_outer_tenant() {
        Visible seen = TenantContext.callAs(
                a.asEmployee(),
                () -> transaction.execute(status -> {
                    try {
                        return TenantContext.callAs(b.asEmployee(), this::visibleInTransaction);
                    } catch (IllegalStateException refused) {
                        return null;
                    }
                }));
        assertThat(seen).as("refused (null) or run under tenant B").isIn(null, everythingOf(b));
    }

    @Test
    void nested_callAs_restores_the_outer_context_afterwards() {
        TenantContext.runAs(a.asEmployee(), () -> {
            assertThat(TenantContext.callAs(b.asEmployee(), this::visibleInTransaction))
                    .isEqualTo(everythingOf(b));
            assertThat(TenantContext.current()).contains(a.asEmployee());
            assertThat(visibleInTransaction()).isEqualTo(everythingOf(a));
        });
        assertThat(TenantContext.current()).isEmpty();
    }

    private Visible visibleInTransaction() {
        return transaction.execute(status -> {
            // Only reads; and a refused read (below) leaves nothing to commit.
            status.setRollbackOnly();
            return visible();
        });
    }

    /** What the current connection sees; as the login role (no actor bound), that it is refused every read. */
    private Visible visible() {
        if (TestDatabase.APP_ROLE.equals(jdbc.queryForObject("SELECT current_user", String.class))) {
            assertThatThrownBy(() -> jdbc.queryForList("SELECT id FROM tenant", UUID.class))
                    .rootCause()
                    .hasMessageContaining("permission denied for table tenant");
            return NOTHING;
        }
        return new Visible(
                new HashSet<>(jdbc.queryForList("SELECT id FROM tenant", UUID.class)),
                new HashSet<>(jdbc.queryForList("SELECT id FROM app_user", UUID.class)));
    }
}
