package com.nexo.articles.stock;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.catalogue.Article;
import com.nexo.articles.catalogue.ArticleRepository;
import com.nexo.articles.units.UnitOfMeasure;
import com.nexo.articles.warehouses.Warehouse;
import com.nexo.articles.warehouses.WarehouseRepository;
import com.nexo.base.Ids;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reservations for sales and production orders: reserve stock, release it, or consume it (the
 * reserved quantity is issued from the warehouse). Available = on hand - reserved.
 *
 * <p>A reservation succeeds only while enough is available (unless the warehouse allows negative
 * stock): the check and the increment are one conditional UPDATE of the balance row, so two orders
 * cannot both take the last available unit.
 */
@Service
@NamedInterface("stock")
public class ReservationService {

    private final JdbcClient jdbc;
    private final StockLedger ledger;
    private final ArticleRepository articles;
    private final WarehouseRepository warehouses;

    ReservationService(
            JdbcClient jdbc, StockLedger ledger, ArticleRepository articles, WarehouseRepository warehouses) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.articles = articles;
        this.warehouses = warehouses;
    }

    @Transactional
    @RolesAllowed({ArticlePermissions.STOCK_RESERVE, Roles.SYSTEM})
    public UUID reserve(ReservationRequest request) {
        if (request == null || request.articleId() == null || request.warehouseId() == null) {
            throw new ArticleRuleException("stock.error.article-and-warehouse-required");
        }
        if (request.quantity() == null || request.quantity().signum() <= 0) {
            throw new ArticleRuleException("stock.error.quantity-positive");
        }
        if (blank(request.sourceType()) || blank(request.sourceRef())) {
            throw new ArticleRuleException("stock.error.source-required");
        }
        Article article = articles.findById(request.articleId())
                .orElseThrow(() -> new ArticleRuleException("articles.error.not-found"));
        if (!article.isStockTracked()) {
            throw new ArticleRuleException("stock.error.not-stock-tracked", article.getCode());
        }
        Warehouse warehouse = warehouses
                .findById(request.warehouseId())
                .orElseThrow(() -> new ArticleRuleException("stock.error.warehouse-not-found"));
        BigDecimal quantity = request.quantity().setScale(UnitOfMeasure.QUANTITY_SCALE, RoundingMode.HALF_UP);
        jdbc.sql("""
                        INSERT INTO stock_balance (article_id, warehouse_id) VALUES (:a, :w)
                        ON CONFLICT (tenant_id, article_id, warehouse_id) DO NOTHING
                        """).param("a", article.getId()).param("w", warehouse.getId()).update();
        int reserved = jdbc.sql("""
                        UPDATE stock_balance
                           SET reserved = reserved + :q, updated_at = now()
                         WHERE article_id = :a AND warehouse_id = :w
                           AND (on_hand - reserved >= :q OR :allowNegative)
                        """)
                .param("q", quantity)
                .param("a", article.getId())
                .param("w", warehouse.getId())
                .param("allowNegative", warehouse.isAllowNegative())
                .update();
        if (reserved == 0) {
            throw new ArticleRuleException("stock.error.not-available", article.getCode(), warehouse.getCode());
        }
        UUID id = Ids.newId();
        jdbc.sql("""
                        INSERT INTO stock_reservation (id, article_id, warehouse_id, quantity, source_type, source_ref)
                        VALUES (:id, :a, :w, :q, :type, :ref)
                        """)
                .param("id", id)
                .param("a", article.getId())
                .param("w", warehouse.getId())
                .param("q", quantity)
                .param("type", request.sourceType().strip())
                .param("ref", request.sourceRef().strip())
                .update();
        return id;
    }

    /**
     * Reserves, for each request, as much of its quantity as is available (all of it in a warehouse
     * that allows negative stock; nothing for an article whose stock is not tracked), in a few
     * statements for any number of requests. The balance rows are locked in the order of their keys
     * before they are read, so two concurrent calls take turns and cannot both promise the last unit:
     * the second reads what the first left. Requests for the same article and warehouse share what is
     * available, in the requests' order.
     *
     * @return per request, in the requests' order, the quantity reserved and its reservation (none
     *     when nothing could be reserved)
     */
    @Transactional
    @RolesAllowed({ArticlePermissions.STOCK_RESERVE, Roles.SYSTEM})
    public List<ReservedQuantity> reserveAvailable(List<ReservationRequest> requests) {
        if (requests == null || requests.isEmpty()) {
            return List.of();
        }
        int n = requests.size();
        UUID[] articleIds = new UUID[n];
        UUID[] warehouseIds = new UUID[n];
        for (int i = 0; i < n; i++) {
            ReservationRequest request = requests.get(i);
            if (request == null || request.articleId() == null || request.warehouseId() == null) {
                throw new ArticleRuleException("stock.error.article-and-warehouse-required");
            }
            if (request.quantity() == null || request.quantity().signum() <= 0) {
                throw new ArticleRuleException("stock.error.quantity-positive");
            }
            if (blank(request.sourceType()) || blank(request.sourceRef())) {
                throw new ArticleRuleException("stock.error.source-required");
            }
            articleIds[i] = request.articleId();
            warehouseIds[i] = request.warehouseId();
        }
        // Balance rows for tracked articles that never had stock there, so that every pair can be locked.
        jdbc.sql("""
                        INSERT INTO stock_balance (article_id, warehouse_id)
                        SELECT DISTINCT r.article_id, r.warehouse_id
                          FROM unnest(CAST(:articles AS uuid[]), CAST(:warehouses AS uuid[])) AS r(article_id, warehouse_id)
                          JOIN article a ON a.id = r.article_id AND a.stock_tracked
                        ON CONFLICT (tenant_id, article_id, warehouse_id) DO NOTHING
                        """)
                .param("articles", articleIds)
                .param("warehouses", warehouseIds)
                .update();
        Map<List<UUID>, BigDecimal[]> free = new HashMap<>();
        jdbc.sql("""
                        SELECT b.article_id, b.warehouse_id, b.on_hand - b.reserved AS available, w.allow_negative
                          FROM stock_balance b
                          JOIN warehouse w ON w.id = b.warehouse_id
                          JOIN article a ON a.id = b.article_id AND a.stock_tracked
                         WHERE (b.article_id, b.warehouse_id) IN (
                                SELECT * FROM unnest(CAST(:articles AS uuid[]), CAST(:warehouses AS uuid[])))
                         ORDER BY b.article_id, b.warehouse_id
                           FOR UPDATE OF b
                        """)
                .param("articles", articleIds)
                .param("warehouses", warehouseIds)
                .query((rs, row) -> {
                    BigDecimal available = rs.getBoolean("allow_negative") ? null : rs.getBigDecimal("available");
                    free.put(
                            List.of(rs.getObject("article_id", UUID.class), rs.getObject("warehouse_id", UUID.class)),
                            new BigDecimal[] {available});
                    return row;
                })
                .list();
        List<ReservedQuantity> results = new ArrayList<>(n);
        List<Integer> made = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ReservationRequest request = requests.get(i);
            BigDecimal[] left = free.get(List.of(request.articleId(), request.warehouseId()));
            BigDecimal wanted = request.quantity().setScale(UnitOfMeasure.QUANTITY_SCALE, RoundingMode.HALF_UP);
            if (left == null) {
                results.add(ReservedQuantity.NONE); // not tracked (or not visible): nothing to promise
                continue;
            }
            BigDecimal granted = left[0] == null ? wanted : wanted.min(left[0].max(BigDecimal.ZERO));
            if (granted.signum() <= 0) {
                results.add(ReservedQuantity.NONE);
                continue;
            }
            if (left[0] != null) {
                left[0] = left[0].subtract(granted);
            }
            results.add(new ReservedQuantity(Ids.newId(), granted));
            made.add(i);
        }
        if (made.isEmpty()) {
            return results;
        }
        int m = made.size();
        UUID[] ids = new UUID[m];
        UUID[] articles = new UUID[m];
        UUID[] warehouses = new UUID[m];
        BigDecimal[] quantities = new BigDecimal[m];
        String[] types = new String[m];
        String[] refs = new String[m];
        for (int k = 0; k < m; k++) {
            int i = made.get(k);
            ReservationRequest request = requests.get(i);
            ids[k] = results.get(i).reservationId();
            articles[k] = request.articleId();
            warehouses[k] = request.warehouseId();
            quantities[k] = results.get(i).reserved();
            types[k] = request.sourceType().strip();
            refs[k] = request.sourceRef().strip();
        }
        jdbc.sql("""
                        UPDATE stock_balance b SET reserved = b.reserved + s.quantity, updated_at = now()
                          FROM (SELECT r.article_id, r.warehouse_id, sum(r.quantity) AS quantity
                                  FROM unnest(CAST(:articles AS uuid[]), CAST(:warehouses AS uuid[]),
                                              CAST(:quantities AS numeric[])) AS r(article_id, warehouse_id, quantity)
                                 GROUP BY r.article_id, r.warehouse_id) s
                         WHERE b.article_id = s.article_id AND b.warehouse_id = s.warehouse_id
                        """)
                .param("articles", articles)
                .param("warehouses", warehouses)
                .param("quantities", quantities)
                .update();
        jdbc.sql("""
                        INSERT INTO stock_reservation (id, article_id, warehouse_id, quantity, source_type, source_ref)
                        SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:articles AS uuid[]), CAST(:warehouses AS uuid[]),
                                             CAST(:quantities AS numeric[]), CAST(:types AS text[]), CAST(:refs AS text[]))
                        """)
                .param("ids", ids)
                .param("articles", articles)
                .param("warehouses", warehouses)
                .param("quantities", quantities)
                .param("types", types)
                .param("refs", refs)
                .update();
        return results;
    }

    /**
     * On hand, reserved and incoming of these articles in one warehouse, or summed over all
     * warehouses when {@code warehouseId} is null, in one query; an article without stock anywhere
     * is left out.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({ArticlePermissions.STOCK_READ, ArticlePermissions.STOCK_RESERVE, Roles.SYSTEM})
    public Map<UUID, StockLevel> levels(Collection<UUID> articleIds, UUID warehouseId) {
        UUID[] ids = articleIds.stream().filter(Objects::nonNull).distinct().toArray(UUID[]::new);
        Map<UUID, StockLevel> found = new HashMap<>();
        if (ids.length == 0) {
            return found;
        }
        jdbc.sql("""
                        SELECT article_id, sum(on_hand) AS on_hand, sum(reserved) AS reserved, sum(incoming) AS incoming
                          FROM stock_balance
                         WHERE article_id = ANY(CAST(:ids AS uuid[]))
                           AND (CAST(:warehouse AS uuid) IS NULL OR warehouse_id = CAST(:warehouse AS uuid))
                         GROUP BY article_id
                        """)
                .param("ids", ids)
                .param("warehouse", warehouseId, java.sql.Types.OTHER)
                .query((rs, row) -> new StockLevel(
                        rs.getObject("article_id", UUID.class),
                        rs.getBigDecimal("on_hand"),
                        rs.getBigDecimal("reserved"),
                        rs.getBigDecimal("incoming")))
                .list()
                .forEach(level -> found.put(level.articleId(), level));
        return found;
    }

    /** Gives the reserved quantity back to what is available (the order was cancelled or changed). */
    @Transactional
    @RolesAllowed({ArticlePermissions.STOCK_RESERVE, Roles.SYSTEM})
    public void release(UUID reservationId) {
        Reservation reservation = close(reservationId, "released", null);
        unreserve(reservation);
    }

    /**
     * Issues the reserved quantity from the warehouse (the order was delivered or the production
     * order consumed it) and closes the reservation. Returns the issue movement's id.
     */
    @Transactional
    @RolesAllowed({ArticlePermissions.STOCK_RESERVE, Roles.SYSTEM})
    public UUID consume(UUID reservationId) {
        Reservation reservation = close(reservationId, "consumed", null);
        unreserve(reservation);
        UUID movementId = ledger.record(
                MovementType.ISSUE,
                new StockEntry(
                        reservation.articleId(),
                        reservation.warehouseId(),
                        null,
                        reservation.quantity(),
                        null,
                        null,
                        null,
                        reservation.sourceType(),
                        reservation.sourceRef()),
                null);
        jdbc.sql("UPDATE stock_reservation SET movement_id = :m WHERE id = :id")
                .param("m", movementId)
                .param("id", reservationId)
                .update();
        return movementId;
    }

    /**
     * Issues {@code quantity} of a reservation (at most its quantity) for the document that takes
     * the stock out ({@code sourceType} such as "sales-delivery" and its reference): the reservation
     * is closed as consumed with the issue movement, and what is left of it stays promised to the
     * same order as a new open reservation. Returns the movement and the remainder's reservation
     * (null when nothing is left).
     */
    @Transactional
    @RolesAllowed({ArticlePermissions.STOCK_RESERVE, Roles.SYSTEM})
    public Consumption consume(UUID reservationId, BigDecimal quantity, String sourceType, String sourceRef) {
        if (quantity == null || quantity.signum() <= 0) {
            throw new ArticleRuleException("stock.error.quantity-positive");
        }
        Reservation reservation = close(reservationId, "consumed", null);
        if (quantity.compareTo(reservation.quantity()) > 0) {
            throw new ArticleRuleException("stock.error.more-than-reserved");
        }
        unreserve(reservation);
        UUID movementId = ledger.record(
                MovementType.ISSUE,
                new StockEntry(
                        reservation.articleId(),
                        reservation.warehouseId(),
                        null,
                        quantity,
                        null,
                        null,
                        null,
                        sourceType,
                        sourceRef),
                null);
        jdbc.sql("UPDATE stock_reservation SET movement_id = :m WHERE id = :id")
                .param("m", movementId)
                .param("id", reservationId)
                .update();
        BigDecimal left = reservation.quantity().subtract(quantity);
        UUID remainder = left.signum() > 0
                ? reserve(new ReservationRequest(
                        reservation.articleId(),
                        reservation.warehouseId(),
                        left,
                        reservation.sourceType(),
                        reservation.sourceRef()))
                : null;
        return new Consumption(movementId, remainder);
    }

    /** What {@link #consume(UUID, BigDecimal, String, String)} did: the issue and the reservation left. */
    @NamedInterface("stock")
    public record Consumption(UUID movementId, UUID remainderReservationId) {}

    /** The reservations made for one order (open and closed), oldest first. */
    @Transactional(readOnly = true)
    @RolesAllowed({ArticlePermissions.STOCK_READ, ArticlePermissions.STOCK_RESERVE})
    public List<Reservation> reservationsOf(String sourceType, String sourceRef) {
        return jdbc.sql(SELECT + " WHERE source_type = :type AND source_ref = :ref ORDER BY created_at, id")
                .param("type", sourceType)
                .param("ref", sourceRef)
                .query(ReservationService::reservation)
                .list();
    }

    /** On hand, reserved and so available, of an article in a warehouse. */
    @Transactional(readOnly = true)
    @RolesAllowed({ArticlePermissions.STOCK_READ, ArticlePermissions.STOCK_RESERVE})
    public StockPosition availability(UUID articleId, UUID warehouseId) {
        return jdbc.sql("SELECT on_hand, reserved FROM stock_balance WHERE article_id = :a AND warehouse_id = :w")
                .param("a", articleId)
                .param("w", warehouseId)
                .query((rs, n) -> new StockPosition(rs.getBigDecimal(1), rs.getBigDecimal(2)))
                .optional()
                .orElse(StockPosition.NONE);
    }

    /** Closes an open reservation (the row lock makes a second release or consume wait, then refuse). */
    private Reservation close(UUID reservationId, String status, UUID movementId) {
        return jdbc.sql("""
                        UPDATE stock_reservation
                           SET status = :status, closed_at = now(), updated_at = now(), version = version + 1,
                               movement_id = :movement
                         WHERE id = :id AND status = 'open'
                        RETURNING id, article_id, warehouse_id, quantity, source_type, source_ref, status,
                                  movement_id, created_at
                        """)
                .param("status", status)
                .param("movement", movementId, java.sql.Types.OTHER)
                .param("id", reservationId)
                .query(ReservationService::reservation)
                .optional()
                .orElseThrow(() -> new ArticleRuleException("stock.error.reservation-not-open"));
    }

    private void unreserve(Reservation reservation) {
        jdbc.sql("""
                        UPDATE stock_balance SET reserved = reserved - :q, updated_at = now()
                         WHERE article_id = :a AND warehouse_id = :w
                        """)
                .param("q", reservation.quantity())
                .param("a", reservation.articleId())
                .param("w", reservation.warehouseId())
                .update();
    }

    private static final String SELECT = """
            SELECT id, article_id, warehouse_id, quantity, source_type, source_ref, status, movement_id, created_at
              FROM stock_reservation
            """;

    private static Reservation reservation(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new Reservation(
                rs.getObject("id", UUID.class),
                rs.getObject("article_id", UUID.class),
                rs.getObject("warehouse_id", UUID.class),
                rs.getBigDecimal("quantity"),
                rs.getString("source_type"),
                rs.getString("source_ref"),
                rs.getString("status"),
                rs.getObject("movement_id", UUID.class),
                rs.getTimestamp("created_at").toInstant());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
