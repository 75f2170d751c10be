package com.nexo.sales.lists;

import com.nexo.articles.stock.Reservation;
import com.nexo.articles.stock.ReservationService;
import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.documents.SalesFlowService;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Back-orders: the lines of confirmed and partly delivered orders of which some quantity is neither
 * delivered nor covered by the line's open stock reservation (ordered - delivered - reserved > 0).
 * The reserved quantity comes from the articles module's reservations ({@link ReservationService}),
 * asked once per order of a page. Reading needs {@link SalesPermissions#READ} (and the stock reading
 * that the reservations need, which the sales and read-only roles have).
 */
@Service
public class BackOrderService {

    /** Lines of open orders with something left to deliver of a stock-tracked article. */
    private static final String COLUMNS = """
            d.id AS order_id, d.number, d.document_date, d.account_id, d.client_name, l.id AS line_id, l.article_id,\
             l.article_code, l.description, l.unit_code, l.quantity, l.delivered_quantity, l.reservation_id""";

    private static final String FROM = "sales_document_line l JOIN sales_document d ON d.id = l.document_id";

    private static final String OPEN_ORDER = "d.kind = 'ORDER' AND d.status IN ('CONFIRMED', 'PARTIALLY_DELIVERED')";

    private static final String UNDELIVERED =
            "l.stock_tracked AND l.article_id IS NOT NULL AND l.quantity > l.delivered_quantity";

    /** Oldest orders first (numbers run in order), an order's lines together. */
    private static final ListOrder ORDER = ListOrder.keyset("d.number", "text", "l.id", false);

    /** Candidate lines read per round while filling a page. */
    private static final int BATCH = 100;

    private record Candidate(
            UUID orderId,
            String number,
            LocalDate date,
            UUID accountId,
            String clientName,
            UUID lineId,
            UUID articleId,
            String articleCode,
            String description,
            String unitCode,
            BigDecimal quantity,
            BigDecimal delivered,
            UUID reservationId) {}

    private static final RowMapper<Candidate> CANDIDATE = (row, i) -> new Candidate(
            row.getObject("order_id", UUID.class),
            row.getString("number"),
            row.getObject("document_date", LocalDate.class),
            row.getObject("account_id", UUID.class),
            row.getString("client_name"),
            row.getObject("line_id", UUID.class),
            row.getObject("article_id", UUID.class),
            row.getString("article_code"),
            row.getString("description"),
            row.getString("unit_code"),
            row.getBigDecimal("quantity"),
            row.getBigDecimal("delivered_quantity"),
            row.getObject("reservation_id", UUID.class));

    private final JdbcClient jdbc;
    private final ReservationService reservations;

    BackOrderService(JdbcClient jdbc, ReservationService reservations) {
        this.jdbc = jdbc;
        this.reservations = reservations;
    }

    /**
     * One page of back-ordered lines, oldest order first: {@code null} for the first page, then the
     * previous page's {@link Page#next()}. Lines fully covered by their reservation are skipped, so a
     * page may read more lines than it returns.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(SalesPermissions.READ)
    public Page<BackOrderRow> page(PageCursor after, int limit) {
        int size = Math.max(1, Math.min(limit, ListQuery.MAX_PAGE_SIZE));
        ListQuery query = ListQuery.select(COLUMNS).from(FROM).where(OPEN_ORDER).where(UNDELIVERED);
        List<BackOrderRow> rows = new ArrayList<>(size);
        PageCursor cursor = after;
        while (true) {
            Page<Candidate> batch = query.page(jdbc, ORDER, cursor, Math.max(size, BATCH), CANDIDATE);
            Map<UUID, Map<UUID, BigDecimal>> reserved = openReservations(batch.rows());
            for (Candidate line : batch.rows()) {
                BackOrderRow row = backOrder(line, reserved.get(line.orderId()));
                if (row != null) {
                    rows.add(row);
                    if (rows.size() == size) {
                        return new Page<>(rows, new PageCursor(line.number(), line.lineId()));
                    }
                }
            }
            if (!batch.hasMore()) {
                return new Page<>(rows, null);
            }
            cursor = batch.next();
        }
    }

    /**
     * What is back-ordered of each line of an order (by line id): zero for lines fully delivered or
     * reserved, lines of no stock-tracked article and orders not confirmed.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(SalesPermissions.READ)
    public Map<UUID, BigDecimal> backOrdered(UUID orderId) {
        List<Candidate> lines = jdbc.sql("SELECT " + COLUMNS + " FROM " + FROM + " WHERE d.id = :order AND "
                        + OPEN_ORDER + " AND " + UNDELIVERED)
                .param("order", orderId)
                .query(CANDIDATE)
                .list();
        Map<UUID, BigDecimal> result = new LinkedHashMap<>();
        jdbc.sql("SELECT id FROM sales_document_line WHERE document_id = :order ORDER BY position")
                .param("order", orderId)
                .query(UUID.class)
                .list()
                .forEach(id -> result.put(id, BigDecimal.ZERO));
        Map<UUID, Map<UUID, BigDecimal>> reserved = openReservations(lines);
        for (Candidate line : lines) {
            BackOrderRow row = backOrder(line, reserved.get(line.orderId()));
            if (row != null) {
                result.put(line.lineId(), row.backOrdered());
            }
        }
        return result;
    }

    /** The open reservations of the candidates' orders: by order, reservation id to quantity. */
    private Map<UUID, Map<UUID, BigDecimal>> openReservations(List<Candidate> lines) {
        Map<UUID, Map<UUID, BigDecimal>> byOrder = new HashMap<>();
        for (Candidate line : lines) {
            byOrder.computeIfAbsent(line.orderId(), order -> {
                Map<UUID, BigDecimal> open = new HashMap<>();
                for (Reservation reservation :
                        reservations.reservationsOf(SalesFlowService.ORDER_SOURCE, order.toString())) {
                    if (reservation.isOpen()) {
                        open.put(reservation.id(), reservation.quantity());
                    }
                }
                return open;
            });
        }
        return byOrder;
    }

    /** The line as a back-order, or null when its reservation covers what is left to deliver. */
    private static BackOrderRow backOrder(Candidate line, Map<UUID, BigDecimal> openReservations) {
        BigDecimal reserved = line.reservationId() == null || openReservations == null
                ? BigDecimal.ZERO
                : openReservations.getOrDefault(line.reservationId(), BigDecimal.ZERO);
        BigDecimal backOrdered = line.quantity().subtract(line.delivered()).subtract(reserved);
        if (backOrdered.signum() <= 0) {
            return null;
        }
        return new BackOrderRow(
                line.orderId(),
                line.number(),
                line.date(),
                line.accountId(),
                line.clientName(),
                line.lineId(),
                line.articleId(),
                line.articleCode(),
                line.description(),
                line.unitCode(),
                line.quantity(),
                line.delivered(),
                reserved,
                backOrdered);
    }
}
