package com.nexo.articles.replenishment;

import com.nexo.articles.ArticlePermissions;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The whole below-minimum list of a warehouse (or of all) in one query, for purchasing to turn into
 * orders: the same rows as the list on screen (the partial indexes of V15/V47), with what an order
 * line needs. Runs under the caller's row-level security context and joins its transaction; needs
 * {@code stock.read} or system work.
 */
@Service
@NamedInterface("replenishment")
public class ReplenishmentLines {

    private static final String LINES = """
            SELECT p.article_id, p.article_code, a.name_es, a.name_en, u.code AS unit_code, u.decimals AS unit_decimals,
                   p.warehouse_id, p.on_hand, p.reserved, p.incoming, p.min_quantity, p.max_quantity,
                   a.default_supplier_id, a.cost, a.tax_rate, a.stock_tracked
              FROM stock_balance p
              JOIN article a ON a.id = p.article_id
              JOIN unit_of_measure u ON u.id = a.unit_id
             WHERE p.below_minimum%s
             ORDER BY p.warehouse_id, p.article_code
            """;

    private final JdbcClient jdbc;

    ReplenishmentLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What is below its minimum in {@code warehouseId} (null: every warehouse), only of {@code
     * articleIds} when given (null: every article), by warehouse and article code.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({ArticlePermissions.STOCK_READ, Roles.SYSTEM})
    public List<ReplenishmentLine> belowMinimum(UUID warehouseId, Collection<UUID> articleIds) {
        StringBuilder where = new StringBuilder();
        if (warehouseId != null) {
            where.append(" AND p.warehouse_id = :w");
        }
        if (articleIds != null) {
            where.append(" AND p.article_id = ANY (CAST(:ids AS uuid[]))");
        }
        JdbcClient.StatementSpec statement = jdbc.sql(LINES.formatted(where));
        if (warehouseId != null) {
            statement = statement.param("w", warehouseId);
        }
        if (articleIds != null) {
            statement = statement.param(
                    "ids",
                    articleIds.stream().filter(Objects::nonNull).distinct().toArray(UUID[]::new));
        }
        return statement
                .query((rs, n) -> {
                    BigDecimal projected = Replenishment.projected(
                            rs.getBigDecimal("on_hand"), rs.getBigDecimal("reserved"), rs.getBigDecimal("incoming"));
                    return new ReplenishmentLine(
                            rs.getObject("article_id", UUID.class),
                            rs.getString("article_code"),
                            rs.getString("name_es"),
                            rs.getString("name_en"),
                            rs.getString("unit_code"),
                            rs.getObject("warehouse_id", UUID.class),
                            Replenishment.quantityToOrder(
                                    projected,
                                    rs.getBigDecimal("min_quantity"),
                                    rs.getBigDecimal("max_quantity"),
                                    rs.getInt("unit_decimals")),
                            rs.getObject("default_supplier_id", UUID.class),
                            rs.getBigDecimal("cost"),
                            rs.getBigDecimal("tax_rate"),
                            rs.getBoolean("stock_tracked"));
                })
                .list();
    }
}
