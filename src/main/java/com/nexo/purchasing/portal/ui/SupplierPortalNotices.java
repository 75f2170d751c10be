package com.nexo.purchasing.portal.ui;

import com.nexo.base.ui.PortalNotices;
import com.nexo.purchasing.portal.SupplierPortalService;
import com.nexo.security.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What waits for a supplier on the portal's home page: RFQs to answer and orders to confirm. */
@Component
class SupplierPortalNotices implements PortalNotices {

    private final SupplierPortalService portal;

    SupplierPortalNotices(SupplierPortalService portal) {
        this.portal = portal;
    }

    @Override
    public Set<String> actors() {
        return Set.of(Roles.SUPPLIER);
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<Notice> pending() {
        List<Notice> notices = new ArrayList<>();
        long rfqs = portal.rfqsToAnswer();
        if (rfqs > 0) {
            String rfqsKey = "portal.supplier.notice.rfqs";
            notices.add(new Notice(rfqsKey, rfqs, SupplierPortalTexts.RFQS));
        }
        long orders = portal.ordersToConfirm();
        if (orders > 0) {
            String ordersKey = "portal.supplier.notice.orders";
            notices.add(new Notice(ordersKey, orders, SupplierPortalTexts.ORDERS));
        }
        return notices;
    }
}
