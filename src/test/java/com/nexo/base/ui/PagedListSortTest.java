package com.nexo.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.paging.Sort;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagedListSortTest {

    enum Orders {
        NAME,
        CODE
    }

    @Test
    void the_grids_first_known_sort_property_picks_the_order_and_direction() {
        List<QuerySortOrder> orders = List.of(
                new QuerySortOrder("not-a-sort", SortDirection.ASCENDING),
                new QuerySortOrder("CODE", SortDirection.DESCENDING));

        assertThat(PagedList.sort(orders, Orders.class, Orders.NAME)).isEqualTo(Sort.descending(Orders.CODE));
    }

    @Test
    void without_a_known_sort_the_fallback_applies_ascending() {
        assertThat(PagedList.sort(List.of(), Orders.class, Orders.NAME)).isEqualTo(Sort.ascending(Orders.NAME));
        assertThat(PagedList.sort(
                        List.of(new QuerySortOrder("DROP TABLE", SortDirection.DESCENDING)), Orders.class, Orders.NAME))
                .isEqualTo(Sort.ascending(Orders.NAME));
    }
}
