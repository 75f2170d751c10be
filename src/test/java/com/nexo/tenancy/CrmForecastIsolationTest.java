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
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The CRM forecast's and quotes' tables (sales targets, the quote setting) under row-level security,
 * with raw JDBC as the application role: another tenant sees, changes and references none of their
 * rows, and a portal client of the same tenant is granted neither table.
 */
@NexoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrmForecastIsolationTest {

    private static final List<String> TABLES = List.of("crm_sales_target", "crm_quote_settings");

    private TestTenant owner;
    private TestTenant other;

    @BeforeAll
    void oneTenantWithATargetAndASetting() throws SQLException {
        owner = newTenant();
        other = newTenant();
        inTransaction(owner.asEmployee(), db -> {
            update(
                    db,
                    "INSERT INTO crm_sales_target (id, owner_id, month, amount) VALUES (?, ?, DATE '2030-01-01', 100)",
                    UUID.randomUUID(),
                    owner.employee().id());
            update(db, "INSERT INTO crm_quote_settings (quote_wins_opportunity) VALUES (false)");
            return null;
        });
    }

    @Test
    void the_owner_sees_its_rows() throws SQLException {
        inTransaction(owner.asEmployee(), db -> {
            for (String table : TABLES) {
                assertThat(count(db, "SELECT count(*) FROM " + table)).as(table).isEqualTo(1);
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
    }

    @Test
    void no_row_can_be_written_into_another_tenant_nor_point_at_its_users() {
        assertRefusedByPolicy(
                () -> inTransaction(
                        other.asEmployee(),
                        db -> update(
                                db,
                                "INSERT INTO crm_sales_target (id, tenant_id, month, amount)"
                                        + " VALUES (?, ?, DATE '2030-02-01', 1)",
                                UUID.randomUUID(),
                                owner.id())),
                "crm_sales_target");
        assertRefusedByPolicy(
                () -> inTransaction(
                        other.asEmployee(),
                        db -> update(db, "INSERT INTO crm_quote_settings (tenant_id) VALUES (?)", owner.id())),
                "crm_quote_settings");
        // A target of another tenant's user: the foreign key carries the tenant.
        assertThatThrownBy(() -> inTransaction(
                        other.asEmployee(),
                        db -> update(
                                db,
                                "INSERT INTO crm_sales_target (id, owner_id, month, amount)"
                                        + " VALUES (?, ?, DATE '2030-03-01', 1)",
                                UUID.randomUUID(),
                                owner.employee().id())))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"));
    }

    @Test
    void a_portal_client_of_the_same_tenant_is_refused_both_tables() throws SQLException {
        inTransaction(owner.asClient(), db -> {
            for (String table : TABLES) {
                assertRefusedByGrant(db, table, "SELECT count(*) FROM " + table);
            }
            return null;
        });
    }
}
