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
 * Production's work tables (work centres, workers, an order's tasks and their time) under row-level
 * security, with raw JDBC as the application role: another tenant sees, changes, deletes and
 * references none of them; a portal client and the operator are granted none of them. What the
 * professional the rows are about reaches of them is ProfessionalPortalIsolationTest's subject.
 */
@NexoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionWorkIsolationTest {

    static final List<String> TABLES =
            List.of("production_work_centre", "production_worker", "production_order_task", "production_time_entry");

    private TestTenant owner;
    private TestTenant other;
    private TestUser professionalUser;
    private final UUID professional = UUID.randomUUID();
    private final UUID centre = UUID.randomUUID();
    private final UUID worker = UUID.randomUUID();
    private final UUID task = UUID.randomUUID();
    private final UUID order = UUID.randomUUID();

    @BeforeAll
    void oneTenantWithARowInEveryTable() throws SQLException {
        owner = newTenant();
        other = newTenant();
        professionalUser = newUserData(ActorType.PROFESSIONAL, professional);
        UUID unit = UUID.randomUUID();
        UUID article = UUID.randomUUID();
        UUID service = UUID.randomUUID();
        UUID warehouse = UUID.randomUUID();
        UUID bom = UUID.randomUUID();
        inTransaction(owner.asEmployee(), db -> {
            update(
                    db,
                    "INSERT INTO unit_of_measure (id, code, name_es, name_en, kind, factor)"
                            + " VALUES (?, 'ud', 'u', 'u', 'count', 1)",
                    unit);
            update(
                    db,
                    "INSERT INTO article (id, code, kind, name_es, name_en, unit_id) VALUES (?, 'A1', 'goods', 'a', 'a', ?)",
                    article,
                    unit);
            update(
                    db,
                    "INSERT INTO article (id, code, kind, name_es, name_en, unit_id, stock_tracked)"
                            + " VALUES (?, 'S1', 'service', 's', 's', ?, false)",
                    service,
                    unit);
            update(db, "INSERT INTO warehouse (id, code, name) VALUES (?, 'W1', 'w')", warehouse);
            update(
                    db,
                    "INSERT INTO account (id, code, kind, roles, legal_name)"
                            + " VALUES (?, 'P-1', 'ORGANIZATION', '{PROFESSIONAL}', 'Professional')",
                    professional);
            update(db, "INSERT INTO production_work_centre (id, code, name) VALUES (?, 'WC1', 'c')", centre);
            update(
                    db,
                    "INSERT INTO production_worker (id, kind, professional_id, name, hourly_rate, work_centre_id)"
                            + " VALUES (?, 'PROFESSIONAL', ?, 'p', 30, ?)",
                    worker,
                    professional,
                    centre);
            update(
                    db,
                    "INSERT INTO production_bom (id, article_id, revision, status, valid_from)"
                            + " VALUES (?, ?, 1, 'ACTIVE', DATE '2026-01-01')",
                    bom,
                    article);
            update(
                    db,
                    "INSERT INTO production_order (id, series, number_year, number, status, article_id, bom_id, quantity,"
                            + " due_date, warehouse_id) VALUES (?, 'OF', 2026, 'OF-1', 'RELEASED', ?, ?, 1, DATE '2026-12-01', ?)",
                    order,
                    article,
                    bom,
                    warehouse);
            update(
                    db,
                    "INSERT INTO production_order_task (id, order_id, position, article_id, planned_hours, worker_id,"
                            + " professional_id) VALUES (?, ?, 1, ?, 2, ?, ?)",
                    task,
                    order,
                    service,
                    worker,
                    professional);
            update(
                    db,
                    "INSERT INTO production_time_entry (id, task_id, order_id, worker_id, professional_id, work_date,"
                            + " hours, hourly_rate, cost) VALUES (?, ?, ?, ?, ?, DATE '2026-12-01', 1, 30, 30)",
                    UUID.randomUUID(),
                    task,
                    order,
                    worker,
                    professional);
            return null;
        });
        inTransaction(owner.asSystem(), db -> insertUser(db, professionalUser));
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
    void a_portal_client_and_the_operator_are_refused_every_table() throws SQLException {
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
    void no_row_can_be_written_into_another_tenant_nor_name_the_owners_rows() {
        assertRefusedByPolicy(
                () -> inTransaction(
                        other.asEmployee(),
                        db -> update(
                                db,
                                "INSERT INTO production_work_centre (id, tenant_id, code, name) VALUES (?, ?, 'X', 'x')",
                                UUID.randomUUID(),
                                owner.id())),
                "production_work_centre");
        // Foreign-key checks bypass row-level security; the tenant in every key closes that door.
        assertThatThrownBy(() -> inTransaction(
                        other.asEmployee(),
                        db -> update(
                                db,
                                "INSERT INTO production_worker (id, kind, professional_id, name, hourly_rate, work_centre_id)"
                                        + " VALUES (?, 'PROFESSIONAL', ?, 'p', 1, ?)",
                                UUID.randomUUID(),
                                professional,
                                centre)))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"));
    }
}
