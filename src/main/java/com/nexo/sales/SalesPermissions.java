package com.nexo.sales;

import com.nexo.security.ModulePermissions;
import com.nexo.security.Permission;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Permissions of the sales module: quotes, orders, delivery notes, invoices, price lists and the
 * invoice records' chain. The predefined role {@code sales} carries all of them.
 */
public final class SalesPermissions {

    public static final String READ = "sales.read";
    public static final String CREATE = "sales.create";
    public static final String EDIT = "sales.edit";
    /** Confirm an order (its stock is reserved) and accept or send a quote. */
    public static final String CONFIRM = "sales.confirm";
    /** Deliver an order, wholly or in part: a delivery note that issues the stock. */
    public static final String DELIVER = "sales.deliver";
    /** Issue invoices and corrective invoices. */
    public static final String INVOICE = "sales.invoice";

    public static final String CANCEL = "sales.cancel";
    public static final String EXPORT = "sales.export";
    /** Price lists, series and clients' sales terms; verifying the invoice records' chain. */
    public static final String SETTINGS = "sales.settings";

    private SalesPermissions() {}

    @Component
    static class Sales implements ModulePermissions {
        @Override
        public String module() {
            return "sales";
        }

        @Override
        public List<Permission> permissions() {
            return List.of(READ, CREATE, EDIT, CONFIRM, DELIVER, INVOICE, CANCEL, EXPORT, SETTINGS).stream()
                    .map(Permission::parse)
                    .toList();
        }
    }
}
