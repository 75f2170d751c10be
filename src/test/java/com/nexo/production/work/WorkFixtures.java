package com.nexo.production.work;

import com.nexo.accounts.AccountFixtures;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountService;
import com.nexo.articles.ArticleFixtures;
import com.nexo.articles.catalogue.ArticleKind;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.security.NexoUser;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.LoggedIn;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the work and shop-floor tests start from, in the demo tenant: a shop-floor user with the
 * predefined production role (also an employee who can be a worker), a user without production
 * permissions, articles, a warehouse, professional accounts, work centres and workers made through
 * {@link WorkService}, and orders with their tasks and materials written as plain rows of the
 * production tables (the orders' own service is another part's).
 */
public final class WorkFixtures {

    public static final String ADMIN = ArticleFixtures.ADMIN;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final UserDetailsService users;
    private final AccountService accounts;
    private final ArticleFixtures articles;
    private final WorkService work;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final UUID category;

    /** Tag that keeps this fixture's codes and numbers apart from other tests'. */
    public final String tag = Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);

    /** A shop-floor user: the predefined production role. */
    public final String floor;

    public final UUID floorUserId;
    /** A user of the tenant without any production permission. */
    public final String outsider;

    public WorkFixtures(ApplicationContext context) {
        this.users = context.getBean(UserDetailsService.class);
        this.accounts = context.getBean(AccountService.class);
        this.work = context.getBean(WorkService.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        this.articles = new ArticleFixtures(
                users,
                context.getBean(ArticleService.class),
                context.getBean(CategoryService.class),
                context.getBean(WarehouseService.class),
                context.getBean(UnitService.class));
        this.category = articles.category(null, "Producción " + tag);
        String lower = tag.toLowerCase(Locale.ROOT);
        this.floor = "taller-" + lower + "@demo.nexo";
        this.outsider = "fuera-" + lower + "@demo.nexo";
        UserService userService = context.getBean(UserService.class);
        as(ADMIN, () -> {
            userService.createUser(new NewUser(
                    floor, "Operaria " + tag, ActorType.EMPLOYEE, null, Set.of("production"), "Prueba-2026!", null));
            userService.createUser(new NewUser(
                    outsider, "Ajena " + tag, ActorType.EMPLOYEE, null, Set.of("purchasing"), "Prueba-2026!", null));
            return null;
        });
        this.floorUserId = ((NexoUser) users.loadUserByUsername(floor)).userId();
    }

    public <T> T as(String email, Supplier<T> action) {
        return LoggedIn.asUser(users, email, action);
    }

    public void as(String email, Runnable action) {
        as(email, () -> {
            action.run();
            return null;
        });
    }

    /** A stock-tracked article (what an order makes or consumes). */
    public UUID goods() {
        return articles.article(category, "ud");
    }

    /** A service article (what a task performs). */
    public UUID service() {
        return articles.article(category, "ud", ArticleKind.SERVICE, false);
    }

    public String codeOf(UUID article) {
        return jdbc(() -> jdbc.sql("SELECT code FROM article WHERE id = :id")
                .param("id", article)
                .query(String.class)
                .single());
    }

    public UUID warehouse() {
        return articles.warehouse(false);
    }

    /** A new account with the professional role. */
    public UUID professional(String name) {
        AccountForm form = AccountFixtures.company(name + " " + tag);
        form.setRoles(EnumSet.of(AccountRole.PROFESSIONAL));
        return as(ADMIN, () -> accounts.create(form));
    }

    public UUID centre(String rate) {
        String code = "WC" + SEQUENCE.incrementAndGet() + tag;
        return as(
                ADMIN,
                () -> work.createWorkCentre(new WorkCentreForm(
                        code.substring(0, Math.min(20, code.length())), "Centro " + code, new BigDecimal(rate), true)));
    }

    public UUID employee(UUID userId, String rate, UUID centre) {
        return as(
                ADMIN,
                () -> work.createWorker(
                        new WorkerForm(WorkerKind.EMPLOYEE, userId, null, new BigDecimal(rate), centre, true)));
    }

    public UUID professionalWorker(UUID accountId, String rate) {
        return as(
                ADMIN,
                () -> work.createWorker(
                        new WorkerForm(WorkerKind.PROFESSIONAL, null, accountId, new BigDecimal(rate), null, true)));
    }

    /** An order of {@code article} in {@code status} (numbered unless DRAFT), with its own active bill. */
    public UUID order(String status, UUID article, String quantity, LocalDate due, UUID centre, UUID warehouse) {
        UUID bom = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        int n = SEQUENCE.incrementAndGet();
        String number = "DRAFT".equals(status) ? null : "OF-" + tag + "-" + n;
        sql("""
                INSERT INTO production_bom (id, article_id, revision, status, valid_from)
                VALUES (:bom, :article, :revision, 'ACTIVE', DATE '2026-01-01')
                """, Map.of("bom", bom, "article", article, "revision", n));
        jdbc(() -> jdbc.sql("""
                        INSERT INTO production_order (id, series, number_year, number, status, article_id, bom_id, quantity,
                                                      due_date, warehouse_id, work_centre_id)
                        VALUES (:id, :series, :year, :number, :status, :article, :bom, :quantity, :due, :warehouse, :centre)
                        """)
                .param("id", order)
                .param("series", number == null ? null : "OF")
                .param("year", number == null ? null : 2026)
                .param("number", number)
                .param("status", status)
                .param("article", article)
                .param("bom", bom)
                .param("quantity", new BigDecimal(quantity))
                .param("due", due)
                .param("warehouse", warehouse)
                .param("centre", centre)
                .update());
        return order;
    }

    public UUID task(UUID order, int position, UUID service, String plannedHours) {
        UUID id = UUID.randomUUID();
        sql(
                """
                INSERT INTO production_order_task (id, order_id, position, article_id, planned_hours)
                VALUES (:id, :order, :position, :service, :hours)
                """,
                Map.of(
                        "id",
                        id,
                        "order",
                        order,
                        "position",
                        position,
                        "service",
                        service,
                        "hours",
                        new BigDecimal(plannedHours)));
        return id;
    }

    public UUID material(UUID order, int position, UUID article, String required) {
        UUID id = UUID.randomUUID();
        sql(
                """
                INSERT INTO production_order_material (id, order_id, position, article_id, required_quantity)
                VALUES (:id, :order, :position, :article, :required)
                """,
                Map.of(
                        "id",
                        id,
                        "order",
                        order,
                        "position",
                        position,
                        "article",
                        article,
                        "required",
                        new BigDecimal(required)));
        return id;
    }

    /** Moves the start of a running clock back by {@code minutes}, as if it had been running that long. */
    public void runFor(UUID entry, int minutes) {
        sql(
                "UPDATE production_time_entry SET started_at = started_at - make_interval(mins => :minutes) WHERE id = :id",
                Map.of("id", entry, "minutes", minutes));
    }

    public void status(UUID order, String status) {
        sql("UPDATE production_order SET status = :status WHERE id = :id", Map.of("id", order, "status", status));
    }

    /** One value of a row, read as the admin. */
    public <T> T value(String sql, Map<String, Object> params, Class<T> type) {
        return jdbc(() -> jdbc.sql(sql).params(params).query(type).single());
    }

    private void sql(String sql, Map<String, Object> params) {
        jdbc(() -> jdbc.sql(sql).params(params).update());
    }

    private <T> T jdbc(Supplier<T> statement) {
        return as(ADMIN, () -> transactions.execute(status -> statement.get()));
    }
}
