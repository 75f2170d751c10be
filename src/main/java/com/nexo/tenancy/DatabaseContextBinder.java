package com.nexo.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes a {@link DatabaseContext} into the current transaction of a connection, and switches the
 * transaction to the database role of its actor, in one statement.
 *
 * <p>Everything is transaction-local ({@code set_config(..., true)}) and always written, empty when
 * absent, so a pooled connection never carries an earlier transaction's tenant or role: after COMMIT
 * or ROLLBACK it is the login role again, which on its own may read nothing. Without a context the
 * role is set to {@code none}, PostgreSQL's value for "no role of its own" ({@code SET ROLE NONE}):
 * the login role, whatever the session had set. Values go in as bound parameters, never spliced into
 * SQL.
 */
final class DatabaseContextBinder {

    /** The role setting's value that makes the login role current again. */
    static final String NO_ROLE = "none";

    private static final String BIND_SQL = "SELECT set_config('nexo.tenant_id', ?, true),"
            + " set_config('nexo.user_id', ?, true),"
            + " set_config('nexo.actor_type', ?, true),"
            + " set_config('nexo.party_id', ?, true),"
            + " set_config('role', ?, true)";

    private final ActorRoles roles;

    DatabaseContextBinder(ActorRoles roles) {
        this.roles = roles;
    }

    void bind(Connection connection, Optional<DatabaseContext> context) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(BIND_SQL)) {
            statement.setString(1, text(context.map(DatabaseContext::tenantId).orElse(null)));
            statement.setString(2, text(context.map(DatabaseContext::userId).orElse(null)));
            statement.setString(3, context.map(c -> c.actorType().dbValue()).orElse(""));
            statement.setString(4, text(context.map(DatabaseContext::partyId).orElse(null)));
            statement.setString(5, context.map(c -> roles.roleOf(c.actorType())).orElse(NO_ROLE));
            statement.execute();
        }
    }

    private static String text(UUID value) {
        return value == null ? "" : value.toString();
    }
}
