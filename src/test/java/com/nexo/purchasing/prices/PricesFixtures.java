package com.nexo.purchasing.prices;

import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountService;
import com.nexo.articles.ArticleFixtures;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.testing.LoggedIn;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Suppliers, articles and supplier-article entries of the demo tenant, made for one test. */
public final class PricesFixtures {

    public static final String ADMIN = ArticleFixtures.ADMIN;
    /** Reads purchasing, changes nothing. */
    public static final String READ_ONLY = "consulta@demo.nexo";
    /** No purchasing permission at all. */
    public static final String SALES = "ventas@demo.nexo";

    private final UserDetailsService users;
    private final AccountService accounts;
    private final SupplierPriceService prices;
    public final ArticleFixtures articles;

    public PricesFixtures(
            UserDetailsService users,
            AccountService accounts,
            SupplierPriceService prices,
            ArticleService articleService,
            CategoryService categories,
            WarehouseService warehouses,
            UnitService units) {
        this.users = users;
        this.accounts = accounts;
        this.prices = prices;
        this.articles = new ArticleFixtures(users, articleService, categories, warehouses, units);
    }

    public <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(users, email, work);
    }

    public String tag() {
        return articles.tag;
    }

    /** A supplier account named "{name} {tag}", with an e-mail and a language. */
    public UUID supplier(String name, String language) {
        AccountForm form = new AccountForm();
        form.setLegalName(name + " " + articles.tag);
        form.setRoles(EnumSet.of(AccountRole.SUPPLIER));
        form.setLanguage(language);
        return as(ADMIN, () -> accounts.create(form));
    }

    /** A client account (not a supplier). */
    public UUID client(String name) {
        AccountForm form = new AccountForm();
        form.setLegalName(name + " " + articles.tag);
        form.setRoles(EnumSet.of(AccountRole.CLIENT));
        return as(ADMIN, () -> accounts.create(form));
    }

    public UUID article() {
        return articles.article(null, "ud");
    }

    /** An entry with breaks given as "minimum", "price" pairs. */
    public UUID entry(UUID supplier, UUID article, String code, Integer leadTime, String... breaks) {
        SupplierArticleForm form = SupplierArticleForm.newEntry(supplier, article);
        form.setSupplierCode(code);
        form.setLeadTimeDays(leadTime);
        java.util.List<SupplierArticleForm.Break> list = new java.util.ArrayList<>();
        for (int i = 0; i < breaks.length; i += 2) {
            list.add(new SupplierArticleForm.Break(new BigDecimal(breaks[i]), new BigDecimal(breaks[i + 1])));
        }
        form.setBreaks(List.copyOf(list));
        return as(ADMIN, () -> prices.create(form));
    }
}
