package com.nexo.accounts.search;

import com.nexo.accounts.account.AccountKind;
import com.nexo.accounts.account.AccountRole;
import com.nexo.security.UserDirectory;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
public class AccountSearch {

    /** Above this many rows a count is estimated by the planner instead of counted. */
    static final long EXACT_COUNT_LIMIT = 1000;

    /** At most this many words of a quick search are matched (each must match). */
    private static final int MAX_WORDS = 6;

    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\"\\s*:\\s*([0-9.eE+]+)");

    static final String ROW_COLUMNS = "a.id, a.code, a.kind, a.roles, a.legal_name, a.trade_name, a.tax_id, a.country,"
            + " a.emails[1] AS email, a.phones[1] AS phone, a.addresses -> 0 ->> 'city' AS city, a.tags,"
            + " a.owner_id, a.archived, a.updated_at";

    /**
     * A text filter reads at most this many matches (the best tier first, see migration V14): a
     * search is for finding, and a word that matches more accounts than this asks for another word.
     */
    static final int MAX_TEXT_MATCHES = 5000;

    /**
     * Trigram similarity from which a word of the search corrects to a word of the tenant's account
     * names (a typo). pg_trgm's default (0.6) misses one wrong letter in a nine-letter word
     * ("zaragosana"); 0.5 finds it.
     */
    static final double TYPO_THRESHOLD = 0.5;

    private final NamedParameterJdbcTemplate jdbc;
    private final UserDirectory users;

    AccountSearch(NamedParameterJdbcTemplate jdbc, UserDirectory users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /** The rows with their owners' names, from one look-up of the page's owners. */
    List<AccountRow> withOwnerNames(List<AccountRow> rows) {
        Map<UUID, String> names =
                users.namesOf(rows.stream().map(AccountRow::ownerId).toList());
        return rows.stream()
                .map(row -> row.ownerId() == null ? row : row.withOwnerName(names.get(row.ownerId())))
                .toList();
    }

    /** One page after {@code after} (null: the first page), in keyset order. */
    public AccountPage page(AccountFilter filter, AccountSort sort, PageCursor after, int limit) {
        PageStatement statement = pageStatement(filter, sort, after, limit);
        List<String> sortValues = new ArrayList<>();
        List<AccountRow> rows = jdbc.query(statement.sql(), statement.params(), (row, i) -> {
            if (!statement.relevance()) {
                sortValues.add(row.getString("sort_value"));
            }
            return ROW.mapRow(row, i);
        });
        int size = statement.size();
        if (rows.size() <= size) {
            return new AccountPage(withOwnerNames(rows), null);
        }
        PageCursor next = statement.relevance()
                ? new PageCursor(String.valueOf(statement.offset() + size), null)
                : new PageCursor(sortValues.get(size - 1), rows.get(size - 1).id());
        return new AccountPage(withOwnerNames(rows.subList(0, size)), next);
    }

    /**
     * The page query: one row more than asked, to know whether another page follows. Package-visible
     * so that the benchmark (test sources) runs the very same SQL under {@code EXPLAIN ANALYZE}.
     */
    PageStatement pageStatement(AccountFilter filter, AccountSort sort, PageCursor after, int limit) {
        Order order = order(sort, filter);
        int size = Math.max(1, Math.min(limit, 1000));
        // Relevance has no stable key to continue from: its cursor is an offset.
        int offset = order.relevance() && after != null ? Integer.parseInt(after.sortValue()) : 0;
        Query query = where(filter, order.relevance() ? offset + size + 1 : MAX_TEXT_MATCHES);
        query.params.addValue("limit", size + 1);
        if (order.relevance()) {
            query.params.addValue("offset", offset);
            return new PageStatement(
                    "SELECT " + ROW_COLUMNS + query.from() + query.sql + " ORDER BY " + order.orderBy()
                            + " LIMIT :limit OFFSET :offset",
                    query.params,
                    true,
                    size,
                    offset);
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
        return new PageStatement(
                "SELECT " + ROW_COLUMNS + ", " + order.key() + "::text AS sort_value" + query.from() + condition
                        + " ORDER BY " + order.orderBy() + " LIMIT :limit",
                query.params,
                false,
                size,
                0);
    }

    record PageStatement(String sql, MapSqlParameterSource params, boolean relevance, int size, int offset) {}

    /** Rows {@code offset} to {@code offset + limit} (a lazy grid's request). */
    List<AccountRow> list(AccountFilter filter, AccountSort sort, int offset, int limit) {
        Order order = order(sort, filter);
        int size = Math.max(1, Math.min(limit, 1000));
        int from = Math.max(0, offset);
        Query query = where(filter, order.relevance() ? from + size : MAX_TEXT_MATCHES);
        query.params.addValue("limit", size).addValue("offset", from);
        return withOwnerNames(jdbc.query(
                "SELECT " + ROW_COLUMNS + query.from() + query.sql + " ORDER BY " + order.orderBy()
                        + " LIMIT :limit OFFSET :offset",
                query.params,
                ROW));
    }

    /**
     * Streams every row of the filter, in order, to {@code handler} (CSV export). Owners come as
     * {@code owner_id}: their names are the security module's, looked up by the caller.
     */
    public void forEach(
            AccountFilter filter, AccountSort sort, NamedParameterJdbcTemplate streaming, RowCallbackHandler handler) {
        Query query = where(filter, MAX_TEXT_MATCHES);
        Order order = order(sort, filter);
        streaming.query(
                "SELECT " + ROW_COLUMNS
                        + ", a.emails, a.phones, a.website, a.payment_terms, a.credit_limit, a.currency,"
                        + " a.language" + query.from() + query.sql + " ORDER BY " + order.orderBy(),
                query.params,
                handler);
    }

    CountEstimate count(AccountFilter filter) {
        Query query = where(filter, MAX_TEXT_MATCHES + 1);
        // With text, the search function has already capped the matches: count them all.
        long limit = query.text() ? MAX_TEXT_MATCHES : EXACT_COUNT_LIMIT;
        query.params.addValue("cap", limit + 1);
        Long counted = jdbc.queryForObject(
                "SELECT count(*) FROM (SELECT 1" + query.from() + query.sql + " LIMIT :cap) capped",
                query.params,
                Long.class);
        long exact = counted == null ? 0 : counted;
        if (exact <= limit) {
            return new CountEstimate(exact, true, limit);
        }
        if (query.text()) {
            return new CountEstimate(limit, false, limit);
        }
        String plan = jdbc.queryForObject(
                "EXPLAIN (FORMAT JSON) SELECT 1" + query.from() + query.sql, query.params, String.class);
        Matcher rows = PLAN_ROWS.matcher(plan == null ? "" : plan);
        long estimate = rows.find() ? (long) Double.parseDouble(rows.group(1)) : exact;
        return new CountEstimate(Math.max(estimate, exact), false, limit);
    }

    /** The words of a quick search as typed (normalised and escaped by the search function). */
    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.strip().split("\\s+"))
                .filter(word -> !word.isBlank())
                .limit(MAX_WORDS)
                .toList();
    }

    /**
     * The FROM and WHERE of a list. A text filter goes through {@code nexo_account_search} (see
     * migrations V8 and V14: under row-level security the search indexes are only usable there),
     * which returns the ids and scores of at most {@code textCap} matches; the rows themselves are read
     * through row-level security like any other.
     */
    private static Query where(AccountFilter filter, int textCap) {
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
        String from = " FROM account a";
        if (!words.isEmpty()) {
            from = " FROM nexo_account_search(CAST(:words AS text[]), CAST(:archivedFlag AS boolean), :textCap,"
                    + " CAST(:threshold AS real)) s JOIN account a ON a.id = s.id";
            params.addValue("words", words.toArray(String[]::new))
                    .addValue(
                            "archivedFlag",
                            switch (filter.status()) {
                                case ACTIVE -> Boolean.FALSE;
                                case ARCHIVED -> Boolean.TRUE;
                                case ALL -> null;
                            })
                    .addValue("textCap", textCap)
                    .addValue("threshold", TYPO_THRESHOLD);
        }
        String sql = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new Query(from, sql, params, !words.isEmpty());
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
                        : new Order(null, null, "s.score DESC, a.name_key, a.id", true);
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
            null,
            row.getBoolean("archived"),
            row.getTimestamp("updated_at").toInstant());

    private static Set<AccountRole> roles(ResultSet row) throws SQLException {
        EnumSet<AccountRole> roles = EnumSet.noneOf(AccountRole.class);
        for (String role : strings(row.getArray("roles"))) {
            roles.add(AccountRole.valueOf(role.toUpperCase(Locale.ROOT)));
        }
        return roles;
    }

    public static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }

    private record Query(String from, String sql, MapSqlParameterSource params, boolean text) {}

    /** A sort: the key column and its SQL type (for keyset conditions), and the ORDER BY. */
    private record Order(String key, String type, String orderBy, boolean relevance) {}
}
