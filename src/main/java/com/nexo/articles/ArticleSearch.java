package com.nexo.articles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The article list queries, in SQL: a category filter covers the whole subtree through the
 * materialised path (one index range scan on the categories, then the articles of those categories).
 */
@Component
class ArticleSearch {

    /** The columns of a list row (package-visible so that the benchmark runs the very same SQL). */
    static final String COLUMNS = """
            SELECT a.id, a.code, a.kind, a.name_es, a.name_en, a.category_id,
                   (SELECT c.code FROM article_category c WHERE c.id = a.category_id) AS category_code,
                   (SELECT u.code FROM unit_of_measure u WHERE u.id = a.unit_id) AS unit_code,
                   a.barcode, a.sale_price, a.cost, a.tax_rate, a.default_supplier_id, a.stock_tracked, a.status
              FROM article a
            """;

    private static final int EXPORT_FETCH_SIZE = 500;
    /** At most this many words of a search are matched (each must match). */
    private static final int MAX_WORDS = 5;
    /**
     * Word similarity from which a searched word matches a word with a typo ("tornilo" finds
     * "tornillo"); the same value as the account search uses.
     */
    private static final double TYPO_THRESHOLD = 0.5;

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

    /** Every article matching {@code query}, in code order, one row at a time. */
    void forEach(ArticleQuery query, java.util.function.Consumer<ArticleRow> action) {
        Where where = where(query);
        if (where == null) {
            return;
        }
        typoThreshold(where);
        JdbcClient.StatementSpec statement = streaming.sql(COLUMNS + where.sql + " ORDER BY a.code");
        where.bind(statement);
        statement.query(rs -> {
            action.accept(row(rs, 0));
        });
    }

    List<ArticleRow> find(ArticleQuery query, int offset, int limit) {
        Where where = where(query);
        if (where == null) {
            return List.of();
        }
        typoThreshold(where);
        if (query.categoryId() != null && wideSubtree(where)) {
            // Many articles below the category: walking the code index and keeping the subtree's rows
            // reaches a page fastest. The planner cannot see that (row-level security predicates make
            // its row estimates far too small), so it is told for this one statement's transaction.
            jdbc.sql("SET LOCAL enable_sort = off").update();
            jdbc.sql("SET LOCAL max_parallel_workers_per_gather = 0").update();
        }
        JdbcClient.StatementSpec statement =
                jdbc.sql(COLUMNS + where.sql + " ORDER BY a.code LIMIT :limit OFFSET :offset");
        where.bind(statement);
        return statement
                .param("limit", Math.max(0, limit))
                .param("offset", Math.max(0, offset))
                .query(ArticleSearch::row)
                .list();
    }

    long count(ArticleQuery query) {
        Where where = where(query);
        if (where == null) {
            return 0;
        }
        typoThreshold(where);
        JdbcClient.StatementSpec statement = jdbc.sql("SELECT count(*) FROM article a" + where.sql);
        where.bind(statement);
        return statement.query(Long.class).single();
    }

    /** Subtrees with at least this many articles are listed by walking the code index. */
    private static final int WIDE_SUBTREE = 2_000;

    /** Whether the category filter of {@code where} covers many articles (a bounded count). */
    private boolean wideSubtree(Where where) {
        JdbcClient.StatementSpec statement = jdbc.sql(
                "SELECT count(*) FROM (SELECT 1 FROM article a" + where.sql + " LIMIT " + WIDE_SUBTREE + ") bounded");
        where.bind(statement);
        return statement.query(Long.class).single() >= WIDE_SUBTREE;
    }

    private void typoThreshold(Where where) {
        if (where.fuzzy) {
            jdbc.sql("SET LOCAL pg_trgm.word_similarity_threshold = " + TYPO_THRESHOLD)
                    .update();
        }
    }

    /** The WHERE clause of a query, or null when it can match nothing (an unknown category). */
    private Where where(ArticleQuery query) {
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
            // A barcode or the start of a code match as typed; otherwise every word must appear in
            // code, names or barcode (accents and case ignored), or be close to one of their words.
            StringBuilder words = new StringBuilder();
            List<String> parts = java.util.Arrays.stream(text.split("\\s+"))
                    .filter(word -> !word.isEmpty())
                    .limit(MAX_WORDS)
                    .toList();
            for (int i = 0; i < parts.size(); i++) {
                String name = "w" + i;
                words.append(i == 0 ? "" : " AND ")
                        .append("(a.search_text LIKE '%' || nexo_search_key(:")
                        .append(name)
                        .append(") || '%' OR nexo_search_key(:")
                        .append(name)
                        .append(") <% a.search_text)");
                where.params.add(new Object[] {name, escapeLike(parts.get(i))});
            }
            where.add("(a.barcode = :text OR lower(a.code) LIKE :codePrefix OR (" + words + "))", "text", text);
            where.params.add(new Object[] {"codePrefix", escapeLike(text.toLowerCase(Locale.ROOT)) + "%"});
            where.fuzzy = true;
        }
        return where;
    }

    static ArticleRow row(ResultSet rs, int rowNum) throws SQLException {
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

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static final class Where {
        private final StringBuilder sql = new StringBuilder();
        /** Whether the query uses the typo match, whose threshold is set for the transaction first. */
        private boolean fuzzy;

        private final List<Object[]> params = new ArrayList<>();

        void add(String condition) {
            sql.append(sql.isEmpty() ? " WHERE " : " AND ").append(condition);
        }

        void add(String condition, String name, Object value) {
            add(condition);
            params.add(new Object[] {name, value});
        }

        void bind(JdbcClient.StatementSpec statement) {
            for (Object[] param : params) {
                statement.param((String) param[0], param[1]);
            }
        }
    }
}
