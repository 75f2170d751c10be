package com.nexo.base.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.testing.NexoSpringTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The list mechanism on a set of rows made in SQL (no table, so no tenant is involved): pages read
 * by key until the end give every row exactly once and in order, in both directions, with duplicate
 * sort values; ranked orders page by position; counts are exact up to the limit and estimated above.
 */
@NexoSpringTest
class ListQueryTest {

    /** 3,000 rows; "grp" repeats (30 rows each), so the id must break ties. */
    private static final String ROWS =
            "(SELECT n, n % 100 AS grp, md5(n::text)::uuid AS id" + " FROM generate_series(1, 3000) AS s (n)) r";

    private static final RowMapper<Integer> N = (row, i) -> row.getInt("n");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    private List<Integer> walk(ListQuery query, ListOrder order, int pageSize) {
        List<Integer> all = new ArrayList<>();
        PageCursor after = null;
        int pages = 0;
        do {
            Page<Integer> page = query.page(jdbc, order, after, pageSize, N);
            assertThat(page.rows().size()).isLessThanOrEqualTo(pageSize);
            all.addAll(page.rows());
            after = page.next();
            pages++;
        } while (after != null && pages < 10_000);
        return all;
    }

    private List<Integer> expected(String orderBy, String where) {
        return jdbc.sql("SELECT n FROM " + ROWS + where + " ORDER BY " + orderBy)
                .query(Integer.class)
                .list();
    }

    @Test
    void keyset_pages_give_every_row_once_in_order_with_ties_broken_by_id() {
        ListQuery query = ListQuery.select("r.n").from(ROWS);

        assertThat(walk(query, ListOrder.keyset("r.grp", "integer", "r.id", false), 47))
                .hasSize(3000)
                .containsExactlyElementsOf(expected("r.grp, r.id", ""));
        assertThat(walk(query, ListOrder.keyset("r.grp", "integer", "r.id", true), 200))
                .containsExactlyElementsOf(expected("r.grp DESC, r.id DESC", ""));
    }

    @Test
    void conditions_and_parameters_narrow_every_page() {
        ListQuery query = ListQuery.select("r.n")
                .from(ROWS)
                .where("r.n <= :top", "top", 500)
                .where("r.grp < 10");

        assertThat(walk(query, ListOrder.keyset("r.n", "integer", "r.id", false), 7))
                .containsExactlyElementsOf(expected("r.n", " WHERE r.n <= 500 AND r.grp < 10"));
    }

    @Test
    void the_last_page_says_nothing_follows() {
        ListQuery query = ListQuery.select("r.n").from(ROWS).where("r.n <= 10");

        Page<Integer> page = query.page(jdbc, ListOrder.keyset("r.n", "integer", "r.id", false), null, 10, N);

        assertThat(page.rows()).hasSize(10);
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void ranked_orders_page_by_position() {
        ListQuery query = ListQuery.select("r.n").from(ROWS).where("r.n <= 95");

        assertThat(walk(query, ListOrder.ranked("r.grp DESC, r.n"), 10))
                .containsExactlyElementsOf(expected("r.grp DESC, r.n", " WHERE r.n <= 95"));
    }

    @Test
    void page_size_is_capped() {
        Page<Integer> page = ListQuery.select("r.n")
                .from(ROWS)
                .page(jdbc, ListOrder.keyset("r.n", "integer", "r.id", false), null, 5000, N);

        assertThat(page.rows()).hasSize(ListQuery.MAX_PAGE_SIZE);
        assertThat(page.hasMore()).isTrue();
    }

    @Test
    void counts_are_exact_up_to_the_limit_and_estimated_above_it() {
        CountEstimate small =
                ListQuery.select("r.n").from(ROWS).where("r.n <= 40").count(jdbc, 1000);
        CountEstimate large = ListQuery.select("r.n").from(ROWS).count(jdbc, 1000);

        assertThat(small).isEqualTo(new CountEstimate(40, true, 1000));
        assertThat(large.exact()).isFalse();
        assertThat(large.exactLimit()).isEqualTo(1000);
        assertThat(large.value()).isBetween(1001L, 30_000L);
    }

    @Test
    void exports_stream_every_row_in_order_inside_a_transaction() {
        JdbcClient streaming = Streaming.client(dataSource);
        List<Integer> seen = new ArrayList<>();

        transactions.executeWithoutResult(status -> ListQuery.select("r.n")
                .from(ROWS)
                .forEach(streaming, ListOrder.keyset("r.n", "integer", "r.id", true), row -> seen.add(row.getInt(1))));

        assertThat(seen).containsExactlyElementsOf(expected("r.n DESC, r.id DESC", ""));
    }

    @Test
    void orders_and_parameters_refuse_what_is_not_plain_sql() {
        assertThatThrownBy(() -> ListOrder.keyset("a.name; DROP TABLE x", "text", "a.id", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ListOrder.keyset("a.name", "text) OR (1=1", "a.id", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ListQuery.select("1").param("nexo_limit", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new PageCursor("x", (UUID) null).positionOrZero()).isZero();
    }
}
