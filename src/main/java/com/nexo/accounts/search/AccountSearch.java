package com.nexo.accounts.search;

import com.nexo.base.paging.CountEstimate;
import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.security.UserDirectory;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads account lists (the SQL is {@link AccountListQueries}'): keyset pages in a whitelisted order,
 * the quick search's pages by relevance, counts exact up to a limit and estimated beyond it, and
 * every row for an export. Callers check the permission.
 */
@Component
public class AccountSearch {

    /** Above this many rows a count is estimated by the planner instead of counted. */
    static final long EXACT_COUNT_LIMIT = 1000;

    /**
     * A text filter reads at most this many matches (the best tier first, see migration V14): a
     * search is for finding, and a word that matches more accounts than this asks for another word.
     */
    static final int MAX_TEXT_MATCHES = 5000;

    /** The columns of an export: a list row's and the values only the file shows. */
    private static final String EXPORT_COLUMNS = AccountRows.COLUMNS
            + ", a.emails, a.phones, a.website, a.payment_terms, a.credit_limit, a.currency, a.language";

    private final JdbcClient jdbc;
    private final UserDirectory users;

    AccountSearch(JdbcClient jdbc, UserDirectory users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /** One page after {@code after} (null: the first page), with the owners' names. */
    public Page<AccountRow> page(AccountQuery query, PageCursor after, int limit) {
        Page<AccountRow> page = read(query, after, limit);
        return new Page<>(withOwnerNames(page.rows()), page.next());
    }

    /**
     * The page without owners' names. Package-visible so that the benchmark (test sources) runs the
     * very same SQL under {@code EXPLAIN ANALYZE}.
     */
    Page<AccountRow> read(AccountQuery query, PageCursor after, int limit, JdbcClient client) {
        AccountFilter filter = query.filter();
        ListOrder order = AccountListQueries.order(query.sort(), filter);
        int size = Math.max(1, Math.min(limit, ListQuery.MAX_PAGE_SIZE));
        // Relevance pages go by position: the search reads just the matches up to the page's end.
        int textCap = order.isRanked() ? position(after) + size + 1 : MAX_TEXT_MATCHES;
        return AccountListQueries.of(AccountRows.COLUMNS, filter, textCap)
                .page(client, order, after, size, AccountRows.ROW);
    }

    private Page<AccountRow> read(AccountQuery query, PageCursor after, int limit) {
        return read(query, after, limit, jdbc);
    }

    /** How many accounts the filter matches: exact up to a limit, estimated beyond it. */
    public CountEstimate count(AccountFilter filter) {
        boolean text = !filter.words().isEmpty();
        ListQuery query = AccountListQueries.of(AccountRows.COLUMNS, filter, MAX_TEXT_MATCHES + 1);
        if (text) {
            // The search function caps its matches: more than the cap is all there is to say.
            CountEstimate count = query.count(jdbc, MAX_TEXT_MATCHES);
            return count.exact() ? count : new CountEstimate(MAX_TEXT_MATCHES, false, MAX_TEXT_MATCHES);
        }
        return query.count(jdbc, EXACT_COUNT_LIMIT);
    }

    /**
     * Streams every row of the query, in order, to {@code handler} (CSV export; relevance reads by
     * name). Owners come as {@code owner_id}: their names are looked up by the caller. {@code
     * streaming} is a {@link com.nexo.base.paging.Streaming} client; must run inside a transaction.
     */
    public void forEach(AccountQuery query, JdbcClient streaming, RowCallbackHandler handler) {
        AccountFilter filter = query.filter();
        ListOrder order = AccountListQueries.order(query.sort(), filter);
        if (order.isRanked()) {
            order = AccountListQueries.order(AccountSort.byName(), filter);
        }
        AccountListQueries.of(EXPORT_COLUMNS, filter, MAX_TEXT_MATCHES).forEach(streaming, order, handler);
    }

    /** The rows with their owners' names, from one look-up of the page's owners. */
    private List<AccountRow> withOwnerNames(List<AccountRow> rows) {
        Map<UUID, String> names =
                users.namesOf(rows.stream().map(AccountRow::ownerId).toList());
        return rows.stream()
                .map(row -> row.ownerId() == null ? row : row.withOwnerName(names.get(row.ownerId())))
                .toList();
    }

    /** Where a relevance page starts (its cursor is a position). */
    private static int position(PageCursor after) {
        if (after == null || after.sortValue() == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(after.sortValue()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
