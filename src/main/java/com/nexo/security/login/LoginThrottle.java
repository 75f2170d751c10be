package com.nexo.security.login;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed-login counting shared by every node (it lives in PostgreSQL, behind security-definer
 * functions the application role may only call). A locked login is refused at once: no thread ever
 * sleeps, so an attacker cannot tie up the server. Accounts and addresses quiet for a day (by default)
 * are forgotten every hour, so guesses at random e-mails do not fill the table.
 */
@Component
public class LoginThrottle {

    private final JdbcTemplate jdbc;
    private final LoginProperties properties;

    LoginThrottle(JdbcTemplate jdbc, LoginProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Seconds until this e-mail or address may try again; 0 when it may try now. */
    public int waitSeconds(String email, String address) {
        Integer seconds =
                jdbc.queryForObject("SELECT nexo_login_wait_seconds(?, ?)", Integer.class, normalise(email), address);
        return seconds == null ? 0 : seconds;
    }

    /** Counts a failure; returns the seconds of the lock-out it started (0 when none). */
    public int failed(String email, String address) {
        Integer seconds = jdbc.queryForObject(
                "SELECT nexo_login_failed(?, ?, ?, ?, ?, ?, ?)",
                Integer.class,
                normalise(email),
                address,
                properties.accountFailures(),
                properties.addressFailures(),
                (int) properties.window().toSeconds(),
                (int) properties.lockout().toSeconds(),
                (int) properties.maxLockout().toSeconds());
        return seconds == null ? 0 : seconds;
    }

    public void succeeded(String email, java.util.UUID userId) {
        jdbc.queryForList("SELECT nexo_login_succeeded(?, ?)", normalise(email), userId);
    }

    /** Forgets accounts and addresses quiet for the configured time; returns how many were forgotten. */
    @Scheduled(fixedDelayString = "${nexo.login.purge-every:1h}", initialDelayString = "${nexo.login.purge-every:1h}")
    int purge() {
        Integer forgotten = jdbc.queryForObject("SELECT nexo_login_throttle_purge(?)", Integer.class, (int)
                properties.forgetAfter().toSeconds());
        return forgotten == null ? 0 : forgotten;
    }

    private static String normalise(String email) {
        return email == null ? "" : email.strip();
    }
}
