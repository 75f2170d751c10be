package com.nexo.production.floor;

import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.production.ProductionPermissions;
import com.nexo.production.orders.OrderStatus;
import com.nexo.production.work.TaskStatus;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shop-floor screen's reads: today's work of a work centre (its released and in-progress orders
 * due today or before, overdue first) or of a worker (the orders with a task of theirs not done),
 * each with the task the person works on and their running clock, in one query plus one bulk read
 * of article names; and what a scanned code is to an order.
 */
@Service
public class ShopFloorService {

    /** At most this many cards: a screen of work, not a report. */
    static final int LIMIT = 100;

    /**
     * The person's task on each order: the one their clock runs on, else one assigned to them, else
     * the first nobody performs yet (starting a clock on it makes it theirs).
     */
    private static final String SELECT = """
            SELECT o.id, o.number, o.article_id, o.quantity, o.produced_quantity, o.scrapped_quantity, o.due_date,
                   o.status, t.id AS task_id, t.article_id AS service_id, t.status AS task_status, t.planned_hours,
                   t.actual_hours, t.worker_id AS task_worker, r.started_at AS running_since
              FROM production_order o
              LEFT JOIN LATERAL (
                    SELECT k.id, k.article_id, k.status, k.planned_hours, k.actual_hours, k.worker_id
                      FROM production_order_task k
                     WHERE k.order_id = o.id AND k.status <> 'DONE'
                       AND (k.worker_id = CAST(:person AS uuid) OR k.worker_id IS NULL)
                     ORDER BY EXISTS (SELECT FROM production_time_entry x
                                       WHERE x.task_id = k.id AND x.worker_id = CAST(:person AS uuid) AND x.hours IS NULL) DESC,
                              k.worker_id IS NULL, k.position
                     LIMIT 1) t ON true
              LEFT JOIN production_time_entry r
                     ON r.task_id = t.id AND r.worker_id = CAST(:person AS uuid) AND r.hours IS NULL
             WHERE o.status IN ('RELEASED', 'IN_PROGRESS')
            """;

    private static final String OF_CENTRE = SELECT + """
               AND o.work_centre_id = :centre AND o.due_date <= :today
             ORDER BY o.due_date, o.number, o.id
             LIMIT :limit
            """;

    private static final String OF_WORKER = SELECT + """
               AND EXISTS (SELECT FROM production_order_task k
                            WHERE k.order_id = o.id AND k.worker_id = CAST(:person AS uuid) AND k.status <> 'DONE')
             ORDER BY o.due_date, o.number, o.id
             LIMIT :limit
            """;

    private static final String ORDER_ARTICLES = """
            SELECT NULL::uuid AS material_id, o.article_id FROM production_order o WHERE o.id = :order
            UNION ALL
            SELECT m.id, m.article_id FROM production_order_material m WHERE m.order_id = :order
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ArticleDirectory articles;

    ShopFloorService(JdbcClient jdbc, Clock clock, ArticleDirectory articles) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.articles = articles;
    }

    /**
     * Today's work at a work centre: its released and in-progress orders due today or before,
     * overdue first; {@code personId} (a worker, may be null) is whose task and clock each card shows.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public List<FloorOrder> ofWorkCentre(UUID workCentreId, UUID personId) {
        Objects.requireNonNull(workCentreId, "workCentreId");
        LocalDate today = LocalDate.now(clock);
        return cards(
                jdbc.sql(OF_CENTRE)
                        .param("centre", workCentreId)
                        .param("person", personId)
                        .param("today", today)
                        .param("limit", LIMIT)
                        .query(ShopFloorService::row)
                        .list(),
                today);
    }

    /** A worker's work: the released and in-progress orders with a task of theirs not done, by due date. */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public List<FloorOrder> ofWorker(UUID workerId) {
        Objects.requireNonNull(workerId, "workerId");
        LocalDate today = LocalDate.now(clock);
        return cards(
                jdbc.sql(OF_WORKER)
                        .param("person", workerId)
                        .param("limit", LIMIT)
                        .query(ShopFloorService::row)
                        .list(),
                today);
    }

    /**
     * What a scanned or typed code (an article's code or barcode, or words of its name) is to the
     * order: its produced article, one of its materials, an article it does not use, or nothing.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public ScanResult resolve(UUID orderId, String code) {
        Objects.requireNonNull(orderId, "orderId");
        if (code == null || code.isBlank()) {
            return ScanResult.unknown();
        }
        String text = code.strip();
        List<ArticleSummary> found = articles.lookUp(text, 10);
        if (found.isEmpty()) {
            return ScanResult.unknown();
        }
        Map<UUID, UUID> used = new HashMap<>();
        UUID[] output = new UUID[1];
        jdbc.sql(ORDER_ARTICLES).param("order", orderId).query((ResultSet rs) -> {
            UUID material = rs.getObject("material_id", UUID.class);
            UUID article = rs.getObject("article_id", UUID.class);
            if (material == null) {
                output[0] = article;
            } else {
                used.putIfAbsent(article, material);
            }
        });
        // An exact code or barcode first, then the look-up's own order (words of the name).
        List<ArticleSummary> ranked = new ArrayList<>(Stream.concat(
                        found.stream().filter(article -> exact(article, text)),
                        found.stream().filter(article -> !exact(article, text)))
                .toList());
        for (ArticleSummary article : ranked) {
            if (article.id().equals(output[0])) {
                return new ScanResult(ScanResult.Kind.OUTPUT, article, null);
            }
            if (used.containsKey(article.id())) {
                return new ScanResult(ScanResult.Kind.MATERIAL, article, used.get(article.id()));
            }
        }
        return new ScanResult(ScanResult.Kind.NOT_IN_ORDER, ranked.getFirst(), null);
    }

    private static boolean exact(ArticleSummary article, String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        return (article.code() != null
                        && article.code().toLowerCase(Locale.ROOT).equals(wanted))
                || (article.barcode() != null && article.barcode().equals(text));
    }

    private List<FloorOrder> cards(List<Row> rows, LocalDate today) {
        Map<UUID, ArticleSummary> names = articles.summaries(rows.stream()
                .flatMap(row -> Stream.of(row.articleId(), row.serviceId()))
                .filter(Objects::nonNull)
                .toList());
        return rows.stream()
                .map(row -> new FloorOrder(
                        row.orderId(),
                        row.number(),
                        names.get(row.articleId()),
                        row.quantity(),
                        row.produced(),
                        row.scrapped(),
                        row.dueDate(),
                        row.status(),
                        row.dueDate().isBefore(today),
                        row.taskId() == null
                                ? null
                                : new FloorTask(
                                        row.taskId(),
                                        names.get(row.serviceId()),
                                        row.taskStatus(),
                                        row.plannedHours(),
                                        row.actualHours(),
                                        row.taskWorker(),
                                        row.runningSince())))
                .toList();
    }

    private record Row(
            UUID orderId,
            String number,
            UUID articleId,
            BigDecimal quantity,
            BigDecimal produced,
            BigDecimal scrapped,
            LocalDate dueDate,
            OrderStatus status,
            UUID taskId,
            UUID serviceId,
            TaskStatus taskStatus,
            BigDecimal plannedHours,
            BigDecimal actualHours,
            UUID taskWorker,
            Instant runningSince) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        String taskStatus = rs.getString("task_status");
        Timestamp running = rs.getTimestamp("running_since");
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getString("number"),
                rs.getObject("article_id", UUID.class),
                rs.getBigDecimal("quantity"),
                rs.getBigDecimal("produced_quantity"),
                rs.getBigDecimal("scrapped_quantity"),
                rs.getObject("due_date", LocalDate.class),
                OrderStatus.valueOf(rs.getString("status")),
                rs.getObject("task_id", UUID.class),
                rs.getObject("service_id", UUID.class),
                taskStatus == null ? null : TaskStatus.valueOf(taskStatus),
                rs.getBigDecimal("planned_hours"),
                rs.getBigDecimal("actual_hours"),
                rs.getObject("task_worker", UUID.class),
                running == null ? null : running.toInstant());
    }
}
