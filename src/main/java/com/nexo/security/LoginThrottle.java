package com.nexo.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Failed-login counting shared by every node (it lives in PostgreSQL, behind security-definer
 * functions the application role may only call). A locked login is refused at once: no thread ever
 * sleeps, so an attacker cannot tie up the server.
 */
@Component
class LoginThrottle {

    private final JdbcTemplate jdbc;
    private final LoginProperties properties;

    LoginThrottle(JdbcTemplate jdbc, LoginProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Seconds until this e-mail or address may try again; 0 when it may try now. */
    int waitSeconds(String email, String address) {
        Integer seconds =
                jdbc.queryForObject("SELECT nexo_login_wait_seconds(?, ?)", Integer.class, normalise(email), address);
        return seconds == null ? 0 : seconds;
    }

    /** Counts a failure; returns the seconds of the lock-out it started (0 when none). */
    int failed(String email, String address) {
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

    void succeeded(String email, java.util.UUID userId) {
        jdbc.queryForList("SELECT nexo_login_succeeded(?, ?)", normalise(email), userId);
    }

    private static String normalise(String email) {
        return email == null ? "" : email.strip();
    }
}
