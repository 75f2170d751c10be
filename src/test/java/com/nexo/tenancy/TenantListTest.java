package com.nexo.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.base.paging.Sort;
import com.nexo.tenancy.TenantList.TenantQuery;
import com.nexo.tenancy.TenantList.TenantSort;
import com.nexo.tenancy.TenantService.TenantRow;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The operator's tenant list read by key, in each of its orders. */
@NexoSpringTest
class TenantListTest {

    private static final String OPERATOR = "operador@nexo.local";

    @Autowired
    private TenantList tenants;

    @Autowired
    private UserDetailsService userDetailsService;

    private <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(userDetailsService, email, work);
    }

    private List<TenantRow> allByPagesOfOne(TenantQuery query) {
        List<TenantRow> all = new ArrayList<>();
        PageCursor after = null;
        do {
            PageCursor from = after;
            Page<TenantRow> page = as(OPERATOR, () -> tenants.page(query, from, 1));
            all.addAll(page.rows());
            after = page.next();
        } while (after != null);
        return all;
    }

    @Test
    void every_order_read_a_row_at_a_time_gives_what_one_page_gives() {
        for (TenantSort by : TenantSort.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                TenantQuery query = new TenantQuery("", new Sort<>(by, descending));
                List<TenantRow> onePage =
                        as(OPERATOR, () -> tenants.page(query, null, 1000)).rows();

                assertThat(allByPagesOfOne(query))
                        .as("%s %s", by, descending ? "descending" : "ascending")
                        .containsExactlyElementsOf(onePage);
                assertThat(onePage).hasSizeGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void the_search_finds_code_or_name_and_the_count_agrees() {
        TenantQuery demo = new TenantQuery("DEMO", null);

        assertThat(as(OPERATOR, () -> tenants.page(demo, null, 10)).rows())
                .extracting(TenantRow::code)
                .contains("demo");
        assertThat(as(OPERATOR, () -> tenants.count(demo)).value())
                .isEqualTo(as(OPERATOR, () -> tenants.page(demo, null, 1000))
                        .rows()
                        .size());
    }

    @Test
    void a_tenant_administrator_may_not_list_tenants() {
        assertThatThrownBy(() -> as("admin@demo.nexo", () -> tenants.page(new TenantQuery("", null), null, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
