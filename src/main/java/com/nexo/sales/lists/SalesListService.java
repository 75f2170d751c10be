package com.nexo.sales.lists;

import com.nexo.base.paging.CountEstimate;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.base.paging.Sort;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.security.Roles;
import com.nexo.security.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists of the current tenant's sales documents, one kind at a time: keyset pages of a filter in a
 * whitelisted order (newest first by default), with salespeople's names, and counts exact up to
 * {@link #EXACT_COUNT_LIMIT}. Reading needs {@link SalesPermissions#READ}.
 */
@Service
public class SalesListService {

    /** Counted exactly up to this many documents, estimated above. */
    public static final long EXACT_COUNT_LIMIT = 1_000;

    /** nexo_sales_client_open_amounts (R__sales_portal.sql): the sums, bound to the client's account. */
    private static final String CLIENT_OPEN =
            "SELECT currency, open, overdue, open_invoices FROM nexo_sales_client_open_amounts(:today)";

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final Clock clock;

    SalesListService(JdbcClient jdbc, UserDirectory users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    /** One page of the list: {@code null} for the first page, then the previous page's {@link Page#next()}. */
    @Transactional(readOnly = true)
    @RolesAllowed({SalesPermissions.READ, Roles.SYSTEM})
    public Page<SalesRow> page(SalesQuery query, PageCursor after, int limit) {
        Objects.requireNonNull(query, "query");
        Page<SalesRow> page = SalesListQueries.of(query.filter(), LocalDate.now(clock))
                .page(jdbc, SalesListQueries.order(query.sort()), after, limit, SalesListQueries.ROW);
        return new Page<>(withSalespeople(page.rows()), page.next());
    }

    /**
     * One page of the signed-in client's own documents of {@code kind} (invoices with their
     * corrective invoices), newest first: row-level security keeps the client to its account's
     * numbered documents (and the order its accepted quote became); the account condition here lets
     * the portal's indexes serve the page.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.CLIENT)
    public Page<SalesRow> clientPage(DocumentKind kind, PageCursor after, int limit) {
        return SalesListQueries.of(SalesFilter.all(kind), LocalDate.now(clock))
                .where("d.account_id = nexo_party_id()")
                .page(
                        jdbc,
                        SalesListQueries.order(Sort.descending(SalesSort.DATE)),
                        after,
                        limit,
                        SalesListQueries.ROW);
    }

    /**
     * What the signed-in client still has to pay: the open amounts of its issued invoices (and
     * corrective invoices) summed by currency, and how many invoices are open.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.CLIENT)
    public List<OpenAmount> clientOpenAmounts() {
        return jdbc.sql(CLIENT_OPEN)
                .param("today", LocalDate.now(clock))
                .query((rs, n) ->
                        new OpenAmount(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getLong(4)))
                .list();
    }

    /** How many documents the filter matches: exact up to {@link #EXACT_COUNT_LIMIT}, estimated beyond. */
    @Transactional(readOnly = true)
    @RolesAllowed({SalesPermissions.READ, Roles.SYSTEM})
    public CountEstimate count(SalesFilter filter) {
        return SalesListQueries.of("d.id", filter, LocalDate.now(clock)).count(jdbc, EXACT_COUNT_LIMIT);
    }

    /** The employees a list can be filtered by as salesperson. */
    @Transactional(readOnly = true)
    @RolesAllowed({SalesPermissions.READ, Roles.SYSTEM})
    public List<UserDirectory.UserName> salespeople() {
        return users.activeEmployees();
    }

    private List<SalesRow> withSalespeople(List<SalesRow> rows) {
        List<UUID> ids = rows.stream()
                .map(SalesRow::salespersonId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        if (ids.isEmpty()) {
            return rows;
        }
        Map<UUID, String> names = users.namesOf(ids);
        return rows.stream()
                .map(row -> row.salespersonId() == null ? row : row.withSalespersonName(names.get(row.salespersonId())))
                .toList();
    }
}
