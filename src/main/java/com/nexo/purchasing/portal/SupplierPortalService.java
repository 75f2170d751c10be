package com.nexo.purchasing.portal;

import com.nexo.base.files.FileStorage;
import com.nexo.base.files.FileTooLargeException;
import com.nexo.base.files.StoredFile;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.portal.SupplierPortal.AnswerInput;
import com.nexo.purchasing.portal.SupplierPortal.FileKind;
import com.nexo.purchasing.portal.SupplierPortal.Order;
import com.nexo.purchasing.portal.SupplierPortal.OrderFile;
import com.nexo.purchasing.portal.SupplierPortal.OrderLine;
import com.nexo.purchasing.portal.SupplierPortal.OrderRow;
import com.nexo.purchasing.portal.SupplierPortal.ProposalInput;
import com.nexo.purchasing.portal.SupplierPortal.Response;
import com.nexo.purchasing.portal.SupplierPortal.Rfq;
import com.nexo.purchasing.portal.SupplierPortal.RfqRow;
import com.nexo.purchasing.print.PurchasePrintService;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.nexo.security.Roles;
import com.nexo.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The supplier portal: a supplier's portal user reads its own RFQs and purchase orders, answers an
 * RFQ line by line (the same answer rows a buyer records for it, so the back office's comparison shows
 * them at once), confirms an order or proposes other quantities and dates, and ties delivery notes and
 * bills to an order. Every method runs as the supplier, under the supplier role's row-level security
 * bound to its account; the account is never taken from the caller.
 */
@Service
public class SupplierPortalService {

    /** The largest delivery note or bill accepted. */
    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    static final int MAX_COMMENT = 1000;
    /** The longest reason a supplier gives for declining an RFQ (as the buyer records one). */
    public static final int MAX_DECLINE_REASON = 500;

    private static final int MAX_REFERENCE = 60;
    private static final String FILE_PURPOSE = "purchase-order-file";

    private final SupplierPortalStore store;
    private final FileStorage files;
    private final SupplierResponseMail mail;
    private final Clock clock;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;
    private final PurchasePrintService print;

    SupplierPortalService(
            SupplierPortalStore store,
            FileStorage files,
            SupplierResponseMail mail,
            Clock clock,
            PlatformTransactionManager transactions,
            PurchasePrintService print) {
        this.store = store;
        this.files = files;
        this.mail = mail;
        this.clock = clock;
        this.writing = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.print = print;
    }

    // --- RFQs -----------------------------------------------------------------------------------

    /** The supplier's RFQs, newest first, {@code limit} after the row ({@code afterDate}, {@code afterId}). */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.SUPPLIER)
    public List<RfqRow> rfqs(LocalDate afterDate, UUID afterId, int limit) {
        return store.rfqs(supplier(), afterDate, afterId, Math.clamp(limit, 1, 200));
    }

    /** One of the supplier's RFQs with its lines and the supplier's answer to each. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.SUPPLIER)
    public Rfq rfq(UUID rfqId) {
        return store.rfq(supplier(), rfqId).orElseThrow(SupplierPortalService::notFound);
    }

    /**
     * Answers an open RFQ (or replaces the answer read at {@code version}): a price, a quantity and
     * a delivery date for each line it quotes; lines left out are not quoted.
     */
    @Transactional
    @RolesAllowed(Roles.SUPPLIER)
    public void answer(UUID rfqId, long version, String reference, LocalDate validUntil, List<AnswerInput> lines) {
        UUID supplier = supplier();
        Rfq rfq = store.rfq(supplier, rfqId).orElseThrow(SupplierPortalService::notFound);
        if (!rfq.open()) {
            throw new PurchasingRuleException("portal.supplier.rule.rfq-closed");
        }
        if (rfq.version() != version) {
            throw changedMeanwhile();
        }
        if (rfq.declined()) {
            throw new PurchasingRuleException("portal.supplier.rule.rfq-declined");
        }
        String cleanReference = reference == null || reference.isBlank() ? null : reference.strip();
        if (cleanReference != null && cleanReference.length() > MAX_REFERENCE) {
            throw PurchasingRuleException.onField("reference", "portal.supplier.rule.reference-long", MAX_REFERENCE);
        }
        LocalDate today = LocalDate.now(clock);
        if (validUntil != null && validUntil.isBefore(today)) {
            throw PurchasingRuleException.onField("validUntil", "portal.supplier.rule.date-past");
        }
        Set<UUID> rfqLines = new HashSet<>();
        rfq.lines().forEach(line -> rfqLines.add(line.id()));
        Set<UUID> seen = new HashSet<>();
        List<AnswerInput> quoted = new ArrayList<>();
        for (AnswerInput line : lines == null ? List.<AnswerInput>of() : lines) {
            if (line.unitPrice() == null && line.quantity() == null && line.deliveryDate() == null) {
                continue;
            }
            if (line.lineId() == null || !rfqLines.contains(line.lineId()) || !seen.add(line.lineId())) {
                throw new PurchasingRuleException("purchasing.rule.answer-unknown-line");
            }
            if (line.unitPrice() == null || line.unitPrice().signum() < 0) {
                throw new PurchasingRuleException("purchasing.rule.answer-price");
            }
            if (line.quantity() == null || line.quantity().signum() <= 0) {
                throw new PurchasingRuleException("purchasing.rule.answer-quantity");
            }
            if (line.deliveryDate() != null && line.deliveryDate().isBefore(today)) {
                throw new PurchasingRuleException("portal.supplier.rule.date-past");
            }
            quoted.add(line);
        }
        if (quoted.isEmpty()) {
            throw new PurchasingRuleException("purchasing.rule.answer-no-lines");
        }
        if (!store.answer(rfqId, supplier, version, cleanReference, validUntil, quoted)) {
            throw changedMeanwhile();
        }
    }

    /**
     * Declines to quote an open RFQ (read at {@code version}), with an optional reason: any answer the
     * supplier gave no longer stands, the buyer sees the decline and its reason on the RFQ's page at
     * once and is mailed. The supplier answers it again only after {@link #withdrawDecline}.
     */
    @RolesAllowed(Roles.SUPPLIER)
    public void decline(UUID rfqId, long version, String reason) {
        String cleanReason = reason == null || reason.isBlank() ? null : reason.strip();
        if (cleanReason != null && cleanReason.length() > MAX_DECLINE_REASON) {
            throw PurchasingRuleException.onField("reason", "portal.supplier.rule.reason-long", MAX_DECLINE_REASON);
        }
        writing.executeWithoutResult(tx -> {
            UUID supplier = supplier();
            Rfq rfq = store.rfq(supplier, rfqId).orElseThrow(SupplierPortalService::notFound);
            if (!rfq.open()) {
                throw new PurchasingRuleException("portal.supplier.rule.rfq-closed");
            }
            if (rfq.version() != version || rfq.declined()) {
                throw changedMeanwhile();
            }
            if (!store.decline(rfqId, supplier, version, cleanReason)) {
                throw changedMeanwhile();
            }
        });
        mail.declined(rfqId, cleanReason);
    }

    /**
     * Withdraws the supplier's decline of an open RFQ (read at {@code version}): the invitation waits
     * for its answer again, as when it was sent.
     */
    @Transactional
    @RolesAllowed(Roles.SUPPLIER)
    public void withdrawDecline(UUID rfqId, long version) {
        UUID supplier = supplier();
        Rfq rfq = store.rfq(supplier, rfqId).orElseThrow(SupplierPortalService::notFound);
        if (!rfq.open()) {
            throw new PurchasingRuleException("portal.supplier.rule.rfq-closed");
        }
        if (rfq.version() != version || !rfq.declined()) {
            throw changedMeanwhile();
        }
        if (!store.withdrawDecline(rfqId, supplier, version)) {
            throw changedMeanwhile();
        }
    }

    // --- Orders ---------------------------------------------------------------------------------

    /** The supplier's sent orders, newest first, {@code limit} after the row ({@code afterDate}, {@code afterId}). */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.SUPPLIER)
    public List<OrderRow> orders(LocalDate afterDate, UUID afterId, int limit) {
        return store.orders(supplier(), afterDate, afterId, Math.clamp(limit, 1, 200));
    }

    /** One of the supplier's orders with its lines, its response and its files. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.SUPPLIER)
    public Order order(UUID orderId) {
        supplier();
        return withFiles(store.order(orderId).orElseThrow(SupplierPortalService::notFound));
    }

    /**
     * The order's PDF as the buyer sends it. The supplier's own transaction first
     * proves the order is its own (row-level security); the printing, which also reads the company's
     * profile (closed to portal roles), then runs as system work of the tenant.
     */
    @RolesAllowed(Roles.SUPPLIER)
    public byte[] orderPdf(UUID orderId) {
        reading.executeWithoutResult(status -> {
            supplier();
            store.order(orderId).orElseThrow(SupplierPortalService::notFound);
        });
        NexoUser user = CurrentUser.get().orElseThrow();
        return TenantContext.callAsSystem(user.tenantId(), user.userId(), () -> print.orderPdf(orderId));
    }

    /**
     * Confirms the order as it is. {@code responseVersion}: the version of the response it replaces
     * (a proposal, or one the buyer rejected), null when there is none yet.
     */
    @RolesAllowed(Roles.SUPPLIER)
    public void confirm(UUID orderId, Long responseVersion, String comment) {
        respond(orderId, responseVersion, "CONFIRMED", comment, List.of());
        mail.responded(orderId, "CONFIRMED");
    }

    /**
     * Proposes other quantities and/or delivery dates for some lines, with a comment; the buyer
     * accepts or rejects it. Lines left out stay as ordered.
     */
    @RolesAllowed(Roles.SUPPLIER)
    public void propose(UUID orderId, Long responseVersion, String comment, List<ProposalInput> lines) {
        respond(orderId, responseVersion, "PROPOSED", comment, lines == null ? List.of() : lines);
        mail.responded(orderId, "PROPOSED");
    }

    private void respond(UUID orderId, Long responseVersion, String status, String comment, List<ProposalInput> lines) {
        UUID supplier = supplier();
        String cleanComment = comment == null || comment.isBlank() ? null : comment.strip();
        if (cleanComment != null && cleanComment.length() > MAX_COMMENT) {
            throw PurchasingRuleException.onField("comment", "portal.supplier.rule.comment-long", MAX_COMMENT);
        }
        writing.executeWithoutResult(tx -> {
            Order order = store.order(orderId).orElseThrow(SupplierPortalService::notFound);
            List<ProposalInput> proposal = checkedProposal(order, lines);
            if ("PROPOSED".equals(status) && proposal.isEmpty()) {
                throw new PurchasingRuleException("portal.supplier.rule.proposal-no-change");
            }
            Response current = order.response();
            if (current == null
                    ? responseVersion != null
                    : !Long.valueOf(current.version()).equals(responseVersion)) {
                throw changedMeanwhile();
            }
            if (!order.respondable()) {
                throw new PurchasingRuleException("portal.supplier.rule.order-not-open");
            }
            UUID responseId;
            if (current == null) {
                responseId = UUID.randomUUID();
                try {
                    store.insertResponse(responseId, orderId, supplier, status, cleanComment);
                } catch (DuplicateKeyException raced) {
                    throw changedMeanwhile();
                }
            } else {
                responseId = current.id();
                store.deleteProposalLines(responseId);
                if (!store.respondAgain(responseId, current.version(), status, cleanComment)) {
                    throw changedMeanwhile();
                }
            }
            store.insertProposalLines(responseId, proposal);
        });
    }

    private List<ProposalInput> checkedProposal(Order order, List<ProposalInput> lines) {
        Map<UUID, OrderLine> byId = new java.util.HashMap<>();
        order.lines().forEach(line -> byId.put(line.id(), line));
        LocalDate today = LocalDate.now(clock);
        Set<UUID> seen = new HashSet<>();
        List<ProposalInput> changed = new ArrayList<>();
        for (ProposalInput line : lines) {
            OrderLine ordered = line.lineId() == null ? null : byId.get(line.lineId());
            if (ordered == null || !seen.add(line.lineId())) {
                throw new PurchasingRuleException("purchasing.rule.answer-unknown-line");
            }
            if (line.quantity() == null || line.quantity().signum() <= 0) {
                throw new PurchasingRuleException("purchasing.rule.answer-quantity");
            }
            if (line.deliveryDate() != null && line.deliveryDate().isBefore(today)) {
                throw new PurchasingRuleException("portal.supplier.rule.date-past");
            }
            boolean sameQuantity = line.quantity().compareTo(ordered.quantity()) == 0;
            boolean sameDate = line.deliveryDate() == null
                    || line.deliveryDate()
                            .equals(ordered.deliveryDate() != null ? ordered.deliveryDate() : order.expectedDate());
            if (!sameQuantity || !sameDate) {
                changed.add(line);
            }
        }
        return changed;
    }

    /** Ties an uploaded delivery note or bill to one of the supplier's orders. */
    @Transactional
    @RolesAllowed(Roles.SUPPLIER)
    public void upload(UUID orderId, FileKind kind, String name, String contentType, InputStream content)
            throws IOException {
        UUID supplier = supplier();
        store.order(orderId).orElseThrow(SupplierPortalService::notFound);
        if (kind == null) {
            throw PurchasingRuleException.onField("kind", "portal.supplier.rule.file-kind");
        }
        StoredFile file;
        try {
            file = files.store(name, contentType, FILE_PURPOSE, content, MAX_FILE_BYTES);
        } catch (FileTooLargeException tooLarge) {
            throw new PurchasingRuleException("portal.supplier.rule.file-too-large", MAX_FILE_BYTES / (1024 * 1024));
        }
        store.insertFile(orderId, file.id(), supplier, kind.name());
    }

    /**
     * Deletes a file the signed-in user uploaded to one of the supplier's orders (link and bytes).
     * A file of the order that someone else stored (an employee, another user of the account) is
     * refused, and so is a file not tied to the order.
     */
    @Transactional
    @RolesAllowed(Roles.SUPPLIER)
    public void deleteFile(UUID orderId, UUID fileId) {
        supplier();
        store.order(orderId).orElseThrow(SupplierPortalService::notFound);
        if (!store.deleteFileLink(orderId, fileId)) {
            throw notFound();
        }
        if (!files.deleteOwnUpload(fileId)) {
            // Rolled back with the link: the file stays tied to the order.
            throw new PurchasingRuleException("portal.supplier.rule.file-not-yours");
        }
    }

    /** Writes a file of one of the supplier's orders; false when there is no such file. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.SUPPLIER)
    public boolean copyFile(UUID orderId, UUID fileId, OutputStream out) throws IOException {
        supplier();
        return copyOwnFile(orderId, fileId, out);
    }

    /** The file, if it is tied to the order and the caller may read both (the caller checked its role). */
    boolean copyOwnFile(UUID orderId, UUID fileId, OutputStream out) throws IOException {
        return store.isFileOf(orderId, fileId) && files.copyTo(fileId, out);
    }

    // --- Notices --------------------------------------------------------------------------------

    /** How many of the supplier's RFQs wait for its answer. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.SUPPLIER)
    public long rfqsToAnswer() {
        return store.rfqsToAnswer(supplier());
    }

    /** How many of the supplier's sent orders wait for its confirmation (or a new response). */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.SUPPLIER)
    public long ordersToConfirm() {
        return store.ordersToConfirm(supplier());
    }

    Order withFiles(Order order) {
        List<SupplierPortalStore.FileLink> links = store.files(order.id());
        Map<UUID, StoredFile> described = files.findAll(
                links.stream().map(SupplierPortalStore.FileLink::fileId).toList());
        UUID me = CurrentUser.get().map(NexoUser::userId).orElse(null);
        List<OrderFile> list = links.stream()
                .filter(link -> described.containsKey(link.fileId()))
                .map(link -> {
                    StoredFile file = described.get(link.fileId());
                    return new OrderFile(
                            link.id(),
                            link.fileId(),
                            link.kind(),
                            file.name(),
                            file.contentType(),
                            file.size(),
                            link.uploadedAt(),
                            file.storedBy(me));
                })
                .toList();
        return new Order(
                order.id(),
                order.number(),
                order.documentDate(),
                order.expectedDate(),
                order.status(),
                order.currency(),
                order.base(),
                order.vat(),
                order.total(),
                order.notes(),
                order.response(),
                order.lines(),
                list);
    }

    /** The signed-in supplier's account. */
    private static UUID supplier() {
        NexoUser user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("No user"));
        UUID party = user.databaseContext().partyId();
        if (party == null) {
            throw new AccessDeniedException("A supplier's portal user belongs to an account");
        }
        return party;
    }

    static PurchasingRuleException notFound() {
        return new PurchasingRuleException("purchasing.rule.not-found");
    }

    static PurchasingRuleException changedMeanwhile() {
        return new PurchasingRuleException("purchasing.rule.changed-meanwhile");
    }
}
