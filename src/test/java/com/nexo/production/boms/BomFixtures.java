package com.nexo.production.boms;

import com.nexo.articles.ArticleFixtures;
import com.nexo.articles.catalogue.ArticleKind;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockValuation;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.production.ProductionPermissions;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.security.roles.RoleService;
import com.nexo.security.roles.RoleService.RoleDraft;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.LoggedIn;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What bill tests start from, in the demo tenant: articles (goods at a known cost, services), a
 * warehouse, a planner with the predefined {@code production} role and a reader who may only read
 * production, both real users made through the user administration.
 */
public final class BomFixtures {

    public static final String ADMIN = ArticleFixtures.ADMIN;

    private final UserDetailsService users;
    private final ArticleFixtures articles;
    private final StockValuation valuation;
    private final BomService boms;
    private final UUID category;
    private final UUID warehouse;

    /** Every production permission (the predefined role). */
    public final String planner;
    /** production.read and the articles' reads only. */
    public final String reader;
    /** The articles' reads and no production permission at all. */
    public final String outsider;

    public BomFixtures(ApplicationContext context) {
        this.users = context.getBean(UserDetailsService.class);
        this.articles = new ArticleFixtures(
                users,
                context.getBean(ArticleService.class),
                context.getBean(CategoryService.class),
                context.getBean(WarehouseService.class),
                context.getBean(UnitService.class));
        this.valuation = context.getBean(StockValuation.class);
        this.boms = context.getBean(BomService.class);
        UserService userService = context.getBean(UserService.class);
        RoleService roles = context.getBean(RoleService.class);
        this.category = articles.category(null, "Producción");
        this.warehouse = articles.warehouse(false);
        String tag = Long.toString(System.nanoTime(), 36).toLowerCase(Locale.ROOT);
        String readerRole = "prr-" + tag;
        this.planner = "pln-" + tag + "@demo.nexo";
        this.reader = readerRole + "@demo.nexo";
        String outsiderRole = "pro-" + tag;
        this.outsider = outsiderRole + "@demo.nexo";
        as(ADMIN, () -> {
            roles.createRole(new RoleDraft(
                    readerRole,
                    "Producción lectura " + tag,
                    null,
                    Set.of(ProductionPermissions.READ, "articles.read", "stock.read")));
            userService.createUser(new NewUser(
                    planner,
                    "Planificador " + tag,
                    ActorType.EMPLOYEE,
                    null,
                    Set.of("production"),
                    "Prueba-2026!",
                    null));
            roles.createRole(
                    new RoleDraft(outsiderRole, "Sin producción " + tag, null, Set.of("articles.read", "stock.read")));
            userService.createUser(new NewUser(
                    outsider, "Ajeno " + tag, ActorType.EMPLOYEE, null, Set.of(outsiderRole), "Prueba-2026!", null));
            userService.createUser(new NewUser(
                    reader, "Lector " + tag, ActorType.EMPLOYEE, null, Set.of(readerRole), "Prueba-2026!", null));
            return null;
        });
    }

    public <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(users, email, work);
    }

    public <T> T asPlanner(Supplier<T> work) {
        return as(planner, work);
    }

    public void asPlanner(Runnable work) {
        as(planner, () -> {
            work.run();
            return null;
        });
    }

    /** A stock-tracked goods article whose cost is {@code cost} (received at that cost with no stock before). */
    public UUID goods(String cost) {
        UUID id = articles.article(category, "ud");
        receiveAtCost(id, "1", cost);
        return id;
    }

    /** A goods article left at the fixture's cost (7.25), nothing received. */
    public UUID goods() {
        return articles.article(category, "ud");
    }

    /** A service article (cost 7.25 an hour, never stocked). */
    public UUID service() {
        return articles.article(category, "h", ArticleKind.SERVICE, false);
    }

    public UUID warehouse() {
        return warehouse;
    }

    public void receiveAtCost(UUID article, String quantity, String unitCost) {
        as(
                ADMIN,
                () -> valuation.receiveAtCost(
                        StockEntry.of(article, warehouse, new BigDecimal(quantity), "opening"),
                        new BigDecimal(unitCost)));
    }

    public static BomLineForm material(UUID article, String quantity, String scrap) {
        return new BomLineForm(LineKind.MATERIAL, article, new BigDecimal(quantity), new BigDecimal(scrap), null, null);
    }

    public static BomLineForm service(UUID article, String hours, UUID worker) {
        return new BomLineForm(LineKind.SERVICE, article, new BigDecimal(hours), BigDecimal.ZERO, worker, null);
    }

    /** A new draft of {@code article}'s bill from {@code from}, with these lines. */
    public UUID draft(UUID article, LocalDate from, BomLineForm... lines) {
        return asPlanner(() -> {
            UUID id = boms.createVersion(new BomForm(article, from, null, null, null));
            long version = boms.details(id).orElseThrow().version();
            boms.saveLines(id, version, List.of(lines));
            return id;
        });
    }

    /** A new active bill of {@code article} from the start of 2020, with these lines. */
    public UUID active(UUID article, BomLineForm... lines) {
        UUID id = draft(article, LocalDate.of(2020, 1, 1), lines);
        asPlanner(() -> boms.activate(id, boms.details(id).orElseThrow().version()));
        return id;
    }
}
