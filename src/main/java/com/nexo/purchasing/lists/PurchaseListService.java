package com.nexo.purchasing.lists;

import com.nexo.accounts.AccountDirectory;
import com.nexo.accounts.AccountDirectory.AccountName;
import com.nexo.base.paging.CountEstimate;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists of the current tenant's purchasing documents, one kind at a time: keyset pages of a filter
 * in a whitelisted order (newest first by default) and counts exact up to {@link #EXACT_COUNT_LIMIT}.
 * Reading needs {@link PurchasingPermissions#READ}.
 */
@Service
public class PurchaseListService {

    /** Counted exactly up to this many documents, estimated above. */
    public static final long EXACT_COUNT_LIMIT = 1_000;

    private final JdbcClient jdbc;
    private final AccountDirectory accounts;

    PurchaseListService(JdbcClient jdbc, AccountDirectory accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** One page of the list: {@code null} for the first page, then the previous page's {@link Page#next()}. */
    @Transactional(readOnly = true)
    @RolesAllowed({PurchasingPermissions.READ, Roles.SYSTEM})
    public Page<PurchaseRow> page(PurchaseQuery query, PageCursor after, int limit) {
        Objects.requireNonNull(query, "query");
        return PurchaseListQueries.of(jdbc, query.filter())
                .page(
                        jdbc,
                        PurchaseListQueries.order(query.filter().kind(), query.sort()),
                        after,
                        limit,
                        PurchaseListQueries.ROW);
    }

    /** How many documents the filter matches: exact up to {@link #EXACT_COUNT_LIMIT}, estimated beyond. */
    @Transactional(readOnly = true)
    @RolesAllowed({PurchasingPermissions.READ, Roles.SYSTEM})
    public CountEstimate count(PurchaseFilter filter) {
        return PurchaseListQueries.of(jdbc, "d.id", filter).count(jdbc, EXACT_COUNT_LIMIT);
    }

    /** The suppliers whose name (code, tax id...) matches {@code text}: the supplier filter's choices. */
    @Transactional(readOnly = true)
    @RolesAllowed({PurchasingPermissions.READ, Roles.SYSTEM})
    public List<AccountName> suppliersMatching(String text, int limit) {
        return accounts.suppliersMatching(text, limit);
    }

    /** The supplier's name, for a saved filter's supplier field; null when it is not visible. */
    @Transactional(readOnly = true)
    @RolesAllowed({PurchasingPermissions.READ, Roles.SYSTEM})
    public AccountName supplier(java.util.UUID supplierId) {
        if (supplierId == null) {
            return null;
        }
        String name = accounts.namesOf(List.of(supplierId)).get(supplierId);
        return name == null ? null : new AccountName(supplierId, name);
    }
}
