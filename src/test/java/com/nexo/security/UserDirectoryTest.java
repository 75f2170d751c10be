package com.nexo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.security.users.UserList;
import com.nexo.security.users.UserList.UserQuery;
import com.nexo.security.users.UserList.UserRow;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** What other modules may know about users, read as real users of the demo tenants (RLS applies). */
@NexoSpringTest
class UserDirectoryTest {

    private static final String ADMIN = "admin@demo.nexo";
    private static final String NORTHWIND_ADMIN = "admin@northwind.nexo";

    @Autowired
    private UserDirectory directory;

    @Autowired
    private UserService users;

    @Autowired
    private UserList userList;

    @Autowired
    private UserDetailsService userDetailsService;

    private <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(userDetailsService, email, work);
    }

    private UserRow demoUser(String email) {
        return as(
                        ADMIN,
                        () -> userList.page(new UserQuery(email, null), null, 10)
                                .rows())
                .stream()
                .filter(row -> row.email().equals(email))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void names_are_looked_up_by_id_in_one_call_and_unknown_ids_are_left_out() {
        UserRow sales = demoUser("ventas@demo.nexo");
        UserRow client = demoUser("cliente@demo.nexo");
        UUID unknown = UUID.randomUUID();

        Map<UUID, String> names = as(ADMIN, () -> directory.namesOf(List.of(sales.id(), client.id(), unknown)));

        assertThat(names)
                .containsOnly(Map.entry(sales.id(), sales.displayName()), Map.entry(client.id(), client.displayName()));
        assertThat(names.get(null)).as("a record without a user has no name").isNull();
        assertThat(as(ADMIN, () -> directory.namesOf(List.of()))).isEmpty();
    }

    @Test
    void owners_are_the_enabled_employees_and_only_employees_count_as_such() {
        UserRow sales = demoUser("ventas@demo.nexo");
        UserRow client = demoUser("cliente@demo.nexo");

        assertThat(as(ADMIN, () -> directory.activeEmployees()))
                .extracting(UserDirectory.UserName::displayName)
                .contains("Ana Administradora", "Sergio Ventas", "Rosa Consulta")
                .doesNotContain(client.displayName());
        assertThat(client.actorType()).isEqualTo(ActorType.CLIENT);
        assertThat(as(ADMIN, () -> directory.isEmployee(sales.id()))).isTrue();
        assertThat(as(ADMIN, () -> directory.isEmployee(client.id()))).isFalse();
        assertThat(as(ADMIN, () -> directory.isEmployee(null))).isFalse();
    }

    @Test
    void another_tenant_learns_nothing_about_these_users() {
        UserRow sales = demoUser("ventas@demo.nexo");

        assertThat(as(NORTHWIND_ADMIN, () -> directory.namesOf(List.of(sales.id()))))
                .isEmpty();
        assertThat(as(NORTHWIND_ADMIN, () -> directory.isEmployee(sales.id()))).isFalse();
        assertThat(as(NORTHWIND_ADMIN, () -> directory.activeEmployees()))
                .extracting(UserDirectory.UserName::displayName)
                .containsExactly("Nancy Admin");
    }

    @Test
    void a_portal_user_may_not_use_the_directory() {
        assertThatThrownBy(() -> as("cliente@demo.nexo", () -> directory.activeEmployees()))
                .isInstanceOf(AccessDeniedException.class);
    }
}
