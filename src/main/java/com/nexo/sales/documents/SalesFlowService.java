package com.nexo.sales.documents;

import com.nexo.articles.stock.Reservation;
import com.nexo.articles.stock.ReservationRequest;
import com.nexo.articles.stock.ReservationService;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockService;
import com.nexo.base.documents.DocumentTotals;
import com.nexo.base.numbering.DocumentNumber;
import com.nexo.base.numbering.DocumentNumbers;
import com.nexo.sales.QuoteAccepted;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.SalesRuleException;
import com.nexo.security.Roles;
import com.nexo.tenancy.DatabaseContext;
import com.nexo.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The flow of quotes, orders and delivery notes: send a quote, make it (or some of its lines) an
 * order, confirm the order (its stock is reserved), deliver it in one or several delivery notes
 * (the stock is issued with the delivery note as source), cancel. Each step locks the document,
 * checks that its state allows the step and either does all of it or, with a {@link
 * SalesRuleException}, nothing. Invoicing is {@link InvoicingService}'s.
 */
@Service
public class SalesFlowService {

    /** The source type of stock reservations for sales orders (reference: the order's id). */
    public static final String ORDER_SOURCE = "sales-order";
    /** The source type of stock movements of delivery notes (reference: the delivery note's number). */
    public static final String DELIVERY_SOURCE = "sales-delivery";
    /** The source type of the stock that comes back when a delivery note is cancelled. */
    public static final String DELIVERY_CANCEL_SOURCE = "sales-delivery-cancelled";

    private final DocumentStore store;
    private final DocumentNumbers numbers;
    private final ReservationService reservations;
    private final StockService stock;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SalesFlowService(
            DocumentStore store,
            DocumentNumbers numbers,
            ReservationService reservations,
            StockService stock,
            ApplicationEventPublisher events,
            Clock clock) {
        this.events = events;
        this.store = store;
        this.numbers = numbers;
        this.reservations = reservations;
        this.stock = stock;
        this.clock = clock;
    }

    /** Numbers a draft quote and marks it sent (the e-mail itself is the print service's). */
    @Transactional
    @RolesAllowed(SalesPermissions.CONFIRM)
    public void send(UUID quoteId) {
        SalesDocument quote = locked(quoteId, DocumentKind.QUOTE, Set.of(DocumentStatus.DRAFT));
        refuseExpired(quote);
        requireLines(quote);
        number(quote, DocumentStatus.SENT, quote.documentDate());
    }

    /**
     * Makes an order of a quote's lines: {@code quantities} by quote line id (null or empty: every
     * line, whole). The quote is accepted (and numbered if it was a draft); the order is a draft to
     * confirm. Returns the order's id. System work runs it for a quote its client accepted in the
     * portal (sales.portal).
     */
    @Transactional
    @RolesAllowed({SalesPermissions.CONFIRM, Roles.SYSTEM})
    public UUID toOrder(UUID quoteId, Map<UUID, BigDecimal> quantities) {
        SalesDocument quote = locked(quoteId, DocumentKind.QUOTE, Set.of(DocumentStatus.DRAFT, DocumentStatus.SENT));
        refuseExpired(quote);
        List<LineForm> lines = new ArrayList<>();
        for (DocumentLineRow line : quote.lines()) {
            BigDecimal quantity = chosen(quantities, line, line.quantity());
            if (quantity != null) {
                lines.add(line.toForm().copyFrom(line.id(), quantity));
            }
        }
        if (lines.isEmpty()) {
            throw new SalesRuleException("sales.rule.no-lines-chosen");
        }
        if (quote.number() == null) {
            number(quote, DocumentStatus.ACCEPTED, quote.documentDate());
        } else {
            store.status(quoteId, DocumentStatus.ACCEPTED);
        }
        TenantContext.current()
                .map(DatabaseContext::tenantId)
                .ifPresent(tenant -> events.publishEvent(new QuoteAccepted(tenant, quoteId)));
        DocumentForm order = quote.toForm();
        order.setKind(DocumentKind.ORDER);
        order.setDocumentDate(today());
        order.setValidUntil(null);
        order.setLines(lines);
        UUID orderId = create(order, quote);
        store.link(quoteId, orderId);
        return orderId;
    }

    /**
     * Confirms a draft order: numbered, and its stock-tracked lines' stock reserved in the order's
     * warehouse as far as it is available; what is not is back-ordered (shown on the order and in
     * the back-order list) and delivered when stock arrives. Returns how many lines are back-ordered.
     */
    @Transactional
    @RolesAllowed(SalesPermissions.CONFIRM)
    public int confirm(UUID orderId) {
        SalesDocument order = locked(orderId, DocumentKind.ORDER, Set.of(DocumentStatus.DRAFT));
        requireLines(order);
        boolean needsStock = order.lines().stream().anyMatch(line -> line.stockTracked() && line.articleId() != null);
        if (needsStock && order.warehouseId() == null) {
            throw new SalesRuleException("sales.rule.warehouse-required");
        }
        number(order, DocumentStatus.CONFIRMED, order.documentDate());
        int backOrdered = 0;
        for (DocumentLineRow line : order.lines()) {
            if (!line.stockTracked()
                    || line.articleId() == null
                    || line.quantity().signum() <= 0) {
                continue;
            }
            BigDecimal available = reservations
                    .availability(line.articleId(), order.warehouseId())
                    .available();
            BigDecimal promised = line.quantity().min(available.max(BigDecimal.ZERO));
            if (promised.signum() > 0) {
                store.reservation(
                        line.id(),
                        reservations.reserve(new ReservationRequest(
                                line.articleId(), order.warehouseId(), promised, ORDER_SOURCE, orderId.toString())));
            }
            if (promised.compareTo(line.quantity()) < 0) {
                backOrdered++;
            }
        }
        return backOrdered;
    }

    /**
     * Delivers a confirmed order: {@code quantities} by order line id (null or empty: all that is
     * left to deliver). Makes a numbered delivery note whose stock movements issue the goods from the
     * order's warehouse, using the order's reservations first. Refused, with nothing written, when a
     * quantity exceeds what is left to deliver or the warehouse has not enough stock. Returns the
     * delivery note's id.
     */
    @Transactional
    @RolesAllowed(SalesPermissions.DELIVER)
    public UUID deliver(UUID orderId, Map<UUID, BigDecimal> quantities) {
        SalesDocument order = locked(
                orderId, DocumentKind.ORDER, Set.of(DocumentStatus.CONFIRMED, DocumentStatus.PARTIALLY_DELIVERED));
        List<LineForm> lines = new ArrayList<>();
        Map<UUID, BigDecimal> delivered = new HashMap<>();
        for (DocumentLineRow line : order.lines()) {
            BigDecimal quantity = chosen(quantities, line, line.toDeliver());
            if (quantity != null) {
                lines.add(line.toForm().copyFrom(line.id(), quantity));
                delivered.put(line.id(), quantity);
            }
        }
        if (lines.isEmpty()) {
            throw new SalesRuleException("sales.rule.nothing-to-deliver");
        }
        DocumentForm note = order.toForm();
        note.setKind(DocumentKind.DELIVERY);
        note.setDocumentDate(today());
        note.setDeliveryDate(today());
        note.setLines(lines);
        UUID deliveryId = create(note, order);
        SalesDocument delivery = store.find(deliveryId).orElseThrow();
        String number = number(delivery, DocumentStatus.DONE, today()).text();
        Map<UUID, Reservation> open = openReservations(orderId);
        for (DocumentLineRow line : order.lines()) {
            BigDecimal quantity = delivered.get(line.id());
            if (quantity == null) {
                continue;
            }
            if (line.stockTracked() && line.articleId() != null) {
                issue(order, line, quantity, open.get(line.reservationId()), number);
            }
            store.progress(line.id(), quantity, BigDecimal.ZERO);
        }
        store.link(orderId, deliveryId);
        store.status(orderId, deliveryState(store.find(orderId).orElseThrow()));
        return deliveryId;
    }

    private void issue(
            SalesDocument order, DocumentLineRow line, BigDecimal quantity, Reservation reservation, String number) {
        BigDecimal fromReservation = reservation == null ? BigDecimal.ZERO : quantity.min(reservation.quantity());
        BigDecimal fromFreeStock = quantity.subtract(fromReservation);
        if (fromFreeStock.signum() > 0) {
            BigDecimal available = reservations
                    .availability(line.articleId(), order.warehouseId())
                    .available();
            if (available.compareTo(fromFreeStock) < 0) {
                throw new SalesRuleException(
                        "sales.rule.not-enough-stock",
                        line.articleCode(),
                        available.max(BigDecimal.ZERO).stripTrailingZeros().toPlainString());
            }
        }
        if (fromReservation.signum() > 0) {
            var consumption = reservations.consume(reservation.id(), fromReservation, DELIVERY_SOURCE, number);
            store.reservation(line.id(), consumption.remainderReservationId());
        }
        if (fromFreeStock.signum() > 0) {
            stock.issue(StockEntry.of(line.articleId(), order.warehouseId(), fromFreeStock, null)
                    .withSource(DELIVERY_SOURCE, number));
        }
    }

    /**
     * Cancels a document with a reason, when its state allows it: a quote not yet accepted; an order
     * nothing of which has been delivered or invoiced (its reservations are released); a delivery
     * note none of whose lines has been invoiced (its stock comes back to the warehouse and the
     * order's lines are delivered again). Invoices are cancelled by {@link InvoicingService}.
     */
    @Transactional
    @RolesAllowed(SalesPermissions.CANCEL)
    public void cancel(UUID documentId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new SalesRuleException("sales.rule.reason-required");
        }
        SalesDocument document =
                store.lock(documentId).orElseThrow(() -> new SalesRuleException("sales.rule.not-found"));
        switch (document.kind()) {
            case QUOTE -> requireState(document, Set.of(DocumentStatus.DRAFT, DocumentStatus.SENT));
            case ORDER -> cancelOrder(document);
            case DELIVERY -> cancelDelivery(document);
            case INVOICE, CORRECTIVE -> throw new SalesRuleException("sales.rule.step-not-allowed", document.number());
        }
        store.cancel(documentId, reason);
    }

    private void cancelOrder(SalesDocument order) {
        requireState(order, Set.of(DocumentStatus.DRAFT, DocumentStatus.CONFIRMED));
        if (order.lines().stream()
                .anyMatch(l -> l.deliveredQuantity().signum() > 0
                        || l.invoicedQuantity().signum() > 0)) {
            throw new SalesRuleException("sales.rule.order-under-way", order.number());
        }
        for (Reservation reservation : openReservations(order.id()).values()) {
            reservations.release(reservation.id());
        }
    }

    private void cancelDelivery(SalesDocument delivery) {
        requireState(delivery, Set.of(DocumentStatus.DONE));
        if (delivery.lines().stream().anyMatch(l -> l.invoicedQuantity().signum() > 0)
                || !store.madeFrom(
                                delivery.lines().stream()
                                        .map(DocumentLineRow::id)
                                        .toList(),
                                DocumentKind.INVOICE)
                        .isEmpty()) {
            throw new SalesRuleException("sales.rule.delivery-invoiced", delivery.number());
        }
        List<UUID> orderLineIds =
                delivery.lines().stream().map(DocumentLineRow::sourceLineId).toList();
        List<UUID> orders = store.documentsOfLines(orderLineIds);
        for (DocumentLineRow line : delivery.lines()) {
            if (line.stockTracked() && line.articleId() != null) {
                stock.receive(StockEntry.of(line.articleId(), delivery.warehouseId(), line.quantity(), null)
                        .withSource(DELIVERY_CANCEL_SOURCE, delivery.number()));
            }
            if (line.sourceLineId() != null) {
                store.progress(line.sourceLineId(), line.quantity().negate(), BigDecimal.ZERO);
            }
        }
        for (UUID orderId : orders) {
            store.lock(orderId).ifPresent(order -> store.status(orderId, deliveryState(order)));
        }
    }

    /** Whether an order line has something to invoice: delivered goods, or services not yet invoiced. */
    static boolean invoiceable(DocumentLineRow line) {
        return invoiceableQuantity(line).signum() > 0;
    }

    /** What of an order line may be invoiced now: delivered and not invoiced (all of it for services). */
    static BigDecimal invoiceableQuantity(DocumentLineRow line) {
        BigDecimal base = line.stockTracked() ? line.deliveredQuantity() : line.quantity();
        return base.subtract(line.invoicedQuantity()).max(BigDecimal.ZERO);
    }

    private static DocumentStatus deliveryState(SalesDocument order) {
        boolean any =
                order.lines().stream().anyMatch(line -> line.deliveredQuantity().signum() > 0);
        boolean all = order.lines().stream().allMatch(line -> line.toDeliver().signum() == 0);
        return all ? DocumentStatus.DELIVERED : any ? DocumentStatus.PARTIALLY_DELIVERED : DocumentStatus.CONFIRMED;
    }

    private Map<UUID, Reservation> openReservations(UUID orderId) {
        Map<UUID, Reservation> open = new HashMap<>();
        for (Reservation reservation : reservations.reservationsOf(ORDER_SOURCE, orderId.toString())) {
            if (reservation.isOpen()) {
                open.put(reservation.id(), reservation);
            }
        }
        return open;
    }

    /** Creates a draft of {@code form}'s kind from a previous document (same client data). */
    private UUID create(DocumentForm form, SalesDocument from) {
        UUID id = UUID.randomUUID();
        DocumentTotals totals = SalesTotals.of(
                form.getLines(),
                form.getTaxRegime(),
                form.getDocumentDiscount(),
                form.getWithholdingPercent(),
                form.getCurrency());
        store.insert(id, DocumentStatus.DRAFT, form, PartyCopy.of(from), totals, null, null);
        store.insertLines(id, form.getLines(), totals, form.getTaxRegime());
        return id;
    }

    private DocumentNumber number(SalesDocument document, DocumentStatus status, LocalDate date) {
        DocumentNumber number = numbers.next(document.kind().series(), date.getYear());
        store.number(document.id(), status, number, date, document.dueDate(), document.exchangeRate());
        return number;
    }

    private SalesDocument locked(UUID id, DocumentKind kind, Set<DocumentStatus> states) {
        SalesDocument document = store.lock(id).orElseThrow(() -> new SalesRuleException("sales.rule.not-found"));
        if (document.kind() != kind) {
            throw new SalesRuleException("sales.rule.step-not-allowed", label(document));
        }
        requireState(document, states);
        return document;
    }

    static void requireState(SalesDocument document, Set<DocumentStatus> states) {
        if (!states.contains(document.status())) {
            throw new SalesRuleException(
                    "sales.rule.state-does-not-allow",
                    label(document),
                    document.status().key());
        }
    }

    private void refuseExpired(SalesDocument quote) {
        if (quote.expiredOn(today())) {
            throw new SalesRuleException("sales.rule.quote-expired", label(quote), quote.validUntil());
        }
    }

    static void requireLines(SalesDocument document) {
        if (document.lines().isEmpty()) {
            throw new SalesRuleException("sales.rule.no-lines");
        }
    }

    /** {@code quantities}' choice for a line (all of {@code whole} when none given); null to leave it out. */
    private static BigDecimal chosen(Map<UUID, BigDecimal> quantities, DocumentLineRow line, BigDecimal whole) {
        if (quantities == null || quantities.isEmpty()) {
            return whole.signum() > 0 ? whole : null;
        }
        BigDecimal quantity = quantities.get(line.id());
        if (quantity == null || quantity.signum() == 0) {
            return null;
        }
        if (quantity.signum() < 0 || quantity.compareTo(whole) > 0) {
            throw new SalesRuleException(
                    "sales.rule.quantity-too-large",
                    line.position(),
                    whole.stripTrailingZeros().toPlainString());
        }
        return quantity;
    }

    static String label(SalesDocument document) {
        return document.number() == null ? "" : document.number();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
