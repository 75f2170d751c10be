package com.nexo.sales.lists;

import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Sort;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.DocumentStatus;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;

/**
 * The SQL of sales lists as {@link ListQuery}s: the filter's conditions, the row's columns and the
 * whitelisted orders. Tenant scoping is row-level security's.
 */
final class SalesListQueries {

    /**
     * The row's columns. The open amount of an issued invoice is its total less its payments (one
     * indexed look-up per row of the page); {@code :today} decides whether a quote has expired.
     */
    static final String COLUMNS = """
            d.id, d.kind, d.number, d.status, d.document_date, d.account_id, d.client_name, d.salesperson_id,\
             d.total_amount, d.currency,\
             CASE WHEN d.status = 'ISSUED' AND d.kind IN ('INVOICE', 'CORRECTIVE')\
             THEN d.total_amount - coalesce((SELECT sum(p.amount) FROM sales_payment p WHERE p.invoice_id = d.id), 0)\
             END AS open_amount,\
             (d.kind = 'QUOTE' AND d.status IN ('DRAFT', 'SENT') AND d.valid_until < :today) AS expired""";

    static final RowMapper<SalesRow> ROW = (row, i) -> new SalesRow(
            row.getObject("id", UUID.class),
            DocumentKind.valueOf(row.getString("kind")),
            row.getString("number"),
            DocumentStatus.valueOf(row.getString("status")),
            row.getObject("document_date", LocalDate.class),
            row.getObject("account_id", UUID.class),
            row.getString("client_name"),
            row.getObject("salesperson_id", UUID.class),
            null,
            row.getBigDecimal("total_amount"),
            row.getString("currency"),
            row.getBigDecimal("open_amount"),
            row.getBoolean("expired"));

    private SalesListQueries() {}

    /** The documents of {@code filter} with the columns of {@link #COLUMNS}, as on {@code today}. */
    static ListQuery of(SalesFilter filter, LocalDate today) {
        return of(COLUMNS, filter, today);
    }

    static ListQuery of(String columns, SalesFilter filter, LocalDate today) {
        ListQuery query = ListQuery.select(columns).from("sales_document d").param("today", today);
        if (filter.kind() == DocumentKind.INVOICE) {
            query.where("d.kind IN ('INVOICE', 'CORRECTIVE')");
        } else {
            query.where("d.kind = :kind", "kind", filter.kind().name());
        }
        if (filter.expired()) {
            query.where("d.kind = 'QUOTE' AND d.status IN ('DRAFT', 'SENT') AND d.valid_until < :today");
        } else if (filter.status() != null) {
            query.where("d.status = :status", "status", filter.status().name());
        }
        if (filter.from() != null) {
            query.where("d.document_date >= :from", "from", filter.from());
        }
        if (filter.to() != null) {
            query.where("d.document_date <= :to", "to", filter.to());
        }
        if (filter.salespersonId() != null) {
            query.where("d.salesperson_id = :salesperson", "salesperson", filter.salespersonId());
        }
        if (filter.accountId() != null) {
            query.where("d.account_id = :account", "account", filter.accountId());
        }
        if (filter.text() != null) {
            // nexo_sales_document_search (R__sales_search.sql) finds the matches through trigram
            // indexes, which row-level security keeps an ILIKE here from using; the rows are still
            // read, ordered and paged here, through row-level security.
            String[] kinds = filter.kind() == DocumentKind.INVOICE
                    ? new String[] {DocumentKind.INVOICE.name(), DocumentKind.CORRECTIVE.name()}
                    : new String[] {filter.kind().name()};
            query.where(
                            "d.id IN (SELECT nexo_sales_document_search(CAST(:textKinds AS text[]), :text))",
                            "textKinds",
                            kinds)
                    .param("text", filter.text());
        }
        return query;
    }

    /**
     * The SQL order of a sort. Drafts have no number: by number they sort under their kind's name
     * ({@code coalesce(number, kind)}), which keeps the key NOT NULL as keyset pages need.
     */
    static ListOrder order(Sort<SalesSort> sort) {
        boolean descending = sort.descending();
        return switch (sort.by()) {
            case DATE -> ListOrder.keyset("d.document_date", "date", "d.id", descending);
            case NUMBER -> ListOrder.keyset("coalesce(d.number, d.kind)", "text", "d.id", descending);
            case CLIENT -> ListOrder.keyset("d.client_name", "text", "d.id", descending);
            case TOTAL -> ListOrder.keyset("d.total_amount", "numeric", "d.id", descending);
        };
    }
}
