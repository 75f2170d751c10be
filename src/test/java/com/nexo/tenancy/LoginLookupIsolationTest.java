package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.connect;
import static com.nexo.tenancy.IsolationSupport.count;
import static com.nexo.tenancy.IsolationSupport.ids;
import static com.nexo.tenancy.IsolationSupport.inTransaction;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static com.nexo.tenancy.IsolationSupport.texts;
import static com.nexo.tenancy.IsolationSupport.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.tenancy.IsolationSupport.TestTenant;
import com.nexo.tenancy.IsolationSupport.TestUser;
import com.nexo.testing.NexoSpringTest;
import com.nexo.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** nexo_login_lookup is the one cross-tenant path of the application role, and it stays narrow. */
@NexoSpringTest
class LoginLookupIsolationTest {

    private static final String USER_FOUND = "SELECT user_id FROM nexo_login_lookup(?)";
    private static final String TENANT_FOUND = "SELECT tenant_id FROM nexo_login_lookup(?)";

    private TestTenant a;
    private TestTenant b;

    @BeforeEach
    void createTwoTenants() throws SQLException {
        a = newTenant();
        b = newTenant();
    }

    @Test
    void login_lookup_finds_exactly_one_user_in_its_own_tenant_without_any_context() throws SQLException {
        try (Connection db = connect()) {
            for (TestTenant tenant : new TestTenant[] {a, b}) {
                for (TestUser user : new TestUser[] {tenant.employee(), tenant.client()}) {
                    assertThat(count(db, "SELECT count(*) FROM nexo_login_lookup(?)", user.email()))
                            .isOne();
                    assertThat(ids(db, USER_FOUND, user.email())).containsExactly(user.id());
                    assertThat(ids(db, TENANT_FOUND, user.email())).containsExactly(tenant.id());
                }
            }
            // Login is case-insensitive, like the e-mail's uniqueness.
            assertThat(ids(db, USER_FOUND, b.employee().email().toUpperCase(Locale.ROOT)))
                    .containsExactly(b.employee().id());
            // The look-up opened nothing else up.
            IsolationSupport.assertRefusedByGrant(db, "app_user", "SELECT count(*) FROM app_user");
        }
    }

    @Test
    void login_lookup_returns_nothing_for_unknown_or_pattern_like_emails() throws SQLException {
        try (Connection db = connect()) {
            for (String email :
                    new String[] {"nobody-" + a.id() + "@isolation.test", "%", "%@isolation.test", "", "_"}) {
                assertThat(count(db, "SELECT count(*) FROM nexo_login_lookup(?)", email))
                        .as(email)
                        .isZero();
            }
            assertThat(count(db, "SELECT count(*) FROM nexo_login_lookup(NULL)"))
                    .isZero();
        }
    }

    @Test
    void only_the_reviewed_login_functions_are_security_definer_functions_the_application_role_may_execute()
            throws SQLException {
        try (Connection db = connect()) {
            assertThat(texts(db, """
                    SELECT p.oid::regprocedure::text
                      FROM pg_proc p
                      JOIN pg_namespace n ON n.oid = p.pronamespace
                     WHERE p.prosecdef
                       AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                       AND has_function_privilege(?, p.oid, 'EXECUTE')
                    """, TestDatabase.APP_ROLE))
                    // The login path runs before any tenant context exists; each of these was reviewed
                    // to touch only what logging in needs. A new one must be added here on purpose.
                    .containsExactlyInAnyOrder(
                            "nexo_login_lookup(text)",
                            "nexo_login_wait_seconds(text,text)",
                            "nexo_login_failed(text,text)",
                            "nexo_login_succeeded(text,uuid)",
                            // V10 (V28: no argument): forgets quiet accounts and addresses; never an active lock-out.
                            "nexo_login_throttle_purge()",
                            "nexo_record_login_event(text,text,text,text,text)",
                            // V4: an operator's login, tried when no tenant user has the e-mail.
                            "nexo_operator_login_lookup(text)",
                            // The searches of accounts and articles are definer functions too, but only
                            // the staff role may call them (RowLevelSecurityCatalogTest).
                            // V4: the installation's first operator, and only while there is none.
                            "nexo_create_first_operator(uuid,text,text,text)",
                            // V5: single sign-on's tenant for a domain that creates users on first
                            // sign-on; the tenant's id only (see the test below).
                            "nexo_sso_auto_create_tenant(text)",
                            // R__tenancy_visitor: a public page's tenant by its code (id, name, locale of
                            // an active tenant only), before the visitor's context exists.
                            "nexo_public_tenant(text)",
                            // R__cms_schedule: the tenants with CMS items due to publish or expire (ids only).
                            "nexo_cms_due_tenants()",
                            // R__imports_jobs: the imports whose node stopped or stalled while they ran,
                            // taken over by the calling node (ids of import, tenant and user only), to
                            // resume them in their context.
                            "nexo_imports_claim_interrupted(uuid,integer)",
                            // R__crm_web_forms: a web-to-lead post's tenant and form by the form's
                            // token (ids of an enabled form of an active tenant only).
                            "nexo_crm_web_form_tenant(text)",
                            // R__crm_reminders: the activities whose reminder is due, across tenants
                            // (ids of tenant and activity only), sent then in each tenant's context.
                            "nexo_crm_due_reminders(integer)");
            // A SECURITY DEFINER function must not resolve names through a caller-controlled search_path.
            assertThat(texts(db, """
                    SELECT p.oid::regprocedure::text
                      FROM pg_proc p
                      JOIN pg_namespace n ON n.oid = p.pronamespace
                     WHERE p.prosecdef
                       AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                       AND NOT EXISTS (SELECT FROM unnest(p.proconfig) AS setting WHERE setting LIKE 'search\\_path=%')
                    """)).isEmpty();
        }
    }

    @Test
    void the_sign_on_look_up_names_only_an_active_tenant_that_creates_users_for_exactly_that_domain()
            throws SQLException {
        String domain = "sso-" + a.id().toString().substring(0, 8) + ".test";
        String lookUp = "SELECT t FROM nexo_sso_auto_create_tenant(?) AS t WHERE t IS NOT NULL";
        try (Connection db = connect()) {
            setSignOn(a, false, domain);
            assertThat(ids(db, lookUp, domain)).as("creation off").isEmpty();

            setSignOn(a, true, domain);
            assertThat(ids(db, lookUp, domain)).containsExactly(a.id());
            assertThat(ids(db, lookUp, domain.toUpperCase(Locale.ROOT))).containsExactly(a.id());
            for (String other : new String[] {"%", "%.test", "x." + domain, "", "_"}) {
                assertThat(ids(db, lookUp, other)).as(other).isEmpty();
            }
            assertThat(count(db, "SELECT count(*) FROM nexo_sso_auto_create_tenant(NULL) AS t WHERE t IS NOT NULL"))
                    .isZero();

            inTransaction(
                    DatabaseContext.system(a.id(), null),
                    connection -> update(connection, "UPDATE tenant SET status = 'SUSPENDED' WHERE id = ?", a.id()));
            assertThat(ids(db, lookUp, domain)).as("suspended").isEmpty();
            // The look-up opened nothing else up.
            IsolationSupport.assertRefusedByGrant(db, "tenant", "SELECT count(*) FROM tenant");
        }
    }

    @Test
    void a_domain_belongs_to_one_tenant_and_creation_needs_one() throws SQLException {
        String domain = "sso-" + b.id().toString().substring(0, 8) + ".test";
        setSignOn(a, false, domain);
        assertViolates(() -> setSignOn(b, true, domain), "23505", "tenant_sso_domain_uk");
        assertViolates(() -> setSignOn(b, true, null), "23514", "tenant_sso_auto_create_needs_domain");
        assertViolates(() -> setSignOn(b, false, "Not A Domain"), "23514", "tenant_sso_domain_format");
    }

    private static void assertViolates(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable statement, String sqlState, String constraint) {
        assertThatThrownBy(statement).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).as("SQLSTATE of: %s", e.getMessage()).isEqualTo(sqlState);
            assertThat(e.getMessage()).contains(constraint);
        });
    }

    private static void setSignOn(TestTenant tenant, boolean autoCreate, String domain) throws SQLException {
        inTransaction(
                DatabaseContext.system(tenant.id(), null),
                connection -> update(
                        connection,
                        "UPDATE tenant SET sso_auto_create = ?, sso_allowed_domain = ? WHERE id = ?",
                        autoCreate,
                        domain,
                        tenant.id()));
    }
}
