package com.nexo.articles.catalogue;

import com.nexo.articles.categories.CategoryService;
import com.nexo.base.paging.CountEstimate;
import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.base.paging.Sort;
import com.nexo.base.paging.Streaming;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The article list queries, through {@link ListQuery}: a category filter covers the whole subtree
 * through the materialised path (one index range scan on the categories, then the articles of those
 * categories); a text goes through the search function of migration V16, which returns ids in its
 * order, and the rows are read under row-level security. Without text the pages are keyset pages
 * ({@link ArticleOrder}); with text they follow the search's ranking.
 */
@Component
public class ArticleSearch {

    /** The columns of a list row, as {@link #ROW} reads them. */
    static final String SELECT_LIST = """
            a.id, a.code, a.kind, a.name_es, a.name_en, a.category_id,
            (SELECT c.code FROM article_category c WHERE c.id = a.category_id) AS category_code,
            (SELECT u.code FROM unit_of_measure u WHERE u.id = a.unit_id) AS unit_code,
            a.barcode, a.sale_price, a.cost, a.tax_rate, a.default_supplier_id, a.stock_tracked, a.status""";

    /** A whole SELECT of list rows from {@code article a}, for one row by id (and the benchmark). */
    public static final String COLUMNS = "SELECT " + SELECT_LIST + "\n  FROM article a\n";

    /**
     * A text filter reads at most this many matches when other filters (category, kind) still apply
     * to them, for counts and for exports (the best tier first, see migration V16): a search is for
     * finding, and a word that matches more articles than this asks for another word.
     */
    static final int MAX_TEXT_MATCHES = 5000;

    /** Counts are exact up to this many articles, estimated by the planner above. */
    static final int EXACT_COUNT_LIMIT = 1000;

    /**
     * Trigram similarity from which a word of the search corrects to a word of the tenant's article
     * names (a typo: "tornilo" finds "tornillo"); the same value as the account search uses.
     */
    static final double TYPO_THRESHOLD = 0.5;

    /**
     * The text search: {@code nexo_article_search} (migration V16) returns the ids of the matches in
     * their order (code or barcode first, then whole words, word starts, typos) and the rows are read
     * by id under row-level security. Parameters: {@code :text}, {@code :archivedFlag},
     * {@code :textCap}, {@code :threshold}.
     */
    static final String TEXT_JOIN = " JOIN nexo_article_search(:text, CAST(:archivedFlag AS boolean), :textCap,"
            + " CAST(:threshold AS real)) s ON s.id = a.id";

    static final RowMapper<ArticleRow> ROW = ArticleSearch::row;

    private static final String CATEGORY_PATH = """
            SELECT path FROM article_category WHERE id = :id
            """;

    private final JdbcClient jdbc;
    /** Reads exports row by row (a cursor in the transaction), so memory does not grow with the list. */
    private final JdbcClient streaming;

    ArticleSearch(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = Streaming.client(dataSource);
    }

    /**
     * One page of the articles matching {@code query} after {@code after} (null: the first page), in
     * {@code sort}; without one, in the search's order with text and by code without.
     */
    Page<ArticleRow> page(ArticleQuery query, Sort<ArticleOrder> sort, PageCursor after, int limit) {
        int size = Math.max(1, Math.min(limit, ListQuery.MAX_PAGE_SIZE));
        boolean text = hasText(query);
        // Without other filters the search needs to return only the rows up to the page's end; with
        // them it returns its best matches and the filters keep theirs.
        // A text sorted by a column is sorted among its best matches, all of which are read.
        ListOrder order = order(sort, text);
        boolean filtered = query.categoryId() != null || query.kind() != null || !order.isRanked();
        int end = position(after) + size + 1;
        ListQuery list = query(query, filtered ? Math.max(MAX_TEXT_MATCHES, end) : end);
        if (list == null) {
            return Page.empty();
        }
        return list.page(jdbc, order, after, size, ROW);
    }

    /** How many articles match: exact up to {@link #EXACT_COUNT_LIMIT}, or all matches of a text. */
    CountEstimate count(ArticleQuery query) {
        ListQuery list = query(query, MAX_TEXT_MATCHES);
        if (list == null) {
            return CountEstimate.exactly(0);
        }
        return list.count(jdbc, hasText(query) ? MAX_TEXT_MATCHES : EXACT_COUNT_LIMIT);
    }

    /**
     * Every article matching {@code query}, one row at a time: in {@code sort}, or in the search's
     * order with text (then at most {@link #MAX_TEXT_MATCHES}). Runs inside the caller's transaction.
     */
    void forEach(ArticleQuery query, Sort<ArticleOrder> sort, Consumer<ArticleRow> action) {
        ListQuery list = query(query, MAX_TEXT_MATCHES);
        if (list == null) {
            return;
        }
        int[] rowNum = {0};
        list.forEach(streaming, order(sort, hasText(query)), rs -> action.accept(row(rs, rowNum[0]++)));
    }

    private static boolean hasText(ArticleQuery query) {
        return query.text() != null && !query.text().isBlank();
    }

    /** The order asked for; without one, the search's with text and by code without. */
    private static ListOrder order(Sort<ArticleOrder> sort, boolean text) {
        if (sort == null || sort.by() == ArticleOrder.RELEVANCE) {
            return text ? ArticleOrder.RELEVANCE.listOrder(false) : ArticleOrder.CODE.listOrder(false);
        }
        return sort.by().listOrder(sort.descending());
    }

    /** Where a ranked page starts: the position a ranked cursor holds (0 for a keyset cursor). */
    private static int position(PageCursor after) {
        if (after == null || after.id() != null || after.sortValue() == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(after.sortValue()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The list query of {@code query}, or null when it can match nothing (an unknown category). A
     * text is searched by {@code nexo_article_search} (see {@link #TEXT_JOIN}), which returns at most
     * {@code textCap} matches.
     */
    private ListQuery query(ArticleQuery query, int textCap) {
        String text = query.text() == null ? "" : query.text().strip();
        ListQuery list = ListQuery.select(SELECT_LIST).from(text.isEmpty() ? "article a" : "article a" + TEXT_JOIN);
        if (!text.isEmpty()) {
            list.param("text", text)
                    .param("archivedFlag", query.includeArchived() ? null : Boolean.FALSE)
                    .param("textCap", Math.max(0, textCap))
                    .param("threshold", TYPO_THRESHOLD);
        }
        if (!query.includeArchived()) {
            list.where("a.status = 'active'");
        }
        if (query.kind() != null) {
            list.where("a.kind = :kind", "kind", query.kind().dbValue());
        }
        if (query.categoryId() != null) {
            List<String> paths = jdbc.sql(CATEGORY_PATH)
                    .param("id", query.categoryId())
                    .query(String.class)
                    .list();
            if (paths.isEmpty()) {
                return null;
            }
            list.where(
                    "a.category_id IN (SELECT sub.id FROM article_category sub WHERE sub.path LIKE :subtree)",
                    "subtree",
                    CategoryService.likePrefix(paths.getFirst()));
        }
        return list;
    }

    public static ArticleRow row(ResultSet rs, int rowNum) throws SQLException {
        return new ArticleRow(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                ArticleKind.fromDb(rs.getString("kind")),
                rs.getString("name_es"),
                rs.getString("name_en"),
                rs.getObject("category_id", UUID.class),
                rs.getString("category_code"),
                rs.getString("unit_code"),
                rs.getString("barcode"),
                rs.getBigDecimal("sale_price"),
                rs.getBigDecimal("cost"),
                rs.getBigDecimal("tax_rate"),
                rs.getObject("default_supplier_id", UUID.class),
                rs.getBoolean("stock_tracked"),
                "archived".equals(rs.getString("status")));
    }
}
