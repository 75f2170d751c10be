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
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Reads the catalog of the migrated database (as the application role, which may read pg_catalog)
 * and fails as soon as a table, policy or role breaks the tenancy rules of the architecture.
 */
@NexoSpringTest
class RowLevelSecurityCatalogTest {

    private static final String APP = TestDatabase.APP_ROLE;

    /**
     * Tables without tenant_id that the application role may nevertheless reach (reference data
     * shared by all tenants). Adding one here is a reviewed decision, never a convenience.
     */
    private static final Set<String> GLOBAL_TABLES = Set.of();

    /**
     * Platform tables: not tenant data and not shared reference data either. The application role
     * reaches them, but row-level security (enabled and forced) lets only an operator's context see
     * its own row, which {@code platform_tables_...} below checks. Adding one is a reviewed decision.
     */
    private static final Set<String> PLATFORM_TABLES = Set.of("platform_operator");

    /** Tables of schema public that row-level security must scope: every tenant_id table, and tenant. */
    private static final String SCOPED_TABLES = """
            WITH scoped AS (
                SELECT c.oid, c.relname, c.relrowsecurity, c.relforcerowsecurity
                  FROM pg_class c
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public'
                   AND c.relkind IN ('r', 'p')
                   AND (c.relname = 'tenant'
                        OR EXISTS (SELECT FROM pg_attribute a
                                    WHERE a.attrelid = c.oid AND a.attname = 'tenant_id'
                                      AND a.attnum > 0 AND NOT a.attisdropped)))
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
    void every_tenant_table_has_a_policy_for_all_commands_with_using_and_with_check() throws SQLException {
        try (Connection db = connect()) {
            List<String> offenders = texts(db, SCOPED_TABLES + """
                    SELECT s.relname
                      FROM scoped s
                     WHERE NOT EXISTS (SELECT FROM pg_policies p
                                        WHERE p.schemaname = 'public' AND p.tablename = s.relname
                                          AND p.cmd = 'ALL' AND p.qual IS NOT NULL AND p.with_check IS NOT NULL)
                    """);
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
                       -- tenant, so every business table stays closed to it.
                       AND NOT (p.tablename = 'tenant' AND p.policyname = 'tenant_operator')
                    """);
            assertThat(offenders).isEmpty();
        }
    }

    @Test
    void every_relation_the_application_role_can_reach_is_tenant_scoped_or_declared_global() throws SQLException {
        try (Connection db = connect()) {
            List<String> reachable = texts(db, SCOPED_TABLES + """
                    SELECT c.oid::regclass::text
                      FROM pg_class c
                      JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
                       AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
                       AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
                       AND (has_any_column_privilege(?, c.oid, 'SELECT, INSERT, UPDATE, REFERENCES')
                            OR has_table_privilege(?, c.oid, 'DELETE, TRUNCATE, TRIGGER'))
                       AND c.oid NOT IN (SELECT oid FROM scoped)
                    """, APP, APP);
            assertThat(reachable)
                    .as("relations outside row-level security that %s can reach", APP)
                    .isSubsetOf(union(GLOBAL_TABLES, PLATFORM_TABLES));
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
                // Every expression of every policy requires the operator's context and its own id.
                List<String> offenders = texts(db, """
                        SELECT p.policyname || ': ' || e.expression
                          FROM pg_policies p
                         CROSS JOIN LATERAL (VALUES (p.qual), (p.with_check)) AS e (expression)
                         WHERE p.schemaname = 'public' AND p.tablename = ?
                           AND e.expression IS NOT NULL
                           AND (e.expression NOT LIKE '%nexo_user_id()%'
                                OR e.expression NOT LIKE '%nexo_actor_type() = ''operator''%'
                                OR e.expression ~* '\\mOR\\M')
                        """, table);
                assertThat(offenders).isEmpty();
                assertThat(count(
                                db,
                                "SELECT count(*) FROM pg_policies WHERE schemaname = 'public' AND tablename = ?",
                                table))
                        .isPositive();
                // Rows are created only by the reviewed start-up function, never inserted or deleted.
                assertThat(texts(
                                db,
                                "SELECT has_table_privilege(?, ('public.' || ?)::regclass, 'INSERT, DELETE, TRUNCATE')",
                                APP,
                                table))
                        .containsExactly("f");
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void application_role_is_not_superuser_and_cannot_bypass_rls_or_create_roles() throws SQLException {
        try (Connection db = connect()) {
            assertThat(count(db, "SELECT count(*) FROM pg_roles WHERE rolname = ?", APP))
                    .isOne();
            // The role itself and every role it is a member of (and could SET ROLE to).
            List<String> offenders = texts(db, """
                    SELECT r.rolname || CASE WHEN r.rolsuper THEN ' SUPERUSER' ELSE '' END
                                     || CASE WHEN r.rolbypassrls THEN ' BYPASSRLS' ELSE '' END
                                     || CASE WHEN r.rolcreaterole THEN ' CREATEROLE' ELSE '' END
                      FROM pg_roles r
                     WHERE pg_has_role(?, r.oid, 'MEMBER')
                       AND (r.rolsuper OR r.rolbypassrls OR r.rolcreaterole)
                    """, APP);
            assertThat(offenders).isEmpty();
        }
    }

    /** An owner may disable, drop or rewrite row-level security; the application role owns nothing. */
    @Test
    void application_role_owns_no_table_function_schema_type_or_database() throws SQLException {
        try (Connection db = connect()) {
            // Temporary schemas are excluded: staging tables of bulk imports are allowed on purpose.
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
}
