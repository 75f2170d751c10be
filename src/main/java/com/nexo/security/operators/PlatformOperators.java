package com.nexo.security.operators;

import com.nexo.base.Ids;
import com.nexo.security.NexoUser;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform operators' rows. Before login they are reached only through the reviewed functions
 * {@code nexo_operator_login_lookup} and {@code nexo_create_first_operator}; after login an operator
 * reads and updates only its own row (row-level security).
 *
 * <p>Login names are unique across tenant users and operators, so that one e-mail always means one
 * person. The database enforces uniqueness within each table; across the two tables it is checked
 * here, by whoever creates a user or an operator ({@link #emailInUse}). Trade-off: two creations of the
 * same address at the very same moment, one as user and one as operator, could both pass the check.
 * Operators are created rarely (at start-up, by configuration), and should it ever happen, login finds
 * the tenant user first, so the operator with that address could not log in until it is changed.
 */
@Component
public class PlatformOperators {

    private final JdbcTemplate jdbc;

    PlatformOperators(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The operator who logs in with this e-mail, as login needs it. */
    public Optional<NexoUser> findForLogin(String email) {
        List<NexoUser> found = jdbc.query(
                "SELECT * FROM nexo_operator_login_lookup(?)",
                (row, i) -> NexoUser.operator(
                        row.getObject("operator_id", java.util.UUID.class),
                        row.getString("email"),
                        row.getString("display_name"),
                        row.getBoolean("enabled"),
                        Locale.forLanguageTag(row.getString("locale")),
                        row.getString("password_hash")),
                email == null ? "" : email.strip());
        return found.stream().findFirst();
    }

    /** Whether a tenant user or an operator already logs in with this e-mail (case-insensitive). */
    public boolean emailInUse(String email) {
        // A yes or no only: the login look-ups, which return password hashes, are the login path's alone.
        Boolean taken = jdbc.queryForObject("SELECT nexo_login_name_taken(?)", Boolean.class, email);
        return Boolean.TRUE.equals(taken);
    }

    /**
     * Creates the installation's first operator; does nothing when one exists already.
     *
     * @return whether it was created
     */
    boolean createFirst(String email, String displayName, String passwordHash) {
        Boolean created = jdbc.queryForObject(
                "SELECT nexo_create_first_operator(?, ?, ?, ?)",
                Boolean.class,
                Ids.newId(),
                email,
                displayName,
                passwordHash);
        return Boolean.TRUE.equals(created);
    }

    /** The logged-in operator's language, used at its next login. */
    @Transactional
    public void changeMyLanguage(String languageTag) {
        jdbc.update(
                "UPDATE platform_operator SET locale = ?, updated_at = now() WHERE id = nexo_user_id()", languageTag);
    }

    /** The logged-in operator's password hash (to check its current password). */
    @Transactional(readOnly = true)
    public Optional<String> myPasswordHash() {
        return jdbc
                .query(
                        "SELECT password_hash FROM platform_operator WHERE id = nexo_user_id()",
                        (row, i) -> row.getString("password_hash"))
                .stream()
                .findFirst();
    }

    /** Stores a new hash of the logged-in operator's password. */
    @Transactional
    public void changeMyPasswordHash(String newHash) {
        jdbc.update(
                "UPDATE platform_operator SET password_hash = ?, updated_at = now(), version = version + 1"
                        + " WHERE id = nexo_user_id()",
                newHash);
    }
}
