package com.nexo.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes a {@link DatabaseContext} into the current transaction of a connection.
 *
 * <p>The settings are transaction-local ({@code set_config(..., true)}) and always written, empty when
 * absent, so a pooled connection never carries an earlier transaction's tenant. Values go in as bound
 * parameters, never spliced into SQL.
 */
final class DatabaseContextBinder {

    private static final String BIND_SQL = "SELECT set_config('nexo.tenant_id', ?, true),"
            + " set_config('nexo.user_id', ?, true),"
            + " set_config('nexo.actor_type', ?, true),"
            + " set_config('nexo.party_id', ?, true)";

    private DatabaseContextBinder() {}

    static void bind(Connection connection, Optional<DatabaseContext> context) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(BIND_SQL)) {
            statement.setString(1, text(context.map(DatabaseContext::tenantId).orElse(null)));
            statement.setString(2, text(context.map(DatabaseContext::userId).orElse(null)));
            statement.setString(3, context.map(c -> c.actorType().dbValue()).orElse(""));
            statement.setString(4, text(context.map(DatabaseContext::partyId).orElse(null)));
            statement.execute();
        }
    }

    private static String text(UUID value) {
        return value == null ? "" : value.toString();
    }
}
