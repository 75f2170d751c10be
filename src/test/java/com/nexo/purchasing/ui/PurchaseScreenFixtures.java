package com.nexo.purchasing.ui;

import com.nexo.accounts.AccountFixtures;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountService;
import com.nexo.articles.ArticleFixtures;
import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.documents.PurchaseSettings;
import com.nexo.purchasing.documents.PurchaseSettingsService;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.security.roles.RoleService;
import com.nexo.security.roles.RoleService.RoleDraft;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.LoggedIn;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What the purchasing screen tests start from, in the demo tenant: suppliers, articles, a warehouse,
 * and two real users made through the user administration: a buyer whose role has every purchasing
 * permission but {@code purchasing.approve} (and stock.read, to see the warehouses, and stock.move,
 * to keep what is on order), and an approver with the predefined {@code purchasing} role.
 */
final class PurchaseScreenFixtures {

    static final String ADMIN = ArticleFixtures.ADMIN;

    private final UserDetailsService users;
    private final AccountService accounts;
    private final ArticleFixtures articles;
    private final PurchaseSettingsService settings;
    private final UUID category;

    final String buyer;
    final String approver;
    final String buyerName;
    final String approverName;

    PurchaseScreenFixtures(ApplicationContext context) {
        this.users = context.getBean(UserDetailsService.class);
        this.accounts = context.getBean(AccountService.class);
        this.settings = context.getBean(PurchaseSettingsService.class);
        this.articles = new ArticleFixtures(
                users,
                context.getBean(ArticleService.class),
                context.getBean(CategoryService.class),
                context.getBean(WarehouseService.class),
                context.getBean(UnitService.class));
        this.category = articles.category(null, "Compras pantalla");
        UserService userService = context.getBean(UserService.class);
        RoleService roles = context.getBean(RoleService.class);
        String tag = Long.toString(System.nanoTime(), 36).toLowerCase(Locale.ROOT);
        String buyerRole = "psb-" + tag;
        this.buyer = buyerRole + "@demo.nexo";
        this.approver = "psa-" + tag + "@demo.nexo";
        this.buyerName = "Comprador " + tag;
        this.approverName = "Aprobadora " + tag;
        as(ADMIN, () -> {
            roles.createRole(new RoleDraft(
                    buyerRole,
                    "Compras sin aprobar " + tag,
                    null,
                    Set.of(
                            PurchasingPermissions.READ,
                            PurchasingPermissions.CREATE,
                            PurchasingPermissions.EDIT,
                            PurchasingPermissions.SEND,
                            PurchasingPermissions.CANCEL,
                            // Where the goods go: the warehouses are the stock's; and what is on
                            // order is the articles' incoming stock, which an order's change moves.
                            ArticlePermissions.STOCK_READ,
                            ArticlePermissions.STOCK_MOVE)));
            userService.createUser(
                    new NewUser(buyer, buyerName, ActorType.EMPLOYEE, null, Set.of(buyerRole), "Prueba-2026!", null));
            userService.createUser(new NewUser(
                    approver, approverName, ActorType.EMPLOYEE, null, Set.of("purchasing"), "Prueba-2026!", null));
            return null;
        });
    }

    <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(users, email, work);
    }

    UUID supplier(String name) {
        AccountForm form = AccountFixtures.company(name);
        form.setRoles(EnumSet.of(AccountRole.SUPPLIER));
        return as(ADMIN, () -> accounts.create(form));
    }

    UUID goods() {
        return articles.article(category, "ud");
    }

    UUID warehouse() {
        return articles.warehouse(false);
    }

    /** The tenant's approval threshold (null: none). */
    void threshold(BigDecimal threshold) {
        as(ADMIN, () -> {
            PurchaseSettings now = settings.settings();
            return settings.save(new PurchaseSettings(threshold, now.priceTolerance(), now.version()));
        });
    }
}
