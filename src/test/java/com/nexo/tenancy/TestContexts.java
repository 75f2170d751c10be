package com.nexo.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Binds a context to a raw JDBC connection's transaction exactly as the application does (the
 * production binder, with the actor roles of the test configuration): for tests of any module that
 * talk to the database around the application code.
 */
public final class TestContexts {

    /** The test configuration keeps the default role names (application.properties). */
    static final ActorRoles ROLES = ActorRoles.DEFAULTS;

    private static final DatabaseContextBinder BINDER = new DatabaseContextBinder(ROLES);

    private TestContexts() {}

    /**
     * Binds {@code context} (null: no context, the login role on its own) to the connection's current
     * transaction; the connection must not be in auto-commit mode, or the binding ends with the
     * statement.
     */
    public static void bind(Connection connection, DatabaseContext context) throws SQLException {
        BINDER.bind(connection, Optional.ofNullable(context));
    }

    /** The same with an optional context, as the transaction manager passes it. */
    static void bind(Connection connection, Optional<DatabaseContext> context) throws SQLException {
        BINDER.bind(connection, context);
    }
}
