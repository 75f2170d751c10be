package com.nexo.security.login;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed-login counting shared by every node (it lives in PostgreSQL, behind security-definer
 * functions the application role may only call). A locked login is refused at once: no thread ever
 * sleeps, so an attacker cannot tie up the server. Accounts and addresses quiet for a day (by default)
 * are forgotten every hour, so guesses at random e-mails do not fill the table. The thresholds and
 * durations are the database's own ({@code login_settings}, written from {@code nexo.login.*} by
 * {@link LoginSettingsCallback}): no caller passes them.
 */
@Component
public class LoginThrottle {

    private static final String WAIT_SECONDS = """
            SELECT nexo_login_wait_seconds(:email, :address)
            """;

    private static final String FAILED = """
            SELECT nexo_login_failed(:email, :address)
            """;

    private static final String SUCCEEDED = """
            SELECT nexo_login_succeeded(:email, :user)
            """;

    private static final String PURGE = """
            SELECT nexo_login_throttle_purge()
            """;

    private final JdbcClient jdbc;

    LoginThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Seconds until this e-mail or address may try again; 0 when it may try now. */
    public int waitSeconds(String email, String address) {
        Integer seconds = jdbc.sql(WAIT_SECONDS)
                .param("email", normalise(email))
                .param("address", address, java.sql.Types.VARCHAR)
                .query(Integer.class)
                .single();
        return seconds == null ? 0 : seconds;
    }

    /** Counts a failure; returns the seconds of the lock-out it started (0 when none). */
    public int failed(String email, String address) {
        Integer seconds = jdbc.sql(FAILED)
                .param("email", normalise(email))
                .param("address", address, java.sql.Types.VARCHAR)
                .query(Integer.class)
                .single();
        return seconds == null ? 0 : seconds;
    }

    /** Forgets the account's failures and earlier lock-outs (never a running lock-out). */
    public void succeeded(String email, UUID userId) {
        jdbc.sql(SUCCEEDED)
                .param("email", normalise(email))
                .param("user", userId, java.sql.Types.OTHER)
                .query()
                .listOfRows();
    }

    /** Forgets accounts and addresses quiet for the configured time; returns how many were forgotten. */
    @Scheduled(fixedDelayString = "${nexo.login.purge-every:1h}", initialDelayString = "${nexo.login.purge-every:1h}")
    int purge() {
        Integer forgotten = jdbc.sql(PURGE).query(Integer.class).single();
        return forgotten == null ? 0 : forgotten;
    }

    private static String normalise(String email) {
        return email == null ? "" : email.strip();
    }
}
