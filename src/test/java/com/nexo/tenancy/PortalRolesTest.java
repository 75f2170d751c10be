package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.assertRefusedByGrant;
import static com.nexo.tenancy.IsolationSupport.currentRole;
import static com.nexo.tenancy.IsolationSupport.ids;
import static com.nexo.tenancy.IsolationSupport.inTransaction;
import static com.nexo.tenancy.IsolationSupport.insertUser;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static com.nexo.tenancy.IsolationSupport.newUserData;
import static com.nexo.tenancy.IsolationSupport.update;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.tenancy.IsolationSupport.TestTenant;
import com.nexo.tenancy.IsolationSupport.TestUser;
import com.nexo.testing.NexoSpringTest;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every portal actor (client, supplier, professional) runs as a role of its own and sees, of its
 * tenant, its own user row, its own account and that account's contacts, and reads (never writes) what
 * the CMS publishes; every internal table is refused to its role, and so is everything but the tenant
 * registry to the operator. The visitor (public pages) reads what the CMS publishes and nothing else.
 */
@NexoSpringTest
class PortalRolesTest {

    /** Internal tables of each module: no portal role holds a grant on any of them. */
    private static final List<String> INTERNAL_TABLES = List.of(
            "role",
            "security_event",
            "login_throttle",
            "platform_operator",
            "change_history",
            "account_code_counter",
            "saved_filter",
            "account_search_word",
            "search_word",
            "number_series",
            "unit_of_measure",
            "article_category",
            "article",
            "warehouse",
            "stock_movement",
            "stock_balance",
            "stock_level",
            "article_cost_change",
            "sales_billing_record",
            "sales_billing_chain",
            "sales_document",
            "sales_document_line",
            "sales_document_link",
            "sales_document_mail",
            "sales_payment",
            "sales_price_list",
            "sales_price_list_item",
            "sales_client_terms",
            "production_work_centre",
            "production_worker",
            "production_bom",
            "production_bom_line",
            "production_standard_cost",
            "production_order",
            "production_order_material",
            "production_order_task",
            "production_time_entry",
            "production_order_entry",
            "cms_item_revision");

    /**
     * What the CMS publishes, read by audience (CmsIsolationTest checks which rows): every portal role
     * and the visitor may read these, and write none of them.
     */
    private static final List<String> AUDIENCE_TABLES = List.of(
            "cms_category",
            "cms_folder",
            "cms_item",
            "cms_item_text",
            "cms_attachment",
            "stored_file",
            "stored_file_chunk");

    /** Audience tables a portal actor may also write its own account's uploads into (V58). */
    private static final List<String> PORTAL_UPLOAD_TABLES = List.of("stored_file", "stored_file_chunk");

    /** The portal actors' own tables: the visitor, who has no user and no party, reaches none. */
    private static final List<String> PORTAL_TABLES =
            List.of("tenant", "app_user", "user_role", "role_permission", "account", "contact");

    private TestTenant tenant;
    private UUID ownAccount;
    private UUID otherAccount;

    @BeforeEach
    void aTenantWithTwoAccountsAndAContactEach() throws SQLException {
        tenant = newTenant();
        ownAccount = UUID.randomUUID();
        otherAccount = UUID.randomUUID();
        inTransaction(tenant.asEmployee(), db -> {
            update(
                    db,
                    "INSERT INTO account (id, code, kind, roles, legal_name) VALUES"
                            + " (?, 'P-1', 'ORGANIZATION', '{CLIENT,SUPPLIER,PROFESSIONAL}', 'Own account'),"
                            + " (?, 'P-2', 'ORGANIZATION', '{CLIENT,SUPPLIER,PROFESSIONAL}', 'Other account')",
                    ownAccount,
                    otherAccount);
            for (UUID account : List.of(ownAccount, otherAccount)) {
                update(
                        db,
                        "INSERT INTO contact (id, account_id, name) VALUES (gen_random_uuid(), ?, 'Contact')",
                        account);
            }
            return null;
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = ActorType.class,
            names = {"CLIENT", "SUPPLIER", "PROFESSIONAL"})
    void a_portal_actor_sees_its_own_rows_only_as_its_own_role(ActorType actorType) throws SQLException {
        TestUser me = newUserData(actorType, ownAccount);
        inTransaction(tenant.asSystem(), db -> insertUser(db, me));
        DatabaseContext context = new DatabaseContext(tenant.id(), me.id(), actorType, ownAccount);
        Map<ActorType, String> roles = Map.of(
                ActorType.CLIENT, TestContexts.ROLES.client(),
                ActorType.SUPPLIER, TestContexts.ROLES.supplier(),
                ActorType.PROFESSIONAL, TestContexts.ROLES.professional());

        inTransaction(context, db -> {
            assertThat(currentRole(db)).isEqualTo(roles.get(actorType));
            assertThat(ids(db, "SELECT id FROM tenant")).containsExactly(tenant.id());
            assertThat(ids(db, "SELECT id FROM app_user")).containsExactly(me.id());
            assertThat(ids(db, "SELECT id FROM account")).containsExactly(ownAccount);
            assertThat(ids(db, "SELECT DISTINCT account_id FROM contact")).containsExactly(ownAccount);
            assertThat(ids(db, "SELECT id FROM account WHERE id = ?", otherAccount))
                    .isEmpty();
            for (String table : INTERNAL_TABLES) {
                assertRefusedByGrant(db, table, "SELECT count(*) FROM " + table);
            }
            for (String table : AUDIENCE_TABLES) {
                assertThat(IsolationSupport.count(db, "SELECT count(*) FROM " + table))
                        .as(table)
                        .isZero();
                if (PORTAL_UPLOAD_TABLES.contains(table)) {
                    // Portal uploads (V58): an actor may delete its own account's files, and no other.
                    assertThat(IsolationSupport.update(db, "DELETE FROM " + table))
                            .as(table)
                            .isZero();
                } else {
                    assertRefusedByGrant(db, table, "DELETE FROM " + table);
                }
            }
            // The company profile: the portal frame's name and logo columns only (V59), never the rest.
            assertRefusedByGrant(db, "tenant_company", "SELECT tax_id, iban FROM tenant_company");
            assertRefusedByGrant(db, "tenant_company", "UPDATE tenant_company SET trade_name = 'x'");
            assertRefusedByGrant(db, "account", "UPDATE account SET notes = 'x' WHERE id = ?", ownAccount);
            assertRefusedByGrant(db, "contact", "DELETE FROM contact WHERE account_id = ?", ownAccount);
            return null;
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = ActorType.class,
            names = {"VISITOR"})
    void the_visitor_role_reaches_what_is_published_and_nothing_of_the_portals_or_the_staff(ActorType visitor)
            throws SQLException {
        DatabaseContext context = new DatabaseContext(tenant.id(), null, visitor, null);
        inTransaction(context, db -> {
            assertThat(currentRole(db)).isEqualTo(TestContexts.ROLES.visitor());
            for (String table : AUDIENCE_TABLES) {
                assertThat(IsolationSupport.count(db, "SELECT count(*) FROM " + table))
                        .as(table)
                        .isZero();
                assertRefusedByGrant(db, table, "DELETE FROM " + table);
            }
            for (String table : PORTAL_TABLES) {
                assertRefusedByGrant(db, table, "SELECT count(*) FROM " + table);
            }
            for (String table : INTERNAL_TABLES) {
                assertRefusedByGrant(db, table, "SELECT count(*) FROM " + table);
            }
            return null;
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = ActorType.class,
            names = {"OPERATOR"})
    void the_operator_role_reaches_the_tenant_registry_and_no_account(ActorType operator) throws SQLException {
        DatabaseContext context = new DatabaseContext(null, UUID.randomUUID(), operator, null);
        inTransaction(context, db -> {
            assertThat(currentRole(db)).isEqualTo(TestContexts.ROLES.operator());
            assertThat(ids(db, "SELECT id FROM tenant")).contains(tenant.id());
            for (String table :
                    List.of("account", "contact", "app_user", "change_history", "article", "cms_item", "stored_file")) {
                assertRefusedByGrant(db, table, "SELECT count(*) FROM " + table);
            }
            return null;
        });
    }
}
