package com.nexo.sales.lists;

import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.documents.BackOrders;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Back-orders: the lines of confirmed and partly delivered orders of which some quantity is neither
 * delivered nor covered by the line's open stock reservation (ordered - delivered - reserved > 0).
 * The quantities come from the documents' {@link BackOrders}, asked once per batch of a page. Reading
 * needs {@link SalesPermissions#READ} (and the stock reading that the reservations need, which the
 * sales and read-only roles have).
 */
@Service
public class BackOrderService {

    /** The order and line columns a back-order row shows. */
    private static final String COLUMNS = """
            d.id AS order_id, d.number, d.document_date, d.account_id, d.client_name, l.id AS line_id, l.article_id,\
             l.article_code, l.description, l.unit_code""";

    private static final String FROM = "sales_document_line l JOIN sales_document d ON d.id = l.document_id";

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
            String unitCode) {}

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
            row.getString("unit_code"));

    private final JdbcClient jdbc;
    private final BackOrders backOrders;

    BackOrderService(JdbcClient jdbc, BackOrders backOrders) {
        this.jdbc = jdbc;
        this.backOrders = backOrders;
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
        ListQuery query = ListQuery.select(COLUMNS).from(FROM).where(BackOrders.OPEN_LINES);
        List<BackOrderRow> rows = new ArrayList<>(size);
        PageCursor cursor = after;
        while (true) {
            Page<Candidate> batch = query.page(jdbc, ORDER, cursor, Math.max(size, BATCH), CANDIDATE);
            Set<UUID> orders = new LinkedHashSet<>();
            batch.rows().forEach(line -> orders.add(line.orderId()));
            Map<UUID, BackOrders.BackOrder> quantities = backOrders.of(orders);
            for (Candidate line : batch.rows()) {
                BackOrders.BackOrder quantity = quantities.get(line.lineId());
                if (quantity != null) {
                    rows.add(row(line, quantity));
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
        Map<UUID, BigDecimal> result = new LinkedHashMap<>();
        jdbc.sql("SELECT id FROM sales_document_line WHERE document_id = :order ORDER BY position")
                .param("order", orderId)
                .query(UUID.class)
                .list()
                .forEach(id -> result.put(id, BigDecimal.ZERO));
        backOrders.of(List.of(orderId)).forEach((line, quantity) -> result.put(line, quantity.backOrdered()));
        return result;
    }

    private static BackOrderRow row(Candidate line, BackOrders.BackOrder quantity) {
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
                quantity.ordered(),
                quantity.delivered(),
                quantity.reserved(),
                quantity.backOrdered());
    }
}
