package com.nexo.purchasing.lists;

import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Sort;
import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.purchasing.documents.PurchaseStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of purchasing lists as {@link ListQuery}s: the filter's conditions, the row's columns and
 * the whitelisted orders (each served by one of V46's indexes). Tenant scoping is row-level
 * security's.
 */
final class PurchaseListQueries {

    /**
     * The row's columns. An RFQ names its suppliers (purchase_rfq_supplier, by its primary key); an
     * order's received share is read from its lines (purchase_document_line_document_ix): one indexed
     * look-up per row of the page. Receipts have no expected date; a bill's is its due date.
     */
    static final String COLUMNS = """
            d.id, d.kind, d.number, d.status, d.document_date, d.supplier_id,\
             CASE WHEN d.kind = 'RFQ' THEN (SELECT string_agg(s.supplier_name, ', ' ORDER BY s.supplier_name)\
             FROM purchase_rfq_supplier s WHERE s.rfq_id = d.id) ELSE d.supplier_name END AS supplier_name,\
             d.supplier_reference,\
             CASE d.kind WHEN 'BILL' THEN d.due_date WHEN 'RECEIPT' THEN NULL ELSE d.expected_date END AS expected_date,\
             d.total_amount, d.currency,\
             CASE WHEN d.kind = 'ORDER' THEN (SELECT round(100 * sum(least(l.received_quantity, l.quantity))\
             / nullif(sum(l.quantity), 0), 1) FROM purchase_document_line l WHERE l.document_id = d.id)\
             END AS received_percent""";

    static final RowMapper<PurchaseRow> ROW = (row, i) -> new PurchaseRow(
            row.getObject("id", UUID.class),
            PurchaseKind.valueOf(row.getString("kind")),
            row.getString("number"),
            PurchaseStatus.valueOf(row.getString("status")),
            row.getObject("document_date", LocalDate.class),
            row.getObject("supplier_id", UUID.class),
            row.getString("supplier_name"),
            row.getString("supplier_reference"),
            row.getObject("expected_date", LocalDate.class),
            row.getBigDecimal("total_amount"),
            row.getString("currency"),
            row.getBigDecimal("received_percent"));

    /** An RFQ's suppliers: the RFQ names none itself. */
    private static final String RFQ_OF_SUPPLIER =
            "d.id IN (SELECT s.rfq_id FROM purchase_rfq_supplier s WHERE s.supplier_id = :supplier)";

    private PurchaseListQueries() {}

    /**
     * A text matching more documents than this is filtered row by row in the list's order (see
     * {@link #of(JdbcClient, String, PurchaseFilter)}).
     */
    static final int BROAD_TEXT = 1_000;

    private static final String NAMES_EXCEED = "SELECT nexo_purchase_document_names_exceed(:kind, :text, :limit)";

    private static final String FIRST_MATCHES = "SELECT nexo_purchase_document_search_first(:kind, :text, :limit)";

    /** The documents of {@code filter} with the columns of {@link #COLUMNS}. */
    static ListQuery of(JdbcClient jdbc, PurchaseFilter filter) {
        return of(jdbc, COLUMNS, filter);
    }

    /**
     * The documents of {@code filter} with these columns. A text of an ORDER, RECEIPT or BILL list is
     * sized first: when the supplier names it matches name more than {@value #BROAD_TEXT} documents
     * (a supplier's full or partial name; {@code nexo_purchase_document_names_exceed}, a skip scan of
     * the kind's few distinct names), or when the trigram look-up finds more than that ({@code
     * nexo_purchase_document_search_first}, a broad number or reference), it is compared row by row
     * while the list walks its own index, which stops as soon as the page is full; otherwise the list reads the documents by the ids the
     * look-up found. Every form finds the same rows (the stored search text, the same pattern;
     * row-level security keeps the tenant). An RFQ's text goes through the search function.
     */
    static ListQuery of(JdbcClient jdbc, String columns, PurchaseFilter filter) {
        if (filter.text() == null || filter.kind() == PurchaseKind.RFQ) {
            return of(columns, filter, false);
        }
        boolean broadName = Boolean.TRUE.equals(jdbc.sql(NAMES_EXCEED)
                .param("kind", filter.kind().name())
                .param("text", filter.text())
                .param("limit", BROAD_TEXT)
                .query(Boolean.class)
                .single());
        List<UUID> matches = broadName
                ? List.of()
                : jdbc.sql(FIRST_MATCHES)
                        .param("kind", filter.kind().name())
                        .param("text", filter.text())
                        .param("limit", BROAD_TEXT + 1)
                        .query(UUID.class)
                        .list();
        if (broadName || matches.size() > BROAD_TEXT) {
            return of(columns, filter, true);
        }
        ListQuery query = base(columns, filter);
        return matches.isEmpty() ? query.where("false") : query.where("d.id IN (:matches)", "matches", matches);
    }

    /**
     * The documents of {@code filter}; a text is compared row by row ({@code rowByRow}, never for an
     * RFQ, whose suppliers are in another table) or looked up by the search function first.
     */
    static ListQuery of(String columns, PurchaseFilter filter, boolean rowByRow) {
        ListQuery query = base(columns, filter);
        if (filter.text() != null && rowByRow && filter.kind() != PurchaseKind.RFQ) {
            // The stored search text (V48) in the list's scan: LIKE is not LEAKPROOF, so it runs after
            // row-level security's check, on the rows the list's index brings, until the page is full.
            // The pattern is a sub-select, which the planner does not see into: planned for the
            // pattern itself, a long one (a supplier's full name) was estimated to match a handful of
            // rows, and PostgreSQL read and sorted every order instead of walking the list's index
            // (200 ms at 110,000 orders, against 17 ms).
            query.where(
                    "d.search_text LIKE (SELECT '%' || nexo_like_escape(nexo_search_key(:text)) || '%')",
                    "text", filter.text());
        } else if (filter.text() != null) {
            // nexo_purchase_document_search (R__purchasing_search.sql) finds the matches through the
            // trigram index, which row-level security keeps an ILIKE here from using; the rows are
            // still read, ordered and paged here, through row-level security.
            query.where(
                            "d.id IN (SELECT nexo_purchase_document_search(:textKind, :text))",
                            "textKind",
                            filter.kind().name())
                    .param("text", filter.text());
        }
        return query;
    }

    /** The documents of {@code filter} but its text. */
    private static ListQuery base(String columns, PurchaseFilter filter) {
        ListQuery query = ListQuery.select(columns)
                .from("purchase_document d")
                .where("d.kind = :kind", "kind", filter.kind().name());
        if (filter.status() != null) {
            query.where("d.status = :status", "status", filter.status().name());
        }
        if (filter.from() != null) {
            query.where("d.document_date >= :from", "from", filter.from());
        }
        if (filter.to() != null) {
            query.where("d.document_date <= :to", "to", filter.to());
        }
        if (filter.supplierId() != null) {
            query.where(
                    filter.kind() == PurchaseKind.RFQ ? RFQ_OF_SUPPLIER : "d.supplier_id = :supplier",
                    "supplier",
                    filter.supplierId());
        }
        return query;
    }

    /** A supplier's documents of every kind: its orders, receipts and bills, and the RFQs sent to it. */
    static ListQuery ofSupplier(UUID supplierId) {
        return ListQuery.select(COLUMNS)
                .from("purchase_document d")
                .where("(d.supplier_id = :supplier OR " + RFQ_OF_SUPPLIER + ")", "supplier", supplierId);
    }

    /**
     * The SQL order of a sort. Drafts have no number: by number they sort under their kind's name
     * ({@code coalesce(number, kind)}), which keeps the key NOT NULL as keyset pages need; an RFQ has
     * no supplier name of its own (sorted as empty).
     */
    static ListOrder order(PurchaseKind kind, Sort<PurchaseSort> sort) {
        boolean descending = sort.descending();
        return switch (sort.by()) {
            case DATE -> ListOrder.keyset("d.document_date", "date", "d.id", descending);
            case NUMBER -> ListOrder.keyset("coalesce(d.number, d.kind)", "text", "d.id", descending);
            case SUPPLIER ->
                ListOrder.keyset(
                        kind == PurchaseKind.RFQ ? "coalesce(d.supplier_name, '')" : "d.supplier_name",
                        "text",
                        "d.id",
                        descending);
            case TOTAL -> ListOrder.keyset("d.total_amount", "numeric", "d.id", descending);
        };
    }
}
