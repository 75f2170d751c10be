package com.nexo.production.orders;

import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.articles.stock.ReservationService;
import com.nexo.articles.stock.StockLevel;
import com.nexo.production.ProductionPermissions;
import com.nexo.production.orders.ShortageRow.OrderShortage;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shortage list: for the open orders (released or in progress), the materials still to consume
 * that are neither reserved nor made by a child order, per article, with what stock and purchasing
 * can bring and so what is left to buy. Three queries whatever the number of orders.
 */
@Service
public class ShortageService {

    private static final String MISSING = """
            SELECT m.article_id, o.id AS order_id, o.number,
                   sum(m.required_quantity - m.consumed_quantity - m.reserved_quantity) AS missing
              FROM production_order_material m
              JOIN production_order o ON o.id = m.order_id
             WHERE o.status IN ('RELEASED', 'IN_PROGRESS')
               AND m.child_order_id IS NULL
               AND m.required_quantity - m.consumed_quantity - m.reserved_quantity > 0
             GROUP BY m.article_id, o.id, o.number, o.due_date
             ORDER BY m.article_id, o.due_date, o.number
            """;

    private final JdbcClient jdbc;
    private final ArticleDirectory directory;
    private final ReservationService stock;

    ShortageService(JdbcClient jdbc, ArticleDirectory directory, ReservationService stock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.stock = stock;
    }

    /** The articles open orders miss, by article code, with their names in {@code locale}'s language. */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public List<ShortageRow> shortages(Locale locale) {
        Map<UUID, List<OrderShortage>> byArticle = new LinkedHashMap<>();
        jdbc.sql(MISSING)
                .query((rs, n) -> {
                    byArticle
                            .computeIfAbsent(rs.getObject("article_id", UUID.class), id -> new ArrayList<>())
                            .add(new OrderShortage(
                                    rs.getObject("order_id", UUID.class),
                                    rs.getString("number"),
                                    rs.getBigDecimal("missing")));
                    return n;
                })
                .list();
        if (byArticle.isEmpty()) {
            return List.of();
        }
        Map<UUID, ArticleSummary> articles = directory.summaries(byArticle.keySet());
        Map<UUID, StockLevel> levels = stock.levels(byArticle.keySet(), null);
        List<ShortageRow> rows = new ArrayList<>();
        byArticle.forEach((articleId, orders) -> {
            ArticleSummary article = articles.get(articleId);
            StockLevel level = levels.getOrDefault(articleId, StockLevel.none(articleId));
            BigDecimal missing = orders.stream().map(OrderShortage::missing).reduce(BigDecimal.ZERO, BigDecimal::add);
            rows.add(new ShortageRow(
                    articleId,
                    article == null ? "" : article.code(),
                    article == null ? "" : article.name(locale),
                    article == null ? "" : article.unitCode(),
                    List.copyOf(orders),
                    missing,
                    level.onHand(),
                    level.available(),
                    level.incoming(),
                    ShortageRow.toBuy(missing, level.available(), level.incoming())));
        });
        rows.sort(Comparator.comparing(ShortageRow::articleCode));
        return rows;
    }
}
