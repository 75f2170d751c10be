package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.assertRefusedByGrant;
import static com.nexo.tenancy.IsolationSupport.assertRefusedByPolicy;
import static com.nexo.tenancy.IsolationSupport.count;
import static com.nexo.tenancy.IsolationSupport.inTransaction;
import static com.nexo.tenancy.IsolationSupport.insertUser;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static com.nexo.tenancy.IsolationSupport.newUserData;
import static com.nexo.tenancy.IsolationSupport.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.tenancy.IsolationSupport.TestTenant;
import com.nexo.tenancy.IsolationSupport.TestUser;
import com.nexo.testing.NexoSpringTest;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Suppliers' prices (purchase_supplier_article and its quantity breaks) under row-level security,
 * with raw JDBC as the application role: another tenant sees, changes, deletes and references none
 * of them; the supplier portal (the very supplier the rows are about), a portal client and the
 * operator are granted none of them.
 */
@NexoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PurchasingPricesIsolationTest {

    static final List<String> TABLES = List.of("purchase_supplier_article", "purchase_supplier_price_break");

    private TestTenant owner;
    private TestTenant other;
    private TestUser supplierUser;
    private final UUID article = UUID.randomUUID();
    private final UUID supplier = UUID.randomUUID();
    private final UUID entry = UUID.randomUUID();

    @BeforeAll
    void oneTenantWithARowInEveryTable() throws SQLException {
        owner = newTenant();
        other = newTenant();
        supplierUser = newUserData(ActorType.SUPPLIER, supplier);
        inTransaction(owner.asEmployee(), db -> {
            UUID unit = UUID.randomUUID();
            update(
                    db,
                    "INSERT INTO unit_of_measure (id, code, name_es, name_en, kind, factor)"
                            + " VALUES (?, 'ud', 'u', 'u', 'count', 1)",
                    unit);
            update(
                    db,
                    "INSERT INTO article (id, code, kind, name_es, name_en, unit_id)"
                            + " VALUES (?, 'A1', 'goods', 'a', 'a', ?)",
                    article,
                    unit);
            update(
                    db,
                    "INSERT INTO account (id, code, kind, roles, legal_name)"
                            + " VALUES (?, 'S-1', 'ORGANIZATION', '{SUPPLIER}', 'Supplier')",
                    supplier);
            update(
                    db,
                    "INSERT INTO purchase_supplier_article (id, supplier_id, article_id, last_price, last_price_on)"
                            + " VALUES (?, ?, ?, 3, DATE '2026-03-01')",
                    entry,
                    supplier,
                    article);
            update(
                    db,
                    "INSERT INTO purchase_supplier_price_break (supplier_article_id, min_quantity, unit_price)"
                            + " VALUES (?, 10, 2.5)",
                    entry);
            return null;
        });
        inTransaction(owner.asSystem(), db -> insertUser(db, supplierUser));
    }

    @Test
    void the_owner_sees_a_row_in_every_table() throws SQLException {
        inTransaction(owner.asEmployee(), db -> {
            for (String table : TABLES) {
                assertThat(count(db, "SELECT count(*) FROM " + table)).as(table).isOne();
            }
            return null;
        });
    }

    @Test
    void another_tenant_sees_changes_and_deletes_nothing() throws SQLException {
        inTransaction(other.asEmployee(), db -> {
            for (String table : TABLES) {
                assertThat(count(db, "SELECT count(*) FROM " + table)).as(table).isZero();
                String column = table.endsWith("break") ? "unit_price" : "last_price";
                assertThat(update(db, "UPDATE " + table + " SET " + column + " = 0"))
                        .as(table)
                        .isZero();
                assertThat(update(db, "DELETE FROM " + table)).as(table).isZero();
            }
            return null;
        });
        inTransaction(owner.asEmployee(), db -> {
            assertThat(count(db, "SELECT count(*) FROM purchase_supplier_article WHERE last_price = 3"))
                    .isOne();
            assertThat(count(db, "SELECT count(*) FROM purchase_supplier_price_break WHERE unit_price = 2.5"))
                    .isOne();
            return null;
        });
    }

    @Test
    void the_supplier_portal_a_portal_client_and_the_operator_are_refused_every_table() throws SQLException {
        DatabaseContext operator = new DatabaseContext(null, UUID.randomUUID(), ActorType.OPERATOR, null);
        DatabaseContext theSupplier = new DatabaseContext(owner.id(), supplierUser.id(), ActorType.SUPPLIER, supplier);
        for (DatabaseContext outsider : new DatabaseContext[] {theSupplier, owner.asClient(), operator, null}) {
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
                () -> inTransaction(
                        other.asEmployee(),
                        db -> update(
                                db,
                                "INSERT INTO purchase_supplier_article (id, tenant_id, supplier_id, article_id)"
                                        + " VALUES (?, ?, ?, ?)",
                                UUID.randomUUID(),
                                owner.id(),
                                supplier,
                                article)),
                "purchase_supplier_article");
        assertRefusedByPolicy(
                () -> inTransaction(
                        other.asEmployee(),
                        db -> update(
                                db,
                                "INSERT INTO purchase_supplier_price_break (tenant_id, supplier_article_id,"
                                        + " min_quantity, unit_price) VALUES (?, ?, 1, 1)",
                                owner.id(),
                                entry)),
                "purchase_supplier_price_break");
    }

    @Test
    void another_tenant_cannot_reference_the_owners_supplier_article_or_entry() {
        // Foreign-key checks bypass row-level security; the tenant in every key closes that door.
        assertThatThrownBy(() -> inTransaction(
                        other.asEmployee(),
                        db -> update(
                                db,
                                "INSERT INTO purchase_supplier_article (id, supplier_id, article_id) VALUES (?, ?, ?)",
                                UUID.randomUUID(),
                                supplier,
                                article)))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"));
        assertThatThrownBy(() -> inTransaction(
                        other.asEmployee(),
                        db -> update(
                                db,
                                "INSERT INTO purchase_supplier_price_break (supplier_article_id, min_quantity,"
                                        + " unit_price) VALUES (?, 1, 1)",
                                entry)))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"));
    }
}
