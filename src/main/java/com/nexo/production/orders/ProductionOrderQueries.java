package com.nexo.production.orders;

import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.articles.ArticleDirectory.WarehouseSummary;
import com.nexo.production.ProductionPermissions;
import com.nexo.production.ProductionRuleException;
import com.nexo.production.orders.OrderEntry.EntryKind;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reads of production orders: a page of the list (filtered by status, due date and a text on the
 * number or the article, by due date) and everything an order's page shows, each in a few queries
 * in one read-only transaction. Articles and warehouses come from the articles module's directory.
 */
@Service
public class ProductionOrderQueries {

    /** The most articles a text search on the list matches by code or name. */
    static final int ARTICLE_MATCHES = 50;

    private static final String WHERE = """
             WHERE (CAST(:status AS text) IS NULL OR status = CAST(:status AS text))
               AND (CAST(:due AS date) IS NULL OR due_date <= CAST(:due AS date))
               AND (CAST(:text AS text) IS NULL OR number ILIKE '%' || CAST(:text AS text) || '%'
                    OR article_id = ANY(CAST(:articles AS uuid[])))
            """;

    private static final String MATERIALS = """
            SELECT m.id, m.position, m.article_id, m.required_quantity, m.reserved_quantity, m.consumed_quantity,
                   m.reservation_id, m.child_order_id, c.number AS child_number, m.unit_cost, m.actual_cost
              FROM production_order_material m
              LEFT JOIN production_order c ON c.id = m.child_order_id
             WHERE m.order_id = :order
             ORDER BY m.position
            """;

    private static final String ENTRIES = """
            SELECT id, kind, article_id, material_id, quantity, unit_cost, reason, movement_id, recorded_at
              FROM production_order_entry
             WHERE order_id = :order
             ORDER BY recorded_at DESC, id
            """;

    private final JdbcClient jdbc;
    private final ArticleDirectory directory;

    ProductionOrderQueries(JdbcClient jdbc, ArticleDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** A page of the list, by due date (then number), in {@code locale}'s language. */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public List<OrderRow> list(OrderFilter filter, int offset, int limit, Locale locale) {
        OrderFilter shown = filter == null ? OrderFilter.all() : filter;
        List<Object[]> rows = bind(jdbc.sql("""
                                SELECT id, number, status, article_id, quantity, produced_quantity, due_date,
                                       parent_id IS NOT NULL AS child, version
                                  FROM production_order
                                """ + WHERE + """
                                 ORDER BY due_date, number NULLS LAST, id
                                 LIMIT :limit OFFSET :offset
                                """), shown)
                .param("limit", Math.max(1, limit))
                .param("offset", Math.max(0, offset))
                .query((rs, n) -> new Object[] {
                    rs.getObject("id", UUID.class),
                    rs.getString("number"),
                    OrderStatus.valueOf(rs.getString("status")),
                    rs.getObject("article_id", UUID.class),
                    rs.getBigDecimal("quantity"),
                    rs.getBigDecimal("produced_quantity"),
                    rs.getObject("due_date", LocalDate.class),
                    rs.getBoolean("child"),
                    rs.getLong("version")
                })
                .list();
        Map<UUID, ArticleSummary> articles =
                directory.summaries(rows.stream().map(row -> (UUID) row[3]).toList());
        return rows.stream()
                .map(row -> {
                    ArticleSummary article = articles.get((UUID) row[3]);
                    return new OrderRow(
                            (UUID) row[0],
                            (String) row[1],
                            (OrderStatus) row[2],
                            (UUID) row[3],
                            article == null ? "" : article.code(),
                            article == null ? "" : article.name(locale),
                            (BigDecimal) row[4],
                            (BigDecimal) row[5],
                            (LocalDate) row[6],
                            (Boolean) row[7],
                            (Long) row[8]);
                })
                .toList();
    }

    /** How many orders the filter matches. */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public int count(OrderFilter filter) {
        OrderFilter shown = filter == null ? OrderFilter.all() : filter;
        return bind(jdbc.sql("SELECT count(*) FROM production_order" + WHERE), shown)
                .query(Integer.class)
                .single();
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, OrderFilter filter) {
        String text = filter.text() == null || filter.text().isBlank()
                ? null
                : filter.text().strip();
        UUID[] articles = text == null
                ? new UUID[0]
                : directory.lookUp(text, ARTICLE_MATCHES).stream()
                        .map(ArticleSummary::id)
                        .toArray(UUID[]::new);
        return spec.param(
                        "status",
                        filter.status() == null ? null : filter.status().name(),
                        Types.VARCHAR)
                .param("due", filter.dueBefore(), Types.DATE)
                .param("text", text == null ? null : escapeLike(text), Types.VARCHAR)
                .param("articles", articles);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Everything the order's page shows, in {@code locale}'s language; refused when the order is not there. */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public OrderDetails details(UUID orderId, Locale locale) {
        OrderHeader head = jdbc.sql(ProductionOrderService.HEAD + " WHERE id = :id")
                .param("id", orderId)
                .query(ProductionOrderService::header)
                .optional()
                .orElseThrow(() -> new ProductionRuleException("production.orders.error.not-found"));
        String parentNumber = head.parentId() == null
                ? null
                : jdbc.sql("SELECT number FROM production_order WHERE id = :id")
                        .param("id", head.parentId())
                        .query(String.class)
                        .optional()
                        .orElse(null);
        List<Object[]> materialRows = jdbc.sql(MATERIALS)
                .param("order", orderId)
                .query((rs, n) -> new Object[] {
                    rs.getObject("id", UUID.class),
                    rs.getInt("position"),
                    rs.getObject("article_id", UUID.class),
                    rs.getBigDecimal("required_quantity"),
                    rs.getBigDecimal("reserved_quantity"),
                    rs.getBigDecimal("consumed_quantity"),
                    rs.getObject("reservation_id", UUID.class),
                    rs.getObject("child_order_id", UUID.class),
                    rs.getString("child_number"),
                    rs.getBigDecimal("unit_cost"),
                    rs.getBigDecimal("actual_cost")
                })
                .list();
        List<Object[]> entryRows = jdbc.sql(ENTRIES)
                .param("order", orderId)
                .query((rs, n) -> new Object[] {
                    rs.getObject("id", UUID.class),
                    EntryKind.valueOf(rs.getString("kind")),
                    rs.getObject("article_id", UUID.class),
                    rs.getObject("material_id", UUID.class),
                    rs.getBigDecimal("quantity"),
                    rs.getBigDecimal("unit_cost"),
                    rs.getString("reason"),
                    rs.getObject("movement_id", UUID.class),
                    rs.getTimestamp("recorded_at").toInstant()
                })
                .list();
        Set<UUID> articleIds = new HashSet<>();
        articleIds.add(head.articleId());
        materialRows.forEach(row -> articleIds.add((UUID) row[2]));
        entryRows.forEach(row -> articleIds.add((UUID) row[2]));
        Map<UUID, ArticleSummary> articles = directory.summaries(articleIds);
        List<OrderMaterial> materials = new ArrayList<>();
        for (Object[] row : materialRows) {
            ArticleSummary article = articles.get((UUID) row[2]);
            materials.add(new OrderMaterial(
                    (UUID) row[0],
                    (Integer) row[1],
                    (UUID) row[2],
                    article == null ? "" : article.code(),
                    article == null ? "" : article.name(locale),
                    article == null ? "" : article.unitCode(),
                    (BigDecimal) row[3],
                    (BigDecimal) row[4],
                    (BigDecimal) row[5],
                    (UUID) row[6],
                    (UUID) row[7],
                    (String) row[8],
                    (BigDecimal) row[9],
                    (BigDecimal) row[10]));
        }
        List<OrderEntry> entries = new ArrayList<>();
        for (Object[] row : entryRows) {
            ArticleSummary article = articles.get((UUID) row[2]);
            entries.add(new OrderEntry(
                    (UUID) row[0],
                    (EntryKind) row[1],
                    (UUID) row[2],
                    article == null ? "" : article.code(),
                    article == null ? "" : article.name(locale),
                    (UUID) row[3],
                    (BigDecimal) row[4],
                    (BigDecimal) row[5],
                    (String) row[6],
                    (UUID) row[7],
                    (java.time.Instant) row[8]));
        }
        // Until the order is closed, its service cost is what its tasks add up to so far.
        BigDecimal service = head.status() == OrderStatus.CLOSED
                ? head.actualServiceCost()
                : jdbc.sql("SELECT coalesce(sum(actual_cost), 0) FROM production_order_task WHERE order_id = :id")
                        .param("id", orderId)
                        .query(BigDecimal.class)
                        .single();
        CostComparison costs = CostComparison.of(
                head.producedQuantity(),
                head.standardMaterialCost(),
                head.standardServiceCost(),
                head.actualMaterialCost(),
                service);
        ArticleSummary article = articles.get(head.articleId());
        String warehouse = directory.activeWarehouses().stream()
                .filter(w -> w.id().equals(head.warehouseId()))
                .map(WarehouseSummary::code)
                .findFirst()
                .orElse("");
        return new OrderDetails(
                head,
                article == null ? "" : article.code(),
                article == null ? "" : article.name(locale),
                article == null ? "" : article.unitCode(),
                warehouse,
                parentNumber,
                List.copyOf(materials),
                List.copyOf(entries),
                costs);
    }
}
