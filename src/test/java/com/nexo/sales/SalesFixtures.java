package com.nexo.sales;

import com.nexo.accounts.AccountFixtures;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountService;
import com.nexo.articles.ArticleFixtures;
import com.nexo.articles.catalogue.ArticleKind;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.sales.documents.DocumentForm;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.LineForm;
import com.nexo.sales.documents.SalesDocumentService;
import com.nexo.testing.LoggedIn;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What sales tests start from, in the demo tenant: a client, a warehouse, goods with stock and a
 * service, and documents made through the services as the demo salesperson ({@code
 * ventas@demo.nexo}, predefined role {@code sales}).
 */
public final class SalesFixtures {

    public static final String SALES = AccountFixtures.SALES;
    public static final String ADMIN = ArticleFixtures.ADMIN;

    private final UserDetailsService users;
    private final AccountService accounts;
    private final ArticleService articleService;
    private final CategoryService categories;
    private final WarehouseService warehouses;
    private final UnitService units;
    private final StockService stock;
    private final SalesDocumentService documents;
    private final UUID category;

    public SalesFixtures(ApplicationContext context) {
        this.users = context.getBean(UserDetailsService.class);
        this.accounts = context.getBean(AccountService.class);
        this.articleService = context.getBean(ArticleService.class);
        this.categories = context.getBean(CategoryService.class);
        this.warehouses = context.getBean(WarehouseService.class);
        this.units = context.getBean(UnitService.class);
        this.stock = context.getBean(StockService.class);
        this.documents = context.getBean(SalesDocumentService.class);
        this.category = articles().category(null, "Ventas");
    }

    public ArticleFixtures articles() {
        return new ArticleFixtures(users, articleService, categories, warehouses, units);
    }

    public <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(users, email, work);
    }

    public <T> T asSales(Supplier<T> work) {
        return as(SALES, work);
    }

    /** A new client of the demo tenant. */
    public UUID client(String name) {
        AccountForm form = AccountFixtures.company(name);
        return as(ADMIN, () -> accounts.create(form));
    }

    /** A new stock-tracked article with {@code onHand} units received in {@code warehouse}. */
    public UUID goods(UUID warehouse, String onHand) {
        ArticleFixtures fixtures = articles();
        UUID article = fixtures.article(category, "ud");
        if (new BigDecimal(onHand).signum() > 0) {
            as(ADMIN, () -> stock.receive(StockEntry.of(article, warehouse, new BigDecimal(onHand), null)));
        }
        return article;
    }

    /** A new service (not stock-tracked). */
    public UUID service() {
        return articles().article(category, "ud", ArticleKind.SERVICE, false);
    }

    public UUID warehouse() {
        return articles().warehouse(false);
    }

    /** A saved draft of {@code kind} for {@code client} with one line per (article, quantity) pair. */
    public UUID draft(DocumentKind kind, UUID client, UUID warehouse, Object... articleAndQuantity) {
        return asSales(() -> {
            DocumentForm form = documents.newForm(kind, client);
            form.setWarehouseId(warehouse);
            form.setLines(lines(articleAndQuantity));
            return documents.save(form);
        });
    }

    /**
     * {@code count} draft invoices of the current tenant for a new client, made in two statements
     * inside the caller's transaction (for tests that need real invoices to name, many of them fast,
     * in any tenant: the invoice records' foreign key wants the documents to exist).
     */
    public static List<UUID> draftInvoices(org.springframework.jdbc.core.simple.JdbcClient jdbc, int count) {
        return jdbc.sql("""
                        WITH client AS (
                            INSERT INTO account (id, code, kind, roles, legal_name)
                            VALUES (gen_random_uuid(), 'T-' || substr(md5(random()::text), 1, 12), 'ORGANIZATION',
                                    ARRAY['CLIENT'], 'Cliente de Prueba, S.A.')
                            RETURNING id)
                        INSERT INTO sales_document (id, kind, status, account_id, client_name, document_date)
                        SELECT gen_random_uuid(), 'INVOICE', 'DRAFT', client.id, 'Cliente de Prueba, S.A.', DATE '2026-12-02'
                          FROM client, generate_series(1, :count)
                        RETURNING id
                        """).param("count", count).query(UUID.class).list();
    }

    public List<LineForm> lines(Object... articleAndQuantity) {
        List<LineForm> lines = new java.util.ArrayList<>();
        for (int i = 0; i < articleAndQuantity.length; i += 2) {
            lines.add(documents.lineFor(
                    (UUID) articleAndQuantity[i],
                    new BigDecimal(articleAndQuantity[i + 1].toString()),
                    Locale.of("es")));
        }
        return lines;
    }
}
