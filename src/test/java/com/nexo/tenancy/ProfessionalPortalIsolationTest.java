package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.assertRefused;
import static com.nexo.tenancy.IsolationSupport.assertRefusedByGrant;
import static com.nexo.tenancy.IsolationSupport.assertRefusedByPolicy;
import static com.nexo.tenancy.IsolationSupport.count;
import static com.nexo.tenancy.IsolationSupport.ids;
import static com.nexo.tenancy.IsolationSupport.inTransaction;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static com.nexo.tenancy.IsolationSupport.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.tenancy.IsolationSupport.TestTenant;
import com.nexo.testing.NexoSpringTest;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The professional portal's tables (V62) under row-level security, with raw JDBC as the application
 * role and the professional's database role: a professional reads its own worker, tasks, their
 * orders and work centres, its own time and the files it tied to its tasks, and nothing of another
 * professional of the same tenant; it writes only what its grants name, on its own rows, and cannot
 * forge a worker, a rate, a task or a file. A forged party and another tenant read nothing (a
 * professional context without a party cannot be made: DatabaseContext refuses it), a client is
 * granted none of these tables;
 * the portal's definer function refuses anyone's task but the caller's own.
 */
@NexoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfessionalPortalIsolationTest {

    /** Each table with the query that reads all of it. */
    private static final Map<String, String> READS = Map.of(
            "production_worker", "SELECT id FROM production_worker",
            "production_order_task", "SELECT id FROM production_order_task",
            "production_order", "SELECT id FROM production_order",
            "production_work_centre", "SELECT id FROM production_work_centre",
            "production_time_entry", "SELECT id FROM production_time_entry",
            "production_task_file", "SELECT id FROM production_task_file");

    private TestTenant owner;
    private TestTenant other;
    private final Side a = new Side();
    private final Side b = new Side();
    private UUID unit;
    private UUID service;
    private UUID article;
    private UUID warehouse;
    private UUID bom;

    /** One professional's rows: its account, worker, centre, order, task, a stopped and a running time record, a file. */
    private static final class Side {
        final UUID account = UUID.randomUUID();
        final UUID user = UUID.randomUUID();
        final UUID worker = UUID.randomUUID();
        final UUID centre = UUID.randomUUID();
        final UUID order = UUID.randomUUID();
        final UUID task = UUID.randomUUID();
        final UUID stopped = UUID.randomUUID();
        final UUID running = UUID.randomUUID();
        final UUID file = UUID.randomUUID();
        final UUID link = UUID.randomUUID();

        Map<String, UUID> rows() {
            return Map.of(
                    "production_worker", worker,
                    "production_order_task", task,
                    "production_order", order,
                    "production_work_centre", centre,
                    "production_task_file", link);
        }
    }

    @BeforeAll
    void twoProfessionalsWithAJobEach() throws SQLException {
        owner = newTenant();
        other = newTenant();
        unit = UUID.randomUUID();
        service = UUID.randomUUID();
        article = UUID.randomUUID();
        warehouse = UUID.randomUUID();
        bom = UUID.randomUUID();
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
                    "INSERT INTO production_bom (id, article_id, revision, status, valid_from)"
                            + " VALUES (?, ?, 1, 'ACTIVE', DATE '2026-01-01')",
                    bom,
                    article);
            int n = 0;
            for (Side side : new Side[] {a, b}) {
                n++;
                update(
                        db,
                        "INSERT INTO account (id, code, kind, roles, legal_name)"
                                + " VALUES (?, ?, 'ORGANIZATION', '{PROFESSIONAL}', ?)",
                        side.account,
                        "P-" + n,
                        "Professional " + n);
                update(
                        db,
                        "INSERT INTO production_work_centre (id, code, name) VALUES (?, ?, 'c')",
                        side.centre,
                        "WC" + n);
                update(
                        db,
                        "INSERT INTO production_worker (id, kind, professional_id, name, hourly_rate)"
                                + " VALUES (?, 'PROFESSIONAL', ?, 'p', 30)",
                        side.worker,
                        side.account);
                update(
                        db,
                        "INSERT INTO production_order (id, series, number_year, number, status, article_id, bom_id,"
                                + " quantity, due_date, warehouse_id, work_centre_id)"
                                + " VALUES (?, 'OF', 2026, ?, 'RELEASED', ?, ?, 1, DATE '2026-12-01', ?, ?)",
                        side.order,
                        "OF-" + n,
                        article,
                        bom,
                        warehouse,
                        side.centre);
                update(
                        db,
                        "INSERT INTO production_order_task (id, order_id, position, article_id, planned_hours,"
                                + " worker_id, professional_id, status) VALUES (?, ?, 1, ?, 2, ?, ?, 'ACCEPTED')",
                        side.task,
                        side.order,
                        service,
                        side.worker,
                        side.account);
                update(
                        db,
                        "INSERT INTO production_time_entry (id, task_id, order_id, worker_id, professional_id,"
                                + " work_date, hours, hourly_rate, cost) VALUES (?, ?, ?, ?, ?, DATE '2026-12-01', 1, 30, 30)",
                        side.stopped,
                        side.task,
                        side.order,
                        side.worker,
                        side.account);
                update(
                        db,
                        "INSERT INTO production_time_entry (id, task_id, order_id, worker_id, professional_id,"
                                + " work_date, started_at, hourly_rate) VALUES (?, ?, ?, ?, ?, DATE '2026-12-02', now(), 30)",
                        side.running,
                        side.task,
                        side.order,
                        side.worker,
                        side.account);
                update(
                        db,
                        "INSERT INTO stored_file (id, name, content_type, size, sha256, purpose, party_id)"
                                + " VALUES (?, 'f.pdf', 'application/pdf', 0, repeat('0', 64), 'production-task', ?)",
                        side.file,
                        side.account);
                update(
                        db,
                        "INSERT INTO production_task_file (id, task_id, file_id, party_id) VALUES (?, ?, ?, ?)",
                        side.link,
                        side.task,
                        side.file,
                        side.account);
            }
            return null;
        });
    }

    private DatabaseContext as(Side side) {
        return professional(owner.id(), side.account);
    }

    private static DatabaseContext professional(UUID tenant, UUID party) {
        return new DatabaseContext(tenant, UUID.randomUUID(), ActorType.PROFESSIONAL, party);
    }

    @Test
    void a_professional_reads_its_own_rows_in_every_table_and_none_of_anothers() throws SQLException {
        for (Side side : new Side[] {a, b}) {
            Side otherSide = side == a ? b : a;
            inTransaction(as(side), db -> {
                for (Map.Entry<String, UUID> row : side.rows().entrySet()) {
                    assertThat(ids(db, READS.get(row.getKey())))
                            .as(row.getKey())
                            .containsExactly(row.getValue());
                }
                assertThat(ids(db, READS.get("production_time_entry")))
                        .containsExactlyInAnyOrder(side.stopped, side.running)
                        .doesNotContain(otherSide.stopped, otherSide.running);
                return null;
            });
        }
    }

    @Test
    void a_forged_party_another_tenant_and_a_client_read_nothing() throws SQLException {
        DatabaseContext[] outsiders = {
            professional(owner.id(), UUID.randomUUID()), professional(other.id(), a.account), owner.asClient()
        };
        for (DatabaseContext outsider : outsiders) {
            inTransaction(outsider, db -> {
                for (Map.Entry<String, String> read : READS.entrySet()) {
                    if (outsider.actorType() == ActorType.CLIENT) {
                        assertRefusedByGrant(db, read.getKey(), read.getValue());
                    } else {
                        assertThat(ids(db, read.getValue())).as(read.getKey()).isEmpty();
                    }
                }
                return null;
            });
        }
    }

    @Test
    void a_professional_changes_nothing_of_another_professional() throws SQLException {
        inTransaction(as(a), db -> {
            assertThat(update(
                            db,
                            "UPDATE production_order_task SET status = 'DONE', version = version + 1 WHERE id = ?",
                            b.task))
                    .isZero();
            assertThat(update(
                            db,
                            "UPDATE production_time_entry SET hours = 1, cost = 30, ended_at = now() WHERE id = ?",
                            b.running))
                    .isZero();
            assertThat(update(db, "DELETE FROM production_time_entry WHERE id = ?", b.running))
                    .isZero();
            assertThat(update(db, "DELETE FROM production_task_file WHERE id = ?", b.link))
                    .isZero();
            // Its own stopped time is a record: only a running clock of its own may be dropped.
            assertThat(update(db, "DELETE FROM production_time_entry WHERE id = ?", a.stopped))
                    .isZero();
            return null;
        });
        inTransaction(owner.asEmployee(), db -> {
            assertThat(count(
                            db,
                            "SELECT count(*) FROM production_order_task WHERE id = ? AND status = 'ACCEPTED'",
                            b.task))
                    .isOne();
            assertThat(count(
                            db,
                            "SELECT count(*) FROM production_time_entry WHERE id IN (?, ?, ?) AND version = 0",
                            b.running,
                            b.stopped,
                            a.stopped))
                    .isEqualTo(3);
            assertThat(count(db, "SELECT count(*) FROM production_task_file WHERE id = ?", b.link))
                    .isOne();
            return null;
        });
    }

    @Test
    void a_professional_cannot_forge_a_worker_a_rate_a_task_or_a_file() {
        String insert =
                "INSERT INTO production_time_entry (id, task_id, order_id, worker_id, professional_id, work_date,"
                        + " hours, hourly_rate, cost) VALUES (?, ?, ?, ?, ?, DATE '2026-12-03', 2, ?, ?)";
        // Another professional's task, even named as its own account's.
        assertRefusedByPolicy(
                () -> inTransaction(
                        as(a),
                        db -> update(db, insert, UUID.randomUUID(), b.task, b.order, a.worker, a.account, 30, 60)),
                "production_time_entry");
        // Its own task with another's worker.
        assertRefusedByPolicy(
                () -> inTransaction(
                        as(a),
                        db -> update(db, insert, UUID.randomUUID(), a.task, a.order, b.worker, a.account, 30, 60)),
                "production_time_entry");
        // A rate of its own choosing, or a cost that is not hours times the rate.
        assertRefusedByPolicy(
                () -> inTransaction(
                        as(a),
                        db -> update(db, insert, UUID.randomUUID(), a.task, a.order, a.worker, a.account, 90, 180)),
                "production_time_entry");
        assertRefusedByPolicy(
                () -> inTransaction(
                        as(a),
                        db -> update(db, insert, UUID.randomUUID(), a.task, a.order, a.worker, a.account, 30, 600)),
                "production_time_entry");
        // Time in another account's name.
        assertRefusedByPolicy(
                () -> inTransaction(
                        as(a),
                        db -> update(db, insert, UUID.randomUUID(), a.task, a.order, a.worker, b.account, 30, 60)),
                "production_time_entry");
        // Another account's file tied to its own task, or its own file to another's task.
        assertRefusedByPolicy(
                () -> inTransaction(
                        as(a),
                        db -> update(
                                db,
                                "INSERT INTO production_task_file (id, task_id, file_id) VALUES (?, ?, ?)",
                                UUID.randomUUID(),
                                a.task,
                                b.file)),
                "production_task_file");
        assertRefusedByPolicy(
                () -> inTransaction(
                        as(a),
                        db -> update(
                                db,
                                "INSERT INTO production_task_file (id, task_id, file_id) VALUES (?, ?, ?)",
                                UUID.randomUUID(),
                                b.task,
                                a.file)),
                "production_task_file");
    }

    @Test
    void a_professional_writes_only_what_its_grants_name() throws SQLException {
        inTransaction(as(a), db -> {
            assertRefusedByGrant(
                    db, "production_order", "UPDATE production_order SET notes = 'x' WHERE id = ?", a.order);
            assertRefusedByGrant(
                    db,
                    "production_order_task",
                    "UPDATE production_order_task SET actual_hours = 99 WHERE id = ?",
                    a.task);
            assertRefusedByGrant(
                    db,
                    "production_order_task",
                    "UPDATE production_order_task SET professional_id = ? WHERE id = ?",
                    b.account,
                    a.task);
            assertRefusedByGrant(
                    db, "production_worker", "UPDATE production_worker SET hourly_rate = 99 WHERE id = ?", a.worker);
            assertRefusedByGrant(
                    db,
                    "production_time_entry",
                    "UPDATE production_time_entry SET hourly_rate = 99 WHERE id = ?",
                    a.stopped);
            assertRefusedByGrant(
                    db, "production_work_centre", "DELETE FROM production_work_centre WHERE id = ?", a.centre);
            assertRefusedByGrant(db, "production_order_material", "SELECT count(*) FROM production_order_material");
            assertRefusedByGrant(db, "production_bom", "SELECT count(*) FROM production_bom");
            // What it may do on its own rows: accept or finish its task.
            assertThat(update(
                            db,
                            "UPDATE production_order_task SET status = 'IN_PROGRESS', version = version + 1 WHERE id = ?",
                            a.task))
                    .isOne();
            return null;
        });
    }

    @Test
    void the_portal_definer_function_adds_up_only_the_callers_own_task() throws SQLException {
        assertRefused(
                () -> inTransaction(
                        as(a), db -> ids(db, "SELECT NULL::uuid FROM nexo_production_portal_refresh(?)", b.task)),
                "no task");
        assertRefused(
                () -> inTransaction(
                        professional(owner.id(), UUID.randomUUID()),
                        db -> ids(db, "SELECT NULL::uuid FROM nexo_production_portal_refresh(?)", a.task)),
                "no task");
        assertRefused(
                () -> inTransaction(
                        owner.asEmployee(),
                        db -> ids(db, "SELECT NULL::uuid FROM nexo_production_portal_refresh(?)", a.task)),
                "permission denied for function");
        inTransaction(as(a), db -> ids(db, "SELECT NULL::uuid FROM nexo_production_portal_refresh(?)", a.task));
        inTransaction(owner.asEmployee(), db -> {
            assertThat(count(
                            db, "SELECT count(*) FROM production_order_task WHERE id = ? AND actual_hours = 1", a.task))
                    .isOne();
            assertThat(count(
                            db, "SELECT count(*) FROM production_order_task WHERE id = ? AND actual_hours = 0", b.task))
                    .isOne();
            assertThat(count(
                            db,
                            "SELECT count(*) FROM production_order WHERE id = ? AND status = 'IN_PROGRESS'"
                                    + " AND actual_service_cost = 30",
                            a.order))
                    .isOne();
            assertThat(count(db, "SELECT count(*) FROM production_order WHERE id = ? AND status = 'RELEASED'", b.order))
                    .isOne();
            return null;
        });
        // An order that no longer takes time refuses it, whoever asks.
        inTransaction(
                owner.asEmployee(),
                db -> update(db, "UPDATE production_order SET status = 'COMPLETED' WHERE id = ?", b.order));
        assertThatThrownBy(() -> inTransaction(
                        as(b), db -> ids(db, "SELECT NULL::uuid FROM nexo_production_portal_refresh(?)", b.task)))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("NXP01"));
    }

    @Test
    void the_professional_sees_its_tenants_rows_only_with_its_tenant_bound() throws SQLException {
        Set<UUID> seen =
                inTransaction(professional(other.id(), b.account), db -> ids(db, READS.get("production_order")));
        assertThat(seen).isEmpty();
    }
}
