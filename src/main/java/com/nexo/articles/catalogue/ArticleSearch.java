package com.nexo.articles.catalogue;

import com.nexo.articles.categories.CategoryService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The article list queries, in SQL: a category filter covers the whole subtree through the
 * materialised path (one index range scan on the categories, then the articles of those categories);
 * a text goes through the search function of migration V16, which returns ids, and the rows are read
 * under row-level security.
 */
@Component
public class ArticleSearch {

    /** The columns of a list row (package-visible so that the benchmark runs the very same SQL). */
    public static final String COLUMNS = """
            SELECT a.id, a.code, a.kind, a.name_es, a.name_en, a.category_id,
                   (SELECT c.code FROM article_category c WHERE c.id = a.category_id) AS category_code,
                   (SELECT u.code FROM unit_of_measure u WHERE u.id = a.unit_id) AS unit_code,
                   a.barcode, a.sale_price, a.cost, a.tax_rate, a.default_supplier_id, a.stock_tracked, a.status
              FROM article a
            """;

    private static final int EXPORT_FETCH_SIZE = 500;
    /**
     * A text filter reads at most this many matches when other filters (category, kind) still apply
     * to them, for counts and for exports (the best tier first, see migration V16): a search is for
     * finding, and a word that matches more articles than this asks for another word.
     */
    static final int MAX_TEXT_MATCHES = 5000;
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

    private final JdbcClient jdbc;
    /** Reads exports row by row (a cursor in the transaction), so memory does not grow with the list. */
    private final JdbcClient streaming;

    ArticleSearch(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        org.springframework.jdbc.core.JdbcTemplate template =
                new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        template.setFetchSize(EXPORT_FETCH_SIZE);
        this.streaming = JdbcClient.create(template);
    }

    /**
     * Every article matching {@code query}, one row at a time: in code order, or in the search's
     * order with text (then at most {@link #MAX_TEXT_MATCHES}).
     */
    void forEach(ArticleQuery query, java.util.function.Consumer<ArticleRow> action) {
        Where where = where(query, MAX_TEXT_MATCHES);
        if (where == null) {
            return;
        }
        JdbcClient.StatementSpec statement =
                streaming.sql(COLUMNS + where.join + where.sql + " ORDER BY " + where.orderBy());
        where.bind(statement);
        statement.query(rs -> {
            action.accept(row(rs, 0));
        });
    }

    /**
     * Rows {@code offset} to {@code offset + limit} of the articles matching {@code query}: in code
     * order, or with text in the search's order (code and barcode matches first).
     */
    List<ArticleRow> find(ArticleQuery query, int offset, int limit) {
        int from = Math.max(0, offset);
        int size = Math.max(0, limit);
        // Without other filters the search returns exactly the rows up to the page's end; with them it
        // returns its best matches and the filters keep theirs.
        boolean filtered = query.categoryId() != null || query.kind() != null;
        Where where = where(query, filtered ? Math.max(MAX_TEXT_MATCHES, from + size) : from + size);
        if (where == null) {
            return List.of();
        }
        JdbcClient.StatementSpec statement = jdbc.sql(
                COLUMNS + where.join + where.sql + " ORDER BY " + where.orderBy() + " LIMIT :limit OFFSET :offset");
        where.bind(statement);
        return statement
                .param("limit", size)
                .param("offset", from)
                .query(ArticleSearch::row)
                .list();
    }

    /** The number of matching articles; with text at most {@link #MAX_TEXT_MATCHES}. */
    long count(ArticleQuery query) {
        Where where = where(query, MAX_TEXT_MATCHES);
        if (where == null) {
            return 0;
        }
        JdbcClient.StatementSpec statement = jdbc.sql("SELECT count(*) FROM article a" + where.join + where.sql);
        where.bind(statement);
        return statement.query(Long.class).single();
    }

    /**
     * The join and WHERE clause of a query, or null when it can match nothing (an unknown category).
     * A text is searched by {@code nexo_article_search} (see {@link #TEXT_JOIN}), which returns at
     * most {@code textCap} matches.
     */
    private Where where(ArticleQuery query, int textCap) {
        Where where = new Where();
        if (!query.includeArchived()) {
            where.add("a.status = 'active'");
        }
        if (query.kind() != null) {
            where.add("a.kind = :kind", "kind", query.kind().dbValue());
        }
        if (query.categoryId() != null) {
            List<String> paths = jdbc.sql("SELECT path FROM article_category WHERE id = :id")
                    .param("id", query.categoryId())
                    .query(String.class)
                    .list();
            if (paths.isEmpty()) {
                return null;
            }
            where.add(
                    "a.category_id IN (SELECT s.id FROM article_category s WHERE s.path LIKE :subtree)",
                    "subtree",
                    CategoryService.likePrefix(paths.getFirst()));
        }
        String text = query.text() == null ? "" : query.text().strip();
        if (!text.isEmpty()) {
            where.text = true;
            where.join = TEXT_JOIN;
            where.params.add(new Object[] {"text", text});
            where.params.add(new Object[] {"archivedFlag", query.includeArchived() ? null : Boolean.FALSE});
            where.params.add(new Object[] {"textCap", Math.max(0, textCap)});
            where.params.add(new Object[] {"threshold", TYPO_THRESHOLD});
        }
        return where;
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

    private static final class Where {
        private final StringBuilder sql = new StringBuilder();
        /** Whether the query searches a text (through {@link #TEXT_JOIN}). */
        private boolean text;
        /** The join of the text search, or nothing. */
        private String join = "";

        private final List<Object[]> params = new ArrayList<>();

        void add(String condition) {
            sql.append(sql.isEmpty() ? " WHERE " : " AND ").append(condition);
        }

        void add(String condition, String name, Object value) {
            add(condition);
            params.add(new Object[] {name, value});
        }

        /** Code order, or the search's own order for a text. */
        String orderBy() {
            return text ? "s.ordinal" : "a.code";
        }

        void bind(JdbcClient.StatementSpec statement) {
            for (Object[] param : params) {
                statement.param((String) param[0], param[1]);
            }
        }
    }
}
