package com.nexo.sales.documents;

import com.nexo.accounts.AccountDirectory;
import com.nexo.accounts.AccountParty;
import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.base.documents.DocumentTotals;
import com.nexo.history.ChangeEntry;
import com.nexo.history.ChangeHistory;
import com.nexo.sales.QuoteTotalChanged;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.SalesRuleException;
import com.nexo.sales.TaxRegime;
import com.nexo.sales.pricing.ClientTerms;
import com.nexo.sales.pricing.ClientTermsService;
import com.nexo.sales.pricing.PriceLists;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.nexo.security.Roles;
import com.nexo.tenancy.DatabaseContext;
import com.nexo.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Draft documents: a new one for a client, loading and saving a draft with its lines (totals worked
 * out here, never taken from the form), deleting and duplicating. Numbered documents are changed only
 * through the flow ({@link SalesFlowService}).
 */
@Service
public class SalesDocumentService {

    /** How long a new quote is valid. */
    static final int QUOTE_VALID_DAYS = 30;

    private final DocumentStore store;
    private final AccountDirectory accounts;
    private final ArticleDirectory articles;
    private final ClientTermsService terms;
    private final PriceLists prices;
    private final ChangeHistory changes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SalesDocumentService(
            DocumentStore store,
            AccountDirectory accounts,
            ArticleDirectory articles,
            ClientTermsService terms,
            PriceLists prices,
            ChangeHistory changes,
            ApplicationEventPublisher events,
            Clock clock) {
        this.changes = changes;
        this.events = events;
        this.store = store;
        this.accounts = accounts;
        this.articles = articles;
        this.terms = terms;
        this.prices = prices;
        this.clock = clock;
    }

    /**
     * A new draft of {@code kind} for the client {@code accountId} (null: chosen later), dated today,
     * with the client's currency and payment terms, the first active warehouse and the current user
     * as salesperson. Delivery notes and corrective invoices are made by the flow, not typed in.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(SalesPermissions.CREATE)
    public DocumentForm newForm(DocumentKind kind, UUID accountId) {
        if (kind == DocumentKind.DELIVERY || kind == DocumentKind.CORRECTIVE) {
            throw new SalesRuleException("sales.rule.made-by-flow");
        }
        DocumentForm form = new DocumentForm();
        form.setKind(kind);
        LocalDate today = LocalDate.now(clock);
        form.setDocumentDate(today);
        if (kind == DocumentKind.QUOTE) {
            form.setValidUntil(today.plusDays(QUOTE_VALID_DAYS));
        }
        form.setSalespersonId(CurrentUser.get().map(NexoUser::userId).orElse(null));
        articles.activeWarehouses().stream().findFirst().ifPresent(w -> form.setWarehouseId(w.id()));
        if (accountId != null) {
            applyClient(form, accountId);
        }
        return form;
    }

    /**
     * Sets the client of a form and what follows from it: currency, payment terms, primary contact,
     * and the client's sales terms (tax regime and its legal note, withholding, usual discount,
     * salesperson).
     */
    @Transactional(readOnly = true)
    @RolesAllowed({SalesPermissions.CREATE, SalesPermissions.EDIT})
    public DocumentForm withClient(DocumentForm form, UUID accountId) {
        applyClient(form, accountId);
        return form;
    }

    private void applyClient(DocumentForm form, UUID accountId) {
        AccountParty party = client(accountId);
        form.setAccountId(accountId);
        form.setCurrency(party.currency() == null ? "EUR" : party.currency());
        form.setPaymentDays(party.paymentDays());
        form.setContactId(party.contacts().stream()
                .filter(AccountParty.PartyContact::primary)
                .map(AccountParty.PartyContact::id)
                .findFirst()
                .orElse(null));
        ClientTerms clientTerms = terms.termsOf(accountId);
        form.setTaxRegime(clientTerms.taxRegime());
        form.setWithholdingPercent(clientTerms.withholdingPercent());
        form.setDocumentDiscount(
                clientTerms.documentDiscountPercent() == null
                        ? BigDecimal.ZERO
                        : clientTerms.documentDiscountPercent());
        form.setLegalNote(clientTerms.taxRegime() == TaxRegime.EXEMPT ? clientTerms.exemptionNote() : null);
        if (clientTerms.salespersonId() != null) {
            form.setSalespersonId(clientTerms.salespersonId());
        }
    }

    /** A draft (or any document, read-only beyond drafts) as the editor binds it. */
    @Transactional(readOnly = true)
    @RolesAllowed(SalesPermissions.READ)
    public DocumentForm getForm(UUID documentId) {
        return document(documentId).toForm();
    }

    /**
     * One of the signed-in client's own documents with its lines (portal): row-level security lets
     * the client read only its account's numbered documents, so another's is "not found".
     */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.CLIENT)
    public SalesDocument ownDocument(UUID documentId) {
        return store.find(documentId).orElseThrow(() -> new SalesRuleException("sales.rule.not-found"));
    }

    /** One document with its lines. */
    @Transactional(readOnly = true)
    @RolesAllowed({SalesPermissions.READ, Roles.SYSTEM})
    public SalesDocument document(UUID documentId) {
        return store.find(documentId).orElseThrow(() -> new SalesRuleException("sales.rule.not-found"));
    }

    /**
     * Saves a draft: a new one (no id) or the changes to one, at the version it was loaded at. The
     * client's name, tax id and addresses are copied from the account; the line nets and the totals
     * are worked out here. Returns the document's id.
     */
    @Transactional
    @RolesAllowed({SalesPermissions.CREATE, SalesPermissions.EDIT})
    public UUID save(DocumentForm form) {
        if (form.getLines().isEmpty() && form.getKind().isInvoice()) {
            throw new SalesRuleException("sales.rule.no-lines");
        }
        AccountParty party = client(form.getAccountId());
        TaxRegime regime = form.getTaxRegime();
        DocumentTotals totals = SalesTotals.of(
                form.getLines(), regime, form.getDocumentDiscount(), form.getWithholdingPercent(), form.getCurrency());
        if (form.getId() == null) {
            requirePermission(SalesPermissions.CREATE);
            if (form.getKind() == DocumentKind.DELIVERY || form.getKind() == DocumentKind.CORRECTIVE) {
                throw new SalesRuleException("sales.rule.made-by-flow");
            }
            UUID id = UUID.randomUUID();
            store.insert(id, DocumentStatus.DRAFT, form, party, totals, null, null);
            store.insertLines(id, freshIds(form.getLines()), totals, regime);
            form.setId(id);
            form.setVersion(0L);
            quoteTotal(form.getKind(), id, null, null, totals.base(), form.getCurrency());
            return id;
        }
        requirePermission(SalesPermissions.EDIT);
        SalesDocument stored = document(form.getId());
        if (stored.status() != DocumentStatus.DRAFT) {
            throw new SalesRuleException("sales.rule.not-draft", stored.number());
        }
        if (!store.update(form, party, totals)) {
            throw new SalesRuleException("sales.rule.changed-meanwhile");
        }
        store.replaceLines(form.getId(), freshIds(form.getLines()), totals, regime);
        form.setVersion(form.getVersion() + 1);
        quoteTotal(
                stored.kind(), form.getId(), stored.baseAmount(), stored.currency(), totals.base(), form.getCurrency());
        return form.getId();
    }

    /** Tells other modules (the CRM's opportunity made into this quote) that a quote's net total changed. */
    private void quoteTotal(
            DocumentKind kind, UUID id, BigDecimal before, String currencyBefore, BigDecimal net, String currency) {
        if (kind != DocumentKind.QUOTE
                || (before != null && before.compareTo(net) == 0 && currency.equals(currencyBefore))) {
            return;
        }
        TenantContext.current()
                .map(DatabaseContext::tenantId)
                .ifPresent(tenant -> events.publishEvent(new QuoteTotalChanged(tenant, id, net, currency)));
    }

    /** Deletes a draft (a numbered document is cancelled instead, never deleted). */
    @Transactional
    @RolesAllowed(SalesPermissions.EDIT)
    public void deleteDraft(UUID documentId) {
        SalesDocument document = document(documentId);
        if (document.status() != DocumentStatus.DRAFT || !store.deleteDraft(documentId)) {
            throw new SalesRuleException("sales.rule.not-draft", document.number());
        }
    }

    /**
     * A new draft of the same kind (an invoice's copy is a draft invoice; a delivery note's copy, an
     * order) for the same client with the same lines, dated today. Returns its id.
     */
    @Transactional
    @RolesAllowed(SalesPermissions.CREATE)
    public UUID duplicate(UUID documentId) {
        SalesDocument original = document(documentId);
        DocumentForm copy = original.toForm();
        copy.setId(null);
        copy.setVersion(null);
        copy.setKind(
                switch (original.kind()) {
                    case DELIVERY -> DocumentKind.ORDER;
                    case CORRECTIVE -> DocumentKind.INVOICE;
                    default -> original.kind();
                });
        LocalDate today = LocalDate.now(clock);
        copy.setDocumentDate(today);
        copy.setValidUntil(copy.getKind() == DocumentKind.QUOTE ? today.plusDays(QUOTE_VALID_DAYS) : null);
        copy.setLines(copy.getLines().stream()
                .map(line -> line.copyFrom(null, line.getQuantity().abs()))
                .toList());
        return save(copy);
    }

    /**
     * A line for {@code articleId}, {@code quantity} of it, for the client {@code accountId} on
     * {@code day}: its code, name in {@code locale}'s language, unit, VAT rate, and the price and
     * discount of the client's price list for that quantity (its own list, its group's, the default
     * one; the article's sale price when no list prices it). What the editor adds when an article is
     * picked by code, name or barcode.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({SalesPermissions.CREATE, SalesPermissions.EDIT})
    public LineForm lineFor(UUID accountId, UUID articleId, BigDecimal quantity, LocalDate day, Locale locale) {
        LineForm line = lineFor(articleId, quantity, locale);
        if (accountId != null) {
            prices.priceFor(accountId, articleId, line.getQuantity(), day == null ? LocalDate.now(clock) : day)
                    .ifPresent(quote -> {
                        line.setUnitPrice(quote.unitPrice());
                        line.setDiscountPercent(
                                quote.discountPercent() == null ? BigDecimal.ZERO : quote.discountPercent());
                    });
        }
        return line;
    }

    /** A line for {@code articleId} at the article's own sale price (no client known yet). */
    @Transactional(readOnly = true)
    @RolesAllowed({SalesPermissions.CREATE, SalesPermissions.EDIT})
    public LineForm lineFor(UUID articleId, BigDecimal quantity, Locale locale) {
        ArticleSummary article = articles.summaries(List.of(articleId)).get(articleId);
        if (article == null) {
            throw new SalesRuleException("sales.rule.article-not-found");
        }
        LineForm line = new LineForm();
        line.setArticleId(article.id());
        line.setArticleCode(article.code());
        line.setDescription(article.name(locale));
        line.setUnitCode(article.unitCode());
        line.setQuantity(quantity == null ? BigDecimal.ONE : quantity);
        line.setUnitPrice(article.salePrice());
        line.setVatPercent(article.taxRate());
        line.setStockTracked(article.stockTracked());
        return line;
    }

    /** Articles matching a look-up text (code, barcode or name), best first. */
    @Transactional(readOnly = true)
    @RolesAllowed({SalesPermissions.CREATE, SalesPermissions.EDIT})
    public List<ArticleSummary> articlesMatching(String text, int limit) {
        return articles.lookUp(text, limit);
    }

    /** A page of a document's timeline (its changes, its lines', e-mails and payments), newest first. */
    @Transactional(readOnly = true)
    @RolesAllowed(SalesPermissions.READ)
    public List<ChangeEntry> history(UUID documentId, Long before, int limit) {
        return changes.timeline(documentId, before, limit);
    }

    /** Clients matching a look-up text, best first. */
    @Transactional(readOnly = true)
    @RolesAllowed({SalesPermissions.CREATE, SalesPermissions.EDIT, SalesPermissions.READ})
    public List<AccountDirectory.AccountName> clientsMatching(String text, int limit) {
        return accounts.clientsMatching(text, limit);
    }

    /** The names of these clients by id (for lists and pickers). */
    @Transactional(readOnly = true)
    @RolesAllowed(SalesPermissions.READ)
    public Map<UUID, String> clientNames(List<UUID> accountIds) {
        return accounts.namesOf(accountIds);
    }

    AccountParty client(UUID accountId) {
        AccountParty party =
                accounts.party(accountId).orElseThrow(() -> new SalesRuleException("sales.rule.client-not-found"));
        if (!party.client()) {
            throw new SalesRuleException("sales.rule.not-a-client", party.legalName());
        }
        return party;
    }

    private static List<LineForm> freshIds(List<LineForm> lines) {
        lines.forEach(line -> line.setId(null));
        return lines;
    }

    private static void requirePermission(String permission) {
        SalesAccess.require(permission);
    }
}
