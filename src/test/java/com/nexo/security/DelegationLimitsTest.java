package com.nexo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.security.UserService.NewUser;
import com.nexo.security.login.LoginHardeningTest;
import com.nexo.security.roles.RoleService;
import com.nexo.security.roles.RoleService.RoleDraft;
import com.nexo.security.users.UserAdministration;
import com.nexo.security.users.UserEdits;
import com.nexo.security.users.UserForm;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Whoever may edit users or roles without being an administrator hands out only what it holds
 * itself: no way to the administrator role, to another user's higher rights, or to a permission it
 * lacks. The administrator and system work are not limited.
 */
@NexoSpringTest
class DelegationLimitsTest {

    private static final UUID DEMO_TENANT = LoginHardeningTest.DEMO_TENANT;
    private static final String ADMIN = LoginHardeningTest.DEMO_ADMIN;
    private static final String PASSWORD = LoginHardeningTest.PASSWORD;

    @Autowired
    private UserService users;

    @Autowired
    private UserAdministration administration;

    @Autowired
    private RoleService roles;

    @Autowired
    private UserDetailsService userDetailsService;

    private String tag;
    private UUID administratorRole;
    private UUID readOnlyRole;
    private UUID userManagerRole;
    private String userManager;
    private String roleManager;

    @BeforeEach
    void aUserManagerAndARoleManager() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        administratorRole = roleId("administrator");
        readOnlyRole = roleId("read-only");
        Set<String> managerPermissions = userManagerPermissions();
        userManagerRole = asUser(
                ADMIN,
                () -> roles.createRole(
                        new RoleDraft("user-manager-" + tag, "User manager " + tag, null, managerPermissions)));
        asUser(
                ADMIN,
                () -> roles.createRole(new RoleDraft(
                        "role-manager-" + tag,
                        "Role manager " + tag,
                        null,
                        Set.of(AccessPermissions.ROLES_READ, AccessPermissions.ROLES_EDIT))));
        userManager = newUser("user-manager-" + tag);
        roleManager = newUser("role-manager-" + tag);
    }

    // --- Users -----------------------------------------------------------------------------------

    @Test
    void a_user_manager_cannot_make_itself_administrator() {
        UUID me = userId(userManager);

        assertBeyondOwnAccess(
                () -> asUser(userManager, () -> {
                    UserForm details = administration.getForm(me);
                    administration.update(
                            UserEdits.edited(details, details.getDisplayName(), true, Set.of(administratorRole)));
                    return null;
                }),
                "users.error.beyond-own-access");

        assertThat(asUser(ADMIN, () -> administration.getForm(me)).getRoleIds()).containsExactly(userManagerRole);
    }

    @Test
    void a_user_manager_cannot_create_an_administrator() {
        assertBeyondOwnAccess(
                () -> asUser(userManager, () -> users.createUser(newUserData(Set.of("administrator")))),
                "users.error.beyond-own-access");
    }

    @Test
    void a_user_manager_cannot_reset_the_password_of_or_disable_a_user_with_more_rights() {
        UUID admin = userId(ADMIN);

        assertBeyondOwnAccess(
                () -> asUser(userManager, () -> {
                    administration.resetPassword(admin, "Taken-Over-2026");
                    return null;
                }),
                "users.error.beyond-own-access");
        assertBeyondOwnAccess(
                () -> asUser(userManager, () -> {
                    UserForm details = administration.getForm(admin);
                    administration.update(
                            UserEdits.edited(details, details.getDisplayName(), false, details.getRoleIds()));
                    return null;
                }),
                "users.error.beyond-own-access");

        assertThat(asUser(ADMIN, () -> administration.getForm(admin)).isEnabled())
                .isTrue();
    }

    @Test
    void a_user_manager_manages_users_within_its_own_access() {
        UUID created = asUser(userManager, () -> users.createUser(newUserData(Set.of("read-only"))));

        assertThatCode(() -> asUser(userManager, () -> {
                    UserForm details = administration.getForm(created);
                    administration.update(UserEdits.edited(details, "Renamed " + tag, false, Set.of(readOnlyRole)));
                    administration.resetPassword(created, "Handed-Over-2026");
                    return null;
                }))
                .doesNotThrowAnyException();
        assertThat(asUser(ADMIN, () -> administration.getForm(created)).isEnabled())
                .isFalse();
    }

    @Test
    void the_administrator_and_system_work_may_hand_out_any_role() {
        UUID promoted = asUser(ADMIN, () -> users.createUser(newUserData(Set.of("administrator"))));
        UUID seeded = TenantContext.callAsSystem(
                DEMO_TENANT, null, () -> users.createUser(newUserData(Set.of("administrator"))));

        assertThat(asUser(ADMIN, () -> administration.getForm(promoted)).getRoleIds())
                .containsExactly(administratorRole);
        assertThat(asUser(ADMIN, () -> administration.getForm(seeded)).getRoleIds())
                .containsExactly(administratorRole);
    }

    // --- Roles -----------------------------------------------------------------------------------

    @Test
    void a_role_manager_cannot_create_or_copy_a_role_with_permissions_it_lacks() {
        assertBeyondOwnAccess(
                () -> asUser(
                        roleManager,
                        () -> roles.createRole(new RoleDraft(
                                "grab-" + tag,
                                "Grab",
                                null,
                                Set.of(AccessPermissions.ROLES_READ, AccessPermissions.USERS_EDIT)))),
                "roles.error.beyond-own-access");
        assertBeyondOwnAccess(
                () -> asUser(roleManager, () -> roles.copyRole(administratorRole, "admin-copy-" + tag, "Admin copy")),
                "roles.error.beyond-own-access");
    }

    @Test
    void a_role_manager_cannot_add_a_permission_it_lacks_to_its_own_role() {
        UUID own = roleId("role-manager-" + tag);
        long version = roleVersion(own);

        assertBeyondOwnAccess(
                () -> asUser(roleManager, () -> {
                    roles.updateRole(
                            own,
                            version,
                            new RoleDraft(
                                    null,
                                    "Role manager " + tag,
                                    null,
                                    Set.of(
                                            AccessPermissions.ROLES_READ,
                                            AccessPermissions.ROLES_EDIT,
                                            AccessPermissions.SECURITY_EVENTS_READ)));
                    return null;
                }),
                "roles.error.beyond-own-access");
    }

    @Test
    void a_role_manager_cannot_strip_or_delete_a_role_with_permissions_it_lacks() {
        long version = roleVersion(userManagerRole);

        assertBeyondOwnAccess(
                () -> asUser(roleManager, () -> {
                    roles.updateRole(userManagerRole, version, new RoleDraft(null, "Emptied", null, Set.of()));
                    return null;
                }),
                "roles.error.beyond-own-access");
        assertBeyondOwnAccess(
                () -> asUser(roleManager, () -> {
                    roles.deleteRole(userManagerRole);
                    return null;
                }),
                "roles.error.beyond-own-access");
    }

    @Test
    void a_role_manager_manages_roles_within_its_own_access() {
        assertThatCode(() -> asUser(roleManager, () -> {
                    UUID viewer = roles.createRole(
                            new RoleDraft("viewer-" + tag, "Viewer", null, Set.of(AccessPermissions.ROLES_READ)));
                    roles.updateRole(
                            viewer,
                            versionOf(viewer),
                            new RoleDraft(
                                    null,
                                    "Viewer and editor",
                                    null,
                                    Set.of(AccessPermissions.ROLES_READ, AccessPermissions.ROLES_EDIT)));
                    roles.deleteRole(viewer);
                    return null;
                }))
                .doesNotThrowAnyException();
    }

    // --- Helpers -----------------------------------------------------------------------------------

    private static void assertBeyondOwnAccess(ThrowingCallable call, String messageKey) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        AccessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(messageKey));
    }

    private NewUser newUserData(Set<String> roleCodes) {
        String unique = UUID.randomUUID().toString().substring(0, 12);
        return new NewUser(
                "delegation-" + unique + "@delegation.test",
                "Delegation " + unique,
                ActorType.EMPLOYEE,
                null,
                roleCodes,
                PASSWORD,
                "en");
    }

    private String newUser(String roleCode) {
        NewUser user = newUserData(Set.of(roleCode));
        TenantContext.callAsSystem(DEMO_TENANT, null, () -> users.createUser(user));
        return user.email();
    }

    private UUID userId(String email) {
        return ((NexoUser) userDetailsService.loadUserByUsername(email)).userId();
    }

    /**
     * Managing users, plus what the read-only role holds: it hands out "read-only" below, and that
     * role grows with every module's read permission (accounts.read, ...).
     */
    private Set<String> userManagerPermissions() {
        Set<String> permissions = new java.util.HashSet<>(asUser(
                ADMIN,
                () -> roles.listRoles().stream()
                        .filter(role -> role.code().equals("read-only"))
                        .findFirst()
                        .orElseThrow()
                        .permissions()));
        permissions.addAll(
                Set.of(AccessPermissions.USERS_READ, AccessPermissions.USERS_CREATE, AccessPermissions.USERS_EDIT));
        return permissions;
    }

    private UUID roleId(String code) {
        return asUser(
                ADMIN,
                () -> roles.listRoles().stream()
                        .filter(role -> role.code().equals(code))
                        .findFirst()
                        .orElseThrow()
                        .id());
    }

    private long roleVersion(UUID id) {
        return asUser(ADMIN, () -> versionOf(id));
    }

    /** The role's version, read as whoever is logged in now. */
    private long versionOf(UUID id) {
        return roles.listRoles().stream()
                .filter(role -> role.id().equals(id))
                .findFirst()
                .orElseThrow()
                .version();
    }

    /** Runs {@code work} with the user of this e-mail logged in, as found by the login look-up. */
    private <T> T asUser(String email, Supplier<T> work) {
        return LoggedIn.asUser(userDetailsService, email, work);
    }
}
