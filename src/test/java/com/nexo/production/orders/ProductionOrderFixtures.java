package com.nexo.production.orders;

import com.nexo.articles.ArticleFixtures;
import com.nexo.articles.catalogue.ArticleKind;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.base.Ids;
import com.nexo.production.ProductionPermissions;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.security.roles.RoleService;
import com.nexo.security.roles.RoleService.RoleDraft;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.LoggedIn;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What production order tests start from, in the demo tenant: a planner with the predefined
 * production role, a viewer who may only read production, articles with stock in a new warehouse,
 * and bills written straight to the tables (the bills' service is another part's work).
 */
public final class ProductionOrderFixtures {

    public static final String ADMIN = ArticleFixtures.ADMIN;
    public static final UUID DEMO = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");

    private final UserDetailsService users;
    private final ArticleFixtures articles;
    private final StockService stock;
    private final JdbcClient jdbc;
    private final PlatformTransactionManager transactions;
    private final UUID category;

    /** Has the predefined production role (every production permission, stock reserve and move). */
    public final String planner;
    /** May read production and stock, nothing else. */
    public final String viewer;

    public ProductionOrderFixtures(ApplicationContext context) {
        this.users = context.getBean(UserDetailsService.class);
        this.articles = new ArticleFixtures(
                users,
                context.getBean(ArticleService.class),
                context.getBean(CategoryService.class),
                context.getBean(WarehouseService.class),
                context.getBean(UnitService.class));
        this.stock = context.getBean(StockService.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.transactions = context.getBean(PlatformTransactionManager.class);
        this.category = articles.category(null, "Producción");
        String tag = Long.toString(System.nanoTime(), 36).toLowerCase(Locale.ROOT);
        this.planner = "pln-" + tag + "@demo.nexo";
        String viewerRole = "pview-" + tag;
        this.viewer = viewerRole + "@demo.nexo";
        UserService userService = context.getBean(UserService.class);
        RoleService roles = context.getBean(RoleService.class);
        as(ADMIN, () -> {
            roles.createRole(new RoleDraft(
                    viewerRole,
                    "Producción lectura " + tag,
                    null,
                    Set.of(ProductionPermissions.READ, "articles.read", "stock.read")));
            userService.createUser(new NewUser(
                    planner,
                    "Planificadora " + tag,
                    ActorType.EMPLOYEE,
                    null,
                    Set.of("production"),
                    "Prueba-2026!",
                    null));
            userService.createUser(new NewUser(
                    viewer, "Consulta " + tag, ActorType.EMPLOYEE, null, Set.of(viewerRole), "Prueba-2026!", null));
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

    /** A stock-tracked article (cost 7.25). */
    public UUID goods() {
        return articles.article(category, "ud");
    }

    /** A service article (not stock-tracked, cost 7.25 an hour). */
    public UUID service() {
        return articles.article(category, "ud", ArticleKind.SERVICE, false);
    }

    public UUID warehouse() {
        return articles.warehouse(false);
    }

    /** Receives {@code quantity} of an article into a warehouse. */
    public void stock(UUID articleId, UUID warehouseId, String quantity) {
        as(ADMIN, () -> stock.receive(StockEntry.of(articleId, warehouseId, new BigDecimal(quantity), "test")));
    }

    /** A line of a bill: a material in units, or a service in hours, per unit made. */
    public record Line(UUID articleId, String quantity, String scrapPercent, boolean service) {
        public static Line material(UUID articleId, String quantity) {
            return new Line(articleId, quantity, "0", false);
        }

        public static Line material(UUID articleId, String quantity, String scrapPercent) {
            return new Line(articleId, quantity, scrapPercent, false);
        }

        public static Line service(UUID articleId, String hours) {
            return new Line(articleId, hours, "0", true);
        }
    }

    /** An ACTIVE bill of {@code articleId} in force since yesterday, with these lines. */
    public UUID bom(UUID articleId, Line... lines) {
        return asSystem(() -> {
            UUID bomId = Ids.newId();
            jdbc.sql("""
                            INSERT INTO production_bom (id, article_id, revision, status, valid_from)
                            VALUES (:id, :article, 1, 'ACTIVE', :from)
                            """)
                    .param("id", bomId)
                    .param("article", articleId)
                    .param("from", LocalDate.now().minusDays(1))
                    .update();
            int position = 1;
            for (Line line : lines) {
                jdbc.sql("""
                                INSERT INTO production_bom_line (id, bom_id, position, line_kind, article_id, quantity,
                                                                 scrap_percent)
                                VALUES (:id, :bom, :position, :kind, :article, :quantity, :scrap)
                                """)
                        .param("id", Ids.newId())
                        .param("bom", bomId)
                        .param("position", position++)
                        .param("kind", line.service() ? "SERVICE" : "MATERIAL")
                        .param("article", line.articleId())
                        .param("quantity", new BigDecimal(line.quantity()))
                        .param("scrap", new BigDecimal(line.scrapPercent()))
                        .update();
            }
            return bomId;
        });
    }

    /** On hand and reserved of an article in a warehouse, read straight from the balance. */
    public BigDecimal[] balance(UUID articleId, UUID warehouseId) {
        return asSystem(() -> jdbc.sql(
                        "SELECT on_hand, reserved FROM stock_balance WHERE article_id = :a AND warehouse_id = :w")
                .param("a", articleId)
                .param("w", warehouseId)
                .query((rs, n) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)})
                .optional()
                .orElse(new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO}));
    }

    /** Runs {@code work} in one transaction of the demo tenant as the system. */
    public <T> T asSystem(Supplier<T> work) {
        return TenantContext.callAsSystem(
                DEMO, null, () -> new TransactionTemplate(transactions).execute(status -> work.get()));
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}
