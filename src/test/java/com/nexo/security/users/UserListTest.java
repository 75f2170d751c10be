package com.nexo.security.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.paging.CountEstimate;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.base.paging.Sort;
import com.nexo.security.users.UserList.UserQuery;
import com.nexo.security.users.UserList.UserRow;
import com.nexo.security.users.UserList.UserSort;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The user list read by key, as a real administrator of the demo tenant (row-level security applies). */
@NexoSpringTest
class UserListTest {

    private static final String ADMIN = "admin@demo.nexo";
    private static final String NORTHWIND_ADMIN = "admin@northwind.nexo";

    @Autowired
    private UserList users;

    @Autowired
    private UserDetailsService userDetailsService;

    private <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(userDetailsService, email, work);
    }

    private List<UserRow> allByPagesOf(int size, UserQuery query) {
        List<UserRow> all = new ArrayList<>();
        PageCursor after = null;
        do {
            PageCursor from = after;
            Page<UserRow> page = as(ADMIN, () -> users.page(query, from, size));
            all.addAll(page.rows());
            after = page.next();
        } while (after != null);
        return all;
    }

    @Test
    void small_pages_read_one_after_another_give_the_whole_list_once_in_the_same_order() {
        UserQuery query = new UserQuery("", null);
        List<UserRow> onePage = as(ADMIN, () -> users.page(query, null, 1000)).rows();

        List<UserRow> byPagesOfTwo = allByPagesOf(2, query);

        assertThat(onePage).hasSizeGreaterThan(2);
        assertThat(byPagesOfTwo)
                .extracting(UserRow::id)
                .containsExactlyElementsOf(onePage.stream().map(UserRow::id).toList());
    }

    @Test
    void the_name_order_may_be_reversed_and_the_count_is_exact_below_the_limit() {
        UserQuery ascending = new UserQuery("", Sort.ascending(UserSort.NAME));
        UserQuery descending = new UserQuery("", Sort.descending(UserSort.NAME));
        List<UserRow> up = allByPagesOf(3, ascending);
        List<UserRow> down = allByPagesOf(3, descending);
        CountEstimate count = as(ADMIN, () -> users.count(ascending));

        assertThat(down)
                .extracting(UserRow::id)
                .containsExactlyElementsOf(
                        up.reversed().stream().map(UserRow::id).toList());
        assertThat(count.exact()).isTrue();
        assertThat(count.value()).isEqualTo(up.size());
    }

    @Test
    void the_search_matches_name_or_e_mail_literally_and_rows_carry_their_roles() {
        List<UserRow> found = as(ADMIN, () -> users.page(new UserQuery("ADMIN@demo", null), null, 10))
                .rows();
        List<UserRow> wildcard =
                as(ADMIN, () -> users.page(new UserQuery("%", null), null, 10)).rows();

        assertThat(found).extracting(UserRow::email).containsExactly(ADMIN);
        assertThat(found.getFirst().roles()).extracting(UserList.RoleName::code).contains("administrator");
        assertThat(wildcard).isEmpty();
        assertThat(as(ADMIN, () -> users.count(new UserQuery("%", null))).value())
                .isZero();
    }

    @Test
    void another_tenants_administrator_sees_only_its_own_users() {
        List<UserRow> northwind = as(NORTHWIND_ADMIN, () -> users.page(new UserQuery("", null), null, 1000))
                .rows();

        assertThat(northwind).isNotEmpty().extracting(UserRow::email).doesNotContain(ADMIN);
    }
}
