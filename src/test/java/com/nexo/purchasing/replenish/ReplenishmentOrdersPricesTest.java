package com.nexo.purchasing.replenish;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.accounts.AccountFixtures;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountService;
import com.nexo.articles.replenishment.ReplenishmentOrdering.Summary;
import com.nexo.purchasing.prices.SupplierArticleForm;
import com.nexo.purchasing.prices.SupplierPriceService;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Draft orders from the replenishment list priced by the suppliers' prices for their quantities
 * (breaks, last prices, else the cost), expected after the longest lead time of their lines, and
 * addressed to the supplier's e-mail.
 */
@NexoSpringTest
class ReplenishmentOrdersPricesTest {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private ReplenishmentOrders orders;

    @Autowired
    private SupplierPriceService prices;

    @Autowired
    private AccountService accounts;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Clock clock;

    private ReplenishFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ReplenishFixture(context);
    }

    private UUID supplierWithEmail(String name, String email) {
        AccountForm form = AccountFixtures.company(name + " " + fixture.tag());
        form.setRoles(EnumSet.of(AccountRole.SUPPLIER));
        form.setEmails(email == null ? List.of() : List.of(email));
        return fixture.asAdmin(() -> accounts.create(form));
    }

    /** An entry with a lead time (null: none) and breaks as "minimum", "price" pairs. */
    private void entry(UUID supplier, UUID article, String currency, Integer leadTime, String... breaks) {
        SupplierArticleForm form = SupplierArticleForm.newEntry(supplier, article);
        form.setSupplierCode("S-" + article.toString().substring(0, 6));
        form.setLeadTimeDays(leadTime);
        form.setCurrency(currency);
        List<SupplierArticleForm.Break> list = new ArrayList<>();
        for (int i = 0; i < breaks.length; i += 2) {
            list.add(new SupplierArticleForm.Break(new BigDecimal(breaks[i]), new BigDecimal(breaks[i + 1])));
        }
        form.setBreaks(list);
        fixture.asAdmin(() -> prices.create(form));
    }

    private BigDecimal priceOf(List<Map<String, Object>> lines, UUID article) {
        return (BigDecimal) lines.stream()
                .filter(line -> line.get("article_id").equals(article))
                .findFirst()
                .orElseThrow()
                .get("unit_price");
    }

    private Map<String, Object> header(UUID supplier) {
        return fixture.inTransaction(
                () -> jdbc.sql("""
                        SELECT supplier_email, expected_date, document_date, base_amount
                          FROM purchase_document WHERE supplier_id = :s
                        """).param("s", supplier).query().singleRow());
    }

    @Test
    void lines_take_the_suppliers_price_for_their_quantity_and_the_draft_its_lead_time_and_email() {
        UUID warehouse = fixture.warehouse();
        UUID acme = supplierWithEmail("Acme Tarifas", "pedidos@acme-tarifas.example");
        UUID screws = fixture.article(acme, "0.40", "21"); // order 17: between breaks 10 and 50
        UUID nuts = fixture.article(acme, "0.10", "21"); // order 50: on the break of 50
        UUID washers = fixture.article(acme, "0.05", "21"); // order 4: below the only break, bought before
        UUID glue = fixture.article(acme, "3.25", "21"); // order 4: no entry at all
        UUID tape = fixture.article(acme, "2.00", "21"); // order 4: entry with a lead time, no price
        UUID bolts = fixture.article(acme, "1.00", "21"); // order 4: a price in dollars
        entry(acme, screws, "EUR", 3, "10", "0.35", "50", "0.30");
        entry(acme, nuts, "EUR", 12, "10", "0.09", "50", "0.08");
        entry(acme, washers, "EUR", null, "100", "0.02");
        fixture.asAdmin(() -> {
            prices.recordLastPrice(acme, washers, new BigDecimal("0.04"), LocalDate.of(2026, 11, 20), null);
            return null;
        });
        entry(acme, tape, "EUR", 20);
        entry(acme, bolts, "USD", 2, "1", "0.90");
        fixture.receive(screws, warehouse, "3");
        fixture.levels(screws, warehouse, "5", "20");
        fixture.levels(nuts, warehouse, "10", "50");
        fixture.levels(washers, warehouse, "1", "4");
        fixture.levels(glue, warehouse, "1", "4");
        fixture.levels(tape, warehouse, "1", "4");
        fixture.levels(bolts, warehouse, "1", "4");

        Summary summary = fixture.asAdmin(() -> orders.createPurchaseOrders(warehouse, null));

        assertThat(summary).isEqualTo(new Summary(1, 6, 0));
        List<Map<String, Object>> lines = fixture.orderLines(acme);
        assertThat(priceOf(lines, screws)).isEqualByComparingTo("0.35");
        assertThat(priceOf(lines, nuts)).isEqualByComparingTo("0.08");
        assertThat(priceOf(lines, washers)).as("the last price").isEqualByComparingTo("0.04");
        assertThat(priceOf(lines, glue)).as("the cost").isEqualByComparingTo("3.25");
        assertThat(priceOf(lines, tape)).as("the cost").isEqualByComparingTo("2.00");
        assertThat(priceOf(lines, bolts)).as("not in euros: the cost").isEqualByComparingTo("1.00");
        // 17 × 0.35 + 50 × 0.08 + 4 × 0.04 + 4 × 3.25 + 4 × 2 + 4 × 1 = 5.95 + 4 + 0.16 + 13 + 8 + 4
        Map<String, Object> header = header(acme);
        assertThat((BigDecimal) header.get("base_amount")).isEqualByComparingTo("35.11");
        assertThat(header.get("supplier_email")).isEqualTo("pedidos@acme-tarifas.example");
        LocalDate today = LocalDate.now(clock);
        assertThat(((Date) header.get("document_date")).toLocalDate()).isEqualTo(today);
        assertThat(((Date) header.get("expected_date")).toLocalDate())
                .as("today plus the longest lead time of its lines (the tape's 20 days)")
                .isEqualTo(today.plusDays(20));
    }

    @Test
    void a_draft_whose_supplier_gives_no_lead_time_nor_email_has_neither() {
        UUID warehouse = fixture.warehouse();
        UUID plain = supplierWithEmail("Sin Plazo", null);
        UUID pipe = fixture.article(plain, "4.00", "21");
        entry(plain, pipe, "EUR", null, "1", "3.50");
        fixture.levels(pipe, warehouse, "2", "6");

        fixture.asAdmin(() -> orders.createPurchaseOrders(warehouse, null));

        assertThat(priceOf(fixture.orderLines(plain), pipe)).isEqualByComparingTo("3.50");
        Map<String, Object> header = header(plain);
        assertThat(header.get("supplier_email")).isNull();
        assertThat(header.get("expected_date")).isNull();
    }
}
