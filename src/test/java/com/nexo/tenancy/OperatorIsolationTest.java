package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.assertRefusedByGrant;
import static com.nexo.tenancy.IsolationSupport.connect;
import static com.nexo.tenancy.IsolationSupport.count;
import static com.nexo.tenancy.IsolationSupport.ids;
import static com.nexo.tenancy.IsolationSupport.inTransaction;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static com.nexo.tenancy.IsolationSupport.newUserData;
import static com.nexo.tenancy.IsolationSupport.update;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.tenancy.IsolationSupport.TestTenant;
import com.nexo.testing.NexoSpringTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The platform operator's context, as the application role sees it in the database: its role
 * reaches the tenant registry and its own operator row, and is granted no table of any tenant's data.
 */
@NexoSpringTest
class OperatorIsolationTest {

    /** The first operator, created at start-up from configuration (test runs have demo data on). */
    private static final String OPERATOR_EMAIL = "operador@nexo.local";

    private static final List<String> TENANT_DATA =
            List.of("app_user", "role", "role_permission", "user_role", "security_event");

    private TestTenant a;
    private TestTenant b;
    private DatabaseContext operator;

    @BeforeEach
    void createTwoTenantsWithARoleAndAnEvent() throws SQLException {
        a = newTenant();
        b = newTenant();
        for (TestTenant tenant : new TestTenant[] {a, b}) {
            inTransaction(tenant.asSystem(), db -> {
                UUID role = UUID.randomUUID();
                update(db, "INSERT INTO role (id, code, name) VALUES (?, 'clerk', 'Clerk')", role);
                update(db, "INSERT INTO role_permission (role_id, permission) VALUES (?, 'users.read')", role);
                update(
                        db,
                        "INSERT INTO user_role (user_id, role_id) VALUES (?, ?)",
                        tenant.employee().id(),
                        role);
                update(
                        db,
                        "INSERT INTO security_event (id, event_type, user_id) VALUES (?, 'USER_CREATED', ?)",
                        UUID.randomUUID(),
                        tenant.employee().id());
                return null;
            });
        }
        UUID operatorId;
        try (Connection db = connect()) {
            operatorId = ids(db, "SELECT operator_id FROM nexo_operator_login_lookup(?)", OPERATOR_EMAIL).stream()
                    .findFirst()
                    .orElseThrow();
        }
        operator = new DatabaseContext(null, operatorId, ActorType.OPERATOR, null);
    }

    @Test
    void the_operator_sees_every_tenant_row_and_is_refused_every_table_of_tenant_data() throws SQLException {
        inTransaction(operator, db -> {
            assertThat(ids(db, "SELECT id FROM tenant")).contains(a.id(), b.id());
            for (String table : TENANT_DATA) {
                assertRefusedByGrant(db, table, "SELECT count(*) FROM " + table);
            }
            return null;
        });
    }

    @Test
    void the_operator_cannot_insert_tenant_data_even_naming_the_tenant() {
        assertRefusedByGrant(
                () -> inTransaction(
                        operator,
                        db -> update(
                                db,
                                "INSERT INTO app_user (id, tenant_id, email, display_name, actor_type) VALUES (?, ?, ?, 'X', 'employee')",
                                UUID.randomUUID(),
                                a.id(),
                                newUserData(ActorType.EMPLOYEE, null).email())),
                "app_user");
        assertRefusedByGrant(
                () -> inTransaction(
                        operator,
                        db -> update(
                                db,
                                "INSERT INTO role (id, tenant_id, code, name) VALUES (?, ?, 'spy', 'Spy')",
                                UUID.randomUUID(),
                                a.id())),
                "role");
        assertRefusedByGrant(
                () -> inTransaction(
                        operator,
                        db -> update(
                                db,
                                "INSERT INTO role_permission (tenant_id, role_id, permission) VALUES (?, ?, 'users.edit')",
                                a.id(),
                                UUID.randomUUID())),
                "role_permission");
        assertRefusedByGrant(
                () -> inTransaction(
                        operator,
                        db -> update(
                                db,
                                "INSERT INTO user_role (tenant_id, user_id, role_id) VALUES (?, ?, ?)",
                                a.id(),
                                a.employee().id(),
                                UUID.randomUUID())),
                "user_role");
        assertRefusedByGrant(
                () -> inTransaction(
                        operator,
                        db -> update(
                                db,
                                "INSERT INTO security_event (id, tenant_id, event_type) VALUES (?, ?, 'LOGIN_FAILED')",
                                UUID.randomUUID(),
                                a.id())),
                "security_event");
        // Nor a tenant row: tenants are created by system work bound to the new tenant.
        assertRefusedByGrant(
                () -> inTransaction(
                        operator,
                        db -> update(
                                db,
                                "INSERT INTO tenant (id, code, name) VALUES (?, ?, 'Smuggled')",
                                UUID.randomUUID(),
                                "iso-op-" + System.nanoTime())),
                "tenant");
    }

    @Test
    void the_operator_changes_or_deletes_no_tenant_data() throws SQLException {
        for (String table : TENANT_DATA) {
            assertRefusedByGrant(() -> inTransaction(operator, db -> update(db, "DELETE FROM " + table)), table);
        }
        assertRefusedByGrant(
                () -> inTransaction(operator, db -> update(db, "UPDATE app_user SET display_name = 'hijacked'")),
                "app_user");
        inTransaction(a.asSystem(), db -> {
            assertThat(count(db, "SELECT count(*) FROM app_user")).isEqualTo(2);
            assertThat(count(db, "SELECT count(*) FROM user_role")).isOne();
            return null;
        });
    }

    @Test
    void the_operator_manages_tenant_rows() throws SQLException {
        inTransaction(operator, db -> {
            assertThat(update(db, "UPDATE tenant SET status = 'SUSPENDED' WHERE id = ?", a.id()))
                    .isOne();
            return null;
        });
        inTransaction(a.asSystem(), db -> {
            assertThat(IsolationSupport.text(db, "SELECT status FROM tenant")).isEqualTo("SUSPENDED");
            return null;
        });
    }

    @Test
    void an_operator_sees_only_its_own_operator_row_and_tenant_actors_are_refused_the_table() throws SQLException {
        inTransaction(operator, db -> {
            assertThat(ids(db, "SELECT id FROM platform_operator")).containsExactly(operator.userId());
            return null;
        });
        DatabaseContext otherOperator = new DatabaseContext(null, UUID.randomUUID(), ActorType.OPERATOR, null);
        inTransaction(otherOperator, db -> {
            assertThat(count(db, "SELECT count(*) FROM platform_operator")).isZero();
            assertThat(update(db, "UPDATE platform_operator SET locale = 'en'")).isZero();
            return null;
        });
        for (DatabaseContext context : new DatabaseContext[] {a.asEmployee(), a.asSystem(), a.asClient(), null}) {
            inTransaction(context, db -> {
                assertRefusedByGrant(db, "platform_operator", "SELECT count(*) FROM platform_operator");
                assertRefusedByGrant(db, "platform_operator", "UPDATE platform_operator SET locale = 'en'");
                return null;
            });
        }
        // A tenant employee whose user id happens to equal the operator's is still not the operator.
        DatabaseContext lookalike = new DatabaseContext(a.id(), operator.userId(), ActorType.EMPLOYEE, null);
        inTransaction(lookalike, db -> {
            assertRefusedByGrant(db, "platform_operator", "SELECT count(*) FROM platform_operator");
            return null;
        });
    }

    @Test
    void the_application_role_cannot_create_or_delete_operators_and_an_operator_cannot_disable_itself()
            throws SQLException {
        assertRefusedByGrant(
                () -> inTransaction(
                        operator,
                        db -> update(
                                db,
                                "INSERT INTO platform_operator (id, email, display_name) VALUES (?, ?, 'Mallory')",
                                UUID.randomUUID(),
                                "mallory-" + UUID.randomUUID() + "@isolation.test")),
                "platform_operator");
        assertRefusedByGrant(
                () -> inTransaction(operator, db -> update(db, "DELETE FROM platform_operator")), "platform_operator");
        // The start-up function creates the first operator only: there is one already.
        try (Connection db = connect()) {
            assertThat(IsolationSupport.text(
                            db,
                            "SELECT nexo_create_first_operator(?, ?, 'Second', 'x')",
                            UUID.randomUUID(),
                            "second-" + UUID.randomUUID() + "@isolation.test"))
                    .isEqualTo("f");
        }
        // enabled is not among the columns the operator's role may update; the policy keeps it true too.
        assertRefusedByGrant(
                () -> inTransaction(operator, db -> update(db, "UPDATE platform_operator SET enabled = false")),
                "platform_operator");
        inTransaction(operator, db -> {
            assertThat(update(db, "UPDATE platform_operator SET locale = locale"))
                    .isOne();
            return null;
        });
    }
}
