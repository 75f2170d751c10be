package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.assertRefusedByGrant;
import static com.nexo.tenancy.IsolationSupport.assertRefusedByPolicy;
import static com.nexo.tenancy.IsolationSupport.count;
import static com.nexo.tenancy.IsolationSupport.currentRole;
import static com.nexo.tenancy.IsolationSupport.inTransaction;
import static com.nexo.tenancy.IsolationSupport.insertUser;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static com.nexo.tenancy.IsolationSupport.newUserData;
import static com.nexo.tenancy.IsolationSupport.update;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.tenancy.IsolationSupport.TestTenant;
import com.nexo.tenancy.IsolationSupport.TestUser;
import com.nexo.testing.NexoSpringTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The production tables (V53) under row-level security, with raw JDBC as the application role:
 * another tenant sees, changes and deletes none of their rows and cannot write into the owner's
 * tenant; the client and supplier portal roles and the operator are granted none of them, the
 * professional (even the one the task and the time are recorded for) none but those the professional
 * portal opens to its own rows (V62, ProfessionalPortalIsolationTest); staff cannot change or delete
 * what was consumed, produced or scrapped.
 */
@NexoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionIsolationTest {

    /** The tables of V53 the professional portal opens to the professional's own rows (V62). */
    static final java.util.Set<String> PROFESSIONAL_PORTAL_TABLES = java.util.Set.of(
            "production_work_centre",
            "production_worker",
            "production_order",
            "production_order_task",
            "production_time_entry");

    /** Every table V53 creates. */
    static final List<String> TABLES = List.of(
            "production_work_centre",
            "production_worker",
            "production_bom",
            "production_bom_line",
            "production_standard_cost",
            "production_order",
            "production_order_material",
            "production_order_task",
            "production_time_entry",
            "production_order_entry");

    /** Tables staff may read and add to but never change nor delete (facts). */
    private static final List<String> APPEND_ONLY = List.of("production_order_entry");

    private TestTenant owner;
    private TestTenant other;
    private final UUID professional = UUID.randomUUID();
    private final UUID input = UUID.randomUUID();
    private final UUID product = UUID.randomUUID();
    private final UUID service = UUID.randomUUID();
    private final UUID warehouse = UUID.randomUUID();
    private final UUID centre = UUID.randomUUID();
    private final UUID employeeWorker = UUID.randomUUID();
    private final UUID professionalWorker = UUID.randomUUID();
    private final UUID bom = UUID.randomUUID();
    private final UUID order = UUID.randomUUID();
    private final UUID material = UUID.randomUUID();
    private final UUID task = UUID.randomUUID();

    @BeforeAll
    void oneTenantWithARowInEveryTable() throws SQLException {
        owner = newTenant();
        other = newTenant();
        inTransaction(owner.asEmployee(), db -> {
            insertAccountArticlesAndWarehouse(db);
            update(
                    db,
                    "INSERT INTO production_work_centre (id, code, name, hourly_rate) VALUES (?, 'CORTE', 'Corte', 20)",
                    centre);
            update(db, """
                    INSERT INTO production_worker (id, kind, user_id, name, hourly_rate, work_centre_id)
                    VALUES (?, 'EMPLOYEE', ?, 'Operario', 18, ?)
                    """, employeeWorker, owner.employee().id(), centre);
            update(db, """
                    INSERT INTO production_worker (id, kind, professional_id, name, hourly_rate)
                    VALUES (?, 'PROFESSIONAL', ?, 'Pintora', 30)
                    """, professionalWorker, professional);
            update(db, """
                    INSERT INTO production_bom (id, article_id, revision, status, valid_from, work_centre_id)
                    VALUES (?, ?, 1, 'ACTIVE', DATE '2026-01-01', ?)
                    """, bom, product, centre);
            update(db, """
                    INSERT INTO production_bom_line (id, bom_id, position, line_kind, article_id, quantity, scrap_percent)
                    VALUES (?, ?, 1, 'MATERIAL', ?, 2, 5)
                    """, UUID.randomUUID(), bom, input);
            update(db, """
                    INSERT INTO production_bom_line (id, bom_id, position, line_kind, article_id, quantity, worker_id)
                    VALUES (?, ?, 2, 'SERVICE', ?, 0.5, ?)
                    """, UUID.randomUUID(), bom, service, professionalWorker);
            update(db, """
                    INSERT INTO production_standard_cost (article_id, bom_id, material_cost, service_cost, unit_cost)
                    VALUES (?, ?, 10, 15, 25)
                    """, product, bom);
            update(db, """
                    INSERT INTO production_order (id, series, number_year, number, status, article_id, bom_id,
                                                  quantity, due_date, warehouse_id, work_centre_id)
                    VALUES (?, 'OF', 2026, 'OF-2026-1', 'IN_PROGRESS', ?, ?, 4, DATE '2026-12-20', ?, ?)
                    """, order, product, bom, warehouse, centre);
            update(db, """
                    INSERT INTO production_order_material (id, order_id, position, article_id, required_quantity,
                                                           consumed_quantity, unit_cost)
                    VALUES (?, ?, 1, ?, 8.42, 2, 5)
                    """, material, order, input);
            update(db, """
                    INSERT INTO production_order_task (id, order_id, position, article_id, planned_hours, worker_id,
                                                       professional_id, status, standard_rate)
                    VALUES (?, ?, 1, ?, 2, ?, ?, 'IN_PROGRESS', 30)
                    """, task, order, service, professionalWorker, professional);
            update(db, """
                    INSERT INTO production_time_entry (id, task_id, order_id, worker_id, professional_id, work_date,
                                                       hours, hourly_rate, cost)
                    VALUES (?, ?, ?, ?, ?, DATE '2026-12-03', 1.5, 30, 45)
                    """, UUID.randomUUID(), task, order, professionalWorker, professional);
            update(db, """
                    INSERT INTO production_order_entry (id, order_id, kind, article_id, material_id, quantity, unit_cost)
                    VALUES (?, ?, 'CONSUMPTION', ?, ?, 2, 5)
                    """, UUID.randomUUID(), order, input, material);
            return null;
        });
    }

    private void insertAccountArticlesAndWarehouse(Connection db) throws SQLException {
        UUID unit = UUID.randomUUID();
        update(
                db,
                "INSERT INTO account (id, code, kind, roles, legal_name) VALUES (?, 'PR-1', 'ORGANIZATION',"
                        + " '{CLIENT,SUPPLIER,PROFESSIONAL}', 'Pintora')",
                professional);
        update(
                db,
                "INSERT INTO unit_of_measure (id, code, name_es, name_en, kind, factor) VALUES (?, 'ud', 'u', 'u',"
                        + " 'count', 1)",
                unit);
        update(
                db,
                "INSERT INTO article (id, code, kind, name_es, name_en, unit_id, stock_tracked) VALUES"
                        + " (?, 'CHAPA', 'goods', 'Chapa', 'Sheet', ?, true),"
                        + " (?, 'ESTANTERIA', 'goods', 'Estantería', 'Shelving', ?, true),"
                        + " (?, 'PINTURA', 'service', 'Pintado', 'Painting', ?, false)",
                input,
                unit,
                product,
                unit,
                service,
                unit);
        update(db, "INSERT INTO warehouse (id, code, name) VALUES (?, 'W1', 'w')", warehouse);
    }

    @Test
    void the_owner_sees_a_row_in_every_table() throws SQLException {
        inTransaction(owner.asEmployee(), db -> {
            for (String table : TABLES) {
                assertThat(count(db, "SELECT count(*) FROM " + table)).as(table).isPositive();
            }
            return null;
        });
    }

    @Test
    void another_tenant_sees_changes_and_deletes_nothing() throws SQLException {
        inTransaction(other.asEmployee(), db -> {
            for (String table : TABLES) {
                assertThat(count(db, "SELECT count(*) FROM " + table)).as(table).isZero();
                if (APPEND_ONLY.contains(table)) {
                    assertRefusedByGrant(db, table, "UPDATE " + table + " SET reason = reason");
                    assertRefusedByGrant(db, table, "DELETE FROM " + table);
                } else {
                    assertThat(update(db, "UPDATE " + table + " SET tenant_id = tenant_id"))
                            .as(table)
                            .isZero();
                    assertThat(update(db, "DELETE FROM " + table)).as(table).isZero();
                }
            }
            return null;
        });
        inTransaction(owner.asEmployee(), db -> {
            for (String table : TABLES) {
                assertThat(count(db, "SELECT count(*) FROM " + table)).as(table).isPositive();
            }
            assertThat(count(
                            db, "SELECT count(*) FROM production_order WHERE id = ? AND status = 'IN_PROGRESS'", order))
                    .isEqualTo(1);
            return null;
        });
    }

    @Test
    void staff_cannot_change_or_delete_what_was_recorded_on_an_order() throws SQLException {
        inTransaction(owner.asEmployee(), db -> {
            assertRefusedByGrant(
                    db,
                    "production_order_entry",
                    "UPDATE production_order_entry SET quantity = 1 WHERE order_id = ?",
                    order);
            assertRefusedByGrant(
                    db, "production_order_entry", "DELETE FROM production_order_entry WHERE order_id = ?", order);
            assertThat(count(db, "SELECT count(*) FROM production_order_entry WHERE order_id = ?", order))
                    .isEqualTo(1);
            return null;
        });
    }

    @Test
    void no_row_can_be_written_into_another_tenant() {
        assertRefusedByPolicy(
                () -> inTransaction(
                        other.asEmployee(),
                        db -> update(
                                db,
                                "INSERT INTO production_work_centre (id, tenant_id, code, name) VALUES (?, ?, 'X', 'x')",
                                UUID.randomUUID(),
                                owner.id())),
                "production_work_centre");
        assertRefusedByPolicy(
                () -> inTransaction(
                        other.asEmployee(),
                        db -> update(
                                db,
                                "INSERT INTO production_worker (id, tenant_id, kind, user_id, name, hourly_rate)"
                                        + " VALUES (?, ?, 'EMPLOYEE', ?, 'x', 1)",
                                UUID.randomUUID(),
                                owner.id(),
                                other.employee().id())),
                "production_worker");
    }

    @Test
    void every_portal_role_and_the_operator_are_refused_every_table_the_portals_do_not_open() throws SQLException {
        Map<ActorType, String> roles = Map.of(
                ActorType.CLIENT, TestContexts.ROLES.client(),
                ActorType.SUPPLIER, TestContexts.ROLES.supplier(),
                ActorType.PROFESSIONAL, TestContexts.ROLES.professional());
        for (ActorType portal : roles.keySet()) {
            TestUser me = newUserData(portal, professional);
            inTransaction(owner.asSystem(), db -> insertUser(db, me));
            DatabaseContext context = new DatabaseContext(owner.id(), me.id(), portal, professional);
            inTransaction(context, db -> {
                assertThat(currentRole(db)).isEqualTo(roles.get(portal));
                for (String table : TABLES) {
                    if (portal != ActorType.PROFESSIONAL || !PROFESSIONAL_PORTAL_TABLES.contains(table)) {
                        assertRefusedByGrant(db, table, "SELECT count(*) FROM " + table);
                    }
                }
                if (portal == ActorType.PROFESSIONAL) {
                    return null;
                }
                assertRefusedByGrant(
                        db,
                        "production_order_task",
                        "UPDATE production_order_task SET status = 'DONE' WHERE professional_id = ?",
                        professional);
                assertRefusedByGrant(
                        db,
                        "production_time_entry",
                        """
                        INSERT INTO production_time_entry (id, task_id, order_id, worker_id, professional_id,
                                                           work_date, hours, hourly_rate, cost)
                        VALUES (?, ?, ?, ?, ?, DATE '2026-12-03', 1, 30, 30)
                        """,
                        UUID.randomUUID(),
                        task,
                        order,
                        professionalWorker,
                        professional);
                return null;
            });
        }
        DatabaseContext operator = new DatabaseContext(null, UUID.randomUUID(), ActorType.OPERATOR, null);
        for (DatabaseContext outsider : new DatabaseContext[] {operator, null}) {
            inTransaction(outsider, db -> {
                for (String table : TABLES) {
                    assertRefusedByGrant(db, table, "SELECT count(*) FROM " + table);
                }
                return null;
            });
        }
    }
}
