package com.nexo.sales.documents;

import com.nexo.base.documents.DocumentTotals;
import com.nexo.base.numbering.DocumentNumber;
import com.nexo.base.numbering.DocumentNumbers;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.SalesRuleException;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoices: a draft invoice made from orders and delivery notes of one client (what is delivered
 * and not invoiced; services as ordered), issuing it (a gapless number of the year, its amounts
 * worked out again, the order and delivery lines' invoiced quantities, its record in the invoice
 * records' chain; from then on the database refuses any change), corrective invoices, cancellation
 * and payments.
 */
@Service
public class InvoicingService {

    private static final String PAID = "SELECT coalesce(sum(amount), 0) FROM sales_payment WHERE invoice_id = :id";
    private static final String PAY = """
            INSERT INTO sales_payment (id, invoice_id, paid_on, amount, method) VALUES (:id, :invoice, :paidOn, :amount, :method)
            """;

    private final DocumentStore store;
    private final DocumentNumbers numbers;
    private final InvoiceRecords records;
    private final JdbcClient jdbc;
    private final Clock clock;

    InvoicingService(
            DocumentStore store, DocumentNumbers numbers, InvoiceRecords records, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.numbers = numbers;
        this.records = records;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A draft invoice for what is left to invoice of these orders and delivery notes, all of one
     * client and currency: a delivery note's lines not yet invoiced; an order's delivered goods not
     * yet invoiced (through a delivery note or directly) and its services. Lines already on another
     * draft invoice are left out. Returns the invoice's id.
     */
    @Transactional
    @RolesAllowed(SalesPermissions.INVOICE)
    public UUID invoice(List<UUID> sourceIds) {
        if (sourceIds == null || sourceIds.isEmpty()) {
            throw new SalesRuleException("sales.rule.nothing-to-invoice");
        }
        List<SalesDocument> sources = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(sourceIds)) {
            SalesDocument source = store.lock(id).orElseThrow(() -> new SalesRuleException("sales.rule.not-found"));
            if (source.kind() == DocumentKind.ORDER) {
                SalesFlowService.requireState(
                        source,
                        Set.of(DocumentStatus.CONFIRMED, DocumentStatus.PARTIALLY_DELIVERED, DocumentStatus.DELIVERED));
            } else if (source.kind() == DocumentKind.DELIVERY) {
                SalesFlowService.requireState(source, Set.of(DocumentStatus.DONE));
            } else {
                throw new SalesRuleException("sales.rule.step-not-allowed", SalesFlowService.label(source));
            }
            if (!sources.isEmpty()
                    && (!sources.getFirst().accountId().equals(source.accountId())
                            || !sources.getFirst().currency().equals(source.currency()))) {
                throw new SalesRuleException("sales.rule.one-client-per-invoice");
            }
            sources.add(source);
        }
        List<UUID> sourceLineIds = sources.stream()
                .flatMap(source -> source.lines().stream())
                .map(DocumentLineRow::id)
                .toList();
        Map<UUID, BigDecimal> onDrafts = new HashMap<>();
        for (Object[] drafted : store.madeFrom(sourceLineIds, DocumentKind.INVOICE)) {
            onDrafts.merge((UUID) drafted[1], (BigDecimal) drafted[2], BigDecimal::add);
        }
        Map<UUID, BigDecimal> onNotes = new HashMap<>();
        sources.stream()
                .filter(source -> source.kind() == DocumentKind.DELIVERY)
                .flatMap(source -> source.lines().stream())
                .filter(line -> line.sourceLineId() != null)
                .forEach(line -> onNotes.merge(line.sourceLineId(), line.toInvoice(), BigDecimal::add));
        List<LineForm> lines = new ArrayList<>();
        for (SalesDocument source : sources) {
            for (DocumentLineRow line : source.lines()) {
                BigDecimal left = source.kind() == DocumentKind.DELIVERY
                        ? line.toInvoice()
                        : SalesFlowService.invoiceableQuantity(line)
                                .subtract(onNotes.getOrDefault(line.id(), BigDecimal.ZERO));
                left = left.subtract(onDrafts.getOrDefault(line.id(), BigDecimal.ZERO));
                if (left.signum() > 0) {
                    lines.add(line.toForm().copyFrom(line.id(), left));
                }
            }
        }
        if (lines.isEmpty()) {
            throw new SalesRuleException("sales.rule.nothing-to-invoice");
        }
        SalesDocument first = sources.getFirst();
        DocumentForm invoice = first.toForm();
        invoice.setKind(DocumentKind.INVOICE);
        invoice.setDocumentDate(LocalDate.now(clock));
        invoice.setValidUntil(null);
        invoice.setLines(lines);
        UUID invoiceId = UUID.randomUUID();
        DocumentTotals totals = totals(invoice);
        store.insert(invoiceId, DocumentStatus.DRAFT, invoice, PartyCopy.of(first), totals, null, null);
        store.insertLines(invoiceId, lines, totals, invoice.getTaxRegime());
        sources.forEach(source -> store.link(source.id(), invoiceId));
        return invoiceId;
    }

    /**
     * Issues a draft invoice or corrective invoice: its amounts are worked out again from its lines,
     * it takes the next number of its series and year, dated today with its due date, the invoiced
     * quantities of the lines it was made from grow, and its record is appended to the tenant's
     * invoice records' chain; all in one transaction. Returns the number.
     */
    @Transactional
    @RolesAllowed(SalesPermissions.INVOICE)
    public String issue(UUID invoiceId) {
        SalesDocument invoice = store.lock(invoiceId).orElseThrow(() -> new SalesRuleException("sales.rule.not-found"));
        if (!invoice.kind().isInvoice()) {
            throw new SalesRuleException("sales.rule.step-not-allowed", SalesFlowService.label(invoice));
        }
        SalesFlowService.requireState(invoice, Set.of(DocumentStatus.DRAFT));
        SalesFlowService.requireLines(invoice);
        if (!"EUR".equals(invoice.currency()) && invoice.exchangeRate().compareTo(BigDecimal.ONE) == 0) {
            throw new SalesRuleException("sales.rule.exchange-rate-required", invoice.currency());
        }
        List<UUID> sourceLineIds = invoice.lines().stream()
                .map(DocumentLineRow::sourceLineId)
                .filter(java.util.Objects::nonNull)
                .toList();
        Map<UUID, DocumentLineRow> sourceLines = new HashMap<>();
        store.lines(sourceLineIds).forEach(line -> sourceLines.put(line.id(), line));
        if (invoice.kind() == DocumentKind.INVOICE) {
            for (DocumentLineRow line : invoice.lines()) {
                DocumentLineRow source = sourceLines.get(line.sourceLineId());
                if (source != null && line.quantity().compareTo(source.toInvoice()) > 0) {
                    throw new SalesRuleException(
                            "sales.rule.invoiced-already",
                            line.position(),
                            source.toInvoice().stripTrailingZeros().toPlainString());
                }
            }
        }
        LocalDate today = LocalDate.now(clock);
        DocumentNumber number = numbers.next(invoice.kind().series(), today.getYear());
        LocalDate due = today.plusDays(invoice.paymentDays() == null ? 0 : invoice.paymentDays());
        store.number(invoiceId, DocumentStatus.ISSUED, number, today, due, invoice.exchangeRate());
        if (invoice.kind() == DocumentKind.INVOICE) {
            progress(invoice, sourceLines, BigDecimal.ONE);
        }
        records.issued(store.find(invoiceId).orElseThrow());
        return number.text();
    }

    /**
     * A draft corrective invoice for an issued invoice, with the reason: its lines are the original's
     * with the quantities negated (the whole invoice undone); the user then keeps what the correction
     * is about and issues it. Returns its id.
     */
    @Transactional
    @RolesAllowed(SalesPermissions.INVOICE)
    public UUID correct(UUID invoiceId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new SalesRuleException("sales.rule.reason-required");
        }
        SalesDocument original =
                store.lock(invoiceId).orElseThrow(() -> new SalesRuleException("sales.rule.not-found"));
        if (original.kind() != DocumentKind.INVOICE) {
            throw new SalesRuleException("sales.rule.step-not-allowed", SalesFlowService.label(original));
        }
        SalesFlowService.requireState(original, Set.of(DocumentStatus.ISSUED));
        DocumentForm corrective = original.toForm();
        corrective.setKind(DocumentKind.CORRECTIVE);
        corrective.setDocumentDate(LocalDate.now(clock));
        corrective.setLines(original.lines().stream()
                .map(line -> line.toForm().copyFrom(line.id(), line.quantity().negate()))
                .toList());
        UUID id = UUID.randomUUID();
        DocumentTotals totals = totals(corrective);
        store.insert(id, DocumentStatus.DRAFT, corrective, PartyCopy.of(original), totals, invoiceId, reason.strip());
        store.insertLines(id, corrective.getLines(), totals, corrective.getTaxRegime());
        store.link(invoiceId, id);
        return id;
    }

    /**
     * Cancels an invoice with a reason: a draft simply; an issued one gets a cancellation record in
     * the chain, and the quantities it invoiced may be invoiced again.
     */
    @Transactional
    @RolesAllowed(SalesPermissions.CANCEL)
    public void cancel(UUID invoiceId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new SalesRuleException("sales.rule.reason-required");
        }
        SalesDocument invoice = store.lock(invoiceId).orElseThrow(() -> new SalesRuleException("sales.rule.not-found"));
        if (!invoice.kind().isInvoice()) {
            throw new SalesRuleException("sales.rule.step-not-allowed", SalesFlowService.label(invoice));
        }
        SalesFlowService.requireState(invoice, Set.of(DocumentStatus.DRAFT, DocumentStatus.ISSUED));
        if (invoice.status() == DocumentStatus.ISSUED && invoice.kind() == DocumentKind.INVOICE) {
            Map<UUID, DocumentLineRow> sourceLines = new HashMap<>();
            store.lines(invoice.lines().stream()
                            .map(DocumentLineRow::sourceLineId)
                            .filter(java.util.Objects::nonNull)
                            .toList())
                    .forEach(line -> sourceLines.put(line.id(), line));
            progress(invoice, sourceLines, BigDecimal.ONE.negate());
        }
        boolean wasIssued = invoice.status() == DocumentStatus.ISSUED;
        store.cancel(invoiceId, reason);
        if (wasIssued) {
            records.cancelled(store.find(invoiceId).orElseThrow());
        }
    }

    /** Records a payment received for an issued invoice; returns what is still open. */
    @Transactional
    @RolesAllowed(SalesPermissions.INVOICE)
    public BigDecimal registerPayment(UUID invoiceId, LocalDate paidOn, BigDecimal amount, String method) {
        SalesDocument invoice = store.lock(invoiceId).orElseThrow(() -> new SalesRuleException("sales.rule.not-found"));
        if (!invoice.kind().isInvoice()) {
            throw new SalesRuleException("sales.rule.step-not-allowed", SalesFlowService.label(invoice));
        }
        SalesFlowService.requireState(invoice, Set.of(DocumentStatus.ISSUED));
        BigDecimal open = invoice.totalAmount().subtract(paid(invoiceId));
        if (amount == null || amount.signum() == 0 || amount.abs().compareTo(open.abs()) > 0) {
            throw new SalesRuleException("sales.rule.payment-amount", open.toPlainString());
        }
        jdbc.sql(PAY)
                .param("id", UUID.randomUUID())
                .param("invoice", invoiceId)
                .param("paidOn", paidOn == null ? LocalDate.now(clock) : paidOn)
                .param("amount", amount)
                .param("method", method == null || method.isBlank() ? null : method.strip())
                .update();
        return open.subtract(amount);
    }

    /** What has been paid of an invoice. */
    @Transactional(readOnly = true)
    @RolesAllowed(SalesPermissions.READ)
    public BigDecimal paid(UUID invoiceId) {
        return jdbc.sql(PAID).param("id", invoiceId).query(BigDecimal.class).single();
    }

    /** Adds (sign 1) or takes back (sign -1) an invoice's quantities on the lines it was made from. */
    private void progress(SalesDocument invoice, Map<UUID, DocumentLineRow> sourceLines, BigDecimal sign) {
        Map<UUID, DocumentKind> kinds = store.kindsOfLines(sourceLines.keySet());
        for (DocumentLineRow line : invoice.lines()) {
            DocumentLineRow source = sourceLines.get(line.sourceLineId());
            if (source == null) {
                continue;
            }
            BigDecimal quantity = line.quantity().multiply(sign);
            store.progress(source.id(), BigDecimal.ZERO, quantity);
            if (source.sourceLineId() != null && kinds.get(source.id()) == DocumentKind.DELIVERY) {
                store.progress(source.sourceLineId(), BigDecimal.ZERO, quantity);
            }
        }
    }

    private static DocumentTotals totals(DocumentForm form) {
        return SalesTotals.of(
                form.getLines(),
                form.getTaxRegime(),
                form.getDocumentDiscount(),
                form.getWithholdingPercent(),
                form.getCurrency());
    }
}
