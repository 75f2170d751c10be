package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.assertRefusedByGrant;
import static com.nexo.tenancy.IsolationSupport.assertRefusedByPolicy;
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
import com.nexo.tenancy.IsolationSupport.TestUser;
import com.nexo.testing.NexoSpringTest;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Inside one tenant, portal actors are scoped by the database too (their role's grants, and policies
 * bound to their user and account); employees see the whole tenant.
 */
@NexoSpringTest
class ActorScopingTest {

    private TestTenant a;
    private TestUser otherClient;

    @BeforeEach
    void createTenantWithTwoClientsOfTheSameAccount() throws SQLException {
        a = newTenant();
        otherClient = newUserData(ActorType.CLIENT, a.client().partyId());
        inTransaction(a.asSystem(), db -> insertUser(db, otherClient));
    }

    @Test
    void an_employee_sees_every_user_of_its_tenant() throws SQLException {
        assertThat(visibleTo(a.asEmployee()).users())
                .isEqualTo(Set.of(a.employee().id(), a.client().id(), otherClient.id()));
    }

    @Test
    void an_external_actor_sees_only_its_own_user_row_and_its_tenant() throws SQLException {
        inTransaction(a.asClient(), db -> {
            assertThat(ids(db, "SELECT id FROM app_user"))
                    .containsExactly(a.client().id());
            assertThat(ids(
                            db,
                            "SELECT id FROM app_user WHERE id IN (?, ?)",
                            a.employee().id(),
                            otherClient.id()))
                    .isEmpty();
            assertThat(ids(db, "SELECT id FROM tenant")).containsExactly(a.id());
            return null;
        });
    }

    @Test
    void an_external_actor_may_update_its_own_row() throws SQLException {
        int changed = inTransaction(
                a.asClient(),
                db -> update(
                        db,
                        "UPDATE app_user SET locale = 'en' WHERE id = ?",
                        a.client().id()));
        assertThat(changed).isOne();
    }

    @Test
    void an_external_actor_cannot_update_or_delete_other_users() throws SQLException {
        inTransaction(a.asClient(), db -> {
            assertThat(update(
                            db,
                            "UPDATE app_user SET display_name = 'hijacked' WHERE id <> ?",
                            a.client().id()))
                    .isZero();
            assertThat(update(
                            db,
                            "UPDATE app_user SET password_hash = 'x' WHERE id = ?",
                            a.employee().id()))
                    .isZero();
            return null;
        });
        // No DELETE on users, not even of itself, and nothing of the tenant row but reading it.
        assertRefusedByGrant(
                () -> inTransaction(
                        a.asClient(),
                        db -> update(
                                db,
                                "DELETE FROM app_user WHERE id <> ?",
                                a.client().id())),
                "app_user");
        assertRefusedByGrant(
                () -> inTransaction(
                        a.asClient(),
                        db -> update(
                                db,
                                "DELETE FROM app_user WHERE id = ?",
                                a.client().id())),
                "app_user");
        assertRefusedByGrant(
                () -> inTransaction(a.asClient(), db -> update(db, "UPDATE tenant SET name = 'hijacked'")), "tenant");
        inTransaction(a.asEmployee(), db -> {
            assertThat(texts(
                            db,
                            "SELECT display_name FROM app_user WHERE id <> ?",
                            a.client().id()))
                    .containsExactlyInAnyOrder(a.employee().displayName(), otherClient.displayName());
            assertThat(texts(
                            db,
                            "SELECT coalesce(password_hash, '-') FROM app_user WHERE id = ?",
                            a.employee().id()))
                    .containsExactly("-");
            assertThat(ids(db, "SELECT id FROM app_user"))
                    .isEqualTo(Set.of(a.employee().id(), a.client().id(), otherClient.id()));
            assertThat(texts(db, "SELECT name FROM tenant")).containsExactly(a.name());
            return null;
        });
    }

    @Test
    void an_external_actor_cannot_insert_users() throws SQLException {
        for (TestUser newcomer : new TestUser[] {
            newUserData(ActorType.EMPLOYEE, null),
            newUserData(ActorType.CLIENT, a.client().partyId())
        }) {
            assertRefusedByGrant(() -> inTransaction(a.asClient(), db -> insertUser(db, newcomer)), "app_user");
        }
    }

    @Test
    void an_external_actor_cannot_take_over_another_users_identity() throws SQLException {
        assertRefusedByGrant(
                () -> inTransaction(
                        a.asClient(),
                        db -> update(
                                db,
                                "UPDATE app_user SET id = ? WHERE id = ?",
                                otherClient.id(),
                                a.client().id())),
                "app_user");
    }

    @Test
    void an_external_actor_cannot_disable_its_own_row() throws SQLException {
        assertRefusedByPolicy(
                () -> inTransaction(
                        a.asClient(),
                        db -> update(
                                db,
                                "UPDATE app_user SET enabled = false WHERE id = ?",
                                a.client().id())),
                "app_user");
    }

    @Test
    void an_external_actor_is_refused_every_internal_table() throws SQLException {
        inTransaction(a.asClient(), db -> {
            for (String table : new String[] {
                "role",
                "security_event",
                "change_history",
                "saved_filter",
                "account_code_counter",
                "account_search_word",
                "search_word",
                "article",
                "stock_movement",
                "stock_balance",
                "platform_operator"
            }) {
                assertRefusedByGrant(db, table, "SELECT count(*) FROM " + table);
            }
            assertRefusedByGrant(
                    db,
                    "change_history",
                    "INSERT INTO change_history (table_name, row_id, entity_id, operation)"
                            + " VALUES ('account', gen_random_uuid(), gen_random_uuid(), 'UPDATE')");
            return null;
        });
    }

    /**
     * A portal actor may update its own row, but not the columns its context is derived from at login:
     * otherwise it could become an employee, an administrator or a member of another account.
     */
    @Test
    void an_external_actor_cannot_promote_itself_or_change_its_account() throws SQLException {
        UUID anotherAccount = UUID.randomUUID();
        for (String escalation : new String[] {
            "UPDATE app_user SET actor_type = 'employee' WHERE id = ?",
            "UPDATE app_user SET actor_type = 'employee', access_version = access_version + 1 WHERE id = ?",
            "INSERT INTO user_role (user_id, role_id) SELECT ?, id FROM role",
            "INSERT INTO user_role (user_id, role_id) SELECT ?, role_id FROM role_permission",
            "UPDATE app_user SET party_id = '" + anotherAccount + "' WHERE id = ?",
        }) {
            try {
                inTransaction(
                        a.asClient(), db -> update(db, escalation, a.client().id()));
            } catch (SQLException refused) {
                // Refused by a policy, trigger or grant: any of them will do.
            }
        }
        List<String> clientRow = inTransaction(
                a.asEmployee(),
                db -> texts(
                        db,
                        "SELECT actor_type || ' ' || (SELECT count(*) FROM user_role ur WHERE ur.user_id = u.id) || ' ' || party_id"
                                + " FROM app_user u WHERE id = ?",
                        a.client().id()));
        assertThat(clientRow).containsExactly("client 0 " + a.client().partyId());
    }
}
