package com.nexo.accounts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SQL of account lists: filters, whitelisted sort orders, keyset and offset paging, quick search
 * and count estimates. Tenant scoping is not here: row-level security adds it to every statement.
 */
@Component
class AccountSearch {

    /** Above this many rows a count is estimated by the planner instead of counted. */
    static final long EXACT_COUNT_LIMIT = 1000;

    /** At most this many words of a quick search are matched (each must match). */
    private static final int MAX_WORDS = 6;

    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\"\\s*:\\s*([0-9.eE+]+)");

    static final String ROW_COLUMNS = "a.id, a.code, a.kind, a.roles, a.legal_name, a.trade_name, a.tax_id, a.country,"
            + " a.emails[1] AS email, a.phones[1] AS phone, a.addresses -> 0 ->> 'city' AS city, a.tags,"
            + " a.owner_id, u.display_name AS owner_name, a.archived, a.updated_at";

    private static final String FROM = " FROM account a LEFT JOIN app_user u ON u.id = a.owner_id";

    /**
     * Word similarity from which a word of the search matches a word with a typo. pg_trgm's default
     * (0.6) misses one wrong letter in a nine-letter word ("zaragosana"); 0.5 finds it.
     */
    static final double TYPO_THRESHOLD = 0.5;

    private final NamedParameterJdbcTemplate jdbc;

    AccountSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One page after {@code after} (null: the first page), in keyset order. */
    AccountPage page(AccountFilter filter, AccountSort sort, PageCursor after, int limit) {
        Query query = where(filter);
        Order order = order(sort, filter);
        int size = Math.max(1, Math.min(limit, 1000));
        String sql;
        if (order.relevance()) {
            int offset = after == null ? 0 : Integer.parseInt(after.sortValue());
            query.params.addValue("limit", size + 1).addValue("offset", offset);
            sql = "SELECT " + ROW_COLUMNS + FROM + query.sql + " ORDER BY " + order.orderBy()
                    + " LIMIT :limit OFFSET :offset";
            List<AccountRow> rows = jdbc.query(sql, query.params, ROW);
            boolean more = rows.size() > size;
            List<AccountRow> shown = more ? rows.subList(0, size) : rows;
            return new AccountPage(
                    List.copyOf(shown), more ? new PageCursor(String.valueOf(offset + size), null) : null);
        }
        StringBuilder condition = new StringBuilder(query.sql);
        if (after != null) {
            condition
                    .append(condition.isEmpty() ? " WHERE " : " AND ")
                    .append("(")
                    .append(order.key())
                    .append(", a.id) ")
                    .append(sort.descending() ? "<" : ">")
                    .append(" (CAST(:afterValue AS ")
                    .append(order.type())
                    .append("), :afterId)");
            query.params.addValue("afterValue", after.sortValue()).addValue("afterId", after.id());
        }
        query.params.addValue("limit", size + 1);
        sql = "SELECT " + ROW_COLUMNS + ", " + order.key() + "::text AS sort_value" + FROM + condition + " ORDER BY "
                + order.orderBy() + " LIMIT :limit";
        List<String> sortValues = new ArrayList<>();
        List<AccountRow> rows = jdbc.query(sql, query.params, (row, i) -> {
            sortValues.add(row.getString("sort_value"));
            return ROW.mapRow(row, i);
        });
        boolean more = rows.size() > size;
        if (!more) {
            return new AccountPage(List.copyOf(rows), null);
        }
        AccountRow last = rows.get(size - 1);
        return new AccountPage(List.copyOf(rows.subList(0, size)), new PageCursor(sortValues.get(size - 1), last.id()));
    }

    /** Rows {@code offset} to {@code offset + limit} (a lazy grid's request). */
    List<AccountRow> list(AccountFilter filter, AccountSort sort, int offset, int limit) {
        Query query = where(filter);
        Order order = order(sort, filter);
        query.params.addValue("limit", Math.max(1, Math.min(limit, 1000))).addValue("offset", Math.max(0, offset));
        return jdbc.query(
                "SELECT " + ROW_COLUMNS + FROM + query.sql + " ORDER BY " + order.orderBy()
                        + " LIMIT :limit OFFSET :offset",
                query.params,
                ROW);
    }

    /** Streams every row of the filter, in order, to {@code handler} (CSV export). */
    void forEach(
            AccountFilter filter, AccountSort sort, NamedParameterJdbcTemplate streaming, RowCallbackHandler handler) {
        Query query = where(filter);
        Order order = order(sort, filter);
        streaming.query(
                "SELECT " + ROW_COLUMNS
                        + ", a.emails, a.phones, a.website, a.payment_terms, a.credit_limit, a.currency,"
                        + " a.language" + FROM + query.sql + " ORDER BY " + order.orderBy(),
                query.params,
                handler);
    }

    CountEstimate count(AccountFilter filter) {
        Query query = where(filter);
        query.params.addValue("cap", EXACT_COUNT_LIMIT + 1);
        Long counted = jdbc.queryForObject(
                "SELECT count(*) FROM (SELECT 1 FROM account a" + query.sql + " LIMIT :cap) capped",
                query.params,
                Long.class);
        long exact = counted == null ? 0 : counted;
        if (exact <= EXACT_COUNT_LIMIT) {
            return new CountEstimate(exact, true, EXACT_COUNT_LIMIT);
        }
        String plan = jdbc.queryForObject(
                "EXPLAIN (FORMAT JSON) SELECT 1 FROM account a" + query.sql, query.params, String.class);
        Matcher rows = PLAN_ROWS.matcher(plan == null ? "" : plan);
        long estimate = rows.find() ? (long) Double.parseDouble(rows.group(1)) : exact;
        return new CountEstimate(Math.max(estimate, exact), false, EXACT_COUNT_LIMIT);
    }

    /** The words of a quick search, escaped for LIKE (normalised by the database). */
    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.strip().split("\\s+"))
                .filter(word -> !word.isBlank())
                .limit(MAX_WORDS)
                .map(word -> word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"))
                .toList();
    }

    /** Sets the typo threshold for the rest of the transaction, when the filter searches text. */
    private void prepare(AccountFilter filter) {
        if (filter.text() != null) {
            jdbc.getJdbcTemplate().execute("SET LOCAL pg_trgm.word_similarity_threshold = " + TYPO_THRESHOLD);
        }
    }

    private Query where(AccountFilter filter) {
        prepare(filter);
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        switch (filter.status()) {
            case ACTIVE -> conditions.add("NOT a.archived");
            case ARCHIVED -> conditions.add("a.archived");
            case ALL -> {
                // no condition
            }
        }
        if (!filter.roles().isEmpty()) {
            conditions.add("a.roles && CAST(:roles AS text[])");
            params.addValue(
                    "roles", filter.roles().stream().map(Enum::name).sorted().toArray(String[]::new));
        }
        if (filter.tag() != null) {
            conditions.add("a.tags @> ARRAY[CAST(:tag AS text)]");
            params.addValue("tag", filter.tag());
        }
        if (filter.ownerId() != null) {
            conditions.add("a.owner_id = :owner");
            params.addValue("owner", filter.ownerId());
        }
        List<String> words = words(filter.text());
        for (int i = 0; i < words.size(); i++) {
            String word = "w" + i;
            // A part of a word anywhere (LIKE, served by the trigram index), or a word with a typo
            // (word similarity above pg_trgm.word_similarity_threshold, same index).
            conditions.add("(a.search_text LIKE '%' || nexo_search_key(:" + word + ") || '%'" + " OR nexo_search_key(:"
                    + word + ") <% a.search_text)");
            params.addValue(word, words.get(i));
        }
        if (!words.isEmpty()) {
            params.addValue("text", String.join(" ", words));
        }
        String sql = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new Query(sql, params);
    }

    private static Order order(AccountSort sort, AccountFilter filter) {
        String direction = sort.descending() ? " DESC" : "";
        return switch (sort.column()) {
            case NAME -> new Order("a.name_key", "text", "a.name_key" + direction + ", a.id" + direction, false);
            case CODE -> new Order("a.code", "text", "a.code" + direction + ", a.id" + direction, false);
            case CREATED ->
                new Order("a.created_at", "timestamptz", "a.created_at" + direction + ", a.id" + direction, false);
            case UPDATED ->
                new Order("a.updated_at", "timestamptz", "a.updated_at" + direction + ", a.id" + direction, false);
            case RELEVANCE ->
                filter.text() == null
                        ? new Order("a.name_key", "text", "a.name_key, a.id", false)
                        : new Order(
                                null,
                                null,
                                "word_similarity(nexo_search_key(:text), a.search_text) DESC, a.name_key, a.id",
                                true);
        };
    }

    static final RowMapper<AccountRow> ROW = (row, i) -> new AccountRow(
            row.getObject("id", UUID.class),
            row.getString("code"),
            AccountKind.valueOf(row.getString("kind")),
            roles(row),
            row.getString("legal_name"),
            row.getString("trade_name"),
            row.getString("tax_id"),
            row.getString("country"),
            row.getString("email"),
            row.getString("phone"),
            row.getString("city"),
            strings(row.getArray("tags")),
            row.getObject("owner_id", UUID.class),
            row.getString("owner_name"),
            row.getBoolean("archived"),
            row.getTimestamp("updated_at").toInstant());

    private static Set<AccountRole> roles(ResultSet row) throws SQLException {
        EnumSet<AccountRole> roles = EnumSet.noneOf(AccountRole.class);
        for (String role : strings(row.getArray("roles"))) {
            roles.add(AccountRole.valueOf(role.toUpperCase(Locale.ROOT)));
        }
        return roles;
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }

    private record Query(String sql, MapSqlParameterSource params) {}

    /** A sort: the key column and its SQL type (for keyset conditions), and the ORDER BY. */
    private record Order(String key, String type, String orderBy, boolean relevance) {}
}
