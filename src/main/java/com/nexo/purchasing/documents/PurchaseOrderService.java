package com.nexo.purchasing.documents;

import com.nexo.accounts.AccountDirectory.AccountName;
import com.nexo.accounts.AccountParty;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.articles.ArticleDirectory.WarehouseSummary;
import com.nexo.base.documents.DocumentLine;
import com.nexo.base.documents.DocumentTotals;
import com.nexo.base.numbering.DocumentNumber;
import com.nexo.base.numbering.DocumentNumbers;
import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.prices.PriceRequest;
import com.nexo.purchasing.prices.SupplierPrice;
import com.nexo.purchasing.prices.SupplierPriceService;
import com.nexo.purchasing.replenish.OnOrder;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purchase orders: drafts written (by hand, from an RFQ's chosen answer, or in bulk by other
 * purchasing code), submitted (approved at once up to the tenant's threshold, else waiting for
 * someone with purchasing.approve), approved, sent (numbered from series {@code PO} of the
 * document's year), cancelled (only what is not received yet), and read for the order's page.
 *
 * <p>Every step locks the order, checks its state and the version the caller read it at, and either
 * does all of it or, with a {@link PurchasingRuleException}, nothing.
 */
@Service
public class PurchaseOrderService {

    private static final Set<PurchaseStatus> CANCELLABLE = EnumSet.of(
            PurchaseStatus.DRAFT,
            PurchaseStatus.TO_APPROVE,
            PurchaseStatus.APPROVED,
            PurchaseStatus.SENT,
            PurchaseStatus.PARTIALLY_RECEIVED);

    private final PurchaseStore store;
    private final OrderDrafts drafts;
    private final PurchaseParts parts;
    private final PurchaseSettingsService settings;
    private final DocumentNumbers numbers;
    private final OnOrder onOrder;
    private final SupplierPriceService prices;

    PurchaseOrderService(
            PurchaseStore store,
            OrderDrafts drafts,
            PurchaseParts parts,
            PurchaseSettingsService settings,
            DocumentNumbers numbers,
            OnOrder onOrder,
            SupplierPriceService prices) {
        this.onOrder = onOrder;
        this.prices = prices;
        this.store = store;
        this.drafts = drafts;
        this.parts = parts;
        this.settings = settings;
        this.numbers = numbers;
    }

    /** Creates a draft order ({@code draft.id()} must be null). Returns its id. */
    @Transactional
    @RolesAllowed(PurchasingPermissions.CREATE)
    public UUID create(DraftOrder draft) {
        if (draft.id() != null) {
            throw new IllegalArgumentException("A new draft has no id yet");
        }
        UUID id = drafts.insert(draft, null, null);
        onOrder.refresh(List.of(id));
        return id;
    }

    /**
     * Creates several draft orders in one transaction (all or none): what other purchasing code (the
     * replenishment list, an RFQ's choice) uses. Returns their ids in order.
     */
    @Transactional
    @RolesAllowed(PurchasingPermissions.CREATE)
    public List<UUID> createDrafts(List<DraftOrder> drafts) {
        List<UUID> ids = new ArrayList<>();
        for (DraftOrder draft : drafts) {
            if (draft.id() != null) {
                throw new IllegalArgumentException("A new draft has no id yet");
            }
            ids.add(this.drafts.insert(draft, null, null));
        }
        onOrder.refresh(ids);
        return ids;
    }

    /**
     * Saves the changes to a draft read at {@code draft.version()}; returns the new version. Refused
     * when it is no longer a draft or someone changed it meanwhile.
     */
    @Transactional
    @RolesAllowed(PurchasingPermissions.EDIT)
    public long update(DraftOrder draft) {
        if (draft.id() == null || draft.version() == null) {
            throw new IllegalArgumentException("A change names the draft and the version it was read at");
        }
        PurchaseDocument stored = locked(draft.id(), draft.version(), EnumSet.of(PurchaseStatus.DRAFT));
        AccountParty supplier = parts.supplier(draft.supplierId());
        List<LineValues> lines = parts.lines(draft.lines(), currency(supplier));
        DocumentTotals totals = PurchaseTotals.ofValues(lines, currency(supplier));
        if (!store.update(stored.id(), draft.version(), drafts.header(draft, supplier, stored.rfqId(), totals))) {
            throw changedMeanwhile();
        }
        store.replaceLines(stored.id(), sourcesKept(lines, stored, draft));
        // What is on order, for the articles the draft named before and names now (a line removed or
        // the warehouse changed leaves nothing behind to refresh by the order's lines alone).
        Set<UUID> articles = articlesOf(stored);
        lines.stream().map(LineValues::articleId).filter(Objects::nonNull).forEach(articles::add);
        onOrder.refreshArticles(articles);
        return draft.version() + 1;
    }

    /** Deletes a draft read at {@code version} (an order past draft is cancelled, never deleted). */
    @Transactional
    @RolesAllowed(PurchasingPermissions.EDIT)
    public void deleteDraft(UUID orderId, long version) {
        PurchaseDocument order = locked(orderId, version, EnumSet.of(PurchaseStatus.DRAFT));
        if (!store.deleteDraft(order.id(), version)) {
            throw changedMeanwhile();
        }
        onOrder.refreshArticles(articlesOf(order));
    }

    /**
     * Submits a draft: approved at once when the tenant has no threshold or the order's total before
     * tax is not above it, otherwise waiting for approval. Returns the new state.
     */
    @Transactional
    @RolesAllowed(PurchasingPermissions.EDIT)
    public PurchaseStatus submit(UUID orderId, long version) {
        PurchaseDocument order = locked(orderId, version, EnumSet.of(PurchaseStatus.DRAFT));
        if (order.lines().isEmpty()) {
            throw new PurchasingRuleException("purchasing.rule.no-lines");
        }
        PurchaseStatus next = settings.current().needsApproval(order.baseAmount())
                ? PurchaseStatus.TO_APPROVE
                : PurchaseStatus.APPROVED;
        if (!store.status(orderId, version, next)) {
            throw changedMeanwhile();
        }
        return next;
    }

    /**
     * Approves an order waiting for approval, recording who and when. Needs purchasing.approve: the
     * method's security refuses others, and so does the rule itself (for a call that got past it).
     */
    @Transactional
    @RolesAllowed(PurchasingPermissions.APPROVE)
    public void approve(UUID orderId, long version) {
        if (!CurrentUser.can(PurchasingPermissions.APPROVE)) {
            throw new PurchasingRuleException("purchasing.rule.approve-not-allowed");
        }
        UUID user = CurrentUser.get().map(NexoUser::userId).orElseThrow();
        PurchaseDocument order = locked(orderId, version, EnumSet.of(PurchaseStatus.TO_APPROVE));
        if (!store.approve(order.id(), version, user)) {
            throw changedMeanwhile();
        }
    }

    /**
     * Sends an approved order: it takes the next number of series {@code PO} in the year of its
     * date, gapless, in this transaction, and is marked sent now (the PDF and e-mail are the print
     * feature's). Returns the number.
     */
    @Transactional
    @RolesAllowed(PurchasingPermissions.SEND)
    public String send(UUID orderId, long version) {
        PurchaseDocument order = lockedOrder(orderId, version);
        if (order.status() == PurchaseStatus.TO_APPROVE) {
            throw new PurchasingRuleException("purchasing.rule.needs-approval", order.supplierName());
        }
        requireState(order, EnumSet.of(PurchaseStatus.APPROVED));
        DocumentNumber number = numbers.next(
                PurchaseKind.ORDER.defaultSeries(), order.documentDate().getYear());
        if (!store.number(order.id(), version, PurchaseStatus.SENT, number)) {
            throw changedMeanwhile();
        }
        return number.text();
    }

    /**
     * Cancels an order with a reason: whole when nothing has been received yet, or what is left of
     * it when part has been (the received quantities stay). A received order cannot be cancelled.
     */
    @Transactional
    @RolesAllowed(PurchasingPermissions.CANCEL)
    public void cancel(UUID orderId, long version, String reason) {
        if (reason == null || reason.isBlank()) {
            throw PurchasingRuleException.onField("reason", "purchasing.rule.cancel-reason-required");
        }
        PurchaseDocument order = locked(orderId, version, CANCELLABLE);
        if (!store.cancel(order.id(), version, reason)) {
            throw changedMeanwhile();
        }
        onOrder.refresh(List.of(order.id()));
    }

    /**
     * Applies a supplier's proposal, which the caller has just marked accepted in the same transaction
     * (the database lets a sent order's line change only to an accepted proposal's quantity and date):
     * each proposed line takes its quantity and delivery date and the net amount they give, the order
     * its new totals and, when the proposal names later dates, the latest as its expected date; what
     * is on order is counted again. A line's quantity may not fall below what was already received.
     */
    @Transactional
    @RolesAllowed(PurchasingPermissions.EDIT)
    public void applyAcceptedProposal(UUID orderId, Map<UUID, ProposedLine> proposal) {
        PurchaseDocument order = store.lock(orderId)
                .filter(d -> d.kind() == PurchaseKind.ORDER)
                .orElseThrow(PurchaseOrderService::notFound);
        requireState(order, EnumSet.of(PurchaseStatus.SENT));
        List<DocumentLine> totalsLines = new ArrayList<>();
        List<PurchaseLine> changed = new ArrayList<>();
        java.time.LocalDate latest = null;
        for (PurchaseLine line : order.lines()) {
            ProposedLine proposed = proposal.get(line.id());
            BigDecimal quantity = proposed == null ? line.quantity() : proposed.quantity();
            if (proposed != null) {
                if (quantity.compareTo(line.receivedQuantity()) < 0) {
                    throw new PurchasingRuleException(
                            "portal.supplier.rule.proposal-below-received", line.description());
                }
                changed.add(line);
                if (proposed.deliveryDate() != null
                        && (latest == null || proposed.deliveryDate().isAfter(latest))) {
                    latest = proposed.deliveryDate();
                }
            }
            totalsLines.add(new DocumentLine(
                    quantity, line.unitPrice(), line.discountPercent(), PurchaseTotals.rate(line.vatPercent())));
        }
        DocumentTotals totals = PurchaseTotals.of(totalsLines, order.currency());
        for (int i = 0; i < order.lines().size(); i++) {
            PurchaseLine line = order.lines().get(i);
            ProposedLine proposed = proposal.get(line.id());
            if (proposed != null) {
                store.proposedLine(
                        line.id(), proposed.quantity(), totals.lineNets().get(i), proposed.deliveryDate());
            }
        }
        java.time.LocalDate expected = order.expectedDate();
        if (latest != null && (expected == null || latest.isAfter(expected))) {
            expected = latest;
        }
        if (!store.totals(orderId, order.version(), totals, expected)) {
            throw changedMeanwhile();
        }
        onOrder.refresh(List.of(orderId));
    }

    /** A line of a supplier's proposal: the quantity and the delivery date (null: the order's) it offers. */
    public record ProposedLine(BigDecimal quantity, java.time.LocalDate deliveryDate) {}

    private static Set<UUID> articlesOf(PurchaseDocument order) {
        Set<UUID> articles = new HashSet<>();
        order.lines().stream()
                .map(PurchaseLine::articleId)
                .filter(Objects::nonNull)
                .forEach(articles::add);
        return articles;
    }

    /** One order with its lines. */
    @Transactional(readOnly = true)
    @RolesAllowed({PurchasingPermissions.READ, Roles.SYSTEM})
    public PurchaseDocument order(UUID orderId) {
        PurchaseDocument order = store.find(orderId).orElseThrow(PurchaseOrderService::notFound);
        if (order.kind() != PurchaseKind.ORDER) {
            throw notFound();
        }
        return order;
    }

    /**
     * A purchasing document of {@code kind} (a receipt or a bill, for their pages) with its lines;
     * refused as not found when it is not this tenant's or of another kind.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(PurchasingPermissions.READ)
    public PurchaseDocument document(PurchaseKind kind, UUID id) {
        PurchaseDocument found = store.find(id).orElseThrow(PurchaseOrderService::notFound);
        if (found.kind() != kind) {
            throw notFound();
        }
        return found;
    }

    /** The documents linked to {@code id} (an order's receipts and bills, a bill's order…). */
    @Transactional(readOnly = true)
    @RolesAllowed(PurchasingPermissions.READ)
    public List<RelatedDocument> related(UUID id) {
        return store.related(id);
    }

    /**
     * What the order's page shows: the order and its lines with received and billed quantities, the
     * tax breakdown, the related documents (RFQ, receipts, bills) and the steps its state allows.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(PurchasingPermissions.READ)
    public OrderPage page(UUID orderId) {
        PurchaseDocument order = order(orderId);
        DocumentTotals totals = PurchaseTotals.of(order);
        boolean approvalNeeded = settings.current().needsApproval(order.baseAmount());
        List<OrderPage.Step> steps = new ArrayList<>();
        switch (order.status()) {
            case DRAFT -> steps.addAll(List.of(OrderPage.Step.EDIT, OrderPage.Step.DELETE, OrderPage.Step.SUBMIT));
            case TO_APPROVE -> steps.add(OrderPage.Step.APPROVE);
            case APPROVED -> steps.add(OrderPage.Step.SEND);
            default -> {}
        }
        if (CANCELLABLE.contains(order.status()) && order.status() != PurchaseStatus.DRAFT) {
            steps.add(OrderPage.Step.CANCEL);
        }
        return new OrderPage(order, totals.breakdown(), store.related(orderId), approvalNeeded, List.copyOf(steps));
    }

    /**
     * A line for {@code articleId} bought from {@code supplierId}: the article's code, name in {@code
     * locale}'s language, unit and VAT rate; as the price, the supplier's for that quantity (the break
     * with the highest minimum not above it, else the last price it was bought at) when it is in the
     * supplier's currency, else the article's current cost (zero when it has none); and the supplier's
     * own code for the article when it has one. A null supplier (none chosen yet, or an RFQ to
     * several) proposes the cost.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({PurchasingPermissions.CREATE, PurchasingPermissions.EDIT})
    public OrderLine lineFor(UUID supplierId, UUID articleId, BigDecimal quantity, Locale locale) {
        ArticleSummary article = parts.articles().summaries(List.of(articleId)).get(articleId);
        if (article == null) {
            throw new PurchasingRuleException("purchasing.rule.article-not-found", 1);
        }
        BigDecimal wanted = quantity == null ? BigDecimal.ONE : quantity;
        Optional<SupplierPrice> supplierPrice = supplierId == null
                ? Optional.empty()
                : prices.pricesFor(List.of(new PriceRequest(supplierId, articleId, wanted)))
                        .getFirst();
        BigDecimal cost = article.cost() == null ? BigDecimal.ZERO : article.cost();
        BigDecimal price = supplierPrice
                .filter(SupplierPrice::priced)
                .filter(found -> found.currency().equals(documentCurrency(supplierId)))
                .map(SupplierPrice::unitPrice)
                .orElse(cost);
        return new OrderLine(
                article.id(),
                supplierPrice.map(SupplierPrice::supplierCode).orElse(null),
                article.name(locale),
                wanted,
                article.unitCode(),
                price,
                BigDecimal.ZERO,
                article.taxRate());
    }

    /** The currency the supplier's orders are written in (its account's, EUR when it has none or is not visible). */
    private String documentCurrency(UUID supplierId) {
        return parts.accounts().party(supplierId).map(OrderDrafts::currency).orElse("EUR");
    }

    /** Suppliers matching a look-up text, best first (a supplier picker's choices). */
    @Transactional(readOnly = true)
    @RolesAllowed({PurchasingPermissions.READ, PurchasingPermissions.CREATE, PurchasingPermissions.EDIT})
    public List<AccountName> suppliersMatching(String text, int limit) {
        return parts.accounts().suppliersMatching(text, limit);
    }

    /** Articles matching a look-up text (code, barcode or name), best first. */
    @Transactional(readOnly = true)
    @RolesAllowed({PurchasingPermissions.CREATE, PurchasingPermissions.EDIT})
    public List<ArticleSummary> articlesMatching(String text, int limit) {
        return parts.articles().lookUp(text, limit);
    }

    /** The warehouses an order may be delivered to. */
    @Transactional(readOnly = true)
    @RolesAllowed({PurchasingPermissions.READ, PurchasingPermissions.CREATE, PurchasingPermissions.EDIT})
    public List<WarehouseSummary> warehouses() {
        return parts.articles().activeWarehouses();
    }

    /** An edited draft's lines keep the RFQ line they came from when they stay in the same place. */
    private static List<LineValues> sourcesKept(List<LineValues> lines, PurchaseDocument stored, DraftOrder draft) {
        List<LineValues> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineValues line = lines.get(i);
            UUID source = null;
            if (i < stored.lines().size()) {
                PurchaseLine before = stored.lines().get(i);
                if (java.util.Objects.equals(before.articleId(), line.articleId())) {
                    source = before.sourceLineId();
                }
            }
            kept.add(line.withSource(source));
        }
        return kept;
    }

    private static String currency(AccountParty supplier) {
        return OrderDrafts.currency(supplier);
    }

    private PurchaseDocument lockedOrder(UUID orderId, long version) {
        PurchaseDocument order = store.lock(orderId).orElseThrow(PurchaseOrderService::notFound);
        if (order.kind() != PurchaseKind.ORDER) {
            throw notFound();
        }
        if (order.version() != version) {
            throw changedMeanwhile();
        }
        return order;
    }

    private PurchaseDocument locked(UUID orderId, long version, Set<PurchaseStatus> states) {
        PurchaseDocument order = lockedOrder(orderId, version);
        requireState(order, states);
        return order;
    }

    static void requireState(PurchaseDocument document, Set<PurchaseStatus> states) {
        if (!states.contains(document.status())) {
            throw new PurchasingRuleException("purchasing.rule.step-not-allowed");
        }
    }

    static PurchasingRuleException changedMeanwhile() {
        return new PurchasingRuleException("purchasing.rule.changed-meanwhile");
    }

    static PurchasingRuleException notFound() {
        return new PurchasingRuleException("purchasing.rule.not-found");
    }
}
