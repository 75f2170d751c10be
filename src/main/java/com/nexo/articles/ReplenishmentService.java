package com.nexo.articles;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Minimum and maximum stock per article and warehouse, and the list of what is below its minimum
 * (available = on hand − reserved) with the quantity to order up to the maximum and the default
 * supplier. Purchasing will turn that list into purchase orders.
 */
@Service
public class ReplenishmentService {

    /** The below-minimum list (package-visible so that the benchmark runs the very same SQL). */
    static final String BELOW_MINIMUM = """
            SELECT l.article_id, a.code, a.name_es, a.name_en,
                   (SELECT u.code FROM unit_of_measure u WHERE u.id = a.unit_id) AS unit_code,
                   l.warehouse_id, (SELECT w.code FROM warehouse w WHERE w.id = l.warehouse_id) AS warehouse_code,
                   coalesce(b.on_hand, 0) AS on_hand, coalesce(b.reserved, 0) AS reserved,
                   l.min_quantity, l.max_quantity, a.default_supplier_id
              FROM stock_level l
              JOIN article a ON a.id = l.article_id
              LEFT JOIN stock_balance b ON b.article_id = l.article_id AND b.warehouse_id = l.warehouse_id
             WHERE coalesce(b.on_hand - b.reserved, 0) < l.min_quantity
               AND a.status = 'active'
               AND (CAST(:w AS uuid) IS NULL OR l.warehouse_id = :w)
             ORDER BY a.code, l.warehouse_id
             LIMIT :limit OFFSET :offset
            """;

    private final JdbcClient jdbc;
    private final ArticleRepository articles;
    private final WarehouseRepository warehouses;

    ReplenishmentService(JdbcClient jdbc, ArticleRepository articles, WarehouseRepository warehouses) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.warehouses = warehouses;
    }

    @Transactional
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_CONFIGURE + "') or hasRole('SYSTEM')")
    public void setLevels(UUID articleId, UUID warehouseId, BigDecimal minimum, BigDecimal maximum) {
        if (minimum == null || maximum == null || minimum.signum() < 0 || maximum.compareTo(minimum) < 0) {
            throw new ArticleRuleException("stock.error.levels-invalid");
        }
        Article article =
                articles.findById(articleId).orElseThrow(() -> new ArticleRuleException("articles.error.not-found"));
        if (!article.isStockTracked()) {
            throw new ArticleRuleException("stock.error.not-stock-tracked", article.getCode());
        }
        warehouses.findById(warehouseId).orElseThrow(() -> new ArticleRuleException("stock.error.warehouse-not-found"));
        jdbc.sql("""
                        INSERT INTO stock_level (article_id, warehouse_id, min_quantity, max_quantity)
                        VALUES (:a, :w, :min, :max)
                        ON CONFLICT (tenant_id, article_id, warehouse_id) DO UPDATE
                            SET min_quantity = EXCLUDED.min_quantity, max_quantity = EXCLUDED.max_quantity,
                                updated_at = now()
                        """)
                .param("a", articleId)
                .param("w", warehouseId)
                .param("min", minimum.setScale(UnitOfMeasure.QUANTITY_SCALE, RoundingMode.HALF_UP))
                .param("max", maximum.setScale(UnitOfMeasure.QUANTITY_SCALE, RoundingMode.HALF_UP))
                .update();
    }

    @Transactional
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_CONFIGURE + "')")
    public void removeLevels(UUID articleId, UUID warehouseId) {
        jdbc.sql("DELETE FROM stock_level WHERE article_id = :a AND warehouse_id = :w")
                .param("a", articleId)
                .param("w", warehouseId)
                .update();
    }

    /** A page of what is below its minimum, in one warehouse or in all (null), by article code. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_READ + "')")
    public List<ReplenishmentRow> belowMinimum(UUID warehouseId, int offset, int limit) {
        return jdbc.sql(BELOW_MINIMUM)
                .param("w", warehouseId, java.sql.Types.OTHER)
                .param("limit", Math.max(0, limit))
                .param("offset", Math.max(0, offset))
                .query((rs, n) -> {
                    BigDecimal onHand = rs.getBigDecimal("on_hand");
                    BigDecimal reserved = rs.getBigDecimal("reserved");
                    BigDecimal min = rs.getBigDecimal("min_quantity");
                    BigDecimal max = rs.getBigDecimal("max_quantity");
                    return new ReplenishmentRow(
                            rs.getObject("article_id", UUID.class),
                            rs.getString("code"),
                            rs.getString("name_es"),
                            rs.getString("name_en"),
                            rs.getString("unit_code"),
                            rs.getObject("warehouse_id", UUID.class),
                            rs.getString("warehouse_code"),
                            onHand,
                            reserved,
                            min,
                            max,
                            Replenishment.quantityToOrder(onHand.subtract(reserved), min, max),
                            rs.getObject("default_supplier_id", UUID.class));
                })
                .list();
    }
}
