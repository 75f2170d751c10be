package com.nexo.purchasing;

import com.nexo.security.ModulePermissions;
import com.nexo.security.Permission;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Permissions of the purchasing module: requests for quotation, purchase orders, receipts, supplier
 * bills and suppliers' prices. The predefined role {@code purchasing} carries all of them.
 */
public final class PurchasingPermissions {

    public static final String READ = "purchasing.read";
    public static final String CREATE = "purchasing.create";
    public static final String EDIT = "purchasing.edit";
    /** Approve an order above the tenant's threshold, and a supplier bill after its three-way match. */
    public static final String APPROVE = "purchasing.approve";
    /** Send an RFQ or an order to its suppliers (PDF and e-mail) and record their answers. */
    public static final String SEND = "purchasing.send";
    /** Post a receipt: the goods are counted into a warehouse and the stock ledger. */
    public static final String RECEIVE = "purchasing.receive";
    /** Record a supplier bill and match it against its order and receipts. */
    public static final String BILL = "purchasing.bill";

    public static final String CANCEL = "purchasing.cancel";
    public static final String EXPORT = "purchasing.export";
    /** Series, approval threshold, match tolerance and suppliers' prices. */
    public static final String SETTINGS = "purchasing.settings";

    private PurchasingPermissions() {}

    @Component
    static class Purchasing implements ModulePermissions {
        @Override
        public String module() {
            return "purchasing";
        }

        @Override
        public List<Permission> permissions() {
            return List.of(READ, CREATE, EDIT, APPROVE, SEND, RECEIVE, BILL, CANCEL, EXPORT, SETTINGS).stream()
                    .map(Permission::parse)
                    .toList();
        }
    }
}
