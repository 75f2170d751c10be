package com.nexo.purchasing;

import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountService;
import com.nexo.articles.ArticleFixtures;
import com.nexo.articles.catalogue.ArticleKind;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.base.numbering.DocumentNumber;
import com.nexo.base.numbering.DocumentNumbers;
import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.security.NexoUser;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.LoggedIn;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What receiving and billing tests start from, in the demo tenant: suppliers, warehouses and
 * articles made through their modules' services, and purchase orders already approved and sent
 * (numbered, status SENT) written straight into {@code purchase_document(_line)} as the
 * application's role under the demo tenant's context, so these tests do not wait for the order
 * services.
 */
public final class PurchaseOrderFixture {

    public static final UUID DEMO = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");
    public static final String ADMIN = ArticleFixtures.ADMIN;
    public static final String NORTHWIND_ADMIN = "admin@northwind.nexo";

    private static final String INSERT_ORDER = """
            INSERT INTO purchase_document (id, kind, status, series, number_year, number, supplier_id, supplier_name,
                   document_date, numbered_at, sent_at, warehouse_id)
            SELECT :id, 'ORDER', 'DRAFT', NULL, NULL, NULL, a.id, a.legal_name, :date, NULL, NULL, :warehouse
              FROM account a
             WHERE a.id = :supplier
            """;

    /** Lines are written while the order is a draft (past draft they are frozen); then it is sent. */
    private static final String MARK_SENT = """
            UPDATE purchase_document
               SET status = 'SENT', series = :series, number_year = :year, number = :number,
                   numbered_at = now(), sent_at = now()
             WHERE id = :id
            """;

    private static final String INSERT_LINE = """
            INSERT INTO purchase_document_line (id, document_id, position, article_id, article_code, description,
                   quantity, unit_code, unit_price, discount_percent, tax_code, vat_percent, net_amount, stock_tracked)
            SELECT :id, :order, :position, a.id, a.code, a.name_es, :quantity, u.code, :price, :discount, 'IVA21', 21,
                   round(:quantity * :price * (1 - :discount / 100), 2), a.stock_tracked
              FROM article a
              JOIN unit_of_measure u ON u.id = a.unit_id
             WHERE a.id = :article
            """;

    /** One line of an order: an article, how many and at what price (and discount, percent). */
    public record Line(UUID articleId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent) {}

    /** A sent order: its id, number and line ids in the order of the lines. */
    public record Order(UUID id, String number, List<UUID> lineIds) {

        public UUID line(int position) {
            return lineIds.get(position - 1);
        }
    }

    private final UserDetailsService users;
    private final AccountService accounts;
    private final JdbcClient jdbc;
    private final DocumentNumbers numbers;
    private final PlatformTransactionManager transactions;
    private final ArticleFixtures articles;
    private final UUID category;

    public PurchaseOrderFixture(ApplicationContext context) {
        this.users = context.getBean(UserDetailsService.class);
        this.accounts = context.getBean(AccountService.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.numbers = context.getBean(DocumentNumbers.class);
        this.transactions = context.getBean(PlatformTransactionManager.class);
        this.articles = new ArticleFixtures(
                users,
                context.getBean(ArticleService.class),
                context.getBean(CategoryService.class),
                context.getBean(WarehouseService.class),
                context.getBean(UnitService.class));
        this.category = articles.category(null, "Compras");
    }

    public static Line line(UUID article, String quantity, String unitPrice) {
        return line(article, quantity, unitPrice, "0");
    }

    public static Line line(UUID article, String quantity, String unitPrice, String discountPercent) {
        return new Line(article, new BigDecimal(quantity), new BigDecimal(unitPrice), new BigDecimal(discountPercent));
    }

    public ArticleFixtures articles() {
        return articles;
    }

    /** A new supplier account of the demo tenant. */
    public UUID supplier(String name) {
        AccountForm form = new AccountForm();
        form.setLegalName(name);
        form.setRoles(EnumSet.of(AccountRole.SUPPLIER));
        return as(ADMIN, () -> accounts.create(form));
    }

    public UUID warehouse() {
        return articles.warehouse(false);
    }

    /** A new stock-tracked article (cost 7.25 as the article fixtures make it), no stock. */
    public UUID goods() {
        return articles.article(category, "ud");
    }

    /** A new service: not stock-tracked. */
    public UUID service() {
        return articles.article(category, "ud", ArticleKind.SERVICE, false);
    }

    /** An approved order sent to {@code supplier}, numbered in the PO series, with these lines. */
    public Order sent(UUID supplier, Line... lines) {
        return sent(supplier, null, lines);
    }

    /** The same, bound for {@code warehouse} (null: none yet), so that its lines count as on order there. */
    public Order sent(UUID supplier, UUID warehouse, Line... lines) {
        return asSystem(() -> {
            UUID id = UUID.randomUUID();
            LocalDate today = LocalDate.now();
            DocumentNumber number = numbers.next(PurchaseKind.ORDER.defaultSeries(), today.getYear());
            jdbc.sql(INSERT_ORDER)
                    .param("id", id)
                    .param("supplier", supplier)
                    .param("date", today)
                    .param("warehouse", warehouse)
                    .update();
            List<UUID> lineIds = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                UUID lineId = UUID.randomUUID();
                jdbc.sql(INSERT_LINE)
                        .param("id", lineId)
                        .param("order", id)
                        .param("position", i + 1)
                        .param("article", lines[i].articleId())
                        .param("quantity", lines[i].quantity())
                        .param("price", lines[i].unitPrice())
                        .param("discount", lines[i].discountPercent())
                        .update();
                lineIds.add(lineId);
            }
            jdbc.sql(MARK_SENT)
                    .param("id", id)
                    .param("series", number.series())
                    .param("year", number.year())
                    .param("number", number.text())
                    .update();
            return new Order(id, number.text(), List.copyOf(lineIds));
        });
    }

    /** Runs {@code work} as the user of this e-mail. */
    public <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(users, email, work);
    }

    /** Runs {@code work} as the demo administrator with only these permissions. */
    public <T> T asAdminWith(Set<String> permissions, Supplier<T> work) {
        NexoUser admin = (NexoUser) users.loadUserByUsername(ADMIN);
        return LoggedIn.asPrincipal(admin.withAccess(permissions, admin.accessVersion()), work);
    }

    /** Runs {@code work} in one transaction of the demo tenant as the system (reads and writes by SQL). */
    public <T> T asSystem(Supplier<T> work) {
        return TenantContext.callAsSystem(
                DEMO, null, () -> new TransactionTemplate(transactions).execute(status -> work.get()));
    }
}
