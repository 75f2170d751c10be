package com.nexo.sales.documents;

import com.nexo.accounts.AccountDirectory;
import com.nexo.accounts.AccountParty;
import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticlePermissions;
import com.nexo.history.ChangeEntry;
import com.nexo.history.ChangeHistory;
import com.nexo.sales.SalesPermissions;
import com.nexo.security.CurrentUser;
import com.nexo.security.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a document's page in one transaction (one call per render), and what the editor's pickers
 * offer.
 */
@Service
public class DocumentPageService {

    /** How many history entries the page shows. */
    public static final int HISTORY_ENTRIES = 50;

    /** The whole chain a document belongs to, following the links both ways (at most 200 documents). */
    private static final String CHAIN = """
            WITH RECURSIVE chain (id) AS (
                SELECT CAST(:id AS uuid)
                UNION
                SELECT CASE WHEN l.from_id = c.id THEN l.to_id ELSE l.from_id END
                  FROM sales_document_link l JOIN chain c ON l.from_id = c.id OR l.to_id = c.id
            )
            SELECT d.id, d.kind, d.status, d.number, d.document_date, d.total_amount, d.currency
              FROM sales_document d JOIN chain c ON c.id = d.id
             WHERE d.id <> :id
             ORDER BY CASE d.kind WHEN 'QUOTE' THEN 1 WHEN 'ORDER' THEN 2 WHEN 'DELIVERY' THEN 3
                                  WHEN 'INVOICE' THEN 4 ELSE 5 END,
                      d.document_date, d.number NULLS LAST, d.id
             LIMIT 200
            """;

    private static final RowMapper<DocumentPage.Related> RELATED = (rs, n) -> new DocumentPage.Related(
            rs.getObject("id", UUID.class),
            DocumentKind.valueOf(rs.getString("kind")),
            DocumentStatus.valueOf(rs.getString("status")),
            rs.getString("number"),
            rs.getObject("document_date", LocalDate.class),
            rs.getBigDecimal("total_amount"),
            rs.getString("currency"));

    private final SalesDocumentService documents;
    private final InvoicingService invoicing;
    private final BackOrders backOrders;
    private final ChangeHistory history;
    private final UserDirectory users;
    private final ArticleDirectory articles;
    private final AccountDirectory accounts;
    private final JdbcClient jdbc;
    private final Clock clock;

    DocumentPageService(
            SalesDocumentService documents,
            InvoicingService invoicing,
            BackOrders backOrders,
            ChangeHistory history,
            UserDirectory users,
            ArticleDirectory articles,
            AccountDirectory accounts,
            JdbcClient jdbc,
            Clock clock) {
        this.documents = documents;
        this.invoicing = invoicing;
        this.backOrders = backOrders;
        this.history = history;
        this.users = users;
        this.articles = articles;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Everything the page of the document shows. Throws {@code sales.rule.not-found} when the document
     * is not there (or is another tenant's).
     */
    @Transactional(readOnly = true)
    @RolesAllowed(SalesPermissions.READ)
    public DocumentPage page(UUID documentId) {
        SalesDocument document = documents.document(documentId);
        List<DocumentPage.Related> related =
                jdbc.sql(CHAIN).param("id", documentId).query(RELATED).list();
        String salesperson = document.salespersonId() == null
                ? null
                : users.namesOf(List.of(document.salespersonId())).get(document.salespersonId());
        String warehouse = document.warehouseId() == null
                ? null
                : articles.activeWarehouses().stream()
                        .filter(w -> w.id().equals(document.warehouseId()))
                        .map(w -> w.code() + " · " + w.name())
                        .findFirst()
                        .orElse(null);
        String contact = document.contactId() == null
                ? null
                : accounts.party(document.accountId()).stream()
                        .flatMap(party -> party.contacts().stream())
                        .filter(c -> c.id().equals(document.contactId()))
                        .map(AccountParty.PartyContact::name)
                        .findFirst()
                        .orElse(null);
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal open = BigDecimal.ZERO;
        if (document.kind().isInvoice() && document.status() == DocumentStatus.ISSUED) {
            paid = invoicing.paid(documentId);
            open = document.totalAmount().subtract(paid);
        }
        List<ChangeEntry> entries = history.timeline(documentId, null, HISTORY_ENTRIES);
        return new DocumentPage(
                document,
                related,
                salesperson,
                warehouse,
                contact,
                actionsFor(document),
                paid,
                open,
                backOrdered(document),
                entries);
    }

    /** The salespeople and warehouses to choose from, and the client's name and contacts (if chosen). */
    @Transactional(readOnly = true)
    @RolesAllowed({SalesPermissions.CREATE, SalesPermissions.EDIT})
    public DocumentPageChoices choices(UUID accountId) {
        List<DocumentPageChoices.Choice> salespeople = users.activeEmployees().stream()
                .map(u -> new DocumentPageChoices.Choice(u.id(), u.displayName()))
                .toList();
        List<DocumentPageChoices.Choice> warehouses = articles.activeWarehouses().stream()
                .map(w -> new DocumentPageChoices.Choice(w.id(), w.code() + " · " + w.name()))
                .toList();
        AccountParty party =
                accountId == null ? null : accounts.party(accountId).orElse(null);
        return new DocumentPageChoices(
                salespeople,
                warehouses,
                party == null ? null : party.legalName(),
                party == null
                        ? List.of()
                        : party.contacts().stream()
                                .map(c -> new DocumentPageChoices.Choice(c.id(), c.name()))
                                .toList());
    }

    /** The steps the document's state allows today and the user's permissions grant. */
    private Set<DocumentAction> actionsFor(SalesDocument document) {
        Set<DocumentAction> actions = EnumSet.noneOf(DocumentAction.class);
        for (DocumentAction action : DocumentAction.allowed(document, LocalDate.now(clock))) {
            if (CurrentUser.can(permission(action))) {
                actions.add(action);
            }
        }
        return actions;
    }

    /** The permission each step needs (the services check the same). */
    static String permission(DocumentAction action) {
        return switch (action) {
            case EDIT, DELETE -> SalesPermissions.EDIT;
            case SEND, TO_ORDER, CONFIRM -> SalesPermissions.CONFIRM;
            case DELIVER -> SalesPermissions.DELIVER;
            case INVOICE, ISSUE, CORRECT, REGISTER_PAYMENT -> SalesPermissions.INVOICE;
            case CANCEL -> SalesPermissions.CANCEL;
            case DUPLICATE -> SalesPermissions.CREATE;
            case PRINT, EMAIL -> SalesPermissions.READ;
        };
    }

    /**
     * Per line of a confirmed order: what is left to deliver and not covered by an open
     * reservation, i.e. waits for stock ({@link BackOrders}). Empty for other documents, or when the
     * user may not read reservations.
     */
    private Map<UUID, BigDecimal> backOrdered(SalesDocument document) {
        if (document.kind() != DocumentKind.ORDER
                || !(CurrentUser.can(ArticlePermissions.STOCK_READ)
                        || CurrentUser.can(ArticlePermissions.STOCK_RESERVE))) {
            return Map.of();
        }
        Map<UUID, BigDecimal> waiting = new HashMap<>();
        backOrders.of(List.of(document.id())).forEach((line, quantity) -> waiting.put(line, quantity.backOrdered()));
        return waiting;
    }
}
