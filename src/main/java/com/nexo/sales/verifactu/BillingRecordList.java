package com.nexo.sales.verifactu;

import com.nexo.base.paging.CountEstimate;
import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.sales.SalesPermissions;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the invoice records' screen reads: the tenant's records, newest first, a keyset page at a time. */
@Service
public class BillingRecordList {

    /** The list says its exact size up to this many records. */
    public static final int EXACT_COUNT_LIMIT = 1000;

    private static final ListOrder NEWEST_FIRST = ListOrder.keyset("r.sequence", "bigint", "r.id", true);

    private final JdbcClient jdbc;

    BillingRecordList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} records after {@code after} (null: from the newest). */
    @Transactional(readOnly = true)
    @RolesAllowed(SalesPermissions.READ)
    public Page<BillingRecord> page(PageCursor after, int limit) {
        return query().page(jdbc, NEWEST_FIRST, after, limit, BillingRecords.ROW);
    }

    /** How many records the tenant has: exact up to {@link #EXACT_COUNT_LIMIT}, estimated above. */
    @Transactional(readOnly = true)
    @RolesAllowed(SalesPermissions.READ)
    public CountEstimate count() {
        return query().count(jdbc, EXACT_COUNT_LIMIT);
    }

    private static ListQuery query() {
        return ListQuery.select(BillingRecords.COLUMNS).from("sales_billing_record r");
    }
}
