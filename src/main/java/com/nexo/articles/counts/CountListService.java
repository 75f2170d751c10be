package com.nexo.articles.counts;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.categories.CategoryService;
import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.security.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the count screens read: the counts (newest first) and the lines of one count (by article
 * code), a keyset page at a time through {@link ListQuery}, and one count with its figures.
 */
@Service
public class CountListService {

    /** A list of counts or of lines says its exact size up to this many rows. */
    public static final int EXACT_COUNT_LIMIT = 1000;

    private static final String LINE_COLUMNS = """
            l.article_id, a.code, a.name_es, a.name_en, u.code AS unit_code, l.expected, l.counted,
            u.decimals AS unit_decimals""";

    private static final String LINE_FROM = """
            stock_count_line l
              JOIN article a ON a.id = l.article_id
              JOIN unit_of_measure u ON u.id = a.unit_id""";

    private static final String SUMMARY_COLUMNS = """
            c.id, c.warehouse_id, w.code AS warehouse_code, c.category_id, c.status, c.created_at, c.posted_at,
            f.lines, f.counted, w.name AS warehouse_name, g.code AS category_code, g.name_es, g.name_en,
            c.started_by, f.differences, f.last_entry_at""";

    private static final String SUMMARY_FROM = """
            stock_count c
              JOIN warehouse w ON w.id = c.warehouse_id
              LEFT JOIN article_category g ON g.id = c.category_id
             CROSS JOIN LATERAL (
                   SELECT count(*) AS lines,
                          count(l.counted) AS counted,
                          count(*) FILTER (WHERE l.counted <> l.expected) AS differences,
                          max(l.counted_at) AS last_entry_at
                     FROM stock_count_line l WHERE l.count_id = c.id) f""";

    private static final String FIND_LINE = "SELECT " + LINE_COLUMNS + " FROM " + LINE_FROM + """

             WHERE l.count_id = :count AND (lower(a.code) = lower(:text) OR a.barcode = :text)
             ORDER BY a.code
             LIMIT 1
            """;

    private static final String DIFFERENCES = "SELECT " + LINE_COLUMNS + " FROM " + LINE_FROM + """

             WHERE l.count_id = :count AND l.counted IS NOT NULL AND l.counted <> l.expected
             ORDER BY a.code
            """;

    private static final String ONE_COUNT = "SELECT " + SUMMARY_COLUMNS + " FROM " + SUMMARY_FROM + " WHERE c.id = :id";

    private final JdbcClient jdbc;
    private final UserDirectory users;

    CountListService(JdbcClient jdbc, UserDirectory users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /** The counts of a warehouse (all warehouses when null), newest first, a page after {@code after}. */
    @Transactional(readOnly = true)
    @RolesAllowed({ArticlePermissions.STOCK_COUNT, ArticlePermissions.STOCK_READ})
    public Page<StockCountSummary> counts(UUID warehouseId, PageCursor after, int limit) {
        ListQuery query = ListQuery.select(SUMMARY_COLUMNS).from(SUMMARY_FROM);
        if (warehouseId != null) {
            query.where("c.warehouse_id = :w", "w", warehouseId);
        }
        Page<Loaded> page =
                query.page(jdbc, ListOrder.keyset("c.created_at", "timestamptz", "c.id", true), after, limit, LOADED);
        return new Page<>(named(page.rows()), page.next());
    }

    /**
     * A page of the count's lines in article code order after {@code after}, narrowed by
     * {@code filter} and, when {@code search} is not blank, to the articles whose code begins with it
     * or whose barcode is it.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({ArticlePermissions.STOCK_COUNT, ArticlePermissions.STOCK_READ})
    public Page<CountLine> lines(UUID countId, CountLineFilter filter, String search, PageCursor after, int limit) {
        return lineQuery(countId, filter, search)
                .page(jdbc, ListOrder.keyset("a.code", "text", "a.id", false), after, limit, LINE);
    }

    /** How many lines {@link #lines} has: exact up to {@link #EXACT_COUNT_LIMIT}, estimated above. */
    @Transactional(readOnly = true)
    @RolesAllowed({ArticlePermissions.STOCK_COUNT, ArticlePermissions.STOCK_READ})
    public long countLines(UUID countId, CountLineFilter filter, String search) {
        return lineQuery(countId, filter, search).count(jdbc, EXACT_COUNT_LIMIT).value();
    }

    private static ListQuery lineQuery(UUID countId, CountLineFilter filter, String search) {
        ListQuery query = ListQuery.select(LINE_COLUMNS).from(LINE_FROM).where("l.count_id = :count", "count", countId);
        CountLineFilter chosen = filter == null ? CountLineFilter.ALL : filter;
        if (chosen == CountLineFilter.DIFFERENCES) {
            query.where("l.counted IS NOT NULL AND l.counted <> l.expected");
        } else if (chosen == CountLineFilter.REVIEW) {
            query.where("(l.counted IS NULL OR l.counted <> l.expected)");
        }
        String text = searchText(search);
        if (!text.isEmpty()) {
            query.where("(lower(a.code) LIKE lower(:prefix) OR a.barcode = :barcode)")
                    .param("prefix", CategoryService.likePrefix(text))
                    .param("barcode", text);
        }
        return query;
    }

    /**
     * The line of the article with exactly this code (case ignored) or this barcode, as a scanner or
     * a person typing a code gives it; empty when the count has no such article.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({ArticlePermissions.STOCK_COUNT, ArticlePermissions.STOCK_READ})
    public Optional<CountLine> findLine(UUID countId, String codeOrBarcode) {
        String text = searchText(codeOrBarcode);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql(FIND_LINE)
                .param("count", countId)
                .param("text", text)
                .query(LINE)
                .optional();
    }

    /** One count with its figures; empty when it does not exist (or is another tenant's). */
    @Transactional(readOnly = true)
    @RolesAllowed({ArticlePermissions.STOCK_COUNT, ArticlePermissions.STOCK_READ})
    public Optional<StockCountSummary> count(UUID countId) {
        return jdbc.sql(ONE_COUNT)
                .param("id", countId)
                .query(LOADED)
                .optional()
                .map(loaded -> named(List.of(loaded)).getFirst());
    }

    /** Every counted line whose count differs from what was expected: what posting writes. */
    List<CountLine> differences(UUID countId) {
        return jdbc.sql(DIFFERENCES).param("count", countId).query(LINE).list();
    }

    /** A count as read, with the id of the user who started it (whose name is the security module's). */
    private record Loaded(StockCountSummary summary, UUID startedBy) {}

    /** The counts with the names of who started them, from one look-up. */
    private List<StockCountSummary> named(List<Loaded> loaded) {
        if (loaded.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> names =
                users.namesOf(loaded.stream().map(Loaded::startedBy).toList());
        return loaded.stream()
                .map(count -> count.summary().withStartedByName(names.get(count.startedBy())))
                .toList();
    }

    static String searchText(String search) {
        return search == null ? "" : search.strip();
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static final RowMapper<CountLine> LINE = (rs, n) -> new CountLine(
            rs.getObject("article_id", UUID.class),
            rs.getString("code"),
            rs.getString("name_es"),
            rs.getString("name_en"),
            rs.getString("unit_code"),
            rs.getBigDecimal("expected"),
            rs.getBigDecimal("counted"),
            rs.getInt("unit_decimals"));

    private static final RowMapper<Loaded> LOADED = CountListService::loaded;

    private static Loaded loaded(ResultSet rs, int n) throws SQLException {
        return new Loaded(
                new StockCountSummary(
                        rs.getObject("id", UUID.class),
                        rs.getObject("warehouse_id", UUID.class),
                        rs.getString("warehouse_code"),
                        rs.getObject("category_id", UUID.class),
                        rs.getString("status"),
                        instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("posted_at")),
                        rs.getLong("lines"),
                        rs.getLong("counted"),
                        rs.getString("warehouse_name"),
                        rs.getString("category_code"),
                        rs.getString("name_es"),
                        rs.getString("name_en"),
                        null,
                        rs.getLong("differences"),
                        instant(rs.getTimestamp("last_entry_at"))),
                rs.getObject("started_by", UUID.class));
    }
}
