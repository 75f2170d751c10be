package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.assertRefused;
import static com.nexo.tenancy.IsolationSupport.assertRefusedByPolicy;
import static com.nexo.tenancy.IsolationSupport.connect;
import static com.nexo.tenancy.IsolationSupport.count;
import static com.nexo.tenancy.IsolationSupport.ids;
import static com.nexo.tenancy.IsolationSupport.inTransaction;
import static com.nexo.tenancy.IsolationSupport.insertUser;
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
 * The platform operator's context, as the application role sees it in the database: the tenant
 * registry, its own operator row, and nothing of any tenant's data, read or write.
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
    void the_operator_sees_every_tenant_row_and_not_one_row_of_tenant_data() throws SQLException {
        inTransaction(operator, db -> {
            assertThat(ids(db, "SELECT id FROM tenant")).contains(a.id(), b.id());
            for (String table : TENANT_DATA) {
                assertThat(count(db, "SELECT count(*) FROM " + table)).as(table).isZero();
            }
            return null;
        });
    }

    @Test
    void the_operator_cannot_insert_tenant_data_even_naming_the_tenant() {
        assertRefusedByPolicy(
                () -> inTransaction(
                        operator,
                        db -> update(
                                db,
                                "INSERT INTO app_user (id, tenant_id, email, display_name, actor_type) VALUES (?, ?, ?, 'X', 'employee')",
                                UUID.randomUUID(),
                                a.id(),
                                newUserData(ActorType.EMPLOYEE, null).email())),
                "app_user");
        assertRefusedByPolicy(
                () -> inTransaction(
                        operator,
                        db -> update(
                                db,
                                "INSERT INTO role (id, tenant_id, code, name) VALUES (?, ?, 'spy', 'Spy')",
                                UUID.randomUUID(),
                                a.id())),
                "role");
        assertRefusedByPolicy(
                () -> inTransaction(operator, db -> {
                    UUID role =
                            ids(db, "SELECT id FROM role").stream().findFirst().orElse(UUID.randomUUID());
                    return update(
                            db,
                            "INSERT INTO role_permission (tenant_id, role_id, permission) VALUES (?, ?, 'users.edit')",
                            a.id(),
                            role);
                }),
                "role_permission");
        assertRefusedByPolicy(
                () -> inTransaction(
                        operator,
                        db -> update(
                                db,
                                "INSERT INTO user_role (tenant_id, user_id, role_id) VALUES (?, ?, ?)",
                                a.id(),
                                a.employee().id(),
                                UUID.randomUUID())),
                "user_role");
        assertRefusedByPolicy(
                () -> inTransaction(
                        operator,
                        db -> update(
                                db,
                                "INSERT INTO security_event (id, tenant_id, event_type) VALUES (?, ?, 'LOGIN_FAILED')",
                                UUID.randomUUID(),
                                a.id())),
                "security_event");
        // Inserting without naming a tenant finds none in the operator's context either.
        assertRefusedByPolicy(
                () -> inTransaction(operator, db -> insertUser(db, newUserData(ActorType.EMPLOYEE, null))), "app_user");
    }

    @Test
    void the_operator_changes_or_deletes_no_tenant_data() throws SQLException {
        inTransaction(operator, db -> {
            for (String table : TENANT_DATA) {
                if (!table.equals("security_event")) {
                    assertThat(update(db, "DELETE FROM " + table)).as(table).isZero();
                }
            }
            assertThat(update(db, "UPDATE app_user SET display_name = 'hijacked'"))
                    .isZero();
            return null;
        });
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
    void an_operator_sees_only_its_own_operator_row_and_tenant_users_see_none() throws SQLException {
        inTransaction(operator, db -> {
            assertThat(ids(db, "SELECT id FROM platform_operator")).containsExactly(operator.userId());
            return null;
        });
        DatabaseContext otherOperator = new DatabaseContext(null, UUID.randomUUID(), ActorType.OPERATOR, null);
        for (DatabaseContext context :
                new DatabaseContext[] {otherOperator, a.asEmployee(), a.asSystem(), a.asClient(), null}) {
            inTransaction(context, db -> {
                assertThat(count(db, "SELECT count(*) FROM platform_operator"))
                        .as(String.valueOf(context))
                        .isZero();
                assertThat(update(db, "UPDATE platform_operator SET enabled = true"))
                        .isZero();
                return null;
            });
        }
        // A tenant employee whose user id happens to equal the operator's is still not the operator.
        DatabaseContext lookalike = new DatabaseContext(a.id(), operator.userId(), ActorType.EMPLOYEE, null);
        inTransaction(lookalike, db -> {
            assertThat(count(db, "SELECT count(*) FROM platform_operator")).isZero();
            return null;
        });
    }

    @Test
    void the_application_role_cannot_create_or_delete_operators_and_an_operator_cannot_disable_itself()
            throws SQLException {
        assertRefused(
                () -> inTransaction(
                        operator,
                        db -> update(
                                db,
                                "INSERT INTO platform_operator (id, email, display_name) VALUES (?, ?, 'Mallory')",
                                UUID.randomUUID(),
                                "mallory-" + UUID.randomUUID() + "@isolation.test")),
                "permission denied");
        assertRefused(
                () -> inTransaction(operator, db -> update(db, "DELETE FROM platform_operator")), "permission denied");
        // The start-up function creates the first operator only: there is one already.
        try (Connection db = connect()) {
            assertThat(IsolationSupport.text(
                            db,
                            "SELECT nexo_create_first_operator(?, ?, 'Second', 'x')",
                            UUID.randomUUID(),
                            "second-" + UUID.randomUUID() + "@isolation.test"))
                    .isEqualTo("f");
        }
        assertRefusedByPolicy(
                () -> inTransaction(operator, db -> update(db, "UPDATE platform_operator SET enabled = false")),
                "platform_operator");
    }
}
