package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.assertRefusedByGrant;
import static com.nexo.tenancy.IsolationSupport.assertRefusedByPolicy;
import static com.nexo.tenancy.IsolationSupport.count;
import static com.nexo.tenancy.IsolationSupport.inTransaction;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static com.nexo.tenancy.IsolationSupport.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.tenancy.IsolationSupport.TestTenant;
import com.nexo.testing.NexoSpringTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The price lists, their items and clients' sales terms under row-level security, with raw JDBC as
 * the application role: another tenant sees, changes and references none of them; a portal actor of
 * the same tenant and the operator are granted none of them; at most one list per tenant is the
 * default.
 */
@NexoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SalesPricingIsolationTest {

    static final List<String> TABLES = List.of("sales_price_list", "sales_price_list_item", "sales_client_terms");

    private TestTenant owner;
    private TestTenant other;
    private final UUID list = UUID.randomUUID();
    private final UUID article = UUID.randomUUID();
    private final UUID account = UUID.randomUUID();

    @BeforeAll
    void oneTenantWithARowInEveryTable() throws SQLException {
        owner = newTenant();
        other = newTenant();
        inTransaction(owner.asEmployee(), db -> {
            insertArticleAndClient(db, article, account);
            update(
                    db,
                    "INSERT INTO sales_price_list (id, name, valid_from, is_default) VALUES (?, 'General', DATE"
                            + " '2026-01-01', true)",
                    list);
            update(
                    db,
                    "INSERT INTO sales_price_list_item (id, price_list_id, article_id, unit_price) VALUES (?, ?, ?,"
                            + " 10)",
                    UUID.randomUUID(),
                    list,
                    article);
            update(
                    db,
                    "INSERT INTO sales_client_terms (id, account_id, tax_regime, price_list_id) VALUES (?, ?,"
                            + " 'INTRA_EU', ?)",
                    UUID.randomUUID(),
                    account,
                    list);
            return null;
        });
    }

    private static void insertArticleAndClient(Connection db, UUID article, UUID account) throws SQLException {
        UUID unit = UUID.randomUUID();
        update(
                db,
                "INSERT INTO unit_of_measure (id, code, name_es, name_en, kind, factor) VALUES (?, 'ud', 'u', 'u',"
                        + " 'count', 1)",
                unit);
        update(
                db,
                "INSERT INTO article (id, code, kind, name_es, name_en, unit_id) VALUES (?, 'A1', 'goods', 'a', 'a',"
                        + " ?)",
                article,
                unit);
        update(
                db,
                "INSERT INTO account (id, code, kind, roles, legal_name) VALUES (?, 'C-1', 'ORGANIZATION',"
                        + " '{CLIENT}', 'Client')",
                account);
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
                assertThat(update(db, "UPDATE " + table + " SET version = version + 1"))
                        .as(table)
                        .isZero();
                assertThat(update(db, "DELETE FROM " + table)).as(table).isZero();
            }
            return null;
        });
        inTransaction(owner.asEmployee(), db -> {
            for (String table : TABLES) {
                assertThat(count(db, "SELECT count(*) FROM " + table + " WHERE version = 0"))
                        .as(table)
                        .isOne();
            }
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
                () -> inTransaction(
                        other.asEmployee(),
                        db -> update(
                                db,
                                "INSERT INTO sales_price_list (id, tenant_id, name, valid_from) VALUES (?, ?, 'x',"
                                        + " DATE '2026-01-01')",
                                UUID.randomUUID(),
                                owner.id())),
                "sales_price_list");
    }

    @Test
    void another_tenant_cannot_reference_rows_it_does_not_own() {
        // Foreign-key checks bypass row-level security; the tenant in every key closes that door.
        UUID ownList = UUID.randomUUID();
        assertThatThrownBy(() -> inTransaction(other.asEmployee(), db -> {
                    update(
                            db,
                            "INSERT INTO sales_price_list (id, name, valid_from) VALUES (?, 'Mine', DATE '2026-01-01')",
                            ownList);
                    return update(
                            db,
                            "INSERT INTO sales_price_list_item (id, price_list_id, article_id, unit_price) VALUES (?,"
                                    + " ?, ?, 1)",
                            UUID.randomUUID(),
                            ownList,
                            article);
                }))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"));
        assertThatThrownBy(() -> inTransaction(
                        other.asEmployee(),
                        db -> update(
                                db,
                                "INSERT INTO sales_client_terms (id, account_id) VALUES (?, ?)",
                                UUID.randomUUID(),
                                account)))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"));
    }

    @Test
    void a_tenant_has_at_most_one_default_list() {
        assertThatThrownBy(() -> inTransaction(
                        owner.asEmployee(),
                        db -> update(
                                db,
                                "INSERT INTO sales_price_list (id, name, valid_from, is_default) VALUES (?, 'Second',"
                                        + " DATE '2026-01-01', true)",
                                UUID.randomUUID())))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
    }
}
