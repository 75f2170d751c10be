package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.assertRefused;
import static com.nexo.tenancy.IsolationSupport.assertRefusedByGrant;
import static com.nexo.tenancy.IsolationSupport.assertRefusedByPolicy;
import static com.nexo.tenancy.IsolationSupport.bind;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The tables of the articles module under row-level security, with raw JDBC as the application
 * role: another tenant sees, changes and references none of them, a portal actor of the same tenant
 * and the operator are granted none of them; the ledger is append-only; and the database itself
 * serialises two issues of the last unit.
 */
@NexoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StockIsolationTest {

    /** Every table the articles migrations create. */
    static final List<String> TABLES = List.of(
            "unit_of_measure",
            "article_category",
            "article",
            "article_image",
            "warehouse",
            "warehouse_location",
            "stock_movement",
            "stock_balance",
            "stock_reservation",
            "stock_count",
            "stock_count_line",
            "stock_level",
            "article_cost_change");

    /** Tables the application may only read and add to. */
    private static final List<String> APPEND_ONLY = List.of("stock_movement", "article_cost_change");

    private TestTenant owner;
    private TestTenant other;
    private final UUID unit = UUID.randomUUID();
    private final UUID category = UUID.randomUUID();
    private final UUID article = UUID.randomUUID();
    private final UUID warehouse = UUID.randomUUID();
    private final UUID location = UUID.randomUUID();
    private final UUID countId = UUID.randomUUID();

    @BeforeAll
    void oneTenantWithARowInEveryTable() throws SQLException {
        owner = newTenant();
        other = newTenant();
        inTransaction(owner.asEmployee(), db -> {
            insertCatalogue(db, unit, category, article, warehouse, location);
            update(
                    db,
                    "INSERT INTO article_image (article_id, content_type, content) VALUES (?, 'image/png', ?)",
                    article,
                    new byte[] {1, 2, 3});
            update(db, """
                    INSERT INTO stock_movement (id, movement_type, article_id, warehouse_id, location_id, quantity,
                                                entered_quantity, entered_unit_id)
                    VALUES (?, 'receipt', ?, ?, ?, 5, 5, ?)
                    """, UUID.randomUUID(), article, warehouse, location, unit);
            update(db, """
                    INSERT INTO stock_reservation (id, article_id, warehouse_id, quantity, source_type, source_ref)
                    VALUES (?, ?, ?, 1, 'sales-order', 'SO-1')
                    """, UUID.randomUUID(), article, warehouse);
            update(db, "INSERT INTO stock_count (id, warehouse_id) VALUES (?, ?)", countId, warehouse);
            update(
                    db,
                    "INSERT INTO stock_count_line (id, count_id, article_id, expected) VALUES (?, ?, ?, 5)",
                    UUID.randomUUID(),
                    countId,
                    article);
            update(
                    db,
                    "INSERT INTO stock_level (article_id, warehouse_id, min_quantity, max_quantity)"
                            + " VALUES (?, ?, 1, 10)",
                    article,
                    warehouse);
            update(db, """
                    INSERT INTO article_cost_change (id, article_id, previous_cost, new_cost, stock_before, source_type)
                    VALUES (?, ?, 0, 4.5, 5, 'manual')
                    """, UUID.randomUUID(), article);
            return null;
        });
    }

    private static void insertCatalogue(
            Connection db, UUID unit, UUID category, UUID article, UUID warehouse, UUID location) throws SQLException {
        update(
                db,
                "INSERT INTO unit_of_measure (id, code, name_es, name_en, kind, factor) VALUES (?, 'ud', 'u', 'u',"
                        + " 'count', 1)",
                unit);
        update(
                db,
                "INSERT INTO article_category (id, code, name_es, name_en, path, depth) VALUES (?, ?, 'c', 'c', ?, 0)",
                category,
                "C" + category.toString().substring(0, 8),
                "/" + category + "/");
        update(
                db,
                "INSERT INTO article (id, code, kind, name_es, name_en, category_id, unit_id) VALUES"
                        + " (?, ?, 'goods', 'a', 'a', ?, ?)",
                article,
                "A" + article.toString().substring(0, 8),
                category,
                unit);
        update(
                db,
                "INSERT INTO warehouse (id, code, name) VALUES (?, ?, 'w')",
                warehouse,
                "W" + warehouse.toString().substring(0, 8));
        update(db, "INSERT INTO warehouse_location (id, warehouse_id, code) VALUES (?, ?, 'L1')", location, warehouse);
    }

    @Test
    void the_owner_sees_a_row_in_every_table() throws SQLException {
        inTransaction(owner.asEmployee(), db -> {
            for (String table : TABLES) {
                assertThat(count(db, "SELECT count(*) FROM " + table)).as(table).isPositive();
            }
            assertThat(text(db, "SELECT on_hand FROM stock_balance WHERE article_id = ?", article))
                    .isEqualTo("5.000000");
            return null;
        });
    }

    @Test
    void another_tenant_sees_changes_and_deletes_nothing() throws SQLException {
        inTransaction(other.asEmployee(), db -> {
            for (String table : TABLES) {
                assertThat(count(db, "SELECT count(*) FROM " + table)).as(table).isZero();
                if (!APPEND_ONLY.contains(table)) {
                    // stock_balance: staff may update the reserved quantity only (the rest is the ledger's).
                    String column = table.equals("stock_balance") ? "reserved" : "tenant_id";
                    assertThat(update(db, "UPDATE " + table + " SET " + column + " = " + column))
                            .as(table)
                            .isZero();
                }
            }
            assertThat(update(db, "DELETE FROM article WHERE id = ?", article)).isZero();
            assertThat(update(db, "DELETE FROM warehouse WHERE id = ?", warehouse))
                    .isZero();
            return null;
        });
    }

    @Test
    void a_portal_client_of_the_same_tenant_and_the_operator_are_refused_every_table() throws SQLException {
        DatabaseContext operator = new DatabaseContext(null, UUID.randomUUID(), ActorType.OPERATOR, null);
        for (DatabaseContext outsider : new DatabaseContext[] {owner.asClient(), operator, null}) {
            inTransaction(outsider, db -> {
                for (String table : TABLES) {
                    assertRefusedByGrant(db, table, "SELECT count(*) FROM " + table);
                }
                return null;
            });
        }
    }

    @Test
    void no_row_can_be_written_into_another_tenant() {
        assertRefusedByPolicy(
                () -> inTransaction(other.asEmployee(), db -> update(db, """
                        INSERT INTO article_cost_change (id, tenant_id, article_id, previous_cost, new_cost,
                                                         stock_before, source_type)
                        VALUES (?, ?, ?, 0, 1, 0, 'manual')
                        """, UUID.randomUUID(), owner.id(), article)),
                "article_cost_change");
        for (String table : List.of("unit_of_measure", "warehouse")) {
            String insert = table.equals("warehouse")
                    ? "INSERT INTO warehouse (id, tenant_id, code, name) VALUES (?, ?, 'X1', 'x')"
                    : "INSERT INTO unit_of_measure (id, tenant_id, code, name_es, name_en, kind, factor)"
                            + " VALUES (?, ?, 'x', 'x', 'x', 'count', 1)";
            assertRefusedByPolicy(
                    () -> inTransaction(other.asEmployee(), db -> update(db, insert, UUID.randomUUID(), owner.id())),
                    table);
        }
    }

    @Test
    void another_tenant_cannot_reference_rows_it_does_not_own() {
        // Foreign-key checks bypass row-level security; the tenant in every key closes that door.
        assertThatThrownBy(() -> inTransaction(other.asEmployee(), db -> update(db, """
                        INSERT INTO stock_level (article_id, warehouse_id, min_quantity, max_quantity)
                        VALUES (?, ?, 1, 2)
                        """, article, warehouse)))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"));
        assertThatThrownBy(() -> inTransaction(other.asEmployee(), db -> update(db, """
                        INSERT INTO article_cost_change (id, article_id, previous_cost, new_cost, stock_before,
                                                         source_type)
                        VALUES (?, ?, 0, 1, 0, 'manual')
                        """, UUID.randomUUID(), article)))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"));
    }

    @Test
    void the_ledger_is_append_only_for_the_application() {
        assertRefused(
                () -> inTransaction(owner.asEmployee(), db -> update(db, "UPDATE stock_movement SET quantity = 99")),
                "permission denied");
        assertRefused(
                () -> inTransaction(owner.asEmployee(), db -> update(db, "DELETE FROM stock_movement")),
                "permission denied");
        assertRefused(
                () -> inTransaction(owner.asEmployee(), db -> update(db, "DELETE FROM stock_balance")),
                "permission denied");
        assertRefused(
                () -> inTransaction(
                        owner.asEmployee(), db -> update(db, "UPDATE article_cost_change SET new_cost = 0")),
                "permission denied");
        assertRefused(
                () -> inTransaction(owner.asEmployee(), db -> update(db, "DELETE FROM article_cost_change")),
                "permission denied");
    }

    @Test
    void a_cost_change_cannot_be_recorded_in_another_users_name() {
        assertRefusedByPolicy(
                () -> inTransaction(
                        owner.asEmployee(), db -> update(db, """
                        INSERT INTO article_cost_change (id, article_id, previous_cost, new_cost, stock_before,
                                                         source_type, changed_by)
                        VALUES (?, ?, 0, 1, 0, 'manual', ?)
                        """, UUID.randomUUID(), article, UUID.randomUUID())),
                "article_cost_change");
    }

    @Test
    void a_movement_cannot_be_recorded_in_another_users_name() {
        assertRefusedByPolicy(
                () -> inTransaction(
                        owner.asEmployee(),
                        db -> update(db, """
                        INSERT INTO stock_movement (id, movement_type, article_id, warehouse_id, quantity,
                                                    entered_quantity, entered_unit_id, user_id)
                        VALUES (?, 'receipt', ?, ?, 1, 1, ?, ?)
                        """, UUID.randomUUID(), article, warehouse, unit, UUID.randomUUID())),
                "stock_movement");
    }

    @Test
    void the_second_of_two_overlapping_issues_of_the_last_unit_waits_and_then_fails() throws Exception {
        TestTenant tenant = newTenant();
        UUID u = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID w = UUID.randomUUID();
        UUID l = UUID.randomUUID();
        inTransaction(tenant.asEmployee(), db -> {
            insertCatalogue(db, u, c, a, w, l);
            return update(
                    db,
                    "INSERT INTO stock_movement (id, movement_type, article_id, warehouse_id, quantity,"
                            + " entered_quantity, entered_unit_id) VALUES (?, 'receipt', ?, ?, 1, 1, ?)",
                    UUID.randomUUID(),
                    a,
                    w,
                    u);
        });
        String issue = "INSERT INTO stock_movement (id, movement_type, article_id, warehouse_id, quantity,"
                + " entered_quantity, entered_unit_id) VALUES (?, 'issue', ?, ?, -1, 1, ?)";
        try (Connection first = connect()) {
            first.setAutoCommit(false);
            bind(first, tenant.asEmployee());
            assertThat(update(first, issue, UUID.randomUUID(), a, w, u)).isOne();

            CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> {
                try {
                    inTransaction(tenant.asEmployee(), db -> update(db, issue, UUID.randomUUID(), a, w, u));
                    return "issued";
                } catch (SQLException e) {
                    return e.getSQLState();
                }
            });
            // The second transaction queues on the balance row while the first is open.
            Thread.sleep(500);
            assertThat(second).isNotDone();
            first.commit();

            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("NX001");
        }
        inTransaction(tenant.asEmployee(), db -> {
            assertThat(text(db, "SELECT on_hand FROM stock_balance WHERE article_id = ?", a))
                    .isEqualTo("0.000000");
            assertThat(count(db, "SELECT count(*) FROM stock_movement WHERE article_id = ?", a))
                    .isEqualTo(2);
            return null;
        });
    }
}
