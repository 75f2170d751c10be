package com.nexo.purchasing.replenish;

import com.nexo.accounts.AccountFixtures;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountService;
import com.nexo.articles.ArticleFixtures;
import com.nexo.articles.catalogue.ArticleForm;
import com.nexo.articles.catalogue.ArticleKind;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.replenishment.ReplenishmentService;
import com.nexo.articles.stock.BalanceRow;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.testing.LoggedIn;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Suppliers, articles with levels and purchase orders for the replenish tests, in the demo tenant as
 * its administrator. Orders are written here with plain SQL through the application's role (the
 * order services are other helpers' work): row-level security applies as to the application.
 */
public final class ReplenishFixture {

    public static final String ADMIN = ArticleFixtures.ADMIN;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final UserDetailsService users;
    private final AccountService accounts;
    private final ArticleService articleService;
    private final ReplenishmentService replenishment;
    private final StockService stock;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ArticleFixtures articles;
    private final UUID unit;

    public ReplenishFixture(ApplicationContext context) {
        this.users = context.getBean(UserDetailsService.class);
        this.accounts = context.getBean(AccountService.class);
        this.articleService = context.getBean(ArticleService.class);
        this.replenishment = context.getBean(ReplenishmentService.class);
        this.stock = context.getBean(StockService.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        this.articles = new ArticleFixtures(
                users,
                articleService,
                context.getBean(CategoryService.class),
                context.getBean(WarehouseService.class),
                context.getBean(UnitService.class));
        this.unit = articles.unit("ud");
    }

    public String tag() {
        return articles.tag;
    }

    public <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(users, email, work);
    }

    public <T> T asAdmin(Supplier<T> work) {
        return as(ADMIN, work);
    }

    /** In one transaction of the demo administrator. */
    public <T> T inTransaction(Supplier<T> work) {
        return asAdmin(() -> transactions.execute(status -> work.get()));
    }

    public UUID warehouse() {
        return articles.warehouse(false);
    }

    public UUID supplier(String name) {
        AccountForm form = AccountFixtures.company(name + " " + tag());
        form.setRoles(EnumSet.of(AccountRole.SUPPLIER));
        return asAdmin(() -> accounts.create(form));
    }

    /** A stock-tracked article bought from {@code supplier} (null: none) at {@code cost}, VAT {@code vat} %. */
    public UUID article(UUID supplier, String cost, String vat) {
        String code = "RP" + SEQUENCE.incrementAndGet() + "-" + tag();
        ArticleForm form = new ArticleForm(
                code,
                ArticleKind.GOODS,
                "Artículo " + code,
                "Article " + code,
                null,
                null,
                null,
                unit,
                null,
                new BigDecimal("20"),
                new BigDecimal(cost),
                new BigDecimal(vat),
                supplier,
                true);
        return asAdmin(() -> articleService.createArticle(form));
    }

    public void levels(UUID article, UUID warehouse, String min, String max) {
        asAdmin(() -> {
            replenishment.setLevels(article, warehouse, new BigDecimal(min), new BigDecimal(max));
            return null;
        });
    }

    public void receive(UUID article, UUID warehouse, String quantity) {
        asAdmin(() -> stock.receive(StockEntry.of(article, warehouse, new BigDecimal(quantity), "test")));
    }

    /** An order of {@code supplier} for {@code warehouse} in {@code status}, one line per (article, quantity). */
    public UUID order(UUID supplier, UUID warehouse, String status, Object... articleAndQuantity) {
        return inTransaction(() -> insertOrder(supplier, warehouse, status, articleAndQuantity));
    }

    /** The same, in the caller's transaction (already bound to a user). */
    public UUID insertOrder(UUID supplier, UUID warehouse, String status, Object... articleAndQuantity) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO purchase_document (id, kind, status, supplier_id, supplier_name, document_date,
                                                       warehouse_id, cancel_reason)
                        VALUES (:id, 'ORDER', :status, :supplier, 'Proveedor de prueba', DATE '2026-12-03', :w,
                                CASE WHEN :status = 'CANCELLED' THEN 'prueba' END)
                        """)
                .param("id", id)
                .param("status", status)
                .param("supplier", supplier)
                .param("w", warehouse)
                .update();
        for (int i = 0; i < articleAndQuantity.length; i += 2) {
            jdbc.sql("""
                            INSERT INTO purchase_document_line (id, document_id, position, article_id, description,
                                                                quantity, tax_code, vat_percent, stock_tracked)
                            VALUES (gen_random_uuid(), :d, :p, :a, 'Línea de prueba', :q, 'IVA21', 21, true)
                            """)
                    .param("d", id)
                    .param("p", i / 2 + 1)
                    .param("a", articleAndQuantity[i])
                    .param("q", new BigDecimal(articleAndQuantity[i + 1].toString()))
                    .update();
        }
        return id;
    }

    /** Receiving, as the receipt service will record it on the order's line of that article. */
    public void received(UUID order, UUID article, String quantity) {
        inTransaction(() -> jdbc.sql("""
                        UPDATE purchase_document_line SET received_quantity = :q
                         WHERE document_id = :d AND article_id = :a
                        """)
                .param("q", new BigDecimal(quantity))
                .param("d", order)
                .param("a", article)
                .update());
    }

    public void status(UUID order, String status) {
        inTransaction(() -> jdbc.sql("""
                        UPDATE purchase_document
                           SET status = :s, cancel_reason = CASE WHEN :s = 'CANCELLED' THEN 'prueba' END
                         WHERE id = :d
                        """).param("s", status).param("d", order).update());
    }

    /** The orders (header and lines) of {@code supplier}, as rows. */
    public List<Map<String, Object>> orderLines(UUID supplier) {
        return inTransaction(() -> jdbc.sql("""
                        SELECT d.id AS order_id, d.kind, d.status, d.supplier_name, d.warehouse_id, d.number,
                               d.base_amount, d.vat_amount, d.total_amount, l.position, l.article_id, l.article_code,
                               l.description, l.quantity, l.unit_code, l.unit_price, l.tax_code, l.vat_percent,
                               l.net_amount, l.stock_tracked
                          FROM purchase_document d JOIN purchase_document_line l ON l.document_id = d.id
                         WHERE d.supplier_id = :s ORDER BY d.id, l.position
                        """).param("s", supplier).query().listOfRows());
    }

    /** Incoming of {@code article} in {@code warehouse} as the stock screens show it (null: no balance row). */
    public BigDecimal incoming(UUID article, UUID warehouse) {
        return asAdmin(() -> stock.balancesOfArticle(article).stream()
                .filter(row -> row.warehouseId().equals(warehouse))
                .map(BalanceRow::incoming)
                .findFirst()
                .orElse(null));
    }
}
