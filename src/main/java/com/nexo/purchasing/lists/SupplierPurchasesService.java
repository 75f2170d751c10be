package com.nexo.purchasing.lists;

import com.nexo.accounts.AccountDirectory;
import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.purchasing.PurchasingPermissions;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One supplier's purchasing, for the section the purchasing module adds to the account page: the RFQs
 * sent to it, its orders, receipts and bills, newest first. Reading needs
 * {@link PurchasingPermissions#READ}.
 */
@Service
public class SupplierPurchasesService {

    private static final ListOrder NEWEST_FIRST = ListOrder.keyset("d.document_date", "date", "d.id", true);

    private final JdbcClient jdbc;
    private final AccountDirectory accounts;

    SupplierPurchasesService(JdbcClient jdbc, AccountDirectory accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** Whether the account is a supplier: the account page shows the section for suppliers only. */
    @Transactional(readOnly = true)
    @RolesAllowed(PurchasingPermissions.READ)
    public boolean isSupplier(UUID accountId) {
        return accounts.isSupplier(accountId);
    }

    /** One page of the supplier's documents of every kind, newest first. */
    @Transactional(readOnly = true)
    @RolesAllowed(PurchasingPermissions.READ)
    public Page<PurchaseRow> documents(UUID supplierId, PageCursor after, int limit) {
        return PurchaseListQueries.ofSupplier(supplierId)
                .page(jdbc, NEWEST_FIRST, after, limit, PurchaseListQueries.ROW);
    }
}
