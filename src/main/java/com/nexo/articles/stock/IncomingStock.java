package com.nexo.articles.stock;

import com.nexo.articles.ArticlePermissions;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incoming stock (on order, not yet received) per article and warehouse: the only way it is written
 * (migration V47 keeps it on the balance row, where the below-minimum list reads it). Purchasing
 * computes the quantities from its orders and hands them here as absolute values, many pairs in one
 * statement. The caller checks its own purchasing permission; this needs {@code stock.move} (the
 * purchasing and warehouse roles have it: what is on order becomes stock when received) or system
 * work. Joins the caller's transaction and runs under its row-level security context, so an article
 * or warehouse of another tenant is refused by the balance row's foreign keys.
 */
@Service
@NamedInterface("stock")
public class IncomingStock {

    /**
     * Sets each pair's incoming quantity. A pair without a balance row gets one only if its quantity
     * is positive (a zero needs no row); rows whose value does not change are not written.
     */
    private static final String REPLACE = """
            INSERT INTO stock_balance AS b (article_id, warehouse_id, incoming)
            SELECT n.article_id, n.warehouse_id, n.quantity
              FROM unnest(CAST(:articles AS uuid[]), CAST(:warehouses AS uuid[]), CAST(:quantities AS numeric[]))
                   AS n(article_id, warehouse_id, quantity)
             WHERE n.quantity > 0
                OR EXISTS (SELECT FROM stock_balance x WHERE x.article_id = n.article_id AND x.warehouse_id = n.warehouse_id)
            ON CONFLICT (tenant_id, article_id, warehouse_id) DO UPDATE
                SET incoming = EXCLUDED.incoming, updated_at = now()
                WHERE b.incoming IS DISTINCT FROM EXCLUDED.incoming
            """;

    /**
     * Adds each pair's quantity to what is already incoming (a pair without a balance row gets one):
     * one upsert that needs no look-up of the value before.
     */
    private static final String ADD = """
            INSERT INTO stock_balance AS b (article_id, warehouse_id, incoming)
            SELECT n.article_id, n.warehouse_id, n.quantity
              FROM unnest(CAST(:articles AS uuid[]), CAST(:warehouses AS uuid[]), CAST(:quantities AS numeric[]))
                   AS n(article_id, warehouse_id, quantity)
            ON CONFLICT (tenant_id, article_id, warehouse_id) DO UPDATE
                SET incoming = b.incoming + EXCLUDED.incoming, updated_at = now()
            """;

    /** The other warehouses of these articles have nothing incoming any more. */
    private static final String CLEAR_OTHERS = """
            UPDATE stock_balance b SET incoming = 0, updated_at = now()
             WHERE b.article_id = ANY (CAST(:articles AS uuid[])) AND b.incoming <> 0
               AND NOT EXISTS (
                     SELECT FROM unnest(CAST(:keptArticles AS uuid[]), CAST(:keptWarehouses AS uuid[])) AS k(a, w)
                      WHERE k.a = b.article_id AND k.w = b.warehouse_id)
            """;

    private final JdbcClient jdbc;

    IncomingStock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Sets the incoming quantity of each (article, warehouse) given, to its absolute value (zero: nothing
     * on order any more); pairs not given keep theirs. A pair may be given once.
     *
     * @return how many balance rows changed
     */
    @Transactional
    @RolesAllowed({ArticlePermissions.STOCK_MOVE, Roles.SYSTEM})
    public int replace(Collection<Incoming> quantities) {
        List<Incoming> rows = distinct(quantities);
        if (rows.isEmpty()) {
            return 0;
        }
        int n = rows.size();
        UUID[] articles = new UUID[n];
        UUID[] warehouses = new UUID[n];
        BigDecimal[] values = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            articles[i] = rows.get(i).articleId();
            warehouses[i] = rows.get(i).warehouseId();
            values[i] = rows.get(i).quantity();
        }
        return jdbc.sql(REPLACE)
                .param("articles", articles)
                .param("warehouses", warehouses)
                .param("quantities", values)
                .update();
    }

    /**
     * Adds to the incoming quantity of each (article, warehouse) given (orders placed: the caller knows
     * the increase, not the total). Quantities must be positive; a pair may be given once.
     *
     * @return how many balance rows changed
     */
    @Transactional
    @RolesAllowed({ArticlePermissions.STOCK_MOVE, Roles.SYSTEM})
    public int add(Collection<Incoming> increases) {
        List<Incoming> rows = distinct(increases);
        if (rows.isEmpty()) {
            return 0;
        }
        int n = rows.size();
        UUID[] articles = new UUID[n];
        UUID[] warehouses = new UUID[n];
        BigDecimal[] values = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            Incoming row = rows.get(i);
            if (row.quantity() == null || row.quantity().signum() <= 0) {
                throw new IllegalArgumentException("An incoming increase must be positive: " + row);
            }
            articles[i] = row.articleId();
            warehouses[i] = row.warehouseId();
            values[i] = row.quantity();
        }
        return jdbc.sql(ADD)
                .param("articles", articles)
                .param("warehouses", warehouses)
                .param("quantities", values)
                .update();
    }

    /**
     * The whole incoming stock of these articles: each pair given gets its value, every other warehouse
     * of these articles gets zero (an order line removed, or moved to another warehouse).
     *
     * @return how many balance rows changed
     */
    @Transactional
    @RolesAllowed({ArticlePermissions.STOCK_MOVE, Roles.SYSTEM})
    public int replaceForArticles(Collection<UUID> articleIds, Collection<Incoming> quantities) {
        List<Incoming> rows = distinct(quantities);
        for (Incoming row : rows) {
            if (!articleIds.contains(row.articleId())) {
                throw new IllegalArgumentException("An incoming quantity of an article not named: " + row.articleId());
            }
        }
        int changed = replace(rows);
        UUID[] articles =
                articleIds.stream().filter(Objects::nonNull).distinct().toArray(UUID[]::new);
        if (articles.length == 0) {
            return changed;
        }
        return changed
                + jdbc.sql(CLEAR_OTHERS)
                        .param("articles", articles)
                        .param(
                                "keptArticles",
                                rows.stream().map(Incoming::articleId).toArray(UUID[]::new))
                        .param(
                                "keptWarehouses",
                                rows.stream().map(Incoming::warehouseId).toArray(UUID[]::new))
                        .update();
    }

    private static List<Incoming> distinct(Collection<Incoming> quantities) {
        Map<List<UUID>, Incoming> byPair = new LinkedHashMap<>();
        for (Incoming row : quantities) {
            if (byPair.put(List.of(row.articleId(), row.warehouseId()), row) != null) {
                throw new IllegalArgumentException(
                        "Incoming stock given twice for article " + row.articleId() + " in " + row.warehouseId());
            }
        }
        return List.copyOf(byPair.values());
    }
}
