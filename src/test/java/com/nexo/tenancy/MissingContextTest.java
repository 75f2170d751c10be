package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.Visible.everythingOf;
import static com.nexo.tenancy.IsolationSupport.assertRefusedByPolicy;
import static com.nexo.tenancy.IsolationSupport.bind;
import static com.nexo.tenancy.IsolationSupport.connect;
import static com.nexo.tenancy.IsolationSupport.count;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A missing context means zero rows: never an error, never another tenant's rows. */
@NexoSpringTest
class MissingContextTest {

    private TestTenant tenant;

    @BeforeEach
    void createTenantWithUsers() throws SQLException {
        // Rows exist (this tenant's and the demo's), so "zero rows" below is not vacuous.
        tenant = newTenant();
        assertThat(visibleTo(tenant.asEmployee())).isEqualTo(everythingOf(tenant));
    }

    @Test
    void no_context_at_all_sees_no_tenants_and_no_users() throws SQLException {
        try (Connection db = connect()) {
            assertNothingVisible(db);
            assertThat(count(
                            db,
                            "SELECT count(*) FROM app_user WHERE id = ?",
                            tenant.employee().id()))
                    .isZero();
        }
    }

    @Test
    void an_empty_context_sees_no_tenants_and_no_users() throws SQLException {
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            bind(db, tenant.asEmployee());
            assertThat(ids(db, "SELECT id FROM app_user")).isEqualTo(tenant.userIds());
            texts(
                    db,
                    "SELECT set_config('nexo.tenant_id', '', true), set_config('nexo.user_id', '', true),"
                            + " set_config('nexo.actor_type', '', true), set_config('nexo.party_id', '', true)");
            assertNothingVisible(db);
            db.rollback();
        }
    }

    @Test
    void binding_no_context_through_the_binder_sees_no_tenants_and_no_users() throws SQLException {
        inTransaction(null, db -> {
            assertNothingVisible(db);
            return null;
        });
    }

    @Test
    void a_new_transaction_after_a_committed_one_with_context_sees_nothing() throws SQLException {
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            bind(db, tenant.asEmployee());
            assertThat(ids(db, "SELECT id FROM app_user")).isEqualTo(tenant.userIds());
            db.commit();

            assertNothingVisible(db);
            db.commit();

            db.setAutoCommit(true);
            assertNothingVisible(db);
        }
    }

    @Test
    void a_new_transaction_after_a_rolled_back_one_with_context_sees_nothing() throws SQLException {
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            bind(db, tenant.asEmployee());
            assertThat(ids(db, "SELECT id FROM tenant")).containsExactly(tenant.id());
            db.rollback();

            assertNothingVisible(db);
            db.rollback();
        }
    }

    @Test
    void without_context_nothing_can_be_written() throws SQLException {
        try (Connection db = connect()) {
            assertRefusedByPolicy(() -> insertUser(db, newUserData(ActorType.EMPLOYEE, null)), "app_user");
            assertRefusedByPolicy(
                    () -> update(
                            db,
                            "INSERT INTO tenant (id, code, name) VALUES (?, ?, 'Nobody')",
                            UUID.randomUUID(),
                            "iso-nobody-" + System.nanoTime()),
                    "tenant");
            assertThat(update(
                            db,
                            "UPDATE app_user SET display_name = 'hijacked' WHERE id = ?",
                            tenant.employee().id()))
                    .isZero();
            assertThat(update(
                            db,
                            "DELETE FROM app_user WHERE id = ?",
                            tenant.client().id()))
                    .isZero();
            assertThat(update(db, "UPDATE tenant SET name = 'hijacked' WHERE id = ?", tenant.id()))
                    .isZero();
        }
        inTransaction(tenant.asEmployee(), db -> {
            assertThat(texts(db, "SELECT display_name FROM app_user"))
                    .containsExactlyInAnyOrder(
                            tenant.employee().displayName(), tenant.client().displayName());
            assertThat(texts(db, "SELECT name FROM tenant")).containsExactly(tenant.name());
            return null;
        });
    }

    private void assertNothingVisible(Connection db) throws SQLException {
        assertThat(count(db, "SELECT count(*) FROM tenant")).isZero();
        assertThat(count(db, "SELECT count(*) FROM app_user")).isZero();
        assertThat(count(db, "SELECT count(*) FROM app_user WHERE tenant_id = ?", tenant.id()))
                .isZero();
    }
}
