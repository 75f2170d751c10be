package com.nexo.base.paging;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An order a list may be read in. Lists offer a fixed set of them (an enum of the module maps each
 * choice to one), never an order built from user input, and each keyset order has an index that
 * serves it: {@code (tenant_id, key, id)}.
 *
 * <ul>
 *   <li>{@link #keyset}: by a NOT NULL key column, then the row id as tie-breaker; a page starts after
 *       the last row read ({@code (key, id) > (:value, :id)}), so page 20,000 costs what page 1 does.
 *   <li>{@link #ranked}: the order a search function gives its matches in (best first). It has no
 *       stable key, so pages go by position; that is cheap because the search caps its matches.
 * </ul>
 */
public record ListOrder(String key, String sqlType, String id, boolean descending, String rankedOrderBy) {

    /** SQL expressions allowed in an order: column references, casts and simple function calls. */
    private static final Pattern EXPRESSION = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*(\\([A-Za-z0-9_., ]*\\))?");

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9 ]*(\\[])?");

    public ListOrder {
        if (rankedOrderBy == null) {
            requireExpression(key, "key");
            requireExpression(id, "id");
            if (sqlType == null || !TYPE.matcher(sqlType).matches()) {
                throw new IllegalArgumentException("not an SQL type name: " + sqlType);
            }
        }
    }

    /** By {@code key} (of SQL type {@code sqlType}, e.g. "text", "timestamptz"), then by {@code id}. */
    public static ListOrder keyset(String key, String sqlType, String id, boolean descending) {
        return new ListOrder(key, sqlType, id, descending, null);
    }

    /** In the order of {@code orderBy} (e.g. "s.ordinal"), paged by position. */
    public static ListOrder ranked(String orderBy) {
        return new ListOrder(null, null, null, false, Objects.requireNonNull(orderBy, "orderBy"));
    }

    public boolean isRanked() {
        return rankedOrderBy != null;
    }

    /** The ORDER BY clause's content. */
    String orderBy() {
        if (isRanked()) {
            return rankedOrderBy;
        }
        String direction = descending ? " DESC" : "";
        return key + direction + ", " + id + direction;
    }

    private static void requireExpression(String expression, String what) {
        if (expression == null || !EXPRESSION.matcher(expression).matches()) {
            throw new IllegalArgumentException("not a plain SQL expression for " + what + ": " + expression);
        }
    }
}
