package com.nexo.purchasing.documents;

import com.nexo.accounts.AccountParty;
import com.nexo.base.documents.DocumentTotals;
import com.nexo.purchasing.PurchasingRuleException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Writes a new draft order, in the caller's transaction, for {@link PurchaseOrderService} (typed in,
 * in bulk) and {@link RfqService} (an answer chosen): the supplier checked and copied, the lines
 * completed from their articles, the totals worked out. The callers have checked their permission.
 */
@Component
class OrderDrafts {

    private final PurchaseStore store;
    private final PurchaseParts parts;
    private final Clock clock;

    OrderDrafts(PurchaseStore store, PurchaseParts parts, Clock clock) {
        this.store = store;
        this.parts = parts;
        this.clock = clock;
    }

    /**
     * Inserts a draft order; {@code sources} are the lines each was made from (null: typed in) and
     * {@code rfqId} the RFQ it comes from (null: none). Returns its id.
     */
    UUID insert(DraftOrder draft, List<UUID> sources, UUID rfqId) {
        AccountParty supplier = parts.supplier(draft.supplierId());
        List<LineValues> lines = parts.lines(draft.lines(), sources, currency(supplier));
        DocumentTotals totals = PurchaseTotals.ofValues(lines, currency(supplier));
        UUID id = UUID.randomUUID();
        store.insert(id, PurchaseKind.ORDER, header(draft, supplier, rfqId, totals));
        store.insertLines(id, lines);
        return id;
    }

    /** The header of a draft order for {@code supplier}, dated today unless the draft says otherwise. */
    PurchaseStore.Header header(DraftOrder draft, AccountParty supplier, UUID rfqId, DocumentTotals totals) {
        LocalDate date = draft.documentDate() == null ? LocalDate.now(clock) : draft.documentDate();
        if (draft.expectedDate() != null && draft.expectedDate().isBefore(date)) {
            throw PurchasingRuleException.onField("expectedDate", "purchasing.rule.expected-before-date");
        }
        if (draft.warehouseId() != null
                && parts.articles().activeWarehouses().stream().noneMatch(w -> w.id().equals(draft.warehouseId()))) {
            throw PurchasingRuleException.onField("warehouseId", "purchasing.rule.warehouse-not-found");
        }
        return new PurchaseStore.Header(
                supplier.id(),
                supplier.legalName(),
                supplier.taxId(),
                supplier.email(),
                "en".equals(supplier.language()) ? "en" : "es",
                currency(supplier),
                date,
                draft.expectedDate(),
                draft.warehouseId(),
                draft.supplierReference(),
                draft.notes(),
                rfqId,
                totals.base(),
                totals.vat(),
                totals.total());
    }

    static String currency(AccountParty supplier) {
        return supplier.currency() == null ? "EUR" : supplier.currency();
    }
}
