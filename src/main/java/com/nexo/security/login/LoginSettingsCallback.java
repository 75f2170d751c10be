package com.nexo.security.login;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * Writes {@code nexo.login.*} into the database's {@code login_settings} row after every Flyway
 * migration, on Flyway's connection, as the schema owner. The login-throttle functions read their
 * thresholds and durations only from that row, which no application role may write: whoever runs SQL
 * as the application's login can no longer lock a user for years or unlock a locked one by passing
 * numbers of its own. The table's checks bound the values (a lock-out lasts a day at most); a
 * configuration outside them stops the start-up.
 */
@Component
class LoginSettingsCallback implements Callback {

    private static final String UPSERT = """
            INSERT INTO login_settings (id, account_failures, address_failures, window_seconds, lockout_seconds,
                                        max_lockout_seconds, forget_after_seconds)
            VALUES (true, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE
                SET account_failures = EXCLUDED.account_failures,
                    address_failures = EXCLUDED.address_failures,
                    window_seconds = EXCLUDED.window_seconds,
                    lockout_seconds = EXCLUDED.lockout_seconds,
                    max_lockout_seconds = EXCLUDED.max_lockout_seconds,
                    forget_after_seconds = EXCLUDED.forget_after_seconds
            """;

    private final LoginProperties properties;

    LoginSettingsCallback(LoginProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        // Flyway hands its own JDBC connection to callbacks; JdbcClient would need a DataSource around
        // it for one statement, so this one statement is plain JDBC.
        try (PreparedStatement upsert = context.getConnection().prepareStatement(UPSERT)) {
            upsert.setInt(1, properties.accountFailures());
            upsert.setInt(2, properties.addressFailures());
            upsert.setInt(3, seconds(properties.window().toSeconds()));
            upsert.setInt(4, seconds(properties.lockout().toSeconds()));
            upsert.setInt(5, seconds(properties.maxLockout().toSeconds()));
            upsert.setInt(6, seconds(properties.forgetAfter().toSeconds()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write nexo.login.* into login_settings: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "nexo-login-settings";
    }

    private static int seconds(long seconds) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, seconds));
    }
}
