package com.nexo.purchasing;

import com.nexo.accounts.AccountFixtures;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountService;
import com.nexo.articles.ArticleFixtures;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.security.roles.RoleService;
import com.nexo.security.roles.RoleService.RoleDraft;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.LoggedIn;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What purchasing tests start from, in the demo tenant: suppliers, articles, a warehouse, and two
 * real users made through the user administration: a buyer whose role has the purchasing
 * permissions but {@code purchasing.approve} (and reads accounts, articles and stock, as the
 * predefined purchasing role does), and an approver with the predefined {@code purchasing}
 * role (every purchasing permission).
 */
public final class PurchasingFixtures {

    public static final String ADMIN = ArticleFixtures.ADMIN;

    private final UserDetailsService users;
    private final AccountService accounts;
    private final ArticleService articleService;
    private final CategoryService categories;
    private final WarehouseService warehouses;
    private final UnitService units;
    private final UserService userService;
    private final RoleService roles;
    private final UUID category;

    /** A buyer: every purchasing permission except approve. */
    public final String buyer;
    /** An approver: the predefined purchasing role. */
    public final String approver;

    public PurchasingFixtures(ApplicationContext context) {
        this.users = context.getBean(UserDetailsService.class);
        this.accounts = context.getBean(AccountService.class);
        this.articleService = context.getBean(ArticleService.class);
        this.categories = context.getBean(CategoryService.class);
        this.warehouses = context.getBean(WarehouseService.class);
        this.units = context.getBean(UnitService.class);
        this.userService = context.getBean(UserService.class);
        this.roles = context.getBean(RoleService.class);
        this.category = articles().category(null, "Compras");
        String tag = Long.toString(System.nanoTime(), 36).toLowerCase(Locale.ROOT);
        String buyerRole = "buy-" + tag;
        this.buyer = buyerRole + "@demo.nexo";
        this.approver = "apr-" + tag + "@demo.nexo";
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
                            "accounts.read",
                            "articles.read",
                            "stock.read")));
            userService.createUser(new NewUser(
                    buyer, "Comprador " + tag, ActorType.EMPLOYEE, null, Set.of(buyerRole), "Prueba-2026!", null));
            userService.createUser(new NewUser(
                    approver,
                    "Aprobadora " + tag,
                    ActorType.EMPLOYEE,
                    null,
                    Set.of("purchasing"),
                    "Prueba-2026!",
                    null));
            return null;
        });
    }

    public ArticleFixtures articles() {
        return new ArticleFixtures(users, articleService, categories, warehouses, units);
    }

    public <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(users, email, work);
    }

    public <T> T asBuyer(Supplier<T> work) {
        return as(buyer, work);
    }

    public <T> T asApprover(Supplier<T> work) {
        return as(approver, work);
    }

    public void asBuyer(Runnable work) {
        as(buyer, () -> {
            work.run();
            return null;
        });
    }

    public void asApprover(Runnable work) {
        as(approver, () -> {
            work.run();
            return null;
        });
    }

    /** A new supplier account of the demo tenant. */
    public UUID supplier(String name) {
        AccountForm form = AccountFixtures.company(name);
        form.setRoles(EnumSet.of(AccountRole.SUPPLIER));
        return as(ADMIN, () -> accounts.create(form));
    }

    /** A new client (not a supplier) of the demo tenant. */
    public UUID client(String name) {
        AccountForm form = AccountFixtures.company(name);
        return as(ADMIN, () -> accounts.create(form));
    }

    /** A new stock-tracked article at 21 % VAT, unit "ud". */
    public UUID goods() {
        return articles().article(category, "ud");
    }

    public UUID warehouse() {
        return articles().warehouse(false);
    }
}
