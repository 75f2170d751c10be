package com.nexo.articles.imports;

import com.nexo.articles.ArticleDirectory;
import com.nexo.imports.ImportRow;
import com.nexo.imports.RowRuleException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the stock targets share: rows that name an article and a warehouse by code, both looked up in
 * one read each for a whole batch. Such a row stands for the pair: the centre matches rows by the
 * article's code ({@code keyFields}) and tells repeats by the pair ({@code keyOf}), and the targets
 * refuse a pair repeated within a batch as well.
 */
@Component
class StockRows {

    static final String ARTICLE = "article";
    static final String WAREHOUSE = "warehouse";

    static final List<String> KEY = List.of(ARTICLE, WAREHOUSE);

    private static final String ARTICLES = """
            SELECT id, code, stock_tracked, status = 'archived' AS archived, unit_id
              FROM article WHERE code = ANY(CAST(:codes AS text[]))
            """;
    private static final String WAREHOUSES = """
            SELECT id, code, active FROM warehouse WHERE code = ANY(CAST(:codes AS text[]))
            """;

    private final JdbcClient jdbc;

    StockRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Header names that propose the article's code. */
    static final String[] ARTICLE_SYNONYMS = ArticleDirectory.CODE_HEADERS.toArray(String[]::new);

    /** Header names that propose the warehouse's code. */
    static final String[] WAREHOUSE_SYNONYMS = {
        "almacén", "código almacén", "warehouse", "warehouse code", "store", "depot"
    };

    record ArticleRef(UUID id, String code, boolean stockTracked, boolean archived, UUID unitId) {}

    record WarehouseRef(UUID id, String code, boolean active) {}

    /** The articles with these codes, by code. */
    Map<String, ArticleRef> articles(Collection<String> codes) {
        Map<String, ArticleRef> found = new HashMap<>();
        if (!codes.isEmpty()) {
            jdbc.sql(ARTICLES).param("codes", codes.toArray(String[]::new)).query(rs -> {
                ArticleRef article = new ArticleRef(
                        rs.getObject("id", UUID.class),
                        rs.getString("code"),
                        rs.getBoolean("stock_tracked"),
                        rs.getBoolean("archived"),
                        rs.getObject("unit_id", UUID.class));
                found.put(article.code(), article);
            });
        }
        return found;
    }

    /** The warehouses with these codes, by code. */
    Map<String, WarehouseRef> warehouses(Collection<String> codes) {
        Map<String, WarehouseRef> found = new HashMap<>();
        if (!codes.isEmpty()) {
            jdbc.sql(WAREHOUSES).param("codes", codes.toArray(String[]::new)).query(rs -> {
                WarehouseRef warehouse =
                        new WarehouseRef(rs.getObject("id", UUID.class), rs.getString("code"), rs.getBoolean("active"));
                found.put(warehouse.code(), warehouse);
            });
        }
        return found;
    }

    static String text(ImportRow row, String field) {
        String value = row.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * The article and warehouse a row names, checked: both must exist and the article must keep stock.
     * Throws the row's refusal otherwise.
     */
    static Pair pair(ImportRow row, Map<String, ArticleRef> articles, Map<String, WarehouseRef> warehouses) {
        String articleCode = text(row, ARTICLE);
        ArticleRef article = articleCode == null ? null : articles.get(articleCode);
        if (article == null) {
            throw new RowRuleException("imports.stock.error.article-unknown", ARTICLE, String.valueOf(articleCode));
        }
        String warehouseCode = text(row, WAREHOUSE);
        WarehouseRef warehouse = warehouseCode == null ? null : warehouses.get(warehouseCode);
        if (warehouse == null) {
            throw new RowRuleException(
                    "imports.stock.error.warehouse-unknown", WAREHOUSE, String.valueOf(warehouseCode));
        }
        if (!article.stockTracked()) {
            throw new RowRuleException("stock.error.not-stock-tracked", ARTICLE, article.code());
        }
        return new Pair(article, warehouse);
    }

    record Pair(ArticleRef article, WarehouseRef warehouse) {

        String key() {
            return article.id() + "/" + warehouse.id();
        }
    }
}
