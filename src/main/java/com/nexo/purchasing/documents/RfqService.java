package com.nexo.purchasing.documents;

import com.nexo.accounts.AccountParty;
import com.nexo.base.documents.DocumentLine;
import com.nexo.base.documents.DocumentTotals;
import com.nexo.base.numbering.DocumentNumber;
import com.nexo.base.numbering.DocumentNumbers;
import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.replenish.OnOrder;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests for quotation: a draft with its lines and the suppliers it goes to, sent (numbered from
 * series {@code RFQ}), the suppliers' answers recorded line by line, compared side by side, and one
 * answer chosen: it becomes a draft order for that supplier at its prices and quantities, and the RFQ
 * is closed. Every step locks the RFQ and either does all of it or nothing.
 */
@Service
public class RfqService {

    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final int MAX_SUPPLIERS = 20;
    private static final int MAX_REASON = 500;

    private final PurchaseStore store;
    private final RfqStore rfqs;
    private final PurchaseParts parts;
    private final OrderDrafts orders;
    private final DocumentNumbers numbers;
    private final Clock clock;

    private final OnOrder onOrder;

    RfqService(
            PurchaseStore store,
            RfqStore rfqs,
            PurchaseParts parts,
            OrderDrafts orders,
            DocumentNumbers numbers,
            Clock clock,
            OnOrder onOrder) {
        this.onOrder = onOrder;
        this.store = store;
        this.rfqs = rfqs;
        this.parts = parts;
        this.orders = orders;
        this.numbers = numbers;
        this.clock = clock;
    }

    /** Creates a draft RFQ with its lines and suppliers ({@code draft.id()} null). Returns its id. */
    @Transactional
    @RolesAllowed(PurchasingPermissions.CREATE)
    public UUID create(DraftRfq draft) {
        if (draft.id() != null) {
            throw new IllegalArgumentException("A new draft has no id yet");
        }
        List<AccountParty> suppliers = suppliers(draft.supplierIds());
        List<LineValues> lines = parts.lines(draft.lines(), "EUR");
        UUID id = UUID.randomUUID();
        store.insert(id, PurchaseKind.RFQ, header(draft, lines));
        store.insertLines(id, lines);
        rfqs.replaceSuppliers(id, suppliers);
        return id;
    }

    /** Saves the changes to a draft RFQ read at {@code draft.version()}; returns the new version. */
    @Transactional
    @RolesAllowed(PurchasingPermissions.EDIT)
    public long update(DraftRfq draft) {
        if (draft.id() == null || draft.version() == null) {
            throw new IllegalArgumentException("A change names the draft and the version it was read at");
        }
        locked(draft.id(), draft.version(), EnumSet.of(PurchaseStatus.DRAFT));
        List<AccountParty> suppliers = suppliers(draft.supplierIds());
        List<LineValues> lines = parts.lines(draft.lines(), "EUR");
        if (!store.update(draft.id(), draft.version(), header(draft, lines))) {
            throw PurchaseOrderService.changedMeanwhile();
        }
        store.replaceLines(draft.id(), lines);
        rfqs.replaceSuppliers(draft.id(), suppliers);
        return draft.version() + 1;
    }

    /** Deletes a draft RFQ read at {@code version}. */
    @Transactional
    @RolesAllowed(PurchasingPermissions.EDIT)
    public void deleteDraft(UUID rfqId, long version) {
        locked(rfqId, version, EnumSet.of(PurchaseStatus.DRAFT));
        if (!store.deleteDraft(rfqId, version)) {
            throw PurchaseOrderService.changedMeanwhile();
        }
    }

    /** The RFQ with its lines and suppliers. */
    @Transactional(readOnly = true)
    @RolesAllowed(PurchasingPermissions.READ)
    public Rfq rfq(UUID rfqId) {
        PurchaseDocument document =
                store.find(rfqId).filter(d -> d.kind() == PurchaseKind.RFQ).orElseThrow(PurchaseOrderService::notFound);
        return new Rfq(document, rfqs.suppliers(rfqId));
    }

    /**
     * Sends a draft RFQ to its suppliers: numbered from series {@code RFQ} of its date's year, and
     * each supplier marked sent (the PDF and e-mails are the print feature's). Returns the number.
     */
    @Transactional
    @RolesAllowed(PurchasingPermissions.SEND)
    public String send(UUID rfqId, long version) {
        PurchaseDocument rfq = locked(rfqId, version, EnumSet.of(PurchaseStatus.DRAFT));
        if (rfq.lines().isEmpty()) {
            throw new PurchasingRuleException("purchasing.rule.no-lines");
        }
        if (rfqs.suppliers(rfqId).isEmpty()) {
            throw new PurchasingRuleException("purchasing.rule.rfq-no-suppliers");
        }
        DocumentNumber number = numbers.next(
                PurchaseKind.RFQ.defaultSeries(), rfq.documentDate().getYear());
        if (!store.number(rfqId, version, PurchaseStatus.SENT, number)) {
            throw PurchaseOrderService.changedMeanwhile();
        }
        rfqs.sent(rfqId);
        return number.text();
    }

    /**
     * Records (or replaces) a supplier's answer to a sent RFQ: its quotation reference and validity,
     * and for each line it quotes, price, discount, quantity and delivery date. Lines it leaves out
     * are not quoted by it.
     */
    @Transactional
    @RolesAllowed(PurchasingPermissions.SEND)
    public void recordAnswer(
            UUID rfqId, UUID supplierId, String reference, LocalDate validUntil, List<AnswerLine> lines) {
        PurchaseDocument rfq = lockedRfq(rfqId);
        PurchaseOrderService.requireState(rfq, EnumSet.of(PurchaseStatus.SENT));
        RfqSupplier supplier = rfqs.suppliers(rfqId).stream()
                .filter(s -> s.supplierId().equals(supplierId))
                .findFirst()
                .orElseThrow(() -> new PurchasingRuleException("purchasing.rule.rfq-supplier-not-invited"));
        // A supplier that declined may still send a quotation after all: its answer replaces the decline.
        if (!Set.of("SENT", "ANSWERED", RfqSupplier.DECLINED).contains(supplier.status())) {
            throw new PurchasingRuleException("purchasing.rule.rfq-supplier-closed", supplier.supplierName());
        }
        if (lines == null || lines.isEmpty()) {
            throw new PurchasingRuleException("purchasing.rule.answer-no-lines");
        }
        Set<UUID> rfqLines = new HashSet<>();
        rfq.lines().forEach(line -> rfqLines.add(line.id()));
        Set<UUID> seen = new HashSet<>();
        List<AnswerLine> checked = new ArrayList<>();
        for (AnswerLine line : lines) {
            if (line.lineId() == null || !rfqLines.contains(line.lineId()) || !seen.add(line.lineId())) {
                throw new PurchasingRuleException("purchasing.rule.answer-unknown-line");
            }
            if (line.unitPrice() == null || line.unitPrice().signum() < 0) {
                throw new PurchasingRuleException("purchasing.rule.answer-price");
            }
            if (line.quantity() == null || line.quantity().signum() <= 0) {
                throw new PurchasingRuleException("purchasing.rule.answer-quantity");
            }
            BigDecimal discount = line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
            if (discount.signum() < 0 || discount.compareTo(HUNDRED) > 0) {
                throw new PurchasingRuleException("purchasing.rule.answer-discount");
            }
            checked.add(
                    new AnswerLine(line.lineId(), line.unitPrice(), discount, line.quantity(), line.deliveryDate()));
        }
        rfqs.answer(rfqId, supplierId, reference, validUntil, checked);
    }

    /**
     * Records that a supplier of a sent RFQ declines to quote, with the reason it gave (optional). An
     * answer it had given no longer stands (it is deleted), so it cannot be chosen; it may still answer
     * later, which replaces the decline. The change is on the RFQ's timeline.
     */
    @Transactional
    @RolesAllowed(PurchasingPermissions.SEND)
    public void decline(UUID rfqId, UUID supplierId, String reason) {
        PurchaseDocument rfq = lockedRfq(rfqId);
        PurchaseOrderService.requireState(rfq, EnumSet.of(PurchaseStatus.SENT));
        RfqSupplier supplier = invited(rfqId, supplierId);
        if (!Set.of("SENT", "ANSWERED").contains(supplier.status())) {
            throw new PurchasingRuleException("purchasing.rule.rfq-supplier-closed", supplier.supplierName());
        }
        if (reason != null && reason.strip().length() > MAX_REASON) {
            throw PurchasingRuleException.onField("reason", "purchasing.rule.rfq-decline-reason-long", MAX_REASON);
        }
        rfqs.declined(rfqId, supplierId, reason);
    }

    /** The answers side by side, the cheapest of each line flagged, and each supplier's total. */
    @Transactional(readOnly = true)
    @RolesAllowed(PurchasingPermissions.READ)
    public RfqComparison compare(UUID rfqId) {
        Rfq rfq = rfq(rfqId);
        LocalDate today = LocalDate.now(clock);
        // An answer past its validity is still shown, but it is not the cheapest: it cannot be chosen.
        Set<UUID> expired = new HashSet<>();
        rfq.suppliers().stream().filter(s -> s.expiredOn(today)).forEach(s -> expired.add(s.supplierId()));
        Map<UUID, Map<UUID, AnswerLine>> byLine = new HashMap<>();
        for (RfqStore.StoredAnswer answer : rfqs.answers(rfqId)) {
            byLine.computeIfAbsent(answer.line().lineId(), k -> new LinkedHashMap<>())
                    .put(answer.supplierId(), answer.line());
        }
        List<RfqComparison.Row> rows = new ArrayList<>();
        Map<UUID, BigDecimal> nets = new LinkedHashMap<>();
        Map<UUID, Integer> answered = new HashMap<>();
        for (PurchaseLine line : rfq.document().lines()) {
            Map<UUID, AnswerLine> answers = byLine.getOrDefault(line.id(), Map.of());
            UUID cheapest = answers.entrySet().stream()
                    .filter(e -> !expired.contains(e.getKey()))
                    .min(Comparator.comparing((Map.Entry<UUID, AnswerLine> e) -> netUnitPrice(e.getValue()))
                            .thenComparing(
                                    e -> e.getValue().deliveryDate(), Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(e -> e.getKey()))
                    .map(Map.Entry::getKey)
                    .orElse(null);
            Map<UUID, RfqComparison.Offer> offers = new LinkedHashMap<>();
            for (RfqSupplier supplier : rfq.suppliers()) {
                AnswerLine answer = answers.get(supplier.supplierId());
                if (answer == null) {
                    continue;
                }
                BigDecimal net = net(answer, line.vatPercent());
                offers.put(
                        supplier.supplierId(),
                        new RfqComparison.Offer(
                                supplier.supplierId(),
                                answer.unitPrice(),
                                answer.discountPercent(),
                                answer.quantity(),
                                answer.deliveryDate(),
                                net,
                                supplier.supplierId().equals(cheapest)));
                nets.merge(supplier.supplierId(), net, BigDecimal::add);
                answered.merge(supplier.supplierId(), 1, Integer::sum);
            }
            rows.add(new RfqComparison.Row(line, offers, cheapest));
        }
        Map<UUID, RfqComparison.SupplierTotal> totals = new LinkedHashMap<>();
        int lineCount = rfq.document().lines().size();
        nets.forEach((supplier, net) -> totals.put(
                supplier,
                new RfqComparison.SupplierTotal(
                        supplier, net, answered.get(supplier), answered.get(supplier) == lineCount)));
        return new RfqComparison(rfqId, rfq.suppliers(), List.copyOf(rows), totals, today);
    }

    /**
     * Chooses a supplier's answer: a draft order for that supplier with the lines it quoted, at its
     * prices, discounts and quantities (each order line made from its RFQ line), into the RFQ's
     * warehouse, expected by its latest delivery date. The supplier is marked chosen, the others keep
     * their state, and the RFQ is closed. Returns the order's id.
     */
    @Transactional
    @RolesAllowed(PurchasingPermissions.CREATE)
    public UUID choose(UUID rfqId, UUID supplierId) {
        PurchaseDocument rfq = lockedRfq(rfqId);
        PurchaseOrderService.requireState(rfq, EnumSet.of(PurchaseStatus.SENT));
        RfqSupplier supplier = invited(rfqId, supplierId);
        if (supplier.declined()) {
            throw new PurchasingRuleException("purchasing.rule.rfq-declined", supplier.supplierName());
        }
        if (!"ANSWERED".equals(supplier.status())) {
            throw new PurchasingRuleException("purchasing.rule.rfq-not-answered", supplier.supplierName());
        }
        if (supplier.expiredOn(LocalDate.now(clock))) {
            throw new PurchasingRuleException(
                    "purchasing.rule.rfq-answer-expired", supplier.supplierName(), supplier.validUntil());
        }
        Map<UUID, AnswerLine> answers = new HashMap<>();
        rfqs.answers(rfqId).stream()
                .filter(a -> a.supplierId().equals(supplierId))
                .forEach(a -> answers.put(a.line().lineId(), a.line()));
        List<OrderLine> lines = new ArrayList<>();
        List<UUID> sources = new ArrayList<>();
        LocalDate expected = null;
        for (PurchaseLine line : rfq.lines()) {
            AnswerLine answer = answers.get(line.id());
            if (answer == null) {
                continue;
            }
            lines.add(new OrderLine(
                    line.articleId(),
                    line.supplierCode(),
                    line.description(),
                    answer.quantity(),
                    line.unitCode(),
                    answer.unitPrice(),
                    answer.discountPercent(),
                    line.vatPercent()));
            sources.add(line.id());
            if (answer.deliveryDate() != null
                    && (expected == null || answer.deliveryDate().isAfter(expected))) {
                expected = answer.deliveryDate();
            }
        }
        LocalDate today = LocalDate.now(clock);
        if (expected != null && expected.isBefore(today)) {
            expected = null;
        }
        DraftOrder draft = new DraftOrder(
                null, null, supplierId, rfq.warehouseId(), today, expected, supplier.supplierReference(), null, lines);
        UUID orderId = orders.insert(draft, sources, rfqId);
        onOrder.refresh(List.of(orderId));
        store.link(rfqId, orderId);
        rfqs.chosen(rfqId, supplierId, orderId);
        if (!store.status(rfqId, rfq.version(), PurchaseStatus.CLOSED)) {
            throw PurchaseOrderService.changedMeanwhile();
        }
        return orderId;
    }

    /** Cancels a draft or sent RFQ read at {@code version}, with a reason. */
    @Transactional
    @RolesAllowed(PurchasingPermissions.CANCEL)
    public void cancel(UUID rfqId, long version, String reason) {
        if (reason == null || reason.isBlank()) {
            throw PurchasingRuleException.onField("reason", "purchasing.rule.cancel-reason-required");
        }
        locked(rfqId, version, EnumSet.of(PurchaseStatus.DRAFT, PurchaseStatus.SENT));
        if (!store.cancel(rfqId, version, reason)) {
            throw PurchaseOrderService.changedMeanwhile();
        }
    }

    private RfqSupplier invited(UUID rfqId, UUID supplierId) {
        return rfqs.suppliers(rfqId).stream()
                .filter(s -> s.supplierId().equals(supplierId))
                .findFirst()
                .orElseThrow(() -> new PurchasingRuleException("purchasing.rule.rfq-supplier-not-invited"));
    }

    private List<AccountParty> suppliers(List<UUID> supplierIds) {
        Set<UUID> distinct = new LinkedHashSet<>();
        supplierIds.stream().filter(Objects::nonNull).forEach(distinct::add);
        if (distinct.size() > MAX_SUPPLIERS) {
            throw PurchasingRuleException.onField(
                    "supplierIds", "purchasing.rule.rfq-too-many-suppliers", MAX_SUPPLIERS);
        }
        return distinct.stream().map(parts::supplier).toList();
    }

    private PurchaseStore.Header header(DraftRfq draft, List<LineValues> lines) {
        LocalDate date = draft.documentDate() == null ? LocalDate.now(clock) : draft.documentDate();
        if (draft.answerBy() != null && draft.answerBy().isBefore(date)) {
            throw PurchasingRuleException.onField("answerBy", "purchasing.rule.expected-before-date");
        }
        if (draft.warehouseId() != null
                && parts.articles().activeWarehouses().stream().noneMatch(w -> w.id().equals(draft.warehouseId()))) {
            throw PurchasingRuleException.onField("warehouseId", "purchasing.rule.warehouse-not-found");
        }
        DocumentTotals totals = PurchaseTotals.ofValues(lines, "EUR");
        return new PurchaseStore.Header(
                null,
                null,
                null,
                null,
                "es",
                "EUR",
                date,
                draft.answerBy(),
                draft.warehouseId(),
                null,
                draft.notes(),
                null,
                totals.base(),
                totals.vat(),
                totals.total());
    }

    private PurchaseDocument lockedRfq(UUID rfqId) {
        PurchaseDocument rfq = store.lock(rfqId).orElseThrow(PurchaseOrderService::notFound);
        if (rfq.kind() != PurchaseKind.RFQ) {
            throw PurchaseOrderService.notFound();
        }
        return rfq;
    }

    private PurchaseDocument locked(UUID rfqId, long version, Set<PurchaseStatus> states) {
        PurchaseDocument rfq = lockedRfq(rfqId);
        if (rfq.version() != version) {
            throw PurchaseOrderService.changedMeanwhile();
        }
        PurchaseOrderService.requireState(rfq, states);
        return rfq;
    }

    private static BigDecimal netUnitPrice(AnswerLine answer) {
        return answer.unitPrice()
                .multiply(BigDecimal.ONE.subtract(answer.discountPercent().movePointLeft(2)));
    }

    private static BigDecimal net(AnswerLine answer, BigDecimal vatPercent) {
        return PurchaseTotals.of(
                        List.of(new DocumentLine(
                                answer.quantity(),
                                answer.unitPrice(),
                                answer.discountPercent(),
                                PurchaseTotals.rate(vatPercent))),
                        "EUR")
                .lineNets()
                .getFirst()
                .setScale(2, RoundingMode.HALF_UP);
    }
}
