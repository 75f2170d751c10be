package com.nexo.articles;

import com.nexo.articles.catalogue.ArticleForm;
import com.nexo.articles.catalogue.ArticleKind;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseForm;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.testing.LoggedIn;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Articles, warehouses and categories made for one test in the demo tenant, as its administrator. */
public final class ArticleFixtures {

    public static final String ADMIN = "admin@demo.nexo";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final UserDetailsService users;
    private final ArticleService articles;
    private final CategoryService categories;
    private final WarehouseService warehouses;
    private final UnitService units;
    /** Tells this test's rows apart from other tests' and other runs'. */
    public final String tag = Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);

    public ArticleFixtures(
            UserDetailsService users,
            ArticleService articles,
            CategoryService categories,
            WarehouseService warehouses,
            UnitService units) {
        this.users = users;
        this.articles = articles;
        this.categories = categories;
        this.warehouses = warehouses;
        this.units = units;
    }

    public <T> T asAdmin(Supplier<T> work) {
        return LoggedIn.asUser(users, ADMIN, work);
    }

    public UUID unit(String code) {
        return asAdmin(() -> units.listUnits().stream()
                .filter(u -> u.getCode().equals(code))
                .findFirst()
                .orElseThrow()
                .getId());
    }

    public UUID warehouse(boolean allowNegative) {
        String code = "W" + SEQUENCE.incrementAndGet() + tag;
        return asAdmin(() -> warehouses.createWarehouse(new WarehouseForm(
                code.substring(0, Math.min(16, code.length())), "Almacén " + code, null, allowNegative, true)));
    }

    public UUID category(UUID parentId, String name) {
        String code = "C" + SEQUENCE.incrementAndGet() + "-" + tag;
        return asAdmin(() -> categories.createCategory(parentId, code, name, name));
    }

    public UUID article(UUID categoryId, String unitCode) {
        return article(categoryId, unitCode, ArticleKind.GOODS, true);
    }

    public UUID article(UUID categoryId, String unitCode, ArticleKind kind, boolean stockTracked) {
        ArticleForm form =
                form("A" + SEQUENCE.incrementAndGet() + "-" + tag, unit(unitCode), categoryId, kind, stockTracked);
        return asAdmin(() -> articles.createArticle(form));
    }

    public static ArticleForm form(String code, UUID unitId, UUID categoryId, ArticleKind kind, boolean stockTracked) {
        return new ArticleForm(
                code,
                kind,
                "Artículo " + code,
                "Article " + code,
                null,
                null,
                categoryId,
                unitId,
                null,
                new BigDecimal("12.50"),
                new BigDecimal("7.25"),
                new BigDecimal("21"),
                null,
                stockTracked);
    }
}
