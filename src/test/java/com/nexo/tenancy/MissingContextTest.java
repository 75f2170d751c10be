package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.Visible.everythingOf;
import static com.nexo.tenancy.IsolationSupport.assertRefusedByGrant;
import static com.nexo.tenancy.IsolationSupport.bind;
import static com.nexo.tenancy.IsolationSupport.connect;
import static com.nexo.tenancy.IsolationSupport.count;
import static com.nexo.tenancy.IsolationSupport.currentRole;
import static com.nexo.tenancy.IsolationSupport.ids;
import static com.nexo.tenancy.IsolationSupport.inTransaction;
import static com.nexo.tenancy.IsolationSupport.insertUser;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static com.nexo.tenancy.IsolationSupport.newUserData;
import static com.nexo.tenancy.IsolationSupport.texts;
import static com.nexo.tenancy.IsolationSupport.update;
import static com.nexo.tenancy.IsolationSupport.visibleTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.tenancy.IsolationSupport.TestTenant;
import com.nexo.testing.NexoSpringTest;
import com.nexo.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A missing context reads nothing, never another tenant's rows: without a bound actor the login role
 * holds no grant at all and every statement on a table is refused; an actor's role with an empty
 * context sees zero rows.
 */
@NexoSpringTest
class MissingContextTest {

    private TestTenant tenant;

    @BeforeEach
    void createTenantWithUsers() throws SQLException {
        // Rows exist (this tenant's and the demo's), so "nothing" below is not vacuous.
        tenant = newTenant();
        assertThat(visibleTo(tenant.asEmployee())).isEqualTo(everythingOf(tenant));
    }

    @Test
    void no_context_at_all_is_refused_every_table() throws SQLException {
        try (Connection db = connect()) {
            assertLoginRoleReadsNothing(db);
            assertRefusedByGrant(
                    db,
                    "app_user",
                    "SELECT count(*) FROM app_user WHERE id = ?",
                    tenant.employee().id());
        }
    }

    @Test
    void an_actor_role_with_an_empty_context_sees_no_tenants_and_no_users() throws SQLException {
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            bind(db, tenant.asEmployee());
            assertThat(ids(db, "SELECT id FROM app_user")).isEqualTo(tenant.userIds());
            texts(
                    db,
                    "SELECT set_config('nexo.tenant_id', '', true), set_config('nexo.user_id', '', true),"
                            + " set_config('nexo.actor_type', '', true), set_config('nexo.party_id', '', true)");
            assertThat(currentRole(db)).isEqualTo(TestContexts.ROLES.staff());
            assertThat(count(db, "SELECT count(*) FROM tenant")).isZero();
            assertThat(count(db, "SELECT count(*) FROM app_user")).isZero();
            assertThat(count(db, "SELECT count(*) FROM app_user WHERE tenant_id = ?", tenant.id()))
                    .isZero();
            db.rollback();
        }
    }

    @Test
    void binding_no_context_through_the_binder_leaves_the_login_role_which_reads_nothing() throws SQLException {
        inTransaction(null, db -> {
            assertLoginRoleReadsNothing(db);
            return null;
        });
    }

    @Test
    void a_new_transaction_after_a_committed_one_with_context_is_the_login_role_again() throws SQLException {
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            bind(db, tenant.asEmployee());
            assertThat(ids(db, "SELECT id FROM app_user")).isEqualTo(tenant.userIds());
            db.commit();

            assertLoginRoleReadsNothing(db);
            db.commit();

            db.setAutoCommit(true);
            assertLoginRoleReadsNothing(db);
        }
    }

    @Test
    void a_new_transaction_after_a_rolled_back_one_with_context_is_the_login_role_again() throws SQLException {
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            bind(db, tenant.asEmployee());
            assertThat(ids(db, "SELECT id FROM tenant")).containsExactly(tenant.id());
            db.rollback();

            assertLoginRoleReadsNothing(db);
            db.rollback();
        }
    }

    @Test
    void without_context_nothing_can_be_written() throws SQLException {
        try (Connection db = connect()) {
            assertRefusedByGrant(() -> insertUser(db, newUserData(ActorType.EMPLOYEE, null)), "app_user");
            assertRefusedByGrant(
                    () -> update(
                            db,
                            "INSERT INTO tenant (id, code, name) VALUES (?, ?, 'Nobody')",
                            UUID.randomUUID(),
                            "iso-nobody-" + System.nanoTime()),
                    "tenant");
            assertRefusedByGrant(
                    () -> update(
                            db,
                            "UPDATE app_user SET display_name = 'hijacked' WHERE id = ?",
                            tenant.employee().id()),
                    "app_user");
            assertRefusedByGrant(
                    () -> update(
                            db,
                            "DELETE FROM app_user WHERE id = ?",
                            tenant.client().id()),
                    "app_user");
            assertRefusedByGrant(
                    () -> update(db, "UPDATE tenant SET name = 'hijacked' WHERE id = ?", tenant.id()), "tenant");
        }
        inTransaction(tenant.asEmployee(), db -> {
            assertThat(texts(db, "SELECT display_name FROM app_user"))
                    .containsExactlyInAnyOrder(
                            tenant.employee().displayName(), tenant.client().displayName());
            assertThat(texts(db, "SELECT name FROM tenant")).containsExactly(tenant.name());
            return null;
        });
    }

    /** The connection runs as the login role, which is refused every table. */
    private static void assertLoginRoleReadsNothing(Connection db) throws SQLException {
        assertThat(currentRole(db)).isEqualTo(TestDatabase.APP_ROLE);
        assertRefusedByGrant(db, "tenant", "SELECT count(*) FROM tenant");
        assertRefusedByGrant(db, "app_user", "SELECT count(*) FROM app_user");
    }
}
