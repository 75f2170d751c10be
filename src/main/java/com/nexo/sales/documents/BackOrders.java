package com.nexo.sales.documents;

import com.nexo.articles.stock.Reservation;
import com.nexo.articles.stock.ReservationService;
import com.nexo.sales.SalesPermissions;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What of an order waits for stock: of each line of a stock-tracked article of a confirmed or partly
 * delivered order, what was ordered less what is delivered and what the line's open stock reservation
 * covers, when that is above zero. The one place that computes it: the document page and the
 * back-order list of {@code sales.lists} both ask here. Reading needs {@link SalesPermissions#READ}
 * and the stock reading that the reservations need.
 */
@Service
public class BackOrders {

    /**
     * The lines that may be back-ordered, as an SQL condition over an order {@code d}
     * ({@code sales_document}) and its line {@code l} ({@code sales_document_line}): for a list that
     * pages them and then asks {@link #of(Collection)} for their quantities.
     */
    public static final String OPEN_LINES = "d.kind = 'ORDER' AND d.status IN ('CONFIRMED', 'PARTIALLY_DELIVERED')"
            + " AND l.stock_tracked AND l.article_id IS NOT NULL AND l.quantity > l.delivered_quantity";

    /** A back-ordered line's quantities: {@code backOrdered = ordered - delivered - reserved > 0}. */
    public record BackOrder(
            UUID orderId, BigDecimal ordered, BigDecimal delivered, BigDecimal reserved, BigDecimal backOrdered) {}

    private record OpenLine(UUID orderId, UUID lineId, BigDecimal ordered, BigDecimal delivered, UUID reservationId) {}

    private final JdbcClient jdbc;
    private final ReservationService reservations;

    BackOrders(JdbcClient jdbc, ReservationService reservations) {
        this.jdbc = jdbc;
        this.reservations = reservations;
    }

    /**
     * The back-ordered lines of {@code orderIds}, by line id in the orders' line order; lines fully
     * delivered or reserved, of no stock-tracked article, and orders not confirmed have none.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(SalesPermissions.READ)
    public Map<UUID, BackOrder> of(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        List<OpenLine> lines = jdbc.sql("SELECT d.id AS order_id, l.id AS line_id, l.quantity, l.delivered_quantity,"
                        + " l.reservation_id FROM sales_document d JOIN sales_document_line l ON l.document_id = d.id"
                        + " WHERE d.id = ANY (CAST(:orders AS uuid[])) AND " + OPEN_LINES
                        + " ORDER BY d.id, l.position")
                .param("orders", orderIds.toArray(UUID[]::new))
                .query((row, i) -> new OpenLine(
                        row.getObject("order_id", UUID.class),
                        row.getObject("line_id", UUID.class),
                        row.getBigDecimal("quantity"),
                        row.getBigDecimal("delivered_quantity"),
                        row.getObject("reservation_id", UUID.class)))
                .list();
        Map<UUID, Map<UUID, BigDecimal>> reserved = new HashMap<>();
        Map<UUID, BackOrder> result = new LinkedHashMap<>();
        for (OpenLine line : lines) {
            BigDecimal covered = line.reservationId() == null
                    ? BigDecimal.ZERO
                    : reserved.computeIfAbsent(line.orderId(), this::openReservations)
                            .getOrDefault(line.reservationId(), BigDecimal.ZERO);
            BigDecimal backOrdered = line.ordered().subtract(line.delivered()).subtract(covered);
            if (backOrdered.signum() > 0) {
                result.put(
                        line.lineId(),
                        new BackOrder(line.orderId(), line.ordered(), line.delivered(), covered, backOrdered));
            }
        }
        return result;
    }

    /** The open reservations of an order: reservation id to quantity. */
    private Map<UUID, BigDecimal> openReservations(UUID orderId) {
        Map<UUID, BigDecimal> open = new HashMap<>();
        for (Reservation reservation : reservations.reservationsOf(SalesFlowService.ORDER_SOURCE, orderId.toString())) {
            if (reservation.isOpen()) {
                open.put(reservation.id(), reservation.quantity());
            }
        }
        return open;
    }
}
