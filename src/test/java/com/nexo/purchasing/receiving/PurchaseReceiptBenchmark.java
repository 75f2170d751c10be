package com.nexo.purchasing.receiving;

import static com.nexo.purchasing.PurchaseOrderFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.articles.stock.CostedEntry;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockValuation;
import com.nexo.base.volume.VolumeBenchmark;
import com.nexo.purchasing.PurchaseOrderFixture;
import com.nexo.purchasing.PurchaseOrderFixture.Order;
import com.nexo.purchasing.replenish.OnOrder;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Purchasing: receipt benchmark" (README; not part of the normal build). Issue 14's target:
 * receiving a 50-line purchase order p95 &lt; 100 ms. One order of {@code nexo.benchmark.lines} (50)
 * lines of distinct stock-tracked articles, bound for a warehouse; {@code nexo.benchmark.receipts} (40)
 * orders of those lines each received once (one unit per line), after five to warm up, each timed as
 * one call of {@link ReceiptService#post}; then one order received that many times again (its lines
 * carry one more version with each receipt)
 * as the demo administrator (service time: transaction, checks, numbering, stock movements at cost,
 * receipt document, order lines and state, on-order refresh, last prices, commit). Then the stock
 * on-order refresh alone (one of the parts of a post), and the stock part alone, the same 50 costed entries written by the articles module in one transaction: one by
 * one ({@link StockValuation#receiveAtCost}) and in one batch ({@link StockValuation#receiveAllAtCost}).
 *
 * <pre>./mvnw -B -o test -Dtest=PurchaseReceiptBenchmark -Dnexo.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true</pre>
 */
@NexoSpringTest
@EnabledIfSystemProperty(named = "nexo.benchmark", matches = "true")
class PurchaseReceiptBenchmark {

    private static final String ADMIN = PurchaseOrderFixture.ADMIN;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private ReceiptService receipts;

    @Autowired
    private StockValuation valuation;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private OnOrder onOrder;

    @Autowired
    private Flyway flyway;

    @Test
    void measure() {
        int size = Integer.getInteger("nexo.benchmark.lines", 50);
        int runs = Integer.getInteger("nexo.benchmark.receipts", 40);
        PurchaseOrderFixture fixture = new PurchaseOrderFixture(context);
        UUID supplier = fixture.supplier("Proveedor del benchmark de recepciones " + UUID.randomUUID());
        UUID warehouse = fixture.warehouse();
        List<PurchaseOrderFixture.Line> lines = new ArrayList<>();
        List<UUID> articles = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            UUID article = fixture.goods();
            articles.add(article);
            lines.add(line(article, "100000", "3.10"));
        }
        PurchaseOrderFixture.Line[] orderLines = lines.toArray(PurchaseOrderFixture.Line[]::new);
        // Receiving a 50-line order: every timed post receives its own fresh order (its first receipt),
        // after five to warm up; then one order received again and again, as a long-open order is.
        List<Order> fresh = new ArrayList<>();
        for (int i = 0; i < runs + 5; i++) {
            fresh.add(fixture.sent(supplier, warehouse, orderLines));
        }
        Order order = fixture.sent(supplier, warehouse, orderLines);
        // Planner statistics as autovacuum keeps them in a running database (a test database's new
        // tables have none, and plans made without them are not what production runs).
        VolumeBenchmark.analyze(
                flyway,
                "purchase_document, purchase_document_line, purchase_document_link, purchase_supplier_article,"
                        + " article, stock_balance, stock_movement, article_cost_change, number_series");
        for (int i = 0; i < 5; i++) {
            Order warmUp = fresh.get(i);
            fixture.as(ADMIN, () -> receipts.post(warmUp.id(), request(warehouse, warmUp)));
        }
        // The user is looked up once, outside the timings (the login look-up is not part of a post).
        long[] service = new long[runs];
        fixture.as(ADMIN, () -> {
            for (int i = 0; i < runs; i++) {
                Order next = fresh.get(i + 5);
                ReceiptRequest request = request(warehouse, next);
                long start = System.nanoTime();
                receipts.post(next.id(), request);
                service[i] = System.nanoTime() - start;
            }
            return null;
        });
        ReceiptRequest request = request(warehouse, order);
        for (int i = 0; i < 5; i++) {
            fixture.as(ADMIN, () -> receipts.post(order.id(), request));
        }
        long[] again = new long[runs];
        fixture.as(ADMIN, () -> {
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                receipts.post(order.id(), request);
                again[i] = System.nanoTime() - start;
            }
            return null;
        });
        long[] refresh = new long[runs];
        fixture.as(ADMIN, () -> {
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                onOrder.refresh(List.of(order.id()));
                refresh[i] = System.nanoTime() - start;
            }
            return null;
        });
        BigDecimal received = fixture.as(ADMIN, () -> receipts.openLines(order.id()))
                .getFirst()
                .received();
        assertThat(received).isEqualByComparingTo(BigDecimal.valueOf(runs + 5L));

        List<StockEntry> entries = articles.stream()
                .map(article -> StockEntry.of(article, warehouse, BigDecimal.ONE, null))
                .toList();
        TransactionTemplate inTransaction = new TransactionTemplate(transactions);
        long[] oneByOne = new long[runs];
        long[] batch = new long[runs];
        for (int i = 0; i < runs + 5; i++) {
            long start = System.nanoTime();
            fixture.as(
                    ADMIN,
                    () -> inTransaction.execute(status -> {
                        entries.forEach(entry -> valuation.receiveAtCost(entry, new BigDecimal("3.10")));
                        return null;
                    }));
            long middle = System.nanoTime();
            fixture.as(
                    ADMIN,
                    () -> valuation.receiveAllAtCost(entries.stream()
                            .map(entry -> new CostedEntry(entry, new BigDecimal("3.10")))
                            .toList()));
            long end = System.nanoTime();
            if (i >= 5) {
                oneByOne[i - 5] = middle - start;
                batch[i - 5] = end - middle;
            }
        }

        System.out.printf(
                "%nPurchase receipt benchmark: %d lines, %d receipts, %d cores, load %s%n",
                size, runs, Runtime.getRuntime().availableProcessors(), load());
        System.out.println("  receipt post, a fresh order (service): " + figures(service));
        System.out.println(
                "  receipt post, the same order again, its 6th to " + (runs + 5) + "th receipt: " + figures(again));
        System.out.println("  on-order refresh alone: " + figures(refresh));
        System.out.println("  stock part, one by one: " + figures(oneByOne));
        System.out.println("  stock part, batch:      " + figures(batch));
    }

    private static ReceiptRequest request(UUID warehouse, Order order) {
        return new ReceiptRequest(
                warehouse,
                null,
                "ALB-BENCH",
                order.lineIds().stream()
                        .map(id -> new ReceiptRequest.Line(id, BigDecimal.ONE, null))
                        .toList());
    }

    private static String figures(long[] nanos) {
        long[] millis = Arrays.stream(nanos).map(n -> n / 1_000_000).sorted().toArray();
        long p95 = millis[(int) Math.ceil(0.95 * millis.length) - 1];
        return "median %d ms, p95 %d ms, max %d ms"
                .formatted(millis[millis.length / 2], p95, millis[millis.length - 1]);
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
