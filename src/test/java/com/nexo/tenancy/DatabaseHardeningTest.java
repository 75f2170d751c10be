package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.assertRefused;
import static com.nexo.tenancy.IsolationSupport.assertRefusedByGrant;
import static com.nexo.tenancy.IsolationSupport.connect;
import static com.nexo.tenancy.IsolationSupport.count;
import static com.nexo.tenancy.IsolationSupport.inTransaction;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static com.nexo.tenancy.IsolationSupport.text;
import static com.nexo.tenancy.IsolationSupport.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.tenancy.IsolationSupport.TestTenant;
import com.nexo.testing.NexoSpringTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 12: what someone running SQL as the application's login (after an injection flaw, say) could
 * still do beyond the tenant wall, tried as they would try it: temporary tables standing in for the
 * real ones inside triggers, derived data written directly, role assignments naming another tenant's
 * users or roles, history rows of one's own.
 */
@NexoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseHardeningTest {

    private TestTenant tenant;
    private TestTenant other;
    private final UUID unit = UUID.randomUUID();
    private final UUID category = UUID.randomUUID();
    private final UUID article = UUID.randomUUID();
    private final UUID warehouse = UUID.randomUUID();

    @BeforeAll
    void aTenantWithAnArticleInAWarehouseThatForbidsNegativeStock() throws SQLException {
        tenant = newTenant();
        other = newTenant();
        inTransaction(tenant.asEmployee(), db -> {
            update(db, """
                    INSERT INTO unit_of_measure (id, code, name_es, name_en, kind, factor)
                    VALUES (?, 'ud', 'u', 'u', 'count', 1)
                    """, unit);
            update(db, """
                    INSERT INTO article_category (id, code, name_es, name_en, path, depth) VALUES (?, ?, 'c', 'c', ?, 0)
                    """, category, "C" + category.toString().substring(0, 8), "/" + category + "/");
            update(db, """
                    INSERT INTO article (id, code, kind, name_es, name_en, category_id, unit_id)
                    VALUES (?, ?, 'goods', 'hardened bolt', 'hardened bolt', ?, ?)
                    """, article, "A" + article.toString().substring(0, 8), category, unit);
            update(
                    db,
                    "INSERT INTO warehouse (id, code, name) VALUES (?, ?, 'w')",
                    warehouse,
                    "W" + warehouse.toString().substring(0, 8));
            receive(db, 5);
            return null;
        });
    }

    // --- Item 1: temporary tables ------------------------------------------------------------

    @Test
    void no_actor_and_not_the_login_role_itself_may_create_a_temporary_table() throws SQLException {
        assertRefused(
                () -> inTransaction(tenant.asEmployee(), db -> update(db, "CREATE TEMP TABLE stock_balance (x int)")),
                "permission denied to create temporary tables");
        assertRefused(
                () -> inTransaction(tenant.asClient(), db -> update(db, "CREATE TEMP TABLE change_history (x int)")),
                "permission denied to create temporary tables");
        try (Connection db = connect()) {
            assertRefused(
                    () -> update(db, "CREATE TEMPORARY TABLE warehouse (id uuid, allow_negative boolean)"),
                    "permission denied to create temporary tables");
            assertRefused(
                    () -> update(db, "CREATE TABLE public.shadow (x int)"), "permission denied for schema public");
        }
    }

    // --- Item 2: derived data ----------------------------------------------------------------

    @Test
    void staff_cannot_write_balances_directly_but_a_movement_still_moves_on_hand() throws SQLException {
        assertRefusedByGrant(
                () -> inTransaction(
                        tenant.asEmployee(),
                        db -> update(db, "UPDATE stock_balance SET on_hand = 1000000 WHERE article_id = ?", article)),
                "stock_balance");
        assertRefusedByGrant(
                () -> inTransaction(tenant.asEmployee(), db -> update(db, """
                        INSERT INTO stock_balance (article_id, warehouse_id, on_hand) VALUES (?, ?, 7)
                        ON CONFLICT DO NOTHING
                        """, article, warehouse)), "stock_balance");
        String before = inTransaction(tenant.asEmployee(), db -> onHand(db));
        inTransaction(tenant.asEmployee(), db -> receive(db, 2));
        String after = inTransaction(tenant.asEmployee(), db -> onHand(db));
        assertThat(new java.math.BigDecimal(after).subtract(new java.math.BigDecimal(before)))
                .isEqualByComparingTo("2");
        // The warehouse forbids negative stock, read by the trigger from the real table.
        assertThatThrownBy(() -> inTransaction(tenant.asEmployee(), db -> receive(db, -1_000_000)))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("NX001"));
        String unchanged = inTransaction(tenant.asEmployee(), db -> onHand(db));
        assertThat(unchanged).isEqualTo(after);
    }

    @Test
    void the_dictionaries_of_name_words_are_filled_by_their_triggers_only() throws SQLException {
        inTransaction(tenant.asEmployee(), db -> {
            assertThat(count(db, "SELECT count(*) FROM search_word WHERE kind = 'article' AND word = 'hardened'"))
                    .isOne();
            assertRefusedByGrant(
                    db, "search_word", "INSERT INTO search_word (kind, word) VALUES ('article', 'planted')");
            assertRefusedByGrant(
                    db, "account_search_word", "INSERT INTO account_search_word (word) VALUES ('planted')");
            assertRefusedByGrant(db, "search_word", "DELETE FROM search_word");
            return null;
        });
    }

    // --- Item 3: role tables reference their own tenant -------------------------------------

    @Test
    void a_role_assignment_or_permission_naming_another_tenants_user_or_role_is_refused() throws SQLException {
        UUID ownRole = UUID.randomUUID();
        UUID otherRole = UUID.randomUUID();
        inTransaction(
                tenant.asEmployee(),
                db -> update(
                        db,
                        "INSERT INTO role (id, code, name) VALUES (?, ?, 'r')",
                        ownRole,
                        "r-" + ownRole.toString().substring(0, 8)));
        inTransaction(
                other.asEmployee(),
                db -> update(
                        db,
                        "INSERT INTO role (id, code, name) VALUES (?, ?, 'r')",
                        otherRole,
                        "r-" + otherRole.toString().substring(0, 8)));

        assertForeignKeyViolation(() -> inTransaction(
                tenant.asEmployee(),
                db -> update(
                        db,
                        "INSERT INTO user_role (user_id, role_id) VALUES (?, ?)",
                        tenant.employee().id(),
                        otherRole)));
        assertForeignKeyViolation(() -> inTransaction(
                tenant.asEmployee(),
                db -> update(
                        db,
                        "INSERT INTO user_role (user_id, role_id) VALUES (?, ?)",
                        other.employee().id(),
                        ownRole)));
        assertForeignKeyViolation(() -> inTransaction(
                tenant.asEmployee(),
                db -> update(
                        db,
                        "INSERT INTO role_permission (role_id, permission) VALUES (?, 'accounts.read')",
                        otherRole)));
        // The same statements with the tenant's own ids pass.
        inTransaction(tenant.asEmployee(), db -> {
            update(
                    db,
                    "INSERT INTO user_role (user_id, role_id) VALUES (?, ?)",
                    tenant.employee().id(),
                    ownRole);
            update(db, "INSERT INTO role_permission (role_id, permission) VALUES (?, 'accounts.read')", ownRole);
            return null;
        });
    }

    // --- Item 4: history only by the triggers ------------------------------------------------

    @Test
    void no_actor_may_write_history_rows_but_a_change_still_records_one() throws SQLException {
        inTransaction(tenant.asEmployee(), db -> {
            assertRefusedByGrant(db, "change_history", """
                    INSERT INTO change_history (table_name, row_id, entity_id, operation)
                    VALUES ('warehouse', gen_random_uuid(), gen_random_uuid(), 'UPDATE')
                    """);
            assertRefusedByGrant(db, "change_history", "DELETE FROM change_history");
            assertRefusedByGrant(db, "change_history", "UPDATE change_history SET note = 'rewritten'");
            update(db, "UPDATE warehouse SET name = 'renamed' WHERE id = ?", warehouse);
            assertThat(text(db, """
                            SELECT count(*) FROM change_history
                             WHERE table_name = 'warehouse' AND row_id = ? AND operation = 'UPDATE'
                               AND user_id = ? AND actor_type = 'employee' AND changes ?? 'name'
                            """, warehouse, tenant.employee().id())).isEqualTo("1");
            return null;
        });
        inTransaction(other.asEmployee(), db -> {
            assertThat(count(db, "SELECT count(*) FROM change_history WHERE row_id = ?", warehouse))
                    .isZero();
            return null;
        });
    }

    // --- Item 8: password hashes --------------------------------------------------------------

    @Test
    void only_the_login_path_looks_users_up_with_their_hash_and_staff_learns_a_yes_or_no() throws SQLException {
        for (var actor : new DatabaseContext[] {tenant.asEmployee(), tenant.asClient()}) {
            for (String lookUp : new String[] {"nexo_login_lookup", "nexo_operator_login_lookup"}) {
                assertRefused(
                        () -> inTransaction(
                                actor,
                                db -> count(
                                        db,
                                        "SELECT count(*) FROM " + lookUp + "(?)",
                                        other.employee().email())),
                        "permission denied for function " + lookUp);
            }
        }
        inTransaction(tenant.asEmployee(), db -> {
            assertThat(text(
                            db,
                            "SELECT nexo_login_name_taken(upper(?))::text",
                            other.employee().email()))
                    .isEqualTo("true");
            assertThat(text(db, "SELECT nexo_login_name_taken(?)::text", "nobody-" + UUID.randomUUID() + "@x.test"))
                    .isEqualTo("false");
            return null;
        });
        assertRefused(
                () -> inTransaction(
                        tenant.asClient(), db -> text(db, "SELECT nexo_login_name_taken('a@b.test')::text")),
                "permission denied for function nexo_login_name_taken");
    }

    private int receive(Connection db, int quantity) throws SQLException {
        return update(
                db,
                """
                INSERT INTO stock_movement (id, movement_type, article_id, warehouse_id, quantity,
                                            entered_quantity, entered_unit_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                UUID.randomUUID(),
                quantity >= 0 ? "receipt" : "issue",
                article,
                warehouse,
                quantity,
                quantity,
                unit);
    }

    private String onHand(Connection db) throws SQLException {
        return text(
                db,
                "SELECT on_hand::text FROM stock_balance WHERE article_id = ? AND warehouse_id = ?",
                article,
                warehouse);
    }

    private static void assertForeignKeyViolation(org.assertj.core.api.ThrowableAssert.ThrowingCallable statement) {
        assertThatThrownBy(statement)
                .isInstanceOfSatisfying(
                        SQLException.class,
                        e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("23503"));
    }
}
