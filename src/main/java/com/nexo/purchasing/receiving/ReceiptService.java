package com.nexo.purchasing.receiving;

import com.nexo.articles.stock.CostedEntry;
import com.nexo.articles.stock.CostedReceipt;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockValuation;
import com.nexo.base.Ids;
import com.nexo.base.documents.DocumentLine;
import com.nexo.base.documents.DocumentTotals;
import com.nexo.base.documents.TaxRate;
import com.nexo.base.numbering.DocumentNumber;
import com.nexo.base.numbering.DocumentNumbers;
import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.purchasing.documents.PurchaseStatus;
import com.nexo.purchasing.prices.LastPrice;
import com.nexo.purchasing.prices.SupplierPriceService;
import com.nexo.purchasing.replenish.OnOrder;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receipts: goods counted in against a sent purchase order, partially and repeatedly, into a
 * warehouse (and a location of it). Posting a receipt writes a numbered RECEIPT document that never
 * changes afterwards (trigger in {@code R__purchasing_receiving.sql}), one stock movement at cost per
 * stock-tracked line (the article's weighted-average cost moves with it; all written by one call of
 * the articles module), the order lines' received
 * quantities and the order's state, all in one transaction with the order's row locked.
 */
@Service
public class ReceiptService {

    /** The source type of the stock movements and cost changes of receipts (reference: its number). */
    public static final String SOURCE_TYPE = "purchase_receipt";

    /** Order states that goods may be received against: sent to the supplier, approved if it had to be. */
    static final Set<PurchaseStatus> RECEIVABLE = EnumSet.of(PurchaseStatus.SENT, PurchaseStatus.PARTIALLY_RECEIVED);

    private static final String ORDER = """
            SELECT id, status, number, supplier_id, supplier_name, warehouse_id, currency
              FROM purchase_document
             WHERE id = :id AND kind = 'ORDER'
            """;
    private static final String ORDER_FOR_UPDATE = ORDER + " FOR UPDATE";

    private static final String ORDER_LINES = """
            SELECT id, position, article_id, article_code, supplier_code, description, unit_code, quantity,
                   received_quantity, unit_price, discount_percent, tax_code, vat_percent, stock_tracked
              FROM purchase_document_line
             WHERE document_id = :id
             ORDER BY position
            """;

    private static final String OPEN_LINE_BY_CODE = """
            SELECT id, position, article_id, article_code, supplier_code, description, unit_code, quantity,
                   received_quantity, unit_price, discount_percent, tax_code, vat_percent, stock_tracked
              FROM purchase_document_line
             WHERE document_id = :id AND (upper(article_code) = upper(:code) OR upper(supplier_code) = upper(:code))
             ORDER BY received_quantity >= quantity, position
             LIMIT 1
            """;

    /**
     * What a post writes to purchasing's tables, in one statement (one round trip instead of five; on a
     * loaded machine each costs a wait for the database process to be scheduled): the receipt, its
     * lines (all at once, the article and tax copied from their order lines), the received quantities
     * on the order lines, the order's state and the link from the order to the receipt. The parts run
     * on one snapshot and none reads what another writes; the foreign keys and the statement-level
     * triggers (history, frozen lines) run at the end of the statement, when all of it is written.
     * The order lines are also named by {@code = ANY}: the planner then reads them by primary key
     * instead of hashing a scan of every line against an array it cannot size.
     */
    private static final String WRITE = """
            WITH receipt AS (
                INSERT INTO purchase_document (id, kind, status, series, number_year, number, supplier_id, contact_id,
                       supplier_name, supplier_tax_id, supplier_email, language, currency, document_date, warehouse_id,
                       supplier_reference, order_id, base_amount, vat_amount, total_amount, numbered_at)
                SELECT :receiptId, 'RECEIPT', 'POSTED', :series, :year, :number, o.supplier_id, o.contact_id,
                       o.supplier_name, o.supplier_tax_id, o.supplier_email, o.language, o.currency, :date, :warehouse,
                       :reference, o.id, :base, :vat, :total, now()
                  FROM purchase_document o
                 WHERE o.id = :orderId
                RETURNING id),
            lines AS (
                INSERT INTO purchase_document_line (id, document_id, position, article_id, article_code, supplier_code,
                       description, quantity, unit_code, unit_price, discount_percent, tax_code, vat_percent, net_amount,
                       stock_tracked, location_id, source_line_id, movement_id)
                SELECT r.id, :receiptId, r.position, o.article_id, o.article_code, o.supplier_code, o.description,
                       r.quantity, o.unit_code, o.unit_price, o.discount_percent, o.tax_code, o.vat_percent,
                       r.net_amount, o.stock_tracked, r.location_id, o.id, r.movement_id
                  FROM unnest(CAST(:ids AS uuid[]), CAST(:positions AS integer[]), CAST(:sources AS uuid[]),
                              CAST(:quantities AS numeric[]), CAST(:nets AS numeric[]), CAST(:locations AS uuid[]),
                              CAST(:movements AS uuid[]))
                       AS r(id, position, source_line_id, quantity, net_amount, location_id, movement_id)
                  JOIN purchase_document_line o ON o.id = r.source_line_id AND o.id = ANY(CAST(:sources AS uuid[]))
                RETURNING id),
            received AS (
                UPDATE purchase_document_line o
                   SET received_quantity = o.received_quantity + r.quantity, version = o.version + 1
                  FROM (SELECT source_line_id, sum(quantity) AS quantity
                          FROM unnest(CAST(:sources AS uuid[]), CAST(:quantities AS numeric[]))
                               AS x(source_line_id, quantity)
                         GROUP BY source_line_id) r
                 WHERE o.id = r.source_line_id AND o.id = ANY(CAST(:sources AS uuid[]))
                RETURNING o.id),
            state AS (
                UPDATE purchase_document SET status = :status, updated_at = now(), version = version + 1
                 WHERE id = :orderId
                RETURNING id)
            INSERT INTO purchase_document_link (from_id, to_id)
            SELECT :orderId, id FROM receipt
            ON CONFLICT DO NOTHING
            """;

    private final JdbcClient jdbc;
    private final DocumentNumbers numbers;
    private final StockValuation valuation;
    private final Clock clock;
    private final OnOrder onOrder;
    private final SupplierPriceService prices;

    ReceiptService(
            JdbcClient jdbc,
            DocumentNumbers numbers,
            StockValuation valuation,
            Clock clock,
            OnOrder onOrder,
            SupplierPriceService prices) {
        this.onOrder = onOrder;
        this.prices = prices;
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.valuation = valuation;
        this.clock = clock;
    }

    /**
     * Posts a receipt against a sent (or partly received) order. Refused, with nothing written, when
     * the order is not this tenant's or not in a receivable state, no line has a quantity, a line is
     * not the order's, or a line would receive more than is open on it. The unit cost of each stock
     * movement is the order line's net unit price (after its discount). The stock ledger's own
     * refusals (an inactive warehouse, a location of another warehouse, an archived article) come as
     * the articles module's {@code ArticleRuleException}, also with nothing written.
     */
    @Transactional
    @RolesAllowed(PurchasingPermissions.RECEIVE)
    public PostedReceipt post(UUID orderId, ReceiptRequest request) {
        if (request == null || request.warehouseId() == null) {
            throw PurchasingRuleException.onField("warehouseId", "purchasing.receipt.warehouse-required");
        }
        OrderHeader order = header(orderId, true);
        if (!RECEIVABLE.contains(order.status())) {
            throw new PurchasingRuleException("purchasing.receipt.order-not-receivable", order.label());
        }
        LocalDate date = request.date() == null ? LocalDate.now(clock) : request.date();
        if (date.isAfter(LocalDate.now(clock))) {
            throw PurchasingRuleException.onField("date", "purchasing.receipt.date-in-future");
        }
        Map<UUID, OrderLine> lines = new LinkedHashMap<>();
        for (OrderLine line : orderLines(orderId)) {
            lines.put(line.id(), line);
        }
        List<ReceiptRequest.Line> received = new ArrayList<>();
        Map<UUID, BigDecimal> receivedPerLine = new LinkedHashMap<>();
        for (ReceiptRequest.Line line : request.lines()) {
            if (line == null || line.quantity() == null || line.quantity().signum() == 0) {
                continue;
            }
            OrderLine ordered = lines.get(line.orderLineId());
            if (ordered == null) {
                throw new PurchasingRuleException("purchasing.receipt.line-not-on-order");
            }
            if (line.quantity().signum() < 0) {
                throw new PurchasingRuleException(
                        "purchasing.receipt.quantity-negative", ordered.position(), ordered.label());
            }
            BigDecimal total = receivedPerLine.merge(ordered.id(), line.quantity(), BigDecimal::add);
            if (total.compareTo(ordered.open()) > 0) {
                throw new PurchasingRuleException(
                        "purchasing.receipt.more-than-open",
                        ordered.position(),
                        ordered.label(),
                        plain(total),
                        plain(ordered.open()));
            }
            received.add(line);
        }
        if (received.isEmpty()) {
            throw new PurchasingRuleException("purchasing.receipt.no-lines");
        }

        DocumentNumber number = numbers.next(PurchaseKind.RECEIPT.defaultSeries(), date.getYear());
        int n = received.size();
        UUID[] ids = new UUID[n];
        Integer[] positions = new Integer[n];
        UUID[] sources = new UUID[n];
        BigDecimal[] quantities = new BigDecimal[n];
        UUID[] locations = new UUID[n];
        UUID[] movements = new UUID[n];
        List<DocumentLine> amounts = new ArrayList<>(n);
        List<CostedEntry> costed = new ArrayList<>(n);
        List<Integer> costedLines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ReceiptRequest.Line line = received.get(i);
            OrderLine ordered = lines.get(line.orderLineId());
            ids[i] = Ids.newId();
            positions[i] = i + 1;
            sources[i] = ordered.id();
            quantities[i] = line.quantity();
            locations[i] = line.locationId();
            amounts.add(new DocumentLine(
                    line.quantity(),
                    ordered.unitPrice(),
                    ordered.discountPercent(),
                    new TaxRate(ordered.taxCode(), ordered.vatPercent(), BigDecimal.ZERO)));
            if (ordered.stockTracked() && ordered.articleId() != null) {
                costed.add(new CostedEntry(
                        new StockEntry(
                                ordered.articleId(),
                                request.warehouseId(),
                                line.locationId(),
                                line.quantity(),
                                null,
                                null,
                                order.number(),
                                SOURCE_TYPE,
                                number.text()),
                        ordered.netUnitPrice()));
                costedLines.add(i);
            }
        }
        // All the stock movements at cost in one call: set-based, the articles locked in a stable order.
        List<CostedReceipt> stocked = valuation.receiveAllAtCost(costed);
        for (int k = 0; k < stocked.size(); k++) {
            movements[costedLines.get(k)] = stocked.get(k).movementId();
        }
        DocumentTotals totals = DocumentTotals.of(amounts, currency(order.currency()), null, false, null);
        BigDecimal[] nets = totals.lineNets().toArray(BigDecimal[]::new);

        boolean complete = lines.values().stream()
                .allMatch(line -> line.open()
                                .subtract(receivedPerLine.getOrDefault(line.id(), BigDecimal.ZERO))
                                .signum()
                        <= 0);
        PurchaseStatus status = complete ? PurchaseStatus.RECEIVED : PurchaseStatus.PARTIALLY_RECEIVED;
        UUID receiptId = Ids.newId();
        jdbc.sql(WRITE)
                .param("receiptId", receiptId)
                .param("series", number.series())
                .param("year", number.year())
                .param("number", number.text())
                .param("date", date)
                .param("warehouse", request.warehouseId())
                .param("reference", clean(request.supplierReference()), java.sql.Types.VARCHAR)
                .param("orderId", orderId)
                .param("base", totals.base())
                .param("vat", totals.vat())
                .param("total", totals.total())
                .param("ids", ids)
                .param("positions", positions)
                .param("sources", sources)
                .param("quantities", quantities)
                .param("nets", nets)
                .param("locations", locations)
                .param("movements", movements)
                .param("status", status.name())
                .update();
        // What is left on order, and the price each article was last bought at from this supplier.
        onOrder.refresh(List.of(orderId));
        List<LastPrice> bought = new ArrayList<>();
        for (ReceiptRequest.Line line : received) {
            OrderLine ordered = lines.get(line.orderLineId());
            if (ordered.articleId() != null) {
                bought.add(new LastPrice(
                        order.supplierId(), ordered.articleId(), ordered.netUnitPrice(), date, receiptId));
            }
        }
        prices.recordLastPrices(bought);
        return new PostedReceipt(receiptId, number.text(), status);
    }

    /** The order with each line's ordered, received and open quantities, for the receive screen. */
    @Transactional(readOnly = true)
    @RolesAllowed({PurchasingPermissions.RECEIVE, PurchasingPermissions.READ})
    public ReceivingOrder order(UUID orderId) {
        OrderHeader order = header(orderId, false);
        return new ReceivingOrder(
                order.id(),
                order.number(),
                order.supplierName(),
                order.status(),
                order.warehouseId(),
                orderLines(orderId).stream().map(OrderLine::toOpenLine).toList());
    }

    /** Each line of the order with what was ordered, what is received and what is still open. */
    @Transactional(readOnly = true)
    @RolesAllowed({PurchasingPermissions.RECEIVE, PurchasingPermissions.READ})
    public List<OpenLine> openLines(UUID orderId) {
        header(orderId, false);
        return orderLines(orderId).stream().map(OrderLine::toOpenLine).toList();
    }

    /**
     * The order's line of the article with this code (or the supplier's code for it), as a scanner
     * reads it: a line still open first; empty when no line of the order has it.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({PurchasingPermissions.RECEIVE, PurchasingPermissions.READ})
    public Optional<OpenLine> findOpenOrderLineByArticleCode(UUID orderId, String code) {
        String wanted = clean(code);
        if (orderId == null || wanted == null) {
            return Optional.empty();
        }
        return jdbc.sql(OPEN_LINE_BY_CODE)
                .param("id", orderId)
                .param("code", wanted)
                .query((rs, i) -> orderLine(rs))
                .optional()
                .map(OrderLine::toOpenLine);
    }

    private OrderHeader header(UUID orderId, boolean lock) {
        if (orderId == null) {
            throw new PurchasingRuleException("purchasing.receipt.order-not-found");
        }
        return jdbc.sql(lock ? ORDER_FOR_UPDATE : ORDER)
                .param("id", orderId)
                .query((rs, i) -> new OrderHeader(
                        rs.getObject("id", UUID.class),
                        PurchaseStatus.valueOf(rs.getString("status")),
                        rs.getString("number"),
                        rs.getObject("supplier_id", UUID.class),
                        rs.getString("supplier_name"),
                        rs.getObject("warehouse_id", UUID.class),
                        rs.getString("currency")))
                .optional()
                .orElseThrow(() -> new PurchasingRuleException("purchasing.receipt.order-not-found"));
    }

    private List<OrderLine> orderLines(UUID orderId) {
        return jdbc.sql(ORDER_LINES)
                .param("id", orderId)
                .query((rs, i) -> orderLine(rs))
                .list();
    }

    private static OrderLine orderLine(ResultSet rs) throws SQLException {
        return new OrderLine(
                rs.getObject("id", UUID.class),
                rs.getInt("position"),
                rs.getObject("article_id", UUID.class),
                rs.getString("article_code"),
                rs.getString("supplier_code"),
                rs.getString("description"),
                rs.getString("unit_code"),
                rs.getBigDecimal("quantity"),
                rs.getBigDecimal("received_quantity"),
                rs.getBigDecimal("unit_price"),
                rs.getBigDecimal("discount_percent"),
                rs.getString("tax_code"),
                rs.getBigDecimal("vat_percent"),
                rs.getBoolean("stock_tracked"));
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            return Currency.getInstance("EUR");
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private record OrderHeader(
            UUID id,
            PurchaseStatus status,
            String number,
            UUID supplierId,
            String supplierName,
            UUID warehouseId,
            String currency) {

        String label() {
            return number == null ? "" : number;
        }
    }

    private record OrderLine(
            UUID id,
            int position,
            UUID articleId,
            String articleCode,
            String supplierCode,
            String description,
            String unitCode,
            BigDecimal quantity,
            BigDecimal received,
            BigDecimal unitPrice,
            BigDecimal discountPercent,
            String taxCode,
            BigDecimal vatPercent,
            boolean stockTracked) {

        BigDecimal open() {
            return quantity.subtract(received).max(BigDecimal.ZERO);
        }

        /** The price of one unit after the line's discount: the cost the goods come in at. */
        BigDecimal netUnitPrice() {
            return unitPrice
                    .multiply(BigDecimal.ONE.subtract(discountPercent.movePointLeft(2)))
                    .setScale(4, RoundingMode.HALF_UP);
        }

        String label() {
            return articleCode == null ? description : articleCode + " · " + description;
        }

        OpenLine toOpenLine() {
            return new OpenLine(
                    id,
                    position,
                    articleId,
                    articleCode,
                    supplierCode,
                    description,
                    unitCode,
                    stockTracked,
                    quantity,
                    received,
                    open());
        }
    }
}
