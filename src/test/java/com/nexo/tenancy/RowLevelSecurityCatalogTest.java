package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.connect;
import static com.nexo.tenancy.IsolationSupport.count;
import static com.nexo.tenancy.IsolationSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.testing.NexoSpringTest;
import com.nexo.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Reads the catalog of the migrated database (as the application role, which may read pg_catalog)
 * and fails as soon as a table, policy, grant or role breaks the tenancy rules of the architecture:
 * the login role holds nothing, each actor role reaches only what it is declared to, and every policy
 * is written TO actor roles with no per-row test of the actor type.
 */
@NexoSpringTest
class RowLevelSecurityCatalogTest {

    private static final String APP = TestDatabase.APP_ROLE;
    private static final ActorRoles ROLES = TestContexts.ROLES;
    private static final List<String> PORTAL = List.of(ROLES.client(), ROLES.supplier(), ROLES.professional());

    /**
     * Tables without tenant_id that an actor role may nevertheless reach (reference data shared by all
     * tenants). Adding one here is a reviewed decision, never a convenience.
     */
    private static final Set<String> GLOBAL_TABLES = Set.of();

    /**
     * Platform tables: not tenant data and not shared reference data either. Only the operator's role
     * reaches them, and row-level security (enabled and forced) lets an operator see its own row only,
     * which {@code platform_tables_...} below checks. Adding one is a reviewed decision.
     */
    private static final Set<String> PLATFORM_TABLES = Set.of("platform_operator");

    /**
     * Where {@code COPY} writes (PostgreSQL refuses COPY FROM into a table under row-level security):
     * staff may only insert, and not the tenant column (its default is the transaction's tenant); a
     * definer function moves the tenant's rows into a table under row-level security in the same
     * transaction, so nothing stays. Left out of the tenant tables above and checked by
     * {@code copy_inboxes_...} below. Adding one is a reviewed decision.
     */
    private static final Set<String> COPY_INBOXES = Set.of("import_inbox");

    /**
     * Everything a portal actor (client, supplier, professional) may touch today, table by table:
     * its tenant's row, its own user row (some columns writable), its role assignments and the
     * permissions of its tenant's roles, its own account and that account's contacts. Nothing
     * internal. A module that opens a table to the portals adds it here, with its policy.
     */
    private static final Map<String, Set<String>> PORTAL_PRIVILEGES = Map.ofEntries(
            Map.entry("tenant", Set.of("SELECT")),
            Map.entry("app_user", Set.of("SELECT", "UPDATE (some columns)")),
            Map.entry("user_role", Set.of("SELECT")),
            Map.entry("role_permission", Set.of("SELECT")),
            Map.entry("account", Set.of("SELECT")),
            Map.entry("contact", Set.of("SELECT")),
            // Portal uploads (V58): an actor stores, reads and deletes its own account's files.
            Map.entry("stored_file", Set.of("INSERT", "DELETE", "UPDATE (some columns)")),
            Map.entry("stored_file_chunk", Set.of("INSERT", "DELETE"))
            // --- portal A begin ---
            // The portal frame's brand (V59): the name and logo columns of its own tenant's profile.
            ,
            Map.entry("tenant_company", Set.of("SELECT (some columns)"))
            // --- portal A end ---
            // --- portal B begin ---
            // Client portal (V60): a client reads its account's numbered sales documents, their lines,
            // links and payments, and records its answer to a quote (ClientPortalIsolationTest).
            ,
            Map.entry("sales_document", Set.of("SELECT")),
            Map.entry("sales_document_line", Set.of("SELECT")),
            Map.entry("sales_document_link", Set.of("SELECT")),
            Map.entry("sales_payment", Set.of("SELECT")),
            Map.entry("sales_quote_answer", Set.of("SELECT", "INSERT"))
            // --- portal B end ---
            // --- portal C begin ---
            // Supplier portal (V61): its own sent orders and RFQs with their lines, its answers, its
            // responses to orders and the files tied to them (policies TO the supplier role only).
            ,
            Map.entry("purchase_document", Set.of("SELECT")),
            Map.entry("purchase_document_line", Set.of("SELECT")),
            Map.entry("purchase_rfq_supplier", Set.of("SELECT", "UPDATE (some columns)")),
            Map.entry("purchase_rfq_answer", Set.of("SELECT", "INSERT", "DELETE")),
            Map.entry("purchase_order_response", Set.of("SELECT", "INSERT", "UPDATE (some columns)")),
            Map.entry("purchase_order_response_line", Set.of("SELECT", "INSERT", "DELETE")),
            Map.entry("purchase_order_file", Set.of("SELECT", "INSERT", "DELETE"))
            // --- portal C end ---
            // --- portal D begin ---
            // The professional portal (V62): its own worker, tasks, their orders and centres, its time
            // and the files it tied to its tasks.
            ,
            Map.entry("production_worker", Set.of("SELECT")),
            Map.entry("production_order_task", Set.of("SELECT", "UPDATE (some columns)")),
            Map.entry("production_order", Set.of("SELECT")),
            Map.entry("production_work_centre", Set.of("SELECT")),
            Map.entry("production_time_entry", Set.of("SELECT", "INSERT", "DELETE", "UPDATE (some columns)")),
            Map.entry("production_task_file", Set.of("SELECT", "INSERT", "DELETE"))
            // --- portal D end ---
            // --- portal E begin ---
            // Requests (V63): a client opens requests, writes messages with files, marks answers read, closes.
            ,
            Map.entry("support_request", Set.of("SELECT", "INSERT", "UPDATE (some columns)")),
            Map.entry("support_message", Set.of("SELECT", "INSERT")),
            Map.entry("support_attachment", Set.of("SELECT", "INSERT"))
            // Its account's documents ("My files"): lists, uploads and deletes its own uploads.
            ,
            Map.entry("support_document", Set.of("SELECT", "INSERT", "DELETE"))
            // --- portal E end ---
            );

    /**
     * The policies of portal uploads (V58) on the audience-scoped file tables: not an audience's
     * reading but an account's own files (and what staff handed it), so bound to the party instead
     * (checked below).
     */
    private static final Set<String> PORTAL_UPLOAD_POLICIES = Set.of(
            "stored_file_portal_read",
            "stored_file_portal_insert",
            "stored_file_portal_update",
            "stored_file_portal_delete",
            "stored_file_chunk_portal_read",
            "stored_file_chunk_portal_insert",
            "stored_file_chunk_portal_delete");

    private static Map<String, Set<String>> audienceScoped() {
        Map<String, Set<String>> reach = new java.util.TreeMap<>();
        AUDIENCE_SCOPED_TABLES.forEach(table -> reach.put(table, Set.of("SELECT")));
        return reach;
    }

    /**
     * Tables a portal actor and the visitor read by audience rather than by party: what the CMS
     * publishes (items, their texts and attachments, the stored files of those, the library's folders
     * and the knowledge base's categories). SELECT only, and every policy of theirs on these tables is
     * checked below against {@link #AUDIENCE_POLICY_TERMS}. A module that publishes to an audience adds
     * its table here, with its policy.
     */
    private static final Set<String> AUDIENCE_SCOPED_TABLES = Set.of(
            "cms_category",
            "cms_folder",
            "cms_item",
            "cms_item_text",
            "cms_attachment",
            "stored_file",
            "stored_file_chunk");

    /**
     * What each policy TO a portal or visitor role on an audience-scoped table must contain ({@code %s}
     * is the audience column of the role): cms_item its own audience, published and unexpired; folders
     * its own audience; texts, attachments, files and chunks only those of what it may read.
     */
    private static final Map<String, List<String>> AUDIENCE_POLICY_TERMS = Map.of(
            "cms_item", List.of("%s", "'PUBLISHED'", "expire_at", "now()"),
            "cms_folder", List.of("%s"),
            "cms_item_text", List.of("FROM cms_item"),
            "cms_attachment", List.of("FROM cms_item"),
            "stored_file", List.of("FROM cms_item_text", "FROM cms_attachment"),
            "stored_file_chunk", List.of("FROM stored_file"),
            // The knowledge base's section names, of the tenant (bound to it by the check above).
            "cms_category", List.of());

    /** The visitor (anonymous public pages) reaches the audience-scoped tables and nothing else. */
    private static final Map<String, Set<String>> VISITOR_PRIVILEGES = audienceScoped();

    /** The operator's whole reach: the tenant registry and its own row. */
    private static final Map<String, Set<String>> OPERATOR_PRIVILEGES = Map.of(
            "tenant", Set.of("SELECT", "UPDATE"),
            "platform_operator", Set.of("SELECT", "UPDATE (some columns)"));

    /** SECURITY DEFINER functions the login role may call before any context exists. */
    private static final Set<String> LOGIN_PATH_FUNCTIONS = Set.of(
            "nexo_login_lookup(text)",
            "nexo_operator_login_lookup(text)",
            "nexo_record_login_event(text,text,text,text,text)",
            "nexo_login_wait_seconds(text,text)",
            "nexo_login_failed(text,text)",
            "nexo_login_succeeded(text,uuid)",
            "nexo_login_throttle_purge()",
            "nexo_create_first_operator(uuid,text,text,text)",
            "nexo_sso_auto_create_tenant(text)");

    /**
     * SECURITY DEFINER functions the application role calls outside any context, besides the login
     * path: the public pages' tenant look-up and the CMS schedule's due tenants (tenant ids only).
     */
    private static final Set<String> APPLICATION_FUNCTIONS = Set.of(
            "nexo_public_tenant(text)",
            "nexo_cms_due_tenants()",
            "nexo_imports_claim_interrupted(uuid,integer)",
            // R__crm_web_forms: a web-to-lead post's tenant and form by the form's token (ids only).
            "nexo_crm_web_form_tenant(text)",
            // R__crm_reminders: the activities whose reminder is due (tenant and activity ids only).
            "nexo_crm_due_reminders(integer)");

    /**
     * The CMS search (R__cms_search): matches under the GIN index as the owner, bound to the context's
     * tenant and to what the context's actor may read, and returns ids, languages and ranks only
     * (titles and excerpts are read through row-level security). Staff and the portal actors call it;
     * the visitor does not.
     */
    private static final String CMS_SEARCH = "nexo_cms_search(text,text,text,boolean,uuid[],integer)";

    /**
     * SECURITY DEFINER functions staff may call: the searches and the login-name check (a yes or no;
     * the login look-ups, which return password hashes, are the login role's only).
     */
    private static final Set<String> STAFF_FUNCTIONS = Set.of(
            "nexo_account_search(text[],boolean,integer,real)",
            "nexo_account_duplicates(uuid,text,text[],text,text,real)",
            "nexo_article_search(text,boolean,integer,real)",
            "nexo_login_name_taken(text)",
            "nexo_sales_document_search(text[],text)",
            "nexo_purchase_document_search(text,text)",
            "nexo_purchase_document_names_exceed(text,text,integer)",
            "nexo_purchase_document_search_first(text,text,integer)",
            "nexo_imports_take_inbox(uuid)",
            // R__base_notifications: whether a user of the caller's tenant wants notifications by e-mail.
            "nexo_notification_by_email(uuid)",
            // R__base_statistics: ANALYZE of a table a long import grows (only when it grew by half).
            "nexo_refresh_statistics(regclass)",
            CMS_SEARCH);

    /**
     * SECURITY DEFINER functions every portal actor may call: recording its own password change, and
     * the CMS search of its audience.
     */
    private static final Set<String> PORTAL_FUNCTIONS =
            Set.of("nexo_record_login_event(text,text,text,text,text)", CMS_SEARCH);

    /** Besides {@link #PORTAL_FUNCTIONS}, the definer functions of one portal role, by role. */
    private static final Map<String, Set<String>> PORTAL_ROLE_FUNCTIONS = Map.of(
            ROLES.client(),
                    Set.of(
                            // --- portal B begin ---
                            // What a client owes, summed over its own invoices (R__sales_portal.sql).
                            "nexo_sales_client_open_amounts(date)"
                            // --- portal B end ---
                            ),
            ROLES.supplier(),
                    Set.of(
                            // --- portal C begin ---
                            "nexo_purchase_order_buyer(uuid)",
                            // --- portal C end ---
                            // --- p19b begin ---
                            // Who made an RFQ the supplier declines (R__purchasing_supplier_portal.sql).
                            "nexo_purchase_rfq_buyer(uuid)"
                            // --- p19b end ---
                            ),
            ROLES.professional(),
                    Set.of(
                            // --- portal D begin ---
                            "nexo_production_portal_refresh(uuid)"
                            // --- portal D end ---
                            ));

    /**
     * Tables maintained from other tables by triggers (derived data): no application role may insert,
     * update or delete them, except the columns listed here, which the application itself maintains.
     * stock_balance: a reservation creates the row by its keys and moves the reserved quantity; on
     * hand, minimum, maximum and the article's code and state are the triggers' alone. A new table
     * filled by a trigger joins this list.
     */
    private static final Map<String, Set<String>> DERIVED_TABLES = Map.of(
            // Incoming (V47) is written as reserved is: by the application, through articles' IncomingStock.
            "stock_balance",
                    Set.of(
                            "INSERT (article_id)",
                            "INSERT (warehouse_id)",
                            "INSERT (incoming)",
                            "UPDATE (reserved)",
                            "UPDATE (incoming)",
                            "UPDATE (updated_at)"),
            "account_search_word", Set.of(),
            "search_word", Set.of(),
            "change_history", Set.of());

    /**
     * Functions of NEXO's schema that may run without a fixed search path although their body is not
     * bound at creation. Empty, and adding one is a reviewed decision: a function either has
     * {@code SET search_path = ..., pg_temp} (pg_temp last) or an SQL-standard body ({@code RETURN ...}
     * / {@code BEGIN ATOMIC}), whose names PostgreSQL resolves once, when it is created.
     */
    private static final Set<String> FUNCTIONS_WITHOUT_FIXED_SEARCH_PATH = Set.of();

    /** Tables of schema public that row-level security must scope: every tenant_id table, and tenant. */
    private static final String SCOPED_TABLES = """
            WITH scoped AS (
                SELECT c.oid, c.relname, c.relrowsecurity, c.relforcerowsecurity
                  FROM pg_class c
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public'
                   AND c.relkind IN ('r', 'p')
                   AND c.relname <> ALL (ARRAY['import_inbox'])
                   AND (c.relname = 'tenant'
                        OR EXISTS (SELECT FROM pg_attribute a
                                    WHERE a.attrelid = c.oid AND a.attname = 'tenant_id'
                                      AND a.attnum > 0 AND NOT a.attisdropped)))
            """;

    /**
     * The privileges a role holds on each relation of schema public, by itself or through PUBLIC (an
     * UPDATE of some columns only is reported as such). For a NOINHERIT role this leaves out the
     * privileges of the roles it is a member of, as PostgreSQL does until it switches to them.
     */
    private static final String PRIVILEGES = """
            SELECT c.relname || ':' || p.privilege
              FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
             CROSS JOIN (VALUES ('SELECT'), ('INSERT'), ('UPDATE'), ('DELETE'), ('TRUNCATE'), ('REFERENCES'),
                                ('TRIGGER')) AS p (privilege)
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
               AND has_table_privilege(?, c.oid, p.privilege)
            UNION ALL
            SELECT c.relname || ':' || p.privilege || ' (some columns)'
              FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
             CROSS JOIN (VALUES ('SELECT'), ('INSERT'), ('UPDATE'), ('REFERENCES')) AS p (privilege)
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
               AND NOT has_table_privilege(?, c.oid, p.privilege)
               AND has_any_column_privilege(?, c.oid, p.privilege)
            """;

    @Test
    void tenant_scoped_tables_are_found_at_all() throws SQLException {
        try (Connection db = connect()) {
            assertThat(texts(db, SCOPED_TABLES + "SELECT relname FROM scoped"))
                    .contains(
                            "tenant",
                            "app_user",
                            "change_history",
                            "account",
                            "contact",
                            "account_code_counter",
                            "saved_filter",
                            "account_search_word",
                            "search_word");
        }
    }

    @Test
    void copy_inboxes_only_take_rows_and_never_their_tenant() throws SQLException {
        try (Connection db = connect()) {
            for (String table : COPY_INBOXES) {
                assertThat(texts(
                                db,
                                "SELECT has_table_privilege(?, ('public.' || ?)::regclass,"
                                        + " 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES')",
                                ROLES.staff(),
                                table))
                        .as("staff holds no privilege on the whole of " + table)
                        .containsExactly("f");
                assertThat(texts(
                                db,
                                "SELECT has_column_privilege(?, ('public.' || ?)::regclass, 'tenant_id', 'INSERT')"
                                        + " || ',' || has_column_privilege(?, ('public.' || ?)::regclass, 'import_id',"
                                        + " 'INSERT') || ',' || has_any_column_privilege(?, ('public.' || ?)::regclass,"
                                        + " 'SELECT, UPDATE')",
                                ROLES.staff(),
                                table,
                                ROLES.staff(),
                                table,
                                ROLES.staff(),
                                table))
                        .as("staff inserts rows but not their tenant, and reads or changes none")
                        .containsExactly("false,true,false");
                for (String role : union(Set.of(APP, ROLES.operator(), ROLES.visitor()), Set.copyOf(PORTAL))) {
                    assertThat(texts(
                                    db,
                                    "SELECT has_any_column_privilege(?, ('public.' || ?)::regclass,"
                                            + " 'SELECT, INSERT, UPDATE')",
                                    role,
                                    table))
                            .as(role + " on " + table)
                            .containsExactly("f");
                }
            }
        }
    }

    @Test
    void every_tenant_table_enables_and_forces_row_level_security() throws SQLException {
        try (Connection db = connect()) {
            List<String> offenders = texts(db, SCOPED_TABLES + """
                    SELECT relname || CASE WHEN NOT relrowsecurity THEN ' (not enabled)' ELSE '' END
                                   || CASE WHEN NOT relforcerowsecurity THEN ' (not forced)' ELSE '' END
                      FROM scoped
                     WHERE NOT (relrowsecurity AND relforcerowsecurity)
                    """);
            assertThat(offenders).isEmpty();
        }
    }

    @Test
    void every_tenant_table_has_a_staff_policy_for_all_commands_with_using_and_with_check() throws SQLException {
        try (Connection db = connect()) {
            List<String> offenders = texts(db, SCOPED_TABLES + """
                    SELECT s.relname
                      FROM scoped s
                     WHERE NOT EXISTS (SELECT FROM pg_policies p
                                        WHERE p.schemaname = 'public' AND p.tablename = s.relname
                                          AND p.cmd = 'ALL' AND ?::name = ANY (p.roles)
                                          AND p.qual IS NOT NULL AND p.with_check IS NOT NULL)
                    """, ROLES.staff());
            assertThat(offenders).isEmpty();
        }
    }

    @Test
    void every_insert_update_or_all_policy_has_with_check() throws SQLException {
        try (Connection db = connect()) {
            List<String> offenders = texts(db, """
                    SELECT tablename || '.' || policyname || ' (' || cmd || ')'
                      FROM pg_policies
                     WHERE schemaname = 'public' AND cmd IN ('INSERT', 'UPDATE', 'ALL') AND with_check IS NULL
                    """);
            assertThat(offenders).isEmpty();
        }
    }

    /**
     * A policy without roles applies to PUBLIC: to every role, the login role included. Each policy
     * names the actor roles it is for, and only those.
     */
    @Test
    void every_policy_is_written_to_actor_roles_only() throws SQLException {
        try (Connection db = connect()) {
            List<String> offenders =
                    texts(db, """
                    SELECT p.tablename || '.' || p.policyname || ' TO ' || array_to_string(p.roles, ', ')
                      FROM pg_policies p
                     WHERE p.schemaname = 'public'
                       AND NOT p.roles <@ ?::name[]
                    """, db.createArrayOf("text", ROLES.all().toArray()));
            assertThat(offenders)
                    .as("policies TO public, the login role or roles that are no actor's")
                    .isEmpty();
        }
    }

    /**
     * The actor is the role, not a clause: a test of nexo_actor_type() in a policy is evaluated per row
     * and estimated by the planner at about 0.5 %, which misled every plan under row-level security.
     */
    @Test
    void no_policy_tests_the_actor_type() throws SQLException {
        try (Connection db = connect()) {
            List<String> offenders = texts(db, """
                    SELECT p.tablename || '.' || p.policyname || ': ' || e.expression
                      FROM pg_policies p
                     CROSS JOIN LATERAL (VALUES (p.qual), (p.with_check)) AS e (expression)
                     WHERE p.schemaname = 'public' AND e.expression ~ 'nexo_actor_type\\(|nexo\\.actor_type'
                    """);
            assertThat(offenders).isEmpty();
        }
    }

    /** Catches policies such as USING (true) or "... OR bypass", which the architecture forbids. */
    @Test
    void every_policy_of_a_tenant_table_is_bound_to_the_context_tenant_without_or_branches() throws SQLException {
        try (Connection db = connect()) {
            List<String> offenders = texts(db, SCOPED_TABLES + """
                    SELECT p.tablename || '.' || p.policyname || ': ' || e.expression
                      FROM scoped s
                      JOIN pg_policies p ON p.schemaname = 'public' AND p.tablename = s.relname
                     CROSS JOIN LATERAL (VALUES (p.qual), (p.with_check)) AS e (expression)
                     WHERE e.expression IS NOT NULL
                       AND (e.expression NOT LIKE '%nexo_tenant_id()%' OR e.expression ~* '\\mOR\\M')
                       -- The platform operator manages the tenant registry itself; its context has no
                       -- tenant, and its role is granted no other table of a tenant.
                       AND NOT (p.tablename = 'tenant' AND p.roles = ARRAY[?]::name[])
                    """, ROLES.operator());
            assertThat(offenders).isEmpty();
        }
    }

    /**
     * Policies for portal actors also pin the party or the user: a portal actor never sees its whole
     * tenant. The audience-scoped tables are the exception, checked by the next test.
     */
    @Test
    void every_portal_policy_outside_the_tenant_and_permission_codes_is_bound_to_the_party_or_the_user()
            throws SQLException {
        try (Connection db = connect()) {
            List<String> offenders = texts(
                    db,
                    """
                    SELECT p.tablename || '.' || p.policyname || ': ' || e.expression
                      FROM pg_policies p
                     CROSS JOIN LATERAL (VALUES (p.qual), (p.with_check)) AS e (expression)
                     WHERE p.schemaname = 'public' AND p.roles && ?::name[]
                       AND e.expression IS NOT NULL
                       AND p.tablename NOT IN ('tenant', 'role_permission')
                       AND p.tablename <> ALL (?::name[])
                       AND e.expression NOT LIKE '%nexo_party_id()%' AND e.expression NOT LIKE '%nexo_user_id()%'
                    """,
                    db.createArrayOf("text", PORTAL.toArray()),
                    db.createArrayOf("text", AUDIENCE_SCOPED_TABLES.toArray()));
            assertThat(offenders).isEmpty();
        }
    }

    /** The portal upload policies on the file tables reach an account's own files, never an audience's. */
    @Test
    void portal_upload_policies_are_bound_to_the_party() throws SQLException {
        try (Connection db = connect()) {
            assertThat(texts(
                            db,
                            "SELECT p.policyname FROM pg_policies p WHERE p.schemaname = 'public'"
                                    + " AND p.policyname = ANY (?::name[])",
                            db.createArrayOf("text", PORTAL_UPLOAD_POLICIES.toArray())))
                    .hasSize(PORTAL_UPLOAD_POLICIES.size());
            List<String> expressions = texts(db, """
                    SELECT p.policyname || ': ' || e.expression
                      FROM pg_policies p
                     CROSS JOIN LATERAL (VALUES (p.qual), (p.with_check)) AS e (expression)
                     WHERE p.schemaname = 'public' AND p.policyname = ANY (?::name[])
                       AND e.expression IS NOT NULL
                    """, db.createArrayOf("text", PORTAL_UPLOAD_POLICIES.toArray()));
            assertThat(expressions)
                    .isNotEmpty()
                    .allSatisfy(expression ->
                            assertThat(expression).contains("nexo_party_id()").doesNotContain("for_"));
            // Only what the actor uploaded itself may it write or delete; reading covers what staff handed it.
            assertThat(expressions)
                    .filteredOn(expression -> !expression.contains("_read:"))
                    .allSatisfy(expression -> assertThat(expression).contains("nexo_user_id()"));
        }
    }

    /**
     * On the audience-scoped tables, a policy TO a portal role or the visitor is for SELECT, reads no
     * other role's audience column and contains its table's audience terms; the
     * visitor has policies on these tables and on no other.
     */
    @Test
    void every_audience_policy_is_select_only_for_one_role_and_reads_that_roles_audience() throws SQLException {
        Map<String, String> columns = Map.of(
                ROLES.client(), "for_clients",
                ROLES.supplier(), "for_suppliers",
                ROLES.professional(), "for_professionals",
                ROLES.visitor(), "for_public");
        List<String> readers = List.of(ROLES.client(), ROLES.supplier(), ROLES.professional(), ROLES.visitor());
        try (Connection db = connect()) {
            List<String> offenders = new java.util.ArrayList<>();
            for (String table : AUDIENCE_SCOPED_TABLES) {
                for (String reader : readers) {
                    List<String> policies =
                            texts(db, """
                            SELECT p.cmd || ' ' || array_to_string(p.roles, ',') || ' ' || coalesce(p.qual, '(none)')
                                   || ' ' || coalesce(p.with_check, '(none)')
                              FROM pg_policies p
                             WHERE p.schemaname = 'public' AND p.tablename = ? AND ?::name = ANY (p.roles)
                               AND p.policyname <> ALL (?::name[])
                            """, table, reader, db.createArrayOf("text", PORTAL_UPLOAD_POLICIES.toArray()));
                    if (policies.isEmpty()) {
                        offenders.add(table + ": no policy for " + reader);
                    }
                    for (String policy : policies) {
                        if (!policy.startsWith("SELECT ")) {
                            offenders.add(table + ": not SELECT only: " + policy);
                        }
                        for (String term : AUDIENCE_POLICY_TERMS.get(table)) {
                            String wanted = term.formatted(columns.get(reader));
                            if (!policy.contains(wanted)) {
                                offenders.add(table + " for " + reader + " lacks " + wanted + ": " + policy);
                            }
                        }
                        // An audience column of another role would open a foreign audience.
                        for (Map.Entry<String, String> column : columns.entrySet()) {
                            if (!column.getKey().equals(reader) && policy.contains(column.getValue())) {
                                offenders.add(table + " for " + reader + " reads " + column.getValue() + ": " + policy);
                            }
                        }
                    }
                }
            }
            assertThat(offenders).isEmpty();
            assertThat(texts(db, """
                            SELECT DISTINCT p.tablename FROM pg_policies p
                             WHERE p.schemaname = 'public' AND ?::name = ANY (p.roles)
                            """, ROLES.visitor()))
                    .as("tables with policies for the visitor")
                    .isSubsetOf(AUDIENCE_SCOPED_TABLES);
        }
    }

    /** The login role alone reaches no table, view or sequence: without a bound actor it reads nothing. */
    @Test
    void the_login_role_holds_no_privilege_on_any_relation() throws SQLException {
        try (Connection db = connect()) {
            assertThat(privileges(db, APP)).isEmpty();
            assertThat(texts(db, """
                            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                             WHERE n.nspname = 'public' AND c.relacl::text LIKE '%' || ? || '=%'
                            """, APP))
                    .as("relations whose access list names the login role")
                    .isEmpty();
        }
    }

    @Test
    void staff_reaches_tenant_scoped_tables_only() throws SQLException {
        try (Connection db = connect()) {
            List<String> scoped = texts(db, SCOPED_TABLES + "SELECT relname FROM scoped");
            Set<String> reached = new TreeSet<>();
            for (String privilege : privileges(db, ROLES.staff())) {
                reached.add(privilege.substring(0, privilege.indexOf(':')));
            }
            assertThat(reached).isSubsetOf(union(union(Set.copyOf(scoped), GLOBAL_TABLES), COPY_INBOXES));
            assertThat(reached).contains("account", "article", "stock_movement", "app_user", "change_history");
        }
    }

    @Test
    void portal_roles_reach_only_the_declared_tables_with_the_declared_privileges() throws SQLException {
        try (Connection db = connect()) {
            Set<String> declared = union(flatten(PORTAL_PRIVILEGES), flatten(audienceScoped()));
            for (String portal : PORTAL) {
                assertThat(privileges(db, portal)).as(portal).isSubsetOf(declared);
            }
        }
    }

    @Test
    void the_visitor_role_reaches_only_the_audience_scoped_tables_for_reading() throws SQLException {
        try (Connection db = connect()) {
            assertThat(privileges(db, ROLES.visitor())).isSubsetOf(flatten(VISITOR_PRIVILEGES));
            assertThat(privileges(db, ROLES.visitor())).contains("cms_item:SELECT", "stored_file_chunk:SELECT");
        }
    }

    @Test
    void the_operator_role_reaches_only_the_tenant_registry_and_its_own_table() throws SQLException {
        try (Connection db = connect()) {
            assertThat(privileges(db, ROLES.operator())).isSubsetOf(flatten(OPERATOR_PRIVILEGES));
        }
    }

    @Test
    void platform_tables_force_row_level_security_and_show_an_operator_only_its_own_row() throws SQLException {
        try (Connection db = connect()) {
            for (String table : PLATFORM_TABLES) {
                assertThat(texts(
                                db,
                                "SELECT relrowsecurity AND relforcerowsecurity FROM pg_class"
                                        + " WHERE oid = ('public.' || ?)::regclass",
                                table))
                        .as("%s enables and forces row-level security", table)
                        .containsExactly("t");
                // Every expression of every policy is the operator's and requires its own id.
                List<String> offenders = texts(db, """
                        SELECT p.policyname || ': ' || coalesce(e.expression, '(none)') || ' TO '
                               || array_to_string(p.roles, ', ')
                          FROM pg_policies p
                         CROSS JOIN LATERAL (VALUES (p.qual), (p.with_check)) AS e (expression)
                         WHERE p.schemaname = 'public' AND p.tablename = ?
                           AND e.expression IS NOT NULL
                           AND (e.expression NOT LIKE '%nexo_user_id()%'
                                OR e.expression ~* '\\mOR\\M'
                                OR p.roles <> ARRAY[?]::name[])
                        """, table, ROLES.operator());
                assertThat(offenders).isEmpty();
                assertThat(count(
                                db,
                                "SELECT count(*) FROM pg_policies WHERE schemaname = 'public' AND tablename = ?",
                                table))
                        .isPositive();
                // Rows are created only by the reviewed start-up function, never inserted or deleted.
                for (String role : union(Set.copyOf(ROLES.all()), Set.of(APP))) {
                    assertThat(texts(
                                    db,
                                    "SELECT has_table_privilege(?, ('public.' || ?)::regclass, 'INSERT, DELETE, TRUNCATE')",
                                    role,
                                    table))
                            .as(role)
                            .containsExactly("f");
                }
            }
        }
    }

    /** A definer function runs as the owner, across tenants: who may call each one is a reviewed list. */
    @Test
    void security_definer_functions_are_executable_only_by_the_roles_declared_for_them() throws SQLException {
        try (Connection db = connect()) {
            assertThat(definerFunctionsExecutableBy(db, "public"))
                    .as("definer functions anyone may call")
                    .isEmpty();
            assertThat(definerFunctionsExecutableBy(db, APP))
                    .isEqualTo(union(LOGIN_PATH_FUNCTIONS, APPLICATION_FUNCTIONS));
            assertThat(definerFunctionsExecutableBy(db, ROLES.staff())).isEqualTo(STAFF_FUNCTIONS);
            for (String portal : PORTAL) {
                assertThat(definerFunctionsExecutableBy(db, portal))
                        .as(portal)
                        .isEqualTo(union(PORTAL_FUNCTIONS, PORTAL_ROLE_FUNCTIONS.get(portal)));
            }
            assertThat(definerFunctionsExecutableBy(db, ROLES.operator())).isEmpty();
            assertThat(definerFunctionsExecutableBy(db, ROLES.visitor())).isEmpty();
        }
    }

    @Test
    void the_login_role_is_noinherit_and_member_of_every_actor_role_and_none_of_them_is_powerful() throws SQLException {
        try (Connection db = connect()) {
            assertThat(count(db, "SELECT count(*) FROM pg_roles WHERE rolname = ? AND NOT rolinherit", APP))
                    .as("%s is NOINHERIT", APP)
                    .isOne();
            for (String actor : ROLES.all()) {
                assertThat(texts(
                                db,
                                "SELECT rolcanlogin::text || ' ' || pg_has_role(?, oid, 'MEMBER')::text"
                                        + " FROM pg_roles WHERE rolname = ?",
                                APP,
                                actor))
                        .as("%s: may log in, and %s is a member", actor, APP)
                        .containsExactly("false true");
            }
            // The login role itself and every role it is a member of (and could switch to).
            List<String> offenders = texts(db, """
                    SELECT r.rolname || CASE WHEN r.rolsuper THEN ' SUPERUSER' ELSE '' END
                                     || CASE WHEN r.rolbypassrls THEN ' BYPASSRLS' ELSE '' END
                                     || CASE WHEN r.rolcreaterole THEN ' CREATEROLE' ELSE '' END
                                     || CASE WHEN r.rolcreatedb THEN ' CREATEDB' ELSE '' END
                                     || CASE WHEN r.rolreplication THEN ' REPLICATION' ELSE '' END
                      FROM pg_roles r
                     WHERE pg_has_role(?, r.oid, 'MEMBER')
                       AND (r.rolsuper OR r.rolbypassrls OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication)
                    """, APP);
            assertThat(offenders).isEmpty();
        }
    }

    /** An owner may disable, drop or rewrite row-level security; the application's roles own nothing. */
    @Test
    void application_roles_own_no_table_function_schema_type_or_database() throws SQLException {
        try (Connection db = connect()) {
            // Temporary schemas are excluded: they belong to the session, not to the schema.
            List<String> owned = texts(db, """
                    WITH app AS (SELECT oid FROM pg_roles WHERE pg_has_role(?, oid, 'MEMBER')),
                         ns AS (SELECT oid, nspname FROM pg_namespace
                                 WHERE nspname NOT LIKE 'pg\\_temp\\_%' AND nspname NOT LIKE 'pg\\_toast\\_temp\\_%')
                    SELECT 'relation ' || c.oid::regclass FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
                     WHERE c.relowner IN (SELECT oid FROM app)
                    UNION ALL
                    SELECT 'function ' || p.oid::regprocedure FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
                     WHERE p.proowner IN (SELECT oid FROM app)
                    UNION ALL
                    SELECT 'type ' || t.oid::regtype FROM pg_type t JOIN ns ON ns.oid = t.typnamespace
                     WHERE t.typowner IN (SELECT oid FROM app)
                    UNION ALL
                    SELECT 'schema ' || ns.nspname FROM pg_namespace n JOIN ns ON ns.oid = n.oid
                     WHERE n.nspowner IN (SELECT oid FROM app)
                    UNION ALL
                    SELECT 'database ' || datname FROM pg_database
                     WHERE datname = current_database() AND datdba IN (SELECT oid FROM app)
                    """, APP);
            assertThat(owned).isEmpty();
        }
    }

    /**
     * Unqualified names in a function resolve in the caller's temporary schema first unless the
     * function fixes its search path with pg_temp last (or binds its body at creation): a temporary
     * change_history or stock_balance would stand in for the real one inside a trigger.
     */
    @Test
    void every_function_of_the_schema_has_a_fixed_search_path_with_pg_temp_last_or_a_bound_body() throws SQLException {
        try (Connection db = connect()) {
            List<String> offenders = texts(db, """
                    SELECT p.oid::regprocedure::text || ' ' || coalesce(array_to_string(p.proconfig, '; '), '(none)')
                      FROM pg_proc p
                      JOIN pg_namespace n ON n.oid = p.pronamespace
                     WHERE n.nspname = 'public'
                       AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                                          AND d.objid = p.oid AND d.deptype = 'e')
                       AND p.prosqlbody IS NULL
                       AND NOT EXISTS (SELECT FROM unnest(p.proconfig) c
                                        WHERE c LIKE 'search\\_path=%' AND c ~ ',\\s*pg_temp$')
                    """);
            assertThat(offenders.stream()
                            .filter(offender -> !FUNCTIONS_WITHOUT_FIXED_SEARCH_PATH.contains(
                                    offender.substring(0, offender.indexOf(' '))))
                            .toList())
                    .isEmpty();
            assertThat(count(db, """
                            SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                             WHERE n.nspname = 'public' AND p.prosqlbody IS NOT NULL
                            """))
                    .as("functions with bound bodies (the context functions among them)")
                    .isPositive();
        }
    }

    /** Neither the login role nor any actor role (nor PUBLIC) may create temporary tables or objects in a schema. */
    @Test
    void no_application_role_may_create_temporary_tables_or_objects_in_any_schema() throws SQLException {
        try (Connection db = connect()) {
            for (String role : union(Set.copyOf(ROLES.all()), Set.of(APP))) {
                assertThat(texts(db, "SELECT has_database_privilege(?, current_database(), 'TEMPORARY')", role))
                        .as("%s: TEMPORARY on the database", role)
                        .containsExactly("f");
                assertThat(texts(db, """
                                SELECT nspname FROM pg_namespace
                                 WHERE nspname NOT LIKE 'pg\\_temp\\_%' AND nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
                                   AND has_schema_privilege(?, oid, 'CREATE')
                                """, role))
                        .as("%s: schemas it may create objects in", role)
                        .isEmpty();
            }
            assertThat(texts(db, """
                            SELECT count(*) FROM pg_database d, aclexplode(d.datacl) a
                             WHERE d.datname = current_database() AND a.grantee = 0
                               AND a.privilege_type IN ('TEMPORARY', 'CREATE')
                            """))
                    .as("PUBLIC's TEMPORARY or CREATE on the database (a NULL access list means PostgreSQL's defaults)")
                    .containsExactly("0");
            assertThat(texts(db, "SELECT datacl IS NOT NULL FROM pg_database WHERE datname = current_database()"))
                    .containsExactly("t");
        }
    }

    /** Derived data is written by its triggers only: application roles read it, and write only the declared columns. */
    @Test
    void derived_tables_are_not_writable_by_any_application_role() throws SQLException {
        try (Connection db = connect()) {
            for (String role : union(Set.copyOf(ROLES.all()), Set.of(APP))) {
                for (Map.Entry<String, Set<String>> table : DERIVED_TABLES.entrySet()) {
                    List<String> writable = texts(db, """
                            SELECT p.privilege FROM (VALUES ('INSERT'), ('UPDATE'), ('DELETE'), ('TRUNCATE')) AS p (privilege)
                             WHERE has_table_privilege(?, ('public.' || ?)::regclass, p.privilege)
                            UNION ALL
                            SELECT p.privilege || ' (' || a.attname || ')'
                              FROM pg_attribute a
                             CROSS JOIN (VALUES ('INSERT'), ('UPDATE')) AS p (privilege)
                             WHERE a.attrelid = ('public.' || ?)::regclass AND a.attnum > 0 AND NOT a.attisdropped
                               AND has_column_privilege(?, a.attrelid, a.attnum, p.privilege)
                               AND NOT has_table_privilege(?, a.attrelid, p.privilege)
                            """, role, table.getKey(), table.getKey(), role, role);
                    Set<String> allowed = role.equals(ROLES.staff()) ? table.getValue() : Set.of();
                    assertThat(writable)
                            .as("%s may write %s", role, table.getKey())
                            .isSubsetOf(allowed);
                }
            }
        }
    }

    private static List<String> privileges(Connection db, String role) throws SQLException {
        return texts(db, PRIVILEGES, role, role, role);
    }

    private static Set<String> definerFunctionsExecutableBy(Connection db, String role) throws SQLException {
        // has_function_privilege knows no role "public": PUBLIC's grants show in the access list.
        String executable = role.equals("public")
                ? "(p.proacl IS NULL OR EXISTS (SELECT FROM aclexplode(p.proacl) a"
                        + " WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE'))"
                : "has_function_privilege(?, p.oid, 'EXECUTE')";
        String sql = """
                SELECT p.oid::regprocedure::text
                  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = 'public' AND p.prosecdef AND %s
                """.formatted(executable);
        return new TreeSet<>(role.equals("public") ? texts(db, sql) : texts(db, sql, role));
    }

    private static Set<String> flatten(Map<String, Set<String>> privileges) {
        Set<String> flat = new TreeSet<>();
        privileges.forEach((table, kinds) -> kinds.forEach(kind -> flat.add(table + ":" + kind)));
        return flat;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
