package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.assertRefusedByGrant;
import static com.nexo.tenancy.IsolationSupport.assertRefusedByPolicy;
import static com.nexo.tenancy.IsolationSupport.count;
import static com.nexo.tenancy.IsolationSupport.inTransaction;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static com.nexo.tenancy.IsolationSupport.update;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.tenancy.IsolationSupport.TestTenant;
import com.nexo.testing.NexoSpringTest;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The CRM tables of pipelines, stages, lost reasons, teams and opportunities (V70) under row-level
 * security, with raw JDBC as the application role: another tenant sees, changes and deletes none of
 * their rows and cannot write into the owner's tenant; a client of the owner is granted none of them.
 */
@NexoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrmPipelineIsolationTest {

    static final List<String> TABLES =
            List.of("crm_pipeline", "crm_stage", "crm_lost_reason", "crm_team", "crm_team_member", "crm_opportunity");

    private TestTenant owner;
    private TestTenant other;
    private final UUID pipeline = UUID.randomUUID();
    private final UUID stage = UUID.randomUUID();
    private final UUID account = UUID.randomUUID();

    @BeforeAll
    void oneTenantWithARowInEveryTable() throws SQLException {
        owner = newTenant();
        other = newTenant();
        inTransaction(owner.asEmployee(), db -> {
            update(db, "INSERT INTO crm_pipeline (id, name, is_default) VALUES (?, 'Ventas', true)", pipeline);
            update(
                    db,
                    "INSERT INTO crm_stage (id, pipeline_id, name, position, probability) VALUES (?, ?, 'Nueva', 0, 10)",
                    stage,
                    pipeline);
            update(db, "INSERT INTO crm_lost_reason (id, name) VALUES (?, 'Precio')", UUID.randomUUID());
            UUID team = UUID.randomUUID();
            update(db, "INSERT INTO crm_team (id, name) VALUES (?, 'Norte')", team);
            update(
                    db,
                    "INSERT INTO crm_team_member (team_id, user_id) VALUES (?, ?)",
                    team,
                    owner.employee().id());
            update(
                    db,
                    "INSERT INTO account (id, code, kind, roles, legal_name) VALUES (?, 'C-1', 'ORGANIZATION',"
                            + " '{CLIENT}', 'Cliente')",
                    account);
            update(
                    db,
                    """
                    INSERT INTO crm_opportunity (id, title, pipeline_id, stage_id, account_id, probability,
                                                 expected_close, owner_id)
                    VALUES (?, 'Reforma', ?, ?, ?, 10, DATE '2027-01-31', ?)
                    """,
                    UUID.randomUUID(),
                    pipeline,
                    stage,
                    account,
                    owner.employee().id());
            return null;
        });
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
                assertThat(update(db, "UPDATE " + table + " SET tenant_id = tenant_id"))
                        .as(table)
                        .isZero();
                assertThat(update(db, "DELETE FROM " + table)).as(table).isZero();
            }
            return null;
        });
        inTransaction(owner.asEmployee(), db -> {
            for (String table : TABLES) {
                assertThat(count(db, "SELECT count(*) FROM " + table)).as(table).isPositive();
            }
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
                                "INSERT INTO crm_pipeline (id, tenant_id, name) VALUES (?, ?, 'Intrusa')",
                                UUID.randomUUID(),
                                owner.id())),
                "crm_pipeline");
        assertRefusedByPolicy(
                () -> inTransaction(
                        other.asEmployee(),
                        db -> update(
                                db,
                                "INSERT INTO crm_lost_reason (id, tenant_id, name) VALUES (?, ?, 'Intrusa')",
                                UUID.randomUUID(),
                                owner.id())),
                "crm_lost_reason");
    }

    @Test
    void a_client_of_the_tenant_is_granted_none_of_the_crm_tables() throws SQLException {
        inTransaction(owner.asClient(), db -> {
            for (String table : TABLES) {
                assertRefusedByGrant(db, table, "SELECT count(*) FROM " + table);
            }
            return null;
        });
    }
}
