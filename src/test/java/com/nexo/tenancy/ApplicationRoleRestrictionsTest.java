package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.assertRefused;
import static com.nexo.tenancy.IsolationSupport.connect;
import static com.nexo.tenancy.IsolationSupport.count;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static com.nexo.tenancy.IsolationSupport.text;
import static com.nexo.tenancy.IsolationSupport.update;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.tenancy.IsolationSupport.TestTenant;
import com.nexo.testing.NexoSpringTest;
import com.nexo.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Neither the application's login role nor any actor role it switches to can switch row-level
 * security off, around or away.
 */
@NexoSpringTest
class ApplicationRoleRestrictionsTest {

    /** Statements that would weaken isolation, and why PostgreSQL refuses each. */
    static Stream<Arguments> forbiddenStatements() {
        return Stream.of(
                refused("ALTER TABLE app_user DISABLE ROW LEVEL SECURITY", "must be owner of table app_user"),
                refused("ALTER TABLE app_user NO FORCE ROW LEVEL SECURITY", "must be owner of table app_user"),
                refused("ALTER TABLE tenant DISABLE ROW LEVEL SECURITY", "must be owner of table tenant"),
                refused("ALTER TABLE tenant NO FORCE ROW LEVEL SECURITY", "must be owner of table tenant"),
                refused("ALTER TABLE app_user OWNER TO nexo_app", "must be owner of table app_user"),
                refused("ALTER TABLE app_user DISABLE TRIGGER ALL", "must be owner of table app_user"),
                refused("DROP POLICY app_user_staff ON app_user", "must be owner of relation app_user"),
                refused("DROP POLICY tenant_staff ON tenant", "must be owner of relation tenant"),
                refused("ALTER POLICY app_user_staff ON app_user USING (true)", "must be owner of table app_user"),
                refused(
                        "CREATE POLICY open_door ON app_user FOR SELECT USING (true)",
                        "must be owner of table app_user"),
                refused("CREATE TABLE public.smuggled (id int)", "permission denied for schema public"),
                refused("CREATE TABLE smuggled (id int)", "permission denied for schema public"),
                refused("CREATE SCHEMA smuggled", "permission denied for database"),
                refused(
                        "CREATE OR REPLACE FUNCTION nexo_tenant_id() RETURNS uuid LANGUAGE sql AS 'SELECT NULL::uuid'",
                        "permission denied for schema public"),
                refused(
                        "ALTER FUNCTION nexo_tenant_id() OWNER TO nexo_app",
                        "must be owner of function nexo_tenant_id"),
                refused("SET ROLE nexo_owner", "permission denied to set role \"nexo_owner\""),
                refused(
                        "SELECT set_config('role', 'nexo_owner', false)",
                        "permission denied to set role \"nexo_owner\""),
                refused(
                        "SELECT set_config('role', 'nexo_owner', true)",
                        "permission denied to set role \"nexo_owner\""),
                refused(
                        "SET SESSION AUTHORIZATION nexo_owner",
                        "permission denied to set session authorization \"nexo_owner\""),
                refused(
                        "SELECT set_config('session_authorization', 'postgres', false)",
                        "permission denied to set session authorization \"postgres\""),
                refused("ALTER ROLE nexo_app BYPASSRLS", "must be superuser to change bypassrls attribute"),
                refused("TRUNCATE app_user", "permission denied for table app_user"),
                refused("TRUNCATE tenant CASCADE", "permission denied for table tenant"),
                refused("SELECT * FROM flyway_schema_history", "permission denied for table flyway_schema_history"),
                refused("CREATE TEMP TABLE smuggled (id int)", "permission denied to create temporary tables"));
    }

    private static Arguments refused(String statement, String reason) {
        return Arguments.of(statement, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbiddenStatements")
    void the_login_role_and_every_actor_role_are_refused(String statement, String reason) throws SQLException {
        TestTenant tenant = newTenant();
        DatabaseContext[] actors = {
            null,
            tenant.asEmployee(),
            tenant.asClient(),
            new DatabaseContext(null, UUID.randomUUID(), ActorType.OPERATOR, null)
        };
        for (DatabaseContext actor : actors) {
            // The login role may still create temporary tables (issue 12 takes that away); no actor may.
            if (actor == null && statement.startsWith("CREATE TEMP")) {
                continue;
            }
            try (Connection db = connect();
                    Statement sql = db.createStatement()) {
                db.setAutoCommit(false);
                IsolationSupport.bind(db, actor);
                assertRefused(() -> sql.execute(statement), reason);
                db.rollback();
                assertThat(text(db, "SELECT current_user")).isEqualTo(TestDatabase.APP_ROLE);
            }
        }
    }

    @Test
    void switching_row_security_off_makes_queries_fail_instead_of_bypassing_policies() throws SQLException {
        TestTenant tenant = newTenant();
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            IsolationSupport.bind(db, tenant.asEmployee());
            text(db, "SELECT set_config('row_security', 'off', true)");
            assertRefused(
                    () -> count(db, "SELECT count(*) FROM app_user"),
                    "query would be affected by row-level security policy for table \"app_user\"");
            db.rollback();
            IsolationSupport.bind(db, tenant.asEmployee());
            text(db, "SELECT set_config('row_security', 'off', true)");
            assertRefused(
                    () -> count(db, "SELECT count(*) FROM tenant"),
                    "query would be affected by row-level security policy for table \"tenant\"");
            db.rollback();
        }
    }

    /**
     * The login role may not create temporary tables at all (issue 12): one named like a real table
     * would stand in for it wherever a name is not qualified, and staging data there is no way around
     * the actors' grants either.
     */
    @Test
    void the_login_role_cannot_stage_anything_in_a_temporary_table() throws SQLException {
        try (Connection db = connect()) {
            assertRefused(
                    () -> update(db, "CREATE TEMP TABLE staging_user (id uuid, email text)"),
                    "permission denied to create temporary tables");
        }
    }
}
