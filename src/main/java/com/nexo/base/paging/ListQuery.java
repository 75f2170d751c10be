package com.nexo.base.paging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one way a list reads its rows in SQL: a SELECT with its FROM and its filter conditions (every
 * value a named parameter), read a page at a time in a {@link ListOrder}, counted exactly up to a
 * limit and estimated above it, or streamed whole for an export. Tenant scoping is not here:
 * row-level security adds it to every statement.
 *
 * <pre>{@code
 * ListQuery query = ListQuery.select("a.id, a.code, a.legal_name")
 *         .from("account a")
 *         .where("NOT a.archived")
 *         .where("a.owner_id = :owner", "owner", ownerId);
 * Page<AccountRow> page = query.page(jdbc, ListOrder.keyset("a.name_key", "text", "a.id", false), after, 50, ROW);
 * }</pre>
 *
 * <p>Conditions and columns are SQL written by the module, never user input; values always travel as
 * parameters. Parameter names starting with {@code nexo_} are reserved for this class.
 */
public final class ListQuery {

    /** No page is longer than this, whatever a caller asks for. */
    public static final int MAX_PAGE_SIZE = 1000;

    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\"\\s*:\\s*([0-9.eE+]+)");

    private final String columns;
    private String from;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    private ListQuery(String columns) {
        this.columns = Objects.requireNonNull(columns, "columns");
    }

    /** The columns of a row, as the mapper reads them. */
    public static ListQuery select(String columns) {
        return new ListQuery(columns);
    }

    /** The FROM clause's content: a table with its alias, joins, or a search function joined to a table. */
    public ListQuery from(String from) {
        this.from = Objects.requireNonNull(from, "from");
        return this;
    }

    /** A condition every row must meet (AND-ed with the others). */
    public ListQuery where(String condition) {
        conditions.add(Objects.requireNonNull(condition, "condition"));
        return this;
    }

    /** A condition with one named parameter. */
    public ListQuery where(String condition, String name, Object value) {
        return where(condition).param(name, value);
    }

    /** A parameter used by the FROM clause or a condition. */
    public ListQuery param(String name, Object value) {
        if (name.startsWith("nexo_")) {
            throw new IllegalArgumentException("parameter names starting with nexo_ are reserved: " + name);
        }
        params.put(name, value);
        return this;
    }

    /**
     * Up to {@code limit} rows after {@code after} (null: the first page), in {@code order}, and the
     * cursor of the next page (null when none follows).
     */
    public <T> Page<T> page(JdbcClient jdbc, ListOrder order, PageCursor after, int limit, RowMapper<T> mapper) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE_SIZE));
        Map<String, Object> values = new LinkedHashMap<>(params);
        values.put("nexo_limit", size + 1);
        if (order.isRanked()) {
            int position = after == null ? 0 : after.positionOrZero();
            values.put("nexo_offset", position);
            List<T> rows = jdbc.sql("SELECT " + columns + fromClause() + whereClause(null) + " ORDER BY "
                            + order.orderBy() + " LIMIT :nexo_limit OFFSET :nexo_offset")
                    .params(values)
                    .query(mapper)
                    .list();
            return rows.size() <= size
                    ? new Page<>(rows, null)
                    : new Page<>(rows.subList(0, size), PageCursor.position(position + size));
        }
        String keyset = null;
        if (after != null && after.id() != null) {
            keyset = "(" + order.key() + ", " + order.id() + ") " + (order.descending() ? "<" : ">")
                    + " (CAST(:nexo_after_value AS " + order.sqlType() + "), :nexo_after_id)";
            values.put("nexo_after_value", after.sortValue());
            values.put("nexo_after_id", after.id());
        }
        List<String> sortValues = new ArrayList<>(size + 1);
        List<UUID> ids = new ArrayList<>(size + 1);
        List<T> rows = jdbc.sql("SELECT " + columns + ", CAST(" + order.key() + " AS text) AS nexo_sort_value, "
                        + order.id() + " AS nexo_sort_id" + fromClause() + whereClause(keyset) + " ORDER BY "
                        + order.orderBy() + " LIMIT :nexo_limit")
                .params(values)
                .query((row, i) -> {
                    sortValues.add(row.getString("nexo_sort_value"));
                    ids.add(row.getObject("nexo_sort_id", UUID.class));
                    return mapper.mapRow(row, i);
                })
                .list();
        if (rows.size() <= size) {
            return new Page<>(rows, null);
        }
        return new Page<>(rows.subList(0, size), new PageCursor(sortValues.get(size - 1), ids.get(size - 1)));
    }

    /**
     * How many rows match: counted exactly up to {@code exactLimit} (reading at most one row more);
     * above it, the planner's estimate. Where a search function already caps the matches, pass that
     * cap: the count is then always exact.
     */
    public CountEstimate count(JdbcClient jdbc, long exactLimit) {
        long limit = Math.max(0, exactLimit);
        Map<String, Object> values = new LinkedHashMap<>(params);
        values.put("nexo_cap", limit + 1);
        Long counted = jdbc.sql("SELECT count(*) FROM (SELECT 1" + fromClause() + whereClause(null)
                        + " LIMIT :nexo_cap) capped")
                .params(values)
                .query(Long.class)
                .single();
        long exact = counted == null ? 0 : counted;
        if (exact <= limit) {
            return new CountEstimate(exact, true, limit);
        }
        String plan = jdbc.sql("EXPLAIN (FORMAT JSON) SELECT 1" + fromClause() + whereClause(null))
                .params(params)
                .query(String.class)
                .single();
        Matcher rows = PLAN_ROWS.matcher(plan == null ? "" : plan);
        long estimate = rows.find() ? (long) Double.parseDouble(rows.group(1)) : exact;
        return new CountEstimate(Math.max(estimate, exact), false, limit);
    }

    /**
     * Every matching row in {@code order}, one at a time, for exports. Pass a client made by
     * {@link Streaming#client}: rows then come from a cursor a batch at a time, so memory does not
     * grow with the list. Must run inside a transaction (the cursor lives in it).
     */
    public void forEach(JdbcClient streaming, ListOrder order, RowCallbackHandler handler) {
        streaming
                .sql("SELECT " + columns + fromClause() + whereClause(null) + " ORDER BY " + order.orderBy())
                .params(params)
                .query(handler);
    }

    private String fromClause() {
        if (from == null) {
            throw new IllegalStateException("ListQuery without FROM");
        }
        return " FROM " + from;
    }

    private String whereClause(String extra) {
        List<String> all = new ArrayList<>(conditions);
        if (extra != null) {
            all.add(extra);
        }
        return all.isEmpty() ? "" : " WHERE " + String.join(" AND ", all);
    }
}
