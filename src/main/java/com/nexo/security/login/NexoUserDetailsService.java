package com.nexo.security.login;

import com.nexo.security.NexoUser;
import com.nexo.security.operators.PlatformOperators;
import com.nexo.security.users.AppUserRepository;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.TenantContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds a user for login through {@code nexo_login_lookup}, the one database function that may look
 * across tenants, and only for this purpose. A suspended tenant's users come back disabled. When no
 * tenant user has the e-mail, a platform operator is looked for ({@code nexo_operator_login_lookup}).
 */
@Service
public class NexoUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    /** The login path's look-up: executable by the application role alone (it returns the hash). */
    private static final String LOOK_UP = """
            SELECT * FROM nexo_login_lookup(:email)
            """;

    private static final String PASSWORD_CHANGED_AT = """
            SELECT password_changed_at FROM app_user WHERE id = nexo_user_id()
            """;

    private static final RowMapper<NexoUser> USER = (row, i) -> new NexoUser(
            row.getObject("user_id", UUID.class),
            row.getObject("tenant_id", UUID.class),
            row.getString("email"),
            row.getString("display_name"),
            ActorType.fromDbValue(row.getString("actor_type")),
            row.getObject("party_id", UUID.class),
            row.getBoolean("user_enabled") && row.getBoolean("tenant_active"),
            Locale.forLanguageTag(row.getString("locale")),
            Set.of((String[]) row.getArray("permissions").getArray()),
            row.getLong("access_version"),
            null,
            row.getString("password_hash"));

    private final JdbcClient jdbc;
    private final AppUserRepository users;
    private final PlatformOperators operators;
    private final TransactionTemplate transactions;

    NexoUserDetailsService(
            JdbcClient jdbc,
            AppUserRepository users,
            PlatformOperators operators,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.users = users;
        this.operators = operators;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Stores a stronger hash of the password just verified (the delegating encoder asks for it when
     * the stored hash uses an older encoding or cost). Written under the user's own context.
     */
    @Override
    public UserDetails updatePassword(UserDetails user, String newEncodedPassword) {
        NexoUser nexoUser = (NexoUser) user;
        if (nexoUser.isOperator()) {
            TenantContext.runAs(nexoUser.databaseContext(), () -> operators.changeMyPasswordHash(newEncodedPassword));
            return user;
        }
        TenantContext.runAs(nexoUser.databaseContext(), () -> upgrade(nexoUser, newEncodedPassword));
        return user;
    }

    private void upgrade(NexoUser user, String newEncodedPassword) {
        transactions.executeWithoutResult(
                status -> users.findById(user.userId()).ifPresent(row -> row.upgradePasswordHash(newEncodedPassword)));
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        List<NexoUser> found = lookUp(email);
        if (!found.isEmpty() && found.getFirst().getPassword() != null) {
            NexoUser user = found.getFirst();
            return user.withPasswordChangedAt(passwordChangedAt(user));
        }
        if (found.isEmpty()) {
            Optional<NexoUser> operator = operators.findForLogin(email);
            if (operator.isPresent() && operator.get().getPassword() != null) {
                return operator.get();
            }
        }
        throw new UsernameNotFoundException("No user may log in with this e-mail");
    }

    /**
     * The tenant user with this e-mail, for single sign-on: through the same look-up as the password
     * login, disabled users and those of suspended tenants included (they come back disabled, for the
     * caller to refuse), and users without a password too. Platform operators never sign on this way.
     * The principal carries no password hash.
     */
    public Optional<NexoUser> findForSingleSignOn(String email) {
        return lookUp(email).stream().findFirst().map(user -> {
            NexoUser signedOn = user.withPasswordChangedAt(passwordChangedAt(user));
            signedOn.eraseCredentials();
            return signedOn;
        });
    }

    private List<NexoUser> lookUp(String email) {
        return jdbc.sql(LOOK_UP)
                .param("email", email == null ? "" : email.strip())
                .query(USER)
                .list();
    }

    /**
     * When the user's password was last set, read as the user itself: a session remembers it, and
     * ends when it changes (see {@code CurrentAccessFilter}).
     */
    private Instant passwordChangedAt(NexoUser user) {
        return TenantContext.callAs(
                user.databaseContext(),
                () -> transactions.execute(status -> jdbc
                        .sql(PASSWORD_CHANGED_AT)
                        .query((row, i) -> CurrentAccess.instant(row, "password_changed_at"))
                        .list()
                        .stream()
                        // Users whose password was set before the column existed have none.
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse(null)));
    }
}
