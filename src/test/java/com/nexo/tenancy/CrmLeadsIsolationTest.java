package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.assertRefusedByGrant;
import static com.nexo.tenancy.IsolationSupport.assertRefusedByPolicy;
import static com.nexo.tenancy.IsolationSupport.connect;
import static com.nexo.tenancy.IsolationSupport.count;
import static com.nexo.tenancy.IsolationSupport.ids;
import static com.nexo.tenancy.IsolationSupport.inTransaction;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static com.nexo.tenancy.IsolationSupport.update;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.tenancy.IsolationSupport.TestTenant;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The CRM leads' tables (crm_lead from V70 with V72's columns, crm_assignment_rule and crm_web_form
 * from V72) under row-level security, with raw JDBC as the application role, around the services: one
 * tenant's staff sees and changes only its own rows, a portal client holds no grant at all, no row can
 * be written into another tenant, and the web form look-up answers only an enabled form's own tenant.
 */
@com.nexo.testing.NexoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrmLeadsIsolationTest {

    private TestTenant owner;
    private TestTenant other;
    private final UUID lead = UUID.randomUUID();
    private final UUID rule = UUID.randomUUID();
    private final UUID form = UUID.randomUUID();
    private final UUID disabledForm = UUID.randomUUID();
    private final String token = "iso" + UUID.randomUUID().toString().replace("-", "");
    private final String disabledToken = "iso" + UUID.randomUUID().toString().replace("-", "");

    @BeforeAll
    void oneTenantWithALeadARuleAndTwoForms() throws SQLException {
        owner = newTenant();
        other = newTenant();
        inTransaction(owner.asEmployee(), db -> {
            update(
                    db,
                    "INSERT INTO crm_lead (id, company_name, email, duplicates) VALUES (?, 'Acme', 'a@acme.test', '[]')",
                    lead);
            update(
                    db,
                    "INSERT INTO crm_assignment_rule (id, name, condition, user_id) VALUES (?, 'Todo', 'ANY', ?)",
                    rule,
                    owner.employee().id());
            update(db, "INSERT INTO crm_web_form (id, token, name) VALUES (?, ?, 'Contacto')", form, token);
            return update(
                    db,
                    "INSERT INTO crm_web_form (id, token, name, enabled) VALUES (?, ?, 'Viejo', false)",
                    disabledForm,
                    disabledToken);
        });
    }

    @Test
    void the_tenants_staff_sees_its_rows_and_another_tenants_staff_none() throws SQLException {
        inTransaction(owner.asEmployee(), db -> {
            assertThat(ids(db, "SELECT id FROM crm_lead WHERE id = ?", lead)).containsExactly(lead);
            assertThat(ids(db, "SELECT id FROM crm_assignment_rule")).containsExactly(rule);
            assertThat(ids(db, "SELECT id FROM crm_web_form")).containsExactlyInAnyOrder(form, disabledForm);
            return null;
        });
        inTransaction(other.asEmployee(), db -> {
            assertThat(count(db, "SELECT count(*) FROM crm_lead WHERE id = ?", lead))
                    .isZero();
            assertThat(count(db, "SELECT count(*) FROM crm_assignment_rule")).isZero();
            assertThat(count(db, "SELECT count(*) FROM crm_web_form")).isZero();
            assertThat(update(db, "UPDATE crm_lead SET email = 'x@x.test' WHERE id = ?", lead))
                    .isZero();
            assertThat(update(db, "UPDATE crm_assignment_rule SET last_user_id = NULL WHERE id = ?", rule))
                    .isZero();
            assertThat(update(db, "DELETE FROM crm_web_form WHERE id = ?", form))
                    .isZero();
            // Writing a row in the first tenant's name is refused.
            assertRefusedByPolicy(
                    db,
                    "crm_web_form",
                    "INSERT INTO crm_web_form (id, tenant_id, token, name) VALUES (?, ?, ?, 'Intruso')",
                    UUID.randomUUID(),
                    owner.id(),
                    "iso" + UUID.randomUUID().toString().replace("-", ""));
            assertRefusedByPolicy(
                    db,
                    "crm_assignment_rule",
                    "INSERT INTO crm_assignment_rule (id, tenant_id, name, condition, team_id) VALUES (?, ?, 'x', 'ANY', ?)",
                    UUID.randomUUID(),
                    owner.id(),
                    UUID.randomUUID());
            return null;
        });
    }

    @Test
    void portal_actors_hold_no_grant_on_the_leads_tables() throws SQLException {
        inTransaction(owner.asClient(), db -> {
            assertRefusedByGrant(db, "crm_lead", "SELECT count(*) FROM crm_lead");
            assertRefusedByGrant(db, "crm_assignment_rule", "SELECT count(*) FROM crm_assignment_rule");
            assertRefusedByGrant(db, "crm_web_form", "SELECT count(*) FROM crm_web_form");
            return null;
        });
    }

    @Test
    void the_web_form_look_up_answers_an_enabled_forms_own_tenant_only() throws SQLException {
        try (Connection db = connect()) {
            assertThat(ids(db, "SELECT tenant_id FROM nexo_crm_web_form_tenant(?)", token))
                    .containsExactly(owner.id());
            assertThat(ids(db, "SELECT form_id FROM nexo_crm_web_form_tenant(?)", token))
                    .containsExactly(form);
            assertThat(count(db, "SELECT count(*) FROM nexo_crm_web_form_tenant(?)", disabledToken))
                    .isZero();
            for (String guess : new String[] {"%", "iso%", "", token.toUpperCase()}) {
                assertThat(count(db, "SELECT count(*) FROM nexo_crm_web_form_tenant(?)", guess))
                        .as(guess)
                        .isZero();
            }
            // The look-up opened nothing else up: without a context the table itself stays shut.
            assertRefusedByGrant(db, "crm_web_form", "SELECT count(*) FROM crm_web_form");
        }
    }
}
