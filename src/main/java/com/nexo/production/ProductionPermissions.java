package com.nexo.production;

import com.nexo.security.ModulePermissions;
import com.nexo.security.Permission;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Permissions of the production module: bills of materials and their costs, production orders, the
 * shop floor's records and the work centres and workers. The predefined role {@code production}
 * carries all of them.
 */
public final class ProductionPermissions {

    public static final String READ = "production.read";
    /** Write bills of materials (versions, lines, activation) and run the cost roll-up. */
    public static final String EDIT = "production.edit";
    /** Create production orders and release them (reserve their inputs, make child orders). */
    public static final String RELEASE = "production.release";
    /** Record on the shop floor: start, consume, produce, scrap, time, finish. */
    public static final String RECORD = "production.record";
    /** Close a completed order: its costs become final. */
    public static final String CLOSE = "production.close";

    public static final String CANCEL = "production.cancel";
    /** Work centres, workers and their hourly rates. */
    public static final String SETTINGS = "production.settings";

    private ProductionPermissions() {}

    @Component
    static class Production implements ModulePermissions {
        @Override
        public String module() {
            return "production";
        }

        @Override
        public List<Permission> permissions() {
            return List.of(READ, EDIT, RELEASE, RECORD, CLOSE, CANCEL, SETTINGS).stream()
                    .map(Permission::parse)
                    .toList();
        }
    }
}
