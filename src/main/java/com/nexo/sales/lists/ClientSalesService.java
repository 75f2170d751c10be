package com.nexo.sales.lists;

import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.sales.SalesPermissions;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One client's sales, for the sections the sales module adds to the account page: its documents of
 * every kind, newest first, and what it still owes. Reading needs {@link SalesPermissions#READ}.
 */
@Service
public class ClientSalesService {

    /** Served by sales_document_account_ix (tenant_id, account_id, document_date DESC, id DESC). */
    private static final ListOrder NEWEST_FIRST = ListOrder.keyset("d.document_date", "date", "d.id", true);

    private static final String OPEN_AMOUNTS = """
            SELECT i.currency, sum(i.open) AS open,
                   coalesce(sum(i.open) FILTER (WHERE i.due_date < :today), 0) AS overdue, count(*) AS invoices
              FROM (SELECT d.currency, d.due_date,
                           d.total_amount - coalesce((SELECT sum(p.amount) FROM sales_payment p
                                                       WHERE p.invoice_id = d.id), 0) AS open
                      FROM sales_document d
                     WHERE d.account_id = :account AND d.kind IN ('INVOICE', 'CORRECTIVE')
                       AND d.status = 'ISSUED') i
             WHERE i.open <> 0
             GROUP BY i.currency
             ORDER BY i.currency
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    ClientSalesService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One page of the client's documents of every kind, newest first. */
    @Transactional(readOnly = true)
    @RolesAllowed(SalesPermissions.READ)
    public Page<SalesRow> documents(UUID accountId, PageCursor after, int limit) {
        return ListQuery.select(SalesListQueries.COLUMNS)
                .from("sales_document d")
                .where("d.account_id = :account", "account", accountId)
                .param("today", LocalDate.now(clock))
                .page(jdbc, NEWEST_FIRST, after, limit, SalesListQueries.ROW);
    }

    /** What the client owes on its issued invoices, per currency (empty when nothing is open). */
    @Transactional(readOnly = true)
    @RolesAllowed(SalesPermissions.READ)
    public List<OpenAmount> openAmounts(UUID accountId) {
        return jdbc.sql(OPEN_AMOUNTS)
                .param("account", accountId)
                .param("today", LocalDate.now(clock))
                .query((row, i) -> new OpenAmount(
                        row.getString("currency"),
                        row.getBigDecimal("open"),
                        row.getBigDecimal("overdue"),
                        row.getLong("invoices")))
                .list();
    }
}
