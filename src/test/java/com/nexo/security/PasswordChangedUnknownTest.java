package com.nexo.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.NexoSpringTest;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Users whose password was set before password_changed_at existed (databases migrated from V1) have
 * no such date: they must still be able to log in.
 */
@NexoSpringTest
class PasswordChangedUnknownTest {

    private static final UUID DEMO_TENANT = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");

    @Autowired
    private UserService users;

    @Autowired
    private UserDetailsService userDetails;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void a_user_without_a_password_change_date_is_found_for_login() {
        String email = "legacy-" + UUID.randomUUID() + "@demo.nexo";
        TenantContext.callAsSystem(DEMO_TENANT, null, () -> {
            users.createUser(new UserService.NewUser(
                    email, "Legacy User", ActorType.EMPLOYEE, null, Set.of("read-only"), "Legacy-Pass-2026", "es"));
            return new TransactionTemplate(transactionManager)
                    .execute(status -> jdbc.update(
                            "UPDATE app_user SET password_changed_at = NULL WHERE lower(email) = lower(?)", email));
        });

        NexoUser user = (NexoUser) userDetails.loadUserByUsername(email);

        assertThat(user.email()).isEqualTo(email);
        assertThat(user.isEnabled()).isTrue();
    }
}
