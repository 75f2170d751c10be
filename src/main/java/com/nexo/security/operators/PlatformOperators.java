package com.nexo.security.operators;

import com.nexo.base.Ids;
import com.nexo.security.NexoUser;
import java.sql.Types;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;

    PlatformOperators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String FIND_FOR_LOGIN = "SELECT * FROM nexo_operator_login_lookup(:email)";

    private static final RowMapper<NexoUser> OPERATOR = (row, i) -> NexoUser.operator(
            row.getObject("operator_id", UUID.class),
            row.getString("email"),
            row.getString("display_name"),
            row.getBoolean("enabled"),
            Locale.forLanguageTag(row.getString("locale")),
            row.getString("password_hash"));

    /** The operator who logs in with this e-mail, as login needs it. */
    public Optional<NexoUser> findForLogin(String email) {
        return jdbc
                .sql(FIND_FOR_LOGIN)
                .param("email", email == null ? "" : email.strip())
                .query(OPERATOR)
                .list()
                .stream()
                .findFirst();
    }

    private static final String EMAIL_IN_USE = "SELECT nexo_login_name_taken(:email)";

    /** Whether a tenant user or an operator already logs in with this e-mail (case-insensitive). */
    public boolean emailInUse(String email) {
        // A yes or no only: the login look-ups, which return password hashes, are the login path's alone.
        Boolean taken = jdbc.sql(EMAIL_IN_USE)
                .param("email", email, Types.VARCHAR)
                .query(Boolean.class)
                .single();
        return Boolean.TRUE.equals(taken);
    }

    private static final String CREATE_FIRST =
            "SELECT nexo_create_first_operator(:id, :email, :displayName, :passwordHash)";

    /**
     * Creates the installation's first operator; does nothing when one exists already.
     *
     * @return whether it was created
     */
    boolean createFirst(String email, String displayName, String passwordHash) {
        Boolean created = jdbc.sql(CREATE_FIRST)
                .param("id", Ids.newId())
                .param("email", email, Types.VARCHAR)
                .param("displayName", displayName, Types.VARCHAR)
                .param("passwordHash", passwordHash, Types.VARCHAR)
                .query(Boolean.class)
                .single();
        return Boolean.TRUE.equals(created);
    }

    private static final String CHANGE_MY_LANGUAGE =
            "UPDATE platform_operator SET locale = :locale, updated_at = now() WHERE id = nexo_user_id()";

    /** The logged-in operator's language, used at its next login. */
    @Transactional
    public void changeMyLanguage(String languageTag) {
        jdbc.sql(CHANGE_MY_LANGUAGE).param("locale", languageTag).update();
    }

    private static final String MY_PASSWORD_HASH =
            "SELECT password_hash FROM platform_operator WHERE id = nexo_user_id()";

    /** The logged-in operator's password hash (to check its current password). */
    @Transactional(readOnly = true)
    public Optional<String> myPasswordHash() {
        return jdbc.sql(MY_PASSWORD_HASH).query((row, i) -> row.getString("password_hash")).list().stream()
                .findFirst();
    }

    private static final String CHANGE_MY_PASSWORD_HASH = """
            UPDATE platform_operator SET password_hash = :hash, updated_at = now(), version = version + 1
             WHERE id = nexo_user_id()
            """;

    /** Stores a new hash of the logged-in operator's password. */
    @Transactional
    public void changeMyPasswordHash(String newHash) {
        jdbc.sql(CHANGE_MY_PASSWORD_HASH).param("hash", newHash).update();
    }
}
