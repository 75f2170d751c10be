package com.nexo.security.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.security.AccessPermissions;
import com.nexo.security.ModulePermissions;
import com.nexo.security.Permission;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Permissions, the catalogue the modules declare, and what the predefined roles make of it. */
class PermissionCatalogTest {

    /** The administration modules as declared in production, and business modules as they will be. */
    private static final List<ModulePermissions> MODULES = List.of(
            new AccessPermissions.Users(),
            new AccessPermissions.Roles(),
            new AccessPermissions.SecurityEvents(),
            module("accounts", "read", "create", "edit", "delete"),
            module("crm", "read", "edit"),
            module("sales", "read", "edit", "approve"),
            module("purchasing", "read", "edit"),
            module("articles", "read", "edit"),
            module("production", "read", "edit"),
            module("cms", "read", "publish"));

    private static final Set<String> ADMINISTRATION = Set.of("users", "roles", "security-events");

    private final PermissionCatalog catalog = new PermissionCatalog(MODULES);

    // --- Permission ------------------------------------------------------------------------

    @Test
    void a_permission_is_parsed_into_module_and_action() {
        Permission permission = Permission.parse("security-events.read");

        assertThat(permission.module()).isEqualTo("security-events");
        assertThat(permission.action()).isEqualTo("read");
        assertThat(permission.code()).isEqualTo("security-events.read");
        assertThat(permission.authority()).isEqualTo("ROLE_security-events.read");
        assertThat(permission).hasToString("security-events.read");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "users",
                ".read",
                "users.",
                "Users.read",
                "users.Read",
                "users.edit.all",
                "users .read",
                "users.read ",
                "1users.read",
                "users.read1",
                "-users.read",
                "users_x.read",
                "usuarios.leér"
            })
    void malformed_permission_codes_are_refused(String code) {
        assertThatThrownBy(() -> Permission.parse(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void module_and_action_must_both_be_given() {
        assertThatThrownBy(() -> new Permission(null, "read")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Permission("users", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void permissions_are_equal_by_value_and_sorted_by_module_then_action() {
        assertThat(Permission.parse("users.read")).isEqualTo(new Permission("users", "read"));
        List<Permission> sorted = Arrays.asList(
                        Permission.parse("users.read"),
                        Permission.parse("roles.edit"),
                        Permission.parse("users.edit"),
                        Permission.parse("roles.read"))
                .stream()
                .sorted()
                .toList();
        assertThat(sorted)
                .extracting(Permission::code)
                .containsExactly("roles.edit", "roles.read", "users.edit", "users.read");
    }

    // --- Catalogue -------------------------------------------------------------------------

    @Test
    void the_catalogue_holds_every_declared_permission_once_and_sorted() {
        assertThat(catalog.all())
                .hasSize(MODULES.stream().mapToInt(m -> m.permissions().size()).sum());
        assertThat(List.copyOf(catalog.all())).isSorted();
        assertThat(catalog.contains(Permission.parse("users.edit"))).isTrue();
        assertThat(catalog.contains(Permission.parse("users.delete"))).isFalse();
    }

    @Test
    void the_administration_permissions_are_the_ones_the_services_check() {
        PermissionCatalog administration = new PermissionCatalog(List.of(
                new AccessPermissions.Users(), new AccessPermissions.Roles(), new AccessPermissions.SecurityEvents()));

        assertThat(administration.all())
                .extracting(Permission::code)
                .containsExactly(
                        AccessPermissions.ROLES_EDIT,
                        AccessPermissions.ROLES_READ,
                        AccessPermissions.SECURITY_EVENTS_READ,
                        AccessPermissions.USERS_CREATE,
                        AccessPermissions.USERS_EDIT,
                        AccessPermissions.USERS_READ);
    }

    @Test
    void by_module_lists_the_modules_in_order_with_their_permissions() {
        assertThat(List.copyOf(catalog.byModule().keySet())).isSorted().hasSize(MODULES.size());
        assertThat(catalog.byModule().get("crm")).extracting(Permission::code).containsExactly("crm.read", "crm.edit");
    }

    @Test
    void the_catalogue_cannot_be_changed_from_outside() {
        assertThatThrownBy(() -> catalog.all().add(Permission.parse("x.y")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> catalog.byModule().remove("users")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_permission_declared_twice_in_one_module_is_refused() {
        assertThatThrownBy(() -> new PermissionCatalog(List.of(module("crm", "read", "edit", "read"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("crm.read")
                .hasMessageContaining("twice");
    }

    @Test
    void the_same_permission_declared_by_two_modules_is_refused() {
        assertThatThrownBy(() -> new PermissionCatalog(List.of(module("crm", "read"), module("crm", "read"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("crm")
                .hasMessageContaining("twice");
    }

    @Test
    void a_module_code_declared_by_two_beans_is_refused_even_with_different_permissions() {
        // Otherwise the second declaration would silently hide the first one's permissions from the
        // permission matrix (byModule) while they stayed grantable.
        assertThatThrownBy(() -> new PermissionCatalog(List.of(module("crm", "read"), module("crm", "edit"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("crm");
    }

    @Test
    void a_module_cannot_declare_another_modules_permission() {
        ModulePermissions foreign = new ModulePermissions() {
            @Override
            public String module() {
                return "crm";
            }

            @Override
            public List<Permission> permissions() {
                return List.of(Permission.parse("crm.read"), Permission.parse("users.edit"));
            }
        };

        assertThatThrownBy(() -> new PermissionCatalog(List.of(foreign)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("users.edit")
                .hasMessageContaining("crm");
    }

    @Test
    void select_filters_by_module_and_by_action() {
        assertThat(codes(catalog.select(List.of("crm", "cms"), null)))
                .containsExactlyInAnyOrder("crm.read", "crm.edit", "cms.read", "cms.publish");
        assertThat(codes(catalog.select(List.of("sales"), List.of("approve")))).containsExactly("sales.approve");
        assertThat(codes(catalog.select(null, List.of("publish")))).containsExactly("cms.publish");
        assertThat(catalog.select(null, null)).isEqualTo(catalog.all());
        assertThat(catalog.select(List.of("nothing-like-this"), null)).isEmpty();
    }

    // --- Predefined roles ------------------------------------------------------------------

    @Test
    void the_administrator_gets_every_permission_of_the_catalogue() {
        assertThat(PredefinedRole.ADMINISTRATOR.permissions(catalog)).isEqualTo(catalog.all());
    }

    @Test
    void read_only_gets_every_read_permission_outside_administration_and_nothing_else() {
        SortedSet<Permission> readOnly = PredefinedRole.READ_ONLY.permissions(catalog);

        assertThat(readOnly).allSatisfy(permission -> {
            assertThat(permission.action()).isEqualTo("read");
            assertThat(ADMINISTRATION).doesNotContain(permission.module());
        });
        assertThat(codes(readOnly))
                .containsExactlyInAnyOrder(
                        "accounts.read",
                        "crm.read",
                        "sales.read",
                        "purchasing.read",
                        "articles.read",
                        "production.read",
                        "cms.read");
    }

    @Test
    void sales_gets_its_modules_in_full_reads_articles_and_nothing_of_administration() {
        Set<String> sales = codes(PredefinedRole.SALES.permissions(catalog));

        assertThat(sales)
                .containsExactlyInAnyOrder(
                        "accounts.read",
                        "accounts.create",
                        "accounts.edit",
                        "accounts.delete",
                        "crm.read",
                        "crm.edit",
                        "sales.read",
                        "sales.edit",
                        "sales.approve",
                        "articles.read",
                        // Every predefined role but the administrator's reads the CMS (issue 18).
                        "cms.read");
        assertThat(sales).noneMatch(code -> code.startsWith("users.") || code.startsWith("roles."));
    }

    @Test
    void the_salesperson_works_the_crm_without_seeing_other_peoples_records_or_changing_its_settings() {
        Set<String> salesperson = codes(PredefinedRole.SALESPERSON.permissions(catalog));

        assertThat(salesperson)
                .contains("crm.read", "crm.edit", "accounts.read", "accounts.edit", "sales.read", "articles.read")
                .doesNotContain("crm.team", "crm.all", "crm.settings", "crm.delete", "sales.edit", "accounts.delete");
    }

    @Test
    void no_predefined_role_but_the_administrator_touches_administration() {
        for (PredefinedRole role : PredefinedRole.values()) {
            if (role == PredefinedRole.ADMINISTRATOR) {
                continue;
            }
            assertThat(role.permissions(catalog))
                    .as(role.code())
                    .noneMatch(permission -> ADMINISTRATION.contains(permission.module()));
        }
    }

    @Test
    void a_new_module_reaches_the_predefined_roles_without_any_change_to_them() {
        PermissionCatalog grown = new PermissionCatalog(java.util.stream.Stream.concat(
                        MODULES.stream(), java.util.stream.Stream.of(module("hr", "read", "edit")))
                .toList());

        assertThat(codes(PredefinedRole.ADMINISTRATOR.permissions(grown))).contains("hr.read", "hr.edit");
        assertThat(codes(PredefinedRole.READ_ONLY.permissions(grown)))
                .contains("hr.read")
                .doesNotContain("hr.edit");
        assertThat(codes(PredefinedRole.SALES.permissions(grown))).doesNotContain("hr.read", "hr.edit");
    }

    @Test
    void predefined_roles_have_unique_valid_codes_found_by_code() {
        Set<String> codes =
                Arrays.stream(PredefinedRole.values()).map(PredefinedRole::code).collect(Collectors.toSet());
        assertThat(codes)
                .hasSize(PredefinedRole.values().length)
                .allMatch(code -> code.matches("[a-z0-9][a-z0-9-]{0,62}"));
        for (PredefinedRole role : PredefinedRole.values()) {
            assertThat(PredefinedRole.byCode(role.code())).contains(role);
        }
        assertThat(PredefinedRole.byCode("no-such-role")).isEmpty();
    }

    private static Set<String> codes(Set<Permission> permissions) {
        return permissions.stream().map(Permission::code).collect(Collectors.toSet());
    }

    private static ModulePermissions module(String code, String... actions) {
        List<Permission> permissions = Arrays.stream(actions)
                .map(action -> new Permission(code, action))
                .toList();
        return new ModulePermissions() {
            @Override
            public String module() {
                return code;
            }

            @Override
            public List<Permission> permissions() {
                return permissions;
            }
        };
    }
}
