package com.nexo.purchasing.bills;

import com.nexo.accounts.AccountDirectory;
import com.nexo.accounts.AccountParty;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supplier bills: recorded against a purchase order with the supplier's own number and date (a
 * supplier's bill number is recorded once), matched three ways against the order and its receipts
 * ({@link ThreeWayMatch}, tolerance from {@code purchase_settings.price_tolerance}), approved by
 * someone with {@code purchasing.approve} (differences only with a note; the bill is numbered then
 * and its quantities count as billed on the order lines), or cancelled.
 */
@Service
public class SupplierBillService {

    /** Order states a bill may be recorded against: sent to the supplier, received or not. */
    static final Set<PurchaseStatus> BILLABLE =
            EnumSet.of(PurchaseStatus.SENT, PurchaseStatus.PARTIALLY_RECEIVED, PurchaseStatus.RECEIVED);

    private static final String ORDER_FOR_UPDATE = """
            SELECT id, status, number, supplier_id, currency
              FROM purchase_document
             WHERE id = :id AND kind = 'ORDER'
             FOR UPDATE
            """;

    private static final String ORDER_LINES = """
            SELECT id, position, description, quantity, unit_price, discount_percent, received_quantity,
                   billed_quantity, tax_code, vat_percent
              FROM purchase_document_line
             WHERE document_id = :id
             ORDER BY position
            """;

    private static final String ORDER_SUPPLIER =
            "SELECT supplier_id FROM purchase_document WHERE id = :id AND kind = 'ORDER'";

    /** Days to pay a bill when the supplier has no payment terms agreed. */
    static final int DEFAULT_PAYMENT_DAYS = 30;

    /** The VAT rates a charge not on the order may carry. */
    static final List<TaxRate> CHARGE_RATES =
            List.of(TaxRate.GENERAL, TaxRate.REDUCED, TaxRate.SUPER_REDUCED, TaxRate.ZERO);

    private static final String TOLERANCE = "SELECT price_tolerance FROM purchase_settings";

    private static final String SAME_REFERENCE = """
            SELECT coalesce(number, supplier_reference)
              FROM purchase_document
             WHERE kind = 'BILL' AND status <> 'CANCELLED' AND supplier_id = :supplier
               AND supplier_reference = :reference
             LIMIT 1
            """;

    private static final String INSERT_BILL = """
            INSERT INTO purchase_document (id, kind, status, supplier_id, contact_id, supplier_name, supplier_tax_id,
                   supplier_email, language, currency, document_date, due_date, supplier_reference, supplier_date,
                   payment_days, order_id, base_amount, vat_amount, total_amount, match_status)
            SELECT :id, 'BILL', 'DRAFT', o.supplier_id, o.contact_id, o.supplier_name, o.supplier_tax_id,
                   o.supplier_email, o.language, o.currency, :date, :dueDate, :reference, :supplierDate,
                   o.payment_days, o.id, :base, :vat, :total, :matchStatus
              FROM purchase_document o
             WHERE o.id = :orderId
            """;

    private static final String INSERT_LINES = """
            INSERT INTO purchase_document_line (id, document_id, position, article_id, article_code, supplier_code,
                   description, quantity, unit_code, unit_price, discount_percent, tax_code, vat_percent, net_amount,
                   stock_tracked, source_line_id)
            SELECT b.id, :billId, b.position, o.article_id, o.article_code, o.supplier_code,
                   coalesce(b.description, o.description), b.quantity, o.unit_code, b.unit_price, 0,
                   coalesce(o.tax_code, b.tax_code), coalesce(o.vat_percent, b.vat_percent), b.net_amount, false, o.id
              FROM unnest(CAST(:ids AS uuid[]), CAST(:positions AS integer[]), CAST(:sources AS uuid[]),
                          CAST(:descriptions AS text[]), CAST(:quantities AS numeric[]), CAST(:prices AS numeric[]),
                          CAST(:nets AS numeric[]), CAST(:taxCodes AS text[]), CAST(:vats AS numeric[]))
                   AS b(id, position, source_line_id, description, quantity, unit_price, net_amount, tax_code,
                        vat_percent)
              LEFT JOIN purchase_document_line o ON o.id = b.source_line_id
            """;

    private static final String BILL = """
            SELECT id, status, order_id, supplier_reference, document_date, due_date
              FROM purchase_document
             WHERE id = :id AND kind = 'BILL'
            """;
    private static final String BILL_FOR_UPDATE = BILL + " FOR UPDATE";

    /** A bill's lines beside their order lines, as the match needs them. */
    private static final String BILL_LINES = """
            SELECT b.position, b.description, b.source_line_id, b.quantity AS billed_quantity,
                   b.unit_price AS billed_price, o.quantity AS ordered_quantity, o.unit_price AS ordered_price,
                   o.discount_percent, o.received_quantity, o.billed_quantity AS order_billed_quantity
              FROM purchase_document_line b
              LEFT JOIN purchase_document_line o ON o.id = b.source_line_id
             WHERE b.document_id = :id
             ORDER BY b.position
            """;

    private static final String APPROVE = """
            UPDATE purchase_document
               SET status = 'APPROVED', series = :series, number_year = :year, number = :number, numbered_at = now(),
                   approved_by = nexo_user_id(), approved_at = now(), match_status = :matchStatus,
                   match_note = :note, updated_at = now(), version = version + 1
             WHERE id = :id
            """;

    /** Adds (or, with negative quantities, takes back) a bill's quantities to its order lines' billed. */
    private static final String ADD_BILLED = """
            UPDATE purchase_document_line o
               SET billed_quantity = greatest(o.billed_quantity + b.quantity, 0), version = o.version + 1
              FROM (SELECT source_line_id, sum(quantity) * :sign AS quantity
                      FROM purchase_document_line
                     WHERE document_id = :billId AND source_line_id IS NOT NULL
                     GROUP BY source_line_id) b
             WHERE o.id = b.source_line_id
            """;

    private static final String CANCEL = """
            UPDATE purchase_document
               SET status = 'CANCELLED', cancel_reason = :reason, cancelled_at = now(), updated_at = now(),
                   version = version + 1
             WHERE id = :id
            """;

    private static final String LINK =
            "INSERT INTO purchase_document_link (from_id, to_id) VALUES (:from, :to) ON CONFLICT DO NOTHING";

    private final JdbcClient jdbc;
    private final DocumentNumbers numbers;
    private final AccountDirectory accounts;
    private final Clock clock;

    SupplierBillService(JdbcClient jdbc, DocumentNumbers numbers, AccountDirectory accounts, Clock clock) {
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * When a bill of the order dated {@code billDate} (null: today) falls due: after the supplier's
     * payment terms as its account has them (the accounts module's), or {@value #DEFAULT_PAYMENT_DAYS}
     * days when it has none. A proposal, which the person recording the bill may change.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(PurchasingPermissions.BILL)
    public LocalDate proposedDueDate(UUID orderId, LocalDate billDate) {
        LocalDate date = billDate == null ? LocalDate.now(clock) : billDate;
        UUID supplierId = orderId == null
                ? null
                : jdbc.sql(ORDER_SUPPLIER)
                        .param("id", orderId)
                        .query(UUID.class)
                        .optional()
                        .orElse(null);
        Integer days = supplierId == null
                ? null
                : accounts.party(supplierId).map(AccountParty::paymentDays).orElse(null);
        return date.plusDays(days == null ? DEFAULT_PAYMENT_DAYS : days);
    }

    /**
     * Records a supplier's bill against an order as a draft (unnumbered until approved), with its
     * totals and its three-way match. Refused, with nothing written, when the order is not this
     * tenant's or not sent, the supplier's bill number is already recorded for this supplier, a line
     * is not the order's, or a line has no positive quantity. Returns the bill's id.
     */
    @Transactional
    @RolesAllowed(PurchasingPermissions.BILL)
    public UUID record(UUID orderId, BillRequest request) {
        String reference = request == null ? null : clean(request.supplierReference());
        if (reference == null) {
            throw PurchasingRuleException.onField("supplierReference", "purchasing.bill.reference-required");
        }
        if (request.supplierDate() == null) {
            throw PurchasingRuleException.onField("supplierDate", "purchasing.bill.supplier-date-required");
        }
        if (request.dueDate() != null && request.dueDate().isBefore(request.supplierDate())) {
            throw PurchasingRuleException.onField(
                    "dueDate", "purchasing.bill.due-before-bill-date", request.supplierDate());
        }
        if (request.lines().isEmpty()) {
            throw new PurchasingRuleException("purchasing.bill.no-lines");
        }
        if (orderId == null) {
            throw new PurchasingRuleException("purchasing.bill.order-not-found");
        }
        Order order = jdbc.sql(ORDER_FOR_UPDATE)
                .param("id", orderId)
                .query((rs, i) -> new Order(
                        rs.getObject("id", UUID.class),
                        PurchaseStatus.valueOf(rs.getString("status")),
                        rs.getString("number"),
                        rs.getObject("supplier_id", UUID.class),
                        rs.getString("currency")))
                .optional()
                .orElseThrow(() -> new PurchasingRuleException("purchasing.bill.order-not-found"));
        if (!BILLABLE.contains(order.status())) {
            throw new PurchasingRuleException(
                    "purchasing.bill.order-not-billable", order.number() == null ? "" : order.number());
        }
        jdbc.sql(SAME_REFERENCE)
                .param("supplier", order.supplierId())
                .param("reference", reference)
                .query(String.class)
                .optional()
                .ifPresent(existing -> {
                    throw PurchasingRuleException.onField(
                            "supplierReference", "purchasing.bill.duplicate-reference", reference, existing);
                });

        Map<UUID, OrderLine> orderLines = new HashMap<>();
        jdbc.sql(ORDER_LINES)
                .param("id", orderId)
                .query((rs, i) -> orderLine(rs))
                .list()
                .forEach(line -> orderLines.put(line.id(), line));
        int n = request.lines().size();
        UUID[] ids = new UUID[n];
        Integer[] positions = new Integer[n];
        UUID[] sources = new UUID[n];
        String[] descriptions = new String[n];
        BigDecimal[] quantities = new BigDecimal[n];
        BigDecimal[] prices = new BigDecimal[n];
        String[] taxCodes = new String[n];
        BigDecimal[] vats = new BigDecimal[n];
        List<DocumentLine> amounts = new ArrayList<>(n);
        List<ThreeWayMatch.Line> toMatch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            BillRequest.Line line = request.lines().get(i);
            if (line == null || line.quantity() == null || line.quantity().signum() <= 0) {
                throw new PurchasingRuleException("purchasing.bill.quantity-required", i + 1);
            }
            if (line.unitPrice() == null || line.unitPrice().signum() < 0) {
                throw new PurchasingRuleException("purchasing.bill.price-invalid", i + 1);
            }
            OrderLine ordered = null;
            if (line.orderLineId() != null) {
                ordered = orderLines.get(line.orderLineId());
                if (ordered == null) {
                    throw new PurchasingRuleException("purchasing.bill.line-not-on-order", i + 1);
                }
            } else if (clean(line.description()) == null) {
                throw new PurchasingRuleException("purchasing.bill.description-required", i + 1);
            }
            ids[i] = Ids.newId();
            positions[i] = i + 1;
            sources[i] = line.orderLineId();
            descriptions[i] = clean(line.description());
            quantities[i] = line.quantity();
            prices[i] = line.unitPrice();
            TaxRate tax = ordered == null
                    ? chargeRate(line.vatPercent(), i + 1)
                    : new TaxRate(ordered.taxCode(), ordered.vatPercent(), BigDecimal.ZERO);
            taxCodes[i] = tax.code();
            vats[i] = tax.vatPercent();
            amounts.add(new DocumentLine(line.quantity(), line.unitPrice(), null, withoutSurcharge(tax)));
            toMatch.add(
                    ordered == null
                            ? ThreeWayMatch.Line.notOnOrder(line.quantity(), line.unitPrice())
                            : new ThreeWayMatch.Line(
                                    ordered.id(),
                                    ordered.quantity(),
                                    ordered.netUnitPrice(),
                                    ordered.received(),
                                    ordered.billed(),
                                    line.quantity(),
                                    line.unitPrice()));
        }
        ThreeWayMatch.Outcome match = ThreeWayMatch.match(toMatch, tolerance());
        DocumentTotals totals = DocumentTotals.of(amounts, currency(order.currency()), null, false, null);

        LocalDate dueDate =
                request.dueDate() == null ? proposedDueDate(orderId, request.supplierDate()) : request.dueDate();
        UUID billId = Ids.newId();
        try {
            jdbc.sql(INSERT_BILL)
                    .param("id", billId)
                    .param("date", LocalDate.now(clock))
                    .param("dueDate", dueDate)
                    .param("reference", reference)
                    .param("supplierDate", request.supplierDate())
                    .param("orderId", orderId)
                    .param("base", totals.base())
                    .param("vat", totals.vat())
                    .param("total", totals.total())
                    .param("matchStatus", match.result().name())
                    .update();
        } catch (DuplicateKeyException e) {
            // A concurrent transaction recorded the same supplier's bill number first.
            throw PurchasingRuleException.onField(
                    "supplierReference", "purchasing.bill.duplicate-reference", reference, reference);
        }
        jdbc.sql(INSERT_LINES)
                .param("billId", billId)
                .param("ids", ids)
                .param("positions", positions)
                .param("sources", sources)
                .param("descriptions", descriptions)
                .param("quantities", quantities)
                .param("prices", prices)
                .param("nets", totals.lineNets().toArray(BigDecimal[]::new))
                .param("taxCodes", taxCodes)
                .param("vats", vats)
                .update();
        jdbc.sql(LINK).param("from", orderId).param("to", billId).update();
        return billId;
    }

    /**
     * The bill's line-by-line comparison with its order and receipts as they stand now (for an
     * approved bill, its own quantities are not counted as billed before it).
     */
    @Transactional(readOnly = true)
    @RolesAllowed({PurchasingPermissions.BILL, PurchasingPermissions.APPROVE, PurchasingPermissions.READ})
    public BillComparison match(UUID billId) {
        Bill bill = bill(billId, false);
        return compare(bill);
    }

    /**
     * Approves a draft bill after matching it again: a bill with differences needs a note (kept as
     * the match note). The bill is numbered (series {@code FP}), who approved it and when is
     * recorded, and its quantities count as billed on the order's lines. Returns the bill's number.
     */
    @Transactional
    @RolesAllowed(PurchasingPermissions.APPROVE)
    public String approve(UUID billId, String note) {
        Bill bill = lockedDraft(billId);
        BillComparison comparison = compare(bill);
        String cleanNote = clean(note);
        if (comparison.result() == ThreeWayMatch.Result.DIFFERENCES && cleanNote == null) {
            throw PurchasingRuleException.onField("note", "purchasing.bill.note-required-for-differences");
        }
        DocumentNumber number = numbers.next(
                PurchaseKind.BILL.defaultSeries(), bill.documentDate().getYear());
        jdbc.sql(APPROVE)
                .param("id", billId)
                .param("series", number.series())
                .param("year", number.year())
                .param("number", number.text())
                .param("matchStatus", comparison.result().name())
                .param("note", cleanNote, java.sql.Types.VARCHAR)
                .update();
        jdbc.sql(ADD_BILLED).param("billId", billId).param("sign", 1).update();
        return number.text();
    }

    /**
     * Cancels a bill with a reason: a draft simply, an approved bill giving its quantities back to
     * the order lines' billed quantities (its number stays used).
     */
    @Transactional
    @RolesAllowed(PurchasingPermissions.CANCEL)
    public void cancel(UUID billId, String reason) {
        String cleanReason = clean(reason);
        if (cleanReason == null) {
            throw PurchasingRuleException.onField("reason", "purchasing.bill.cancel-reason-required");
        }
        lockOrder(bill(billId, false).orderId());
        Bill bill = bill(billId, true);
        if (bill.status() == PurchaseStatus.APPROVED) {
            jdbc.sql(ADD_BILLED).param("billId", billId).param("sign", -1).update();
        } else if (bill.status() != PurchaseStatus.DRAFT) {
            throw new PurchasingRuleException("purchasing.bill.not-cancellable");
        }
        jdbc.sql(CANCEL).param("id", billId).param("reason", cleanReason).update();
    }

    private Bill lockedDraft(UUID billId) {
        // The order first, as receipts and new bills lock it: its lines' quantities must hold still.
        Bill unlocked = bill(billId, false);
        lockOrder(unlocked.orderId());
        Bill bill = bill(billId, true);
        if (bill.status() != PurchaseStatus.DRAFT) {
            throw new PurchasingRuleException("purchasing.bill.not-draft");
        }
        return bill;
    }

    private void lockOrder(UUID orderId) {
        jdbc.sql(ORDER_FOR_UPDATE).param("id", orderId).query((rs, i) -> 1).optional();
    }

    private BillComparison compare(Bill bill) {
        boolean approved = bill.status() == PurchaseStatus.APPROVED;
        List<BillLine> lines = jdbc.sql(BILL_LINES)
                .param("id", bill.id())
                .query((rs, i) -> new BillLine(
                        rs.getInt("position"),
                        rs.getString("description"),
                        rs.getObject("source_line_id", UUID.class),
                        rs.getBigDecimal("billed_quantity"),
                        rs.getBigDecimal("billed_price"),
                        rs.getBigDecimal("ordered_quantity"),
                        netUnitPrice(rs.getBigDecimal("ordered_price"), rs.getBigDecimal("discount_percent")),
                        rs.getBigDecimal("received_quantity"),
                        rs.getBigDecimal("order_billed_quantity")))
                .list();
        Map<UUID, BigDecimal> ownBilled = new HashMap<>();
        if (approved) {
            lines.stream()
                    .filter(line -> line.orderLineId() != null)
                    .forEach(line -> ownBilled.merge(line.orderLineId(), line.billedQuantity(), BigDecimal::add));
        }
        List<ThreeWayMatch.Line> toMatch = lines.stream()
                .map(line -> line.orderLineId() == null
                        ? ThreeWayMatch.Line.notOnOrder(line.billedQuantity(), line.billedPrice())
                        : new ThreeWayMatch.Line(
                                line.orderLineId(),
                                line.orderedQuantity(),
                                line.orderedPrice(),
                                line.received(),
                                line.orderBilled()
                                        .subtract(ownBilled.getOrDefault(line.orderLineId(), BigDecimal.ZERO)),
                                line.billedQuantity(),
                                line.billedPrice()))
                .toList();
        BigDecimal tolerance = tolerance();
        ThreeWayMatch.Outcome outcome = ThreeWayMatch.match(toMatch, tolerance);
        List<BillComparison.Line> compared = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            compared.add(new BillComparison.Line(
                    lines.get(i).position(),
                    lines.get(i).description(),
                    outcome.lines().get(i)));
        }
        return new BillComparison(
                bill.id(),
                bill.orderId(),
                bill.reference(),
                bill.status(),
                bill.dueDate(),
                tolerance,
                outcome.result(),
                compared);
    }

    private Bill bill(UUID billId, boolean lock) {
        if (billId == null) {
            throw new PurchasingRuleException("purchasing.bill.not-found");
        }
        return jdbc.sql(lock ? BILL_FOR_UPDATE : BILL)
                .param("id", billId)
                .query((rs, i) -> new Bill(
                        rs.getObject("id", UUID.class),
                        PurchaseStatus.valueOf(rs.getString("status")),
                        rs.getObject("order_id", UUID.class),
                        rs.getString("supplier_reference"),
                        rs.getObject("document_date", LocalDate.class),
                        rs.getObject("due_date", LocalDate.class)))
                .optional()
                .orElseThrow(() -> new PurchasingRuleException("purchasing.bill.not-found"));
    }

    private BigDecimal tolerance() {
        return jdbc.sql(TOLERANCE).query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
    }

    private static OrderLine orderLine(ResultSet rs) throws SQLException {
        return new OrderLine(
                rs.getObject("id", UUID.class),
                rs.getBigDecimal("quantity"),
                netUnitPrice(rs.getBigDecimal("unit_price"), rs.getBigDecimal("discount_percent")),
                rs.getBigDecimal("received_quantity"),
                rs.getBigDecimal("billed_quantity"),
                rs.getString("tax_code"),
                rs.getBigDecimal("vat_percent"));
    }

    private static BigDecimal netUnitPrice(BigDecimal price, BigDecimal discountPercent) {
        if (price == null) {
            return null;
        }
        BigDecimal discount = discountPercent == null ? BigDecimal.ZERO : discountPercent;
        return price.multiply(BigDecimal.ONE.subtract(discount.movePointLeft(2)))
                .setScale(4, RoundingMode.HALF_UP);
    }

    /** A charge's VAT rate by its percentage (null: the general rate); refused unless a known rate. */
    private static TaxRate chargeRate(BigDecimal vatPercent, int position) {
        if (vatPercent == null) {
            return TaxRate.GENERAL;
        }
        return CHARGE_RATES.stream()
                .filter(rate -> rate.vatPercent().compareTo(vatPercent) == 0)
                .findFirst()
                .orElseThrow(() -> new PurchasingRuleException("purchasing.bill.vat-invalid", position));
    }

    private static TaxRate withoutSurcharge(TaxRate tax) {
        return new TaxRate(tax.code(), tax.vatPercent(), BigDecimal.ZERO);
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            return Currency.getInstance("EUR");
        }
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private record Order(UUID id, PurchaseStatus status, String number, UUID supplierId, String currency) {}

    private record OrderLine(
            UUID id,
            BigDecimal quantity,
            BigDecimal netUnitPrice,
            BigDecimal received,
            BigDecimal billed,
            String taxCode,
            BigDecimal vatPercent) {}

    private record Bill(
            UUID id,
            PurchaseStatus status,
            UUID orderId,
            String reference,
            LocalDate documentDate,
            LocalDate dueDate) {}

    private record BillLine(
            int position,
            String description,
            UUID orderLineId,
            BigDecimal billedQuantity,
            BigDecimal billedPrice,
            BigDecimal orderedQuantity,
            BigDecimal orderedPrice,
            BigDecimal received,
            BigDecimal orderBilled) {}
}
