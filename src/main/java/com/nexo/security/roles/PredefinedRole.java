package com.nexo.security.roles;

import com.nexo.security.Permission;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

/**
 * The roles every tenant starts with. They are kept in step with the permission catalogue at start-up
 * (a new module's permissions reach them without a migration), so they cannot be edited; an
 * administrator copies one and changes the copy.
 */
public enum PredefinedRole {
    // Every role but the administrator's (which has everything) reads the internal content: news, the
    // knowledge base and the library (cms.read).
    ADMINISTRATOR("administrator", null, null, List.of(), List.of()),
    /**
     * Sells: confirming an order reserves its stock and delivering it issues the stock. Answers the
     * clients' requests (support).
     */
    SALES(
            "sales",
            List.of("accounts", "crm", "sales", "support"),
            null,
            List.of("articles", "stock"),
            List.of("stock.reserve", "stock.move", "cms.read")),
    /**
     * Sells in the CRM and sees only its own leads, opportunities and activities (no crm.team or
     * crm.all): works its pipeline, converts leads, looks after its accounts and reads sales
     * documents and articles; neither deletes CRM records nor changes the CRM's settings.
     */
    SALESPERSON(
            "salesperson",
            List.of(),
            null,
            List.of("sales", "articles"),
            List.of(
                    "crm.read",
                    "crm.create",
                    "crm.edit",
                    "crm.convert",
                    "crm.forecast",
                    "accounts.read",
                    "accounts.create",
                    "accounts.edit",
                    "cms.read")),
    /** Buys: posting a receipt writes the stock ledger, so the role moves stock too. */
    PURCHASING(
            "purchasing",
            List.of("accounts", "purchasing"),
            null,
            List.of("articles", "stock"),
            List.of("stock.move", "cms.read")),
    /** Keeps the stock and receives goods at the dock against purchase orders. */
    WAREHOUSE(
            "warehouse",
            List.of("articles", "stock"),
            null,
            List.of("sales", "purchasing"),
            List.of("purchasing.receive", "cms.read")),
    /** Makes: releasing an order reserves its inputs, recording consumes them and receives the output. */
    PRODUCTION(
            "production",
            List.of("production"),
            null,
            List.of("accounts", "articles", "stock"),
            List.of("stock.reserve", "stock.move", "cms.read")),
    CONTENT_EDITOR("content-editor", List.of("cms"), null, List.of(), List.of()),
    READ_ONLY("read-only", null, List.of("read"), List.of(), List.of());

    private static final Set<String> ADMINISTRATION_MODULES = Set.of("users", "roles", "security-events");

    private final String code;
    private final List<String> fullModules;
    private final List<String> onlyActions;
    private final List<String> readModules;
    private final List<String> extraPermissions;

    PredefinedRole(
            String code,
            List<String> fullModules,
            List<String> onlyActions,
            List<String> readModules,
            List<String> extraPermissions) {
        this.code = code;
        this.fullModules = fullModules;
        this.onlyActions = onlyActions;
        this.readModules = readModules;
        this.extraPermissions = extraPermissions;
    }

    public String code() {
        return code;
    }

    /** The permissions this role carries today, from the catalogue as it is now. */
    SortedSet<Permission> permissions(PermissionCatalog catalog) {
        if (this == ADMINISTRATOR) {
            return catalog.all();
        }
        SortedSet<Permission> selected = new java.util.TreeSet<>();
        if (this == READ_ONLY) {
            catalog.select(null, onlyActions).stream()
                    .filter(permission -> !ADMINISTRATION_MODULES.contains(permission.module()))
                    .forEach(selected::add);
            return selected;
        }
        selected.addAll(catalog.select(fullModules, null));
        selected.addAll(catalog.select(readModules, List.of("read")));
        extraPermissions.stream()
                .map(Permission::parse)
                .filter(catalog.all()::contains)
                .forEach(selected::add);
        return selected;
    }

    static java.util.Optional<PredefinedRole> byCode(String code) {
        for (PredefinedRole role : values()) {
            if (role.code.equals(code)) {
                return java.util.Optional.of(role);
            }
        }
        return java.util.Optional.empty();
    }
}
