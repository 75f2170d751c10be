package com.nexo.purchasing.volume;

import com.nexo.base.volume.VolumeBatches;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates a large number of purchase orders for load tests and benchmarks (test sources only:
 * {@code PurchaseOrderVolumeBenchmark} runs it), set-based in SQL ({@code INSERT ... SELECT} over
 * {@code generate_series}) under the tenant bound to the transaction (system work, the staff role,
 * row-level security and the history triggers on, as {@code sales.volume.InvoiceVolumeGenerator}
 * does): orders of one year dated evenly over it, spread over the tenant's suppliers, each with
 * {@code linesPerOrder} lines of the tenant's articles (quantities 1 to 12, 21 % VAT) and amounts
 * that are the sum of its lines.
 *
 * <p>States as a year of buying leaves them: of every 20 orders, one draft and one waiting for
 * approval (both unnumbered), one cancelled, three sent, three partly received (the first lines
 * received) and eleven received; numbered orders take "PO<year>-000001"... of a year with no purchase
 * orders, whose counter the generator leaves alone (see the sales generator for why). Suppliers'
 * references ("OF-<n>", their quotation) are on every third order.
 *
 * <p>Whoever runs a large volume refreshes the planner's statistics first and between batches
 * (ANALYZE needs the owner: the benchmark does it), for the reason the sales generator gives.
 */
@Service
public class PurchaseOrderVolumeGenerator {

    /** {@code orders} of {@code linesPerOrder} lines in {@code year}, {@code batch} orders per transaction. */
    public record VolumeSpec(int orders, int linesPerOrder, int year, int batch) {

        public VolumeSpec {
            if (orders < 1 || linesPerOrder < 1 || batch < 1) {
                throw new IllegalArgumentException("sizes must be positive");
            }
        }

        /** {@code orders} of five lines in the year before last, 5,000 per transaction. */
        public static VolumeSpec of(int orders) {
            return new VolumeSpec(orders, 5, LocalDate.now().getYear() - 2, 5_000);
        }
    }

    /** What was generated: the counts and the run's id (the generated ids derive from it). */
    public record Volume(long orders, long lines, String run) {}

    private static final String YEAR_USED = """
            SELECT EXISTS (SELECT 1 FROM number_series WHERE series = 'PO' AND year = :year)
                OR EXISTS (SELECT 1 FROM purchase_document WHERE kind = 'ORDER' AND number_year = :year)
            """;

    /** The tenant's suppliers (up to 500), numbered from 0. */
    private static final String SUPPLIER_ROWS = """
            SELECT id, legal_name, tax_id, (row_number() OVER (ORDER BY code, id) - 1)::integer AS rn
              FROM account WHERE 'SUPPLIER' = ANY (roles) ORDER BY code, id LIMIT 500
            """;

    private static final String ARTICLE_ROWS = """
            SELECT a.id, a.code, a.name_es, u.code AS unit_code,
                   greatest(a.cost, round(a.sale_price * 0.6, 4), 1) AS price, a.stock_tracked,
                   (row_number() OVER (ORDER BY a.code, a.id) - 1)::integer AS rn
              FROM article a JOIN unit_of_measure u ON u.id = a.unit_id
             WHERE a.status = 'active'
             ORDER BY a.code, a.id LIMIT 500
            """;

    /** Order g of the run: its id (the same in every statement of the batch). */
    private static final String ID = "md5(:run || '-' || g)::uuid";

    /** The state of order g: of every 20, 1 draft, 1 to approve, 1 cancelled, 3 sent, 3 partly received, 11 received. */
    private static final String STATUS = """
            CASE g % 20 WHEN 0 THEN 'DRAFT' WHEN 1 THEN 'TO_APPROVE' WHEN 2 THEN 'CANCELLED'
                        WHEN 3 THEN 'SENT' WHEN 4 THEN 'SENT' WHEN 5 THEN 'SENT'
                        WHEN 6 THEN 'PARTIALLY_RECEIVED' WHEN 7 THEN 'PARTIALLY_RECEIVED' WHEN 8 THEN 'PARTIALLY_RECEIVED'
                        ELSE 'RECEIVED' END""";

    /** The lines of orders g = :from .. :to (k = 1 .. :lines): an article, a quantity from 1 to 12. */
    private static final String LINE_VALUES = """
              FROM generate_series(:from, :to) g
             CROSS JOIN generate_series(1, :lines) k
              JOIN a ON a.rn = (g * 13 + k * 7) % :articles
             CROSS JOIN LATERAL (SELECT (1 + (g * 7 + k * 3) % 12)::numeric AS quantity) q
            """;

    private static final String NET = "round(q.quantity * a.price, 2)";

    private static final String HEADERS = "WITH a AS (" + ARTICLE_ROWS + "), s AS (" + SUPPLIER_ROWS + "),"
            + """
            t AS (SELECT g, sum(%s) AS base %s GROUP BY g)
            INSERT INTO purchase_document (id, kind, status, series, number_year, number, supplier_id, supplier_name,
                                           supplier_tax_id, document_date, expected_date, supplier_reference,
                                           base_amount, vat_amount, total_amount, cancel_reason, cancelled_at,
                                           numbered_at, created_at, updated_at)
            SELECT %s, 'ORDER', 'DRAFT', NULL, NULL, NULL,
                   s.id, s.legal_name, s.tax_id, d.day, d.day + 7 + g %% 14,
                   CASE WHEN g %% 3 = 0 THEN 'OF-' || g END,
                   t.base, round(t.base * 0.21, 2), t.base + round(t.base * 0.21, 2),
                   CASE WHEN st.status = 'CANCELLED' THEN 'Generated' END,
                   CASE WHEN st.status = 'CANCELLED' THEN d.day + time '12:00' END,
                   CASE WHEN st.numbered THEN d.day + time '09:05' END, d.day + time '09:00', d.day + time '09:00'
              FROM t
              JOIN s ON s.rn = g %% :suppliers
             CROSS JOIN LATERAL (SELECT make_date(:year, 1, 1) + ((g - 1)::bigint * :days / :total)::integer AS day) d
             CROSS JOIN LATERAL (SELECT %s AS status) st0
             CROSS JOIN LATERAL (SELECT st0.status, st0.status NOT IN ('DRAFT', 'TO_APPROVE') AS numbered) st
            """.formatted(NET, LINE_VALUES, ID, STATUS);

    /**
     * Orders are written as drafts, because the lines of an order past its draft are frozen
     * (R__purchasing_documents.sql); once their lines are in, each takes its state and number.
     */
    private static final String STATES = """
            UPDATE purchase_document p
               SET status = st.status,
                   series = CASE WHEN st.numbered THEN 'PO' END,
                   number_year = CASE WHEN st.numbered THEN :year END,
                   number = CASE WHEN st.numbered
                                 THEN 'PO' || :year || '-' || lpad(g::text, greatest(6, length(g::text)), '0') END
              FROM generate_series(:from, :to) g
             CROSS JOIN LATERAL (SELECT %s AS status) st0
             CROSS JOIN LATERAL (SELECT st0.status, st0.status NOT IN ('DRAFT', 'TO_APPROVE') AS numbered) st
             WHERE p.id = %s AND st.status <> 'DRAFT'
            """.formatted(STATUS, ID);

    /** The lines; a received order's lines are received whole, a partly received order's first two. */
    private static final String LINES = "WITH a AS (" + ARTICLE_ROWS + ")" + """
            INSERT INTO purchase_document_line (id, tenant_id, document_id, position, article_id, article_code,
                                                description, quantity, unit_code, unit_price, tax_code, vat_percent,
                                                net_amount, stock_tracked, received_quantity)
            SELECT gen_random_uuid(), nexo_tenant_id(), %s, k, a.id, a.code, a.name_es, q.quantity, a.unit_code, a.price,
                   'IVA21', 21, %s, a.stock_tracked,
                   CASE WHEN g %% 20 >= 9 THEN q.quantity WHEN g %% 20 BETWEEN 6 AND 8 AND k <= 2 THEN q.quantity
                        ELSE 0 END
            %s
            """.formatted(ID, NET, LINE_VALUES);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    PurchaseOrderVolumeGenerator(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @PreAuthorize("hasRole('SYSTEM')")
    public Volume generate(VolumeSpec spec) {
        return generate(spec, generated -> {});
    }

    /**
     * Generates the volume in transactions of {@code batch} orders, all bound to the caller's tenant
     * (which needs suppliers and articles), calling {@code afterBatch} with the number of orders
     * generated so far after each. Inside a caller's transaction every batch joins it (a test rolls
     * it all back); otherwise an interrupted run leaves what it committed.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public Volume generate(VolumeSpec spec, IntConsumer afterBatch) {
        String run = UUID.randomUUID().toString();
        int days = LocalDate.of(spec.year(), 12, 31).getDayOfYear();
        long[] counts = VolumeBatches.prepare(
                transactions,
                jdbc,
                YEAR_USED,
                spec.year(),
                "purchase orders were numbered",
                "the tenant needs suppliers and articles",
                SUPPLIER_ROWS,
                ARTICLE_ROWS);
        long lines = VolumeBatches.run(
                transactions,
                spec.orders(),
                spec.batch(),
                "orders",
                (from, to, steps) -> {
                    jdbc.sql(HEADERS)
                            .param("run", run)
                            .param("from", from)
                            .param("to", to)
                            .param("suppliers", counts[0])
                            .param("lines", spec.linesPerOrder())
                            .param("articles", counts[1])
                            .param("year", spec.year())
                            .param("days", days)
                            .param("total", spec.orders())
                            .update();
                    steps.done("headers");
                    int written = jdbc.sql(LINES)
                            .param("run", run)
                            .param("from", from)
                            .param("to", to)
                            .param("lines", spec.linesPerOrder())
                            .param("articles", counts[1])
                            .update();
                    jdbc.sql(STATES)
                            .param("run", run)
                            .param("from", from)
                            .param("to", to)
                            .param("year", spec.year())
                            .update();
                    steps.done("lines");
                    return written;
                },
                afterBatch);
        return new Volume(spec.orders(), lines, run);
    }
}
