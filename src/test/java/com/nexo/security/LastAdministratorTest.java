package com.nexo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.security.UserService.NewUser;
import com.nexo.security.login.LoginHardeningTest;
import com.nexo.security.operators.NewTenantForm;
import com.nexo.security.operators.TenantProvisioning;
import com.nexo.security.roles.RoleService;
import com.nexo.security.users.UserAdministration;
import com.nexo.security.users.UserEdits;
import com.nexo.security.users.UserForm;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A tenant never loses its last enabled administrator: nobody, the administrator included, can take
 * the role away from them or disable them while no other enabled user holds it. Each test works in a
 * tenant of its own, so administrators created by other tests do not count.
 */
@NexoSpringTest
class LastAdministratorTest {

    private static final String PASSWORD = LoginHardeningTest.PASSWORD;

    @Autowired
    private TenantProvisioning provisioning;

    @Autowired
    private UserService users;

    @Autowired
    private UserAdministration administration;

    @Autowired
    private RoleService roles;

    @Autowired
    private UserDetailsService userDetails;

    private String tag;
    private String admin;

    @BeforeEach
    void aTenantWithOneAdministrator() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        admin = "admin-" + tag + "@last-admin.test";
        LoggedIn.asUser(
                userDetails,
                "operador@nexo.local",
                () -> provisioning.createTenant(
                        new NewTenantForm("last-" + tag, "Last admin " + tag, "en", admin, "Admin " + tag, PASSWORD)));
    }

    @Test
    void the_only_administrator_cannot_drop_its_own_administrator_role() {
        UUID me = userId(admin);
        UUID readOnly = roleId("read-only");

        assertThatThrownBy(() -> asAdmin(() -> {
                    UserForm details = administration.getForm(me);
                    administration.update(UserEdits.edited(details, details.getDisplayName(), true, Set.of(readOnly)));
                    return null;
                }))
                .isInstanceOfSatisfying(
                        AccessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("users.error.last-administrator"));

        assertThat(asAdmin(() -> administration.getForm(me)).getRoleIds()).containsExactly(roleId("administrator"));
    }

    @Test
    void with_a_second_enabled_administrator_the_role_may_move() {
        UUID me = userId(admin);
        UUID readOnly = roleId("read-only");
        UUID second = asAdmin(() -> users.createUser(new NewUser(
                "second-" + tag + "@last-admin.test",
                "Second " + tag,
                ActorType.EMPLOYEE,
                null,
                Set.of("administrator"),
                PASSWORD,
                "en")));

        assertThatCode(() -> asAdmin(() -> {
                    UserForm details = administration.getForm(me);
                    administration.update(UserEdits.edited(details, details.getDisplayName(), true, Set.of(readOnly)));
                    return null;
                }))
                .doesNotThrowAnyException();

        // Now the second administrator is the last one, and the same rule holds for it.
        assertThatThrownBy(() -> LoggedIn.asUser(userDetails, "second-" + tag + "@last-admin.test", () -> {
                    UserForm details = administration.getForm(second);
                    administration.update(UserEdits.edited(details, details.getDisplayName(), true, Set.of(readOnly)));
                    return null;
                }))
                .isInstanceOfSatisfying(
                        AccessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("users.error.last-administrator"));
    }

    private UUID userId(String email) {
        return ((NexoUser) userDetails.loadUserByUsername(email)).userId();
    }

    private UUID roleId(String code) {
        return LoggedIn.asUser(
                userDetails,
                admin,
                () -> roles.listRoles().stream()
                        .filter(role -> role.code().equals(code))
                        .findFirst()
                        .orElseThrow()
                        .id());
    }

    private <T> T asAdmin(Supplier<T> work) {
        return LoggedIn.asUser(userDetails, admin, work);
    }
}
