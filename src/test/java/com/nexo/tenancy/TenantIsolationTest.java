package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.assertRefusedByPolicy;
import static com.nexo.tenancy.IsolationSupport.ids;
import static com.nexo.tenancy.IsolationSupport.inTransaction;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static com.nexo.tenancy.IsolationSupport.newUserData;
import static com.nexo.tenancy.IsolationSupport.texts;
import static com.nexo.tenancy.IsolationSupport.update;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.tenancy.IsolationSupport.TestTenant;
import com.nexo.tenancy.IsolationSupport.TestUser;
import com.nexo.testing.NexoSpringTest;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two fresh tenants per test: each context sees and changes exactly its own tenant's rows. */
@NexoSpringTest
class TenantIsolationTest {

    private TestTenant a;
    private TestTenant b;

    @BeforeEach
    void createTwoTenants() throws SQLException {
        a = newTenant();
        b = newTenant();
    }

    @Test
    void each_tenant_sees_exactly_its_own_tenant_row_and_users() throws SQLException {
        for (TestTenant tenant : new TestTenant[] {a, b}) {
            for (DatabaseContext context : new DatabaseContext[] {tenant.asEmployee(), tenant.asSystem()}) {
                inTransaction(context, db -> {
                    assertThat(ids(db, "SELECT id FROM tenant")).containsExactly(tenant.id());
                    assertThat(ids(db, "SELECT id FROM app_user")).isEqualTo(tenant.userIds());
                    assertThat(ids(db, "SELECT DISTINCT tenant_id FROM app_user"))
                            .containsExactly(tenant.id());
                    return null;
                });
            }
        }
    }

    @Test
    void another_tenants_rows_are_invisible_even_when_asked_for_by_id() throws SQLException {
        inTransaction(a.asEmployee(), db -> {
            assertThat(ids(db, "SELECT id FROM tenant WHERE id = ?", b.id())).isEmpty();
            assertThat(ids(
                            db,
                            "SELECT id FROM app_user WHERE id = ? OR tenant_id = ?",
                            b.employee().id(),
                            b.id()))
                    .isEmpty();
            return null;
        });
    }

    @Test
    void inserting_a_user_with_another_tenants_id_is_refused() throws SQLException {
        TestUser intruder = newUserData(ActorType.EMPLOYEE, null);
        assertRefusedByPolicy(
                () -> inTransaction(
                        a.asEmployee(),
                        db -> update(
                                db,
                                "INSERT INTO app_user (id, tenant_id, email, display_name, actor_type)"
                                        + " VALUES (?, ?, ?, ?, 'employee')",
                                intruder.id(),
                                b.id(),
                                intruder.email(),
                                intruder.displayName())),
                "app_user");
        inTransaction(b.asEmployee(), db -> {
            assertThat(ids(db, "SELECT id FROM app_user")).isEqualTo(b.userIds());
            return null;
        });
    }

    @Test
    void creating_a_tenant_row_other_than_the_bound_one_is_refused() throws SQLException {
        assertRefusedByPolicy(
                () -> inTransaction(
                        a.asSystem(),
                        db -> update(
                                db,
                                "INSERT INTO tenant (id, code, name) VALUES (?, ?, 'Smuggled')",
                                UUID.randomUUID(),
                                "iso-smuggled-" + System.nanoTime())),
                "tenant");
    }

    @Test
    void moving_a_user_to_another_tenant_is_refused() throws SQLException {
        assertRefusedByPolicy(
                () -> inTransaction(
                        a.asEmployee(),
                        db -> update(
                                db,
                                "UPDATE app_user SET tenant_id = ? WHERE id = ?",
                                b.id(),
                                a.client().id())),
                "app_user");
        inTransaction(a.asEmployee(), db -> {
            assertThat(ids(db, "SELECT id FROM app_user")).isEqualTo(a.userIds());
            return null;
        });
        inTransaction(b.asEmployee(), db -> {
            assertThat(ids(db, "SELECT id FROM app_user")).isEqualTo(b.userIds());
            return null;
        });
    }

    @Test
    void updating_or_deleting_another_tenants_rows_by_id_changes_nothing() throws SQLException {
        inTransaction(a.asEmployee(), db -> {
            assertThat(update(
                            db,
                            "UPDATE app_user SET display_name = 'hijacked' WHERE id = ?",
                            b.employee().id()))
                    .isZero();
            assertThat(update(db, "UPDATE app_user SET enabled = false WHERE tenant_id = ?", b.id()))
                    .isZero();
            assertThat(update(
                            db, "DELETE FROM app_user WHERE id = ?", b.client().id()))
                    .isZero();
            assertThat(update(db, "UPDATE tenant SET name = 'hijacked', status = 'SUSPENDED' WHERE id = ?", b.id()))
                    .isZero();
            return null;
        });
        inTransaction(b.asEmployee(), db -> {
            assertThat(ids(db, "SELECT id FROM app_user WHERE enabled")).isEqualTo(b.userIds());
            assertThat(texts(
                            db,
                            "SELECT display_name FROM app_user WHERE id = ?",
                            b.employee().id()))
                    .containsExactly(b.employee().displayName());
            assertThat(texts(db, "SELECT name || ' ' || status FROM tenant")).containsExactly(b.name() + " ACTIVE");
            return null;
        });
    }
}
