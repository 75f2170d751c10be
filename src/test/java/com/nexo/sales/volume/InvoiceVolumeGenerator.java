package com.nexo.sales.volume;

import com.nexo.base.Ids;
import com.nexo.base.volume.VolumeBatches;
import com.nexo.sales.verifactu.Fingerprints;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates a large number of issued invoices for load tests and benchmarks (test sources only: it
 * never ships in the production jar; {@code InvoiceVolumeBenchmark} runs it), set-based in SQL
 * ({@code INSERT ... SELECT} over {@code generate_series}) under the tenant bound to the transaction
 * (system work, the staff role, row-level security on): invoices of one year with realistic gapless
 * numbers, dated evenly over the year in number order, for the tenant's clients, with lines of its articles
 * (several quantities, line discounts, VAT at 21 % and now and then a line at 10 %).
 *
 * <p>The numbers are those of a year nothing was issued in ({@code F2025-000001} ... by default):
 * the year's counter is not created nor advanced, because the database lets a counter start at one
 * and move forward by one only, one issue at a time; such a closed year never issues again.
 *
 * <p>Each batch is written the way the application writes an invoice: the draft header with its
 * amounts (by the rule of {@code base.documents.DocumentTotals}: line nets, per rate base and VAT
 * rounded once, total = bases + VAT, worked out from the same line values), its lines, then one
 * update that issues it (number, state, due date), then the invoices' records (VERI*FACTU ALTA)
 * appended to the tenant's chain in number order, fingerprints by {@code sales.verifactu.Fingerprints}
 * over the previous record's, so that {@code ChainVerification} accepts the chain. So the history
 * triggers stay on and record the load like real work (they are statement-level: one capture per
 * statement and table), the frozen-invoice triggers check every line and the chain trigger every
 * record as usual, and the generator needs no owner rights nor {@code session_replication_role}
 * (which would need a superuser and would skip the foreign keys' checks as well). What the
 * history costs is part of the load a real year of invoicing leaves, and measured with it.
 *
 * <p>The row triggers look each line's invoice up by {@code (tenant_id, id)}, in plans a connection
 * caches. Planned on a table that was never analysed, such a plan may read an index of the invoice
 * list that leads by tenant only and walk every invoice of the tenant per line, so each batch takes
 * longer than the one before (measured: the lines of the first 10,000 invoices in 55 s, of the
 * second 10,000 in 103 s, then 13 s once autovacuum happened to analyse the table and the plans
 * were made again). Whoever runs a large volume refreshes the statistics
 * first and between batches (ANALYZE needs the owner: {@code InvoiceVolumeBenchmark} does it).
 */
@Service
public class InvoiceVolumeGenerator {

    /**
     * What to generate: {@code invoices} invoices of {@code linesPerInvoice} lines in {@code year}
     * (series F), {@code batch} invoices per transaction.
     */
    public record VolumeSpec(int invoices, int linesPerInvoice, int year, int batch) {

        public VolumeSpec {
            if (invoices < 1 || linesPerInvoice < 1 || batch < 1) {
                throw new IllegalArgumentException("sizes must be positive");
            }
        }

        /**
         * {@code invoices} of five lines in the year before last (the demo's year of sales reaches
         * into last year), 2,500 per transaction (each moves the chain head once per record).
         */
        public static VolumeSpec of(int invoices) {
            return new VolumeSpec(invoices, 5, LocalDate.now().getYear() - 2, 2_500);
        }
    }

    /** What was generated: the counts and the first and last number. */
    public record Volume(long invoices, long lines, String firstNumber, String lastNumber, String run) {}

    /**
     * Whether the year already has invoice numbers or a counter: the generator writes numbers from
     * 1 and leaves the counter alone (the database lets a counter move forward by one only, one
     * issue at a time), so it takes a year nothing was issued in: a closed year, by default the one
     * before last.
     */
    private static final String YEAR_USED = """
            SELECT EXISTS (SELECT 1 FROM number_series WHERE series = 'F' AND year = :year)
                OR EXISTS (SELECT 1 FROM sales_document WHERE kind = 'INVOICE' AND number_year = :year)
            """;

    /** The tenant's clients (up to 200), numbered from 0. */
    private static final String CLIENT_ROWS = """
            SELECT id, legal_name, tax_id, country, (row_number() OVER (ORDER BY code, id) - 1)::integer AS rn
              FROM account WHERE 'CLIENT' = ANY (roles) ORDER BY code, id LIMIT 200
            """;

    private static final String ARTICLE_ROWS = """
            SELECT a.id, a.code, a.name_es, u.code AS unit_code, a.sale_price, a.stock_tracked,
                   (row_number() OVER (ORDER BY a.code, a.id) - 1)::integer AS rn
              FROM article a JOIN unit_of_measure u ON u.id = a.unit_id
             WHERE a.status = 'active' AND a.sale_price > 0
             ORDER BY a.code, a.id LIMIT 500
            """;

    /** Invoice n of the run: its id (the same in every statement of the batch). */
    private static final String ID = "md5(:run || '-' || g)::uuid";

    /**
     * The lines of invoices g = :from .. :to (k = 1 .. :lines): an article of the tenant, a quantity
     * from 1 to 12, a 10 % discount on every seventh line, VAT at 21 % but for the last line of every
     * tenth invoice (10 %). Both the headers' amounts and the lines are made from these values.
     */
    private static final String LINE_VALUES = """
              FROM generate_series(:from, :to) g
             CROSS JOIN generate_series(1, :lines) k
              JOIN a ON a.rn = (g * 13 + k * 7) %% :articles
             CROSS JOIN LATERAL (SELECT (1 + (g * 7 + k * 3) %% 12)::numeric AS quantity,
                                        CASE WHEN (g + k) %% 7 = 0 THEN 10 ELSE 0 END::numeric AS discount,
                                        CASE WHEN k = :lines AND g %% 10 = 0 THEN 10 ELSE 21 END::numeric AS vat) q
            """;

    private static final String NET = "round(q.quantity * a.sale_price * (1 - q.discount / 100), 2)";

    /**
     * The draft headers with their amounts by base.documents.DocumentTotals' rule: line nets rounded,
     * per VAT rate the base and the VAT rounded once, total = bases + VAT.
     */
    private static final String HEADERS = headers(CLIENT_ROWS);

    private static String headers(String clientRows) {
        return "WITH a AS (" + ARTICLE_ROWS + "), c AS (" + clientRows
                + """
            ),
            l AS (SELECT g, q.vat, %s AS net %s),
            t AS (SELECT g, sum(base) AS base, sum(round(base * vat / 100, 2)) AS vat
                    FROM (SELECT g, vat, sum(net) AS base FROM l GROUP BY g, vat) r
                   GROUP BY g)
            INSERT INTO sales_document (id, kind, status, account_id, client_name, client_tax_id, client_country,
                                        language, currency, payment_days, document_date, tax_regime,
                                        client_reference, base_amount, vat_amount, total_amount, created_at,
                                        updated_at)
            SELECT %s, 'INVOICE', 'DRAFT', c.id, c.legal_name, c.tax_id, c.country, 'es', 'EUR', 30,
                   d.day, 'DOMESTIC', CASE WHEN g %% 4 = 0 THEN 'PED-' || g END, t.base, t.vat, t.base + t.vat,
                   d.day + time '09:00', d.day + time '09:00'
              FROM t
              JOIN c ON c.rn = g %% :clients
             CROSS JOIN LATERAL (SELECT make_date(:year, 1, 1) + ((g - 1)::bigint * :days / :total)::integer AS day) d
            """.formatted(NET, LINE_VALUES.replace("%%", "%"), ID);
    }

    /** The one client {@code client} (an account id, inlined: a UUID's text is safe SQL) as row 0. */
    private static String oneClient(UUID client) {
        return """
                SELECT id, legal_name, tax_id, country, 0 AS rn
                  FROM account WHERE 'CLIENT' = ANY (roles) AND id = '%s'::uuid
                """.formatted(client);
    }

    private static final String LINES =
            "WITH a AS (" + ARTICLE_ROWS + ")" + """
            INSERT INTO sales_document_line (id, document_id, position, article_id, article_code, description,
                                             quantity, unit_code, unit_price, discount_percent, tax_code,
                                             vat_percent, surcharge_percent, net_amount, stock_tracked)
            SELECT gen_random_uuid(), %s, k, a.id, a.code, a.name_es, q.quantity, a.unit_code, a.sale_price,
                   q.discount, CASE WHEN q.vat = 10 THEN 'IVA10' ELSE 'IVA21' END, q.vat, 0, %s, a.stock_tracked
            %s
            """.formatted(ID, NET, LINE_VALUES.replace("%%", "%"));

    /** Issues the batch: number (in order of g), state, due date, as InvoicingService.issue does. */
    private static final String ISSUE = """
            UPDATE sales_document d
               SET status = 'ISSUED', series = 'F', number_year = :year,
                   number = 'F' || :year || '-' || lpad((:first + g - 1)::text, greatest(6, length((:first + g - 1)::text)), '0'),
                   due_date = d.document_date + 30, numbered_at = d.document_date + time '09:05',
                   updated_at = d.document_date + time '09:05', version = d.version + 1
              FROM generate_series(:from, :to) g
             WHERE d.id = %s
            """.formatted(ID);

    /** The issuer of the records: the tenant's company profile (its tax id as ChainedInvoiceRecords writes it). */
    private static final String ISSUER = """
            SELECT upper(btrim(tax_id)) AS tax_id, legal_name FROM tenant_company
            """;

    /** Takes the head of the tenant's chain (creating it empty) and holds it until commit, as BillingRecords does. */
    private static final String LOCK_HEAD = """
            INSERT INTO sales_billing_chain AS c (last_sequence) VALUES (0)
            ON CONFLICT (tenant_id) DO UPDATE SET last_sequence = c.last_sequence
            RETURNING c.last_sequence, c.last_record_id, c.last_fingerprint
            """;

    /** The hashed facts of the batch's invoices, in number order: F1 with a recipient tax id, F2 without. */
    private static final String RECORD_FACTS = """
            SELECT d.id, d.number, d.document_date, d.vat_amount + d.surcharge_amount AS vat_amount,
                   d.total_amount, d.numbered_at,
                   CASE WHEN btrim(coalesce(d.client_tax_id, '')) = '' THEN 'F2' ELSE 'F1' END AS invoice_type
              FROM generate_series(:from, :to) g
              JOIN sales_document d ON d.id = %s
             ORDER BY g
            """.formatted(ID);

    /**
     * The records, in sequence order (the chain trigger checks them in that order), with the payload
     * ChainedInvoiceRecords gives: recipient, description, the breakdown per rate from the lines.
     */
    private static final String INSERT_RECORDS = """
            INSERT INTO sales_billing_record (id, sequence, kind, invoice_id, issuer_tax_id, invoice_number,
                invoice_date, invoice_type, tax_total, total, previous_record_id, previous_fingerprint, fingerprint,
                generated_at, generated_at_text, payload)
            SELECT r.id, r.sequence, 'ALTA', d.id, :issuer, d.number, d.document_date, r.invoice_type,
                   d.vat_amount + d.surcharge_amount, d.total_amount, r.previous_record_id, r.previous_fingerprint,
                   r.fingerprint, d.numbered_at, r.generated_at_text,
                   jsonb_build_object(
                       'issuerName', CAST(:issuerName AS text),
                       'description', coalesce(d.notes, d.kind),
                       'recipientTaxId', CASE WHEN r.invoice_type = 'F1' THEN d.client_tax_id END,
                       'recipientName', d.client_name,
                       'recipientCountry', CASE WHEN d.client_country <> 'ES' THEN d.client_country END,
                       'breakdown', b.breakdown,
                       'correctedNumber', NULL,
                       'correctedDate', NULL)
              FROM jsonb_to_recordset(CAST(:rows AS jsonb))
                   AS r(id uuid, sequence bigint, invoice_id uuid, invoice_type text, previous_record_id uuid,
                        previous_fingerprint text, fingerprint text, generated_at_text text)
              JOIN sales_document d ON d.id = r.invoice_id
             CROSS JOIN LATERAL (
                   SELECT jsonb_agg(jsonb_build_object(
                              'vatPercent', t.vat_percent::text, 'base', t.base::text,
                              'vat', round(t.base * t.vat_percent / 100, 2)::text,
                              'surchargePercent', t.surcharge_percent::text,
                              'surcharge', round(t.base * t.surcharge_percent / 100, 2)::text,
                              'exemptionCause', NULL, 'regimeKey', '01') ORDER BY t.vat_percent DESC) AS breakdown
                     FROM (SELECT l.vat_percent, l.surcharge_percent, sum(l.net_amount) AS base
                             FROM sales_document_line l
                            WHERE l.document_id = d.id
                            GROUP BY l.vat_percent, l.surcharge_percent) t) b
             ORDER BY r.sequence
            """;

    /** Generation times of the records are written with the offset of peninsular Spain, as BillingRecords does. */
    private static final ZoneId RECORD_ZONE = ZoneId.of("Europe/Madrid");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    InvoiceVolumeGenerator(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Generates the volume in transactions of {@code batch} invoices, all bound to the caller's
     * tenant (which needs clients and articles). Inside a caller's transaction every batch joins it,
     * so a test can roll the whole volume back. Not atomic otherwise: an interrupted run leaves what
     * it committed, with its numbers taken.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public Volume generate(VolumeSpec spec) {
        return generate(spec, generated -> {});
    }

    /**
     * As {@link #generate(VolumeSpec)}, calling {@code afterBatch} with the number of invoices
     * generated so far after each batch's transaction (the benchmark refreshes the planner's
     * statistics there, which needs the tables' owner).
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public Volume generate(VolumeSpec spec, IntConsumer afterBatch) {
        return generate(spec, CLIENT_ROWS, HEADERS, afterBatch);
    }

    /**
     * As {@link #generate(VolumeSpec, IntConsumer)}, every invoice for the one client {@code client}
     * (the client portal's benchmark: a client with thousands of invoices).
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public Volume generateFor(UUID client, VolumeSpec spec, IntConsumer afterBatch) {
        String clientRows = oneClient(client);
        return generate(spec, clientRows, headers(clientRows), afterBatch);
    }

    private Volume generate(VolumeSpec spec, String clientRows, String headers, IntConsumer afterBatch) {
        String run = UUID.randomUUID().toString();
        int days = LocalDate.of(spec.year(), 12, 31).getDayOfYear();
        long[] counts = VolumeBatches.prepare(
                transactions,
                jdbc,
                YEAR_USED,
                spec.year(),
                "invoices were issued",
                "the tenant needs clients and articles with a price",
                clientRows,
                ARTICLE_ROWS);
        long first = 1;
        long lines = VolumeBatches.run(
                transactions,
                spec.invoices(),
                spec.batch(),
                "invoices",
                (from, to, steps) -> {
                    jdbc.sql(headers)
                            .param("run", run)
                            .param("from", from)
                            .param("to", to)
                            .param("clients", counts[0])
                            .param("lines", spec.linesPerInvoice())
                            .param("articles", counts[1])
                            .param("year", spec.year())
                            .param("days", days)
                            .param("total", spec.invoices())
                            .update();
                    steps.done("headers");
                    int written = jdbc.sql(LINES)
                            .param("run", run)
                            .param("from", from)
                            .param("to", to)
                            .param("lines", spec.linesPerInvoice())
                            .param("articles", counts[1])
                            .update();
                    steps.done("lines");
                    jdbc.sql(ISSUE)
                            .param("run", run)
                            .param("from", from)
                            .param("to", to)
                            .param("year", spec.year())
                            .param("first", first)
                            .update();
                    steps.done("issue");
                    appendRecords(run, from, to);
                    steps.done("records");
                    return written;
                },
                afterBatch);
        return new Volume(
                spec.invoices(), lines, number(spec.year(), first), number(spec.year(), spec.invoices()), run);
    }

    /**
     * The invoice records (ALTA) of invoices g = {@code from} .. {@code to}, appended in number order to
     * the tenant's chain as {@code sales.verifactu.BillingRecords} appends them: the chain's head locked
     * for the transaction, each fingerprint computed by {@link Fingerprints} over the previous one, the
     * generation time the invoice's issue time (its date at 09:05). The insert trigger moves the head
     * row by row and refuses any record that does not continue it.
     */
    private void appendRecords(String run, int from, int to) {
        Map<String, Object> issuer = jdbc.sql(ISSUER).query().singleRow();
        Map<String, Object> head = jdbc.sql(LOCK_HEAD).query().singleRow();
        long sequence = ((Number) head.get("last_sequence")).longValue();
        UUID previousId = (UUID) head.get("last_record_id");
        String previousFingerprint = (String) head.get("last_fingerprint");
        String issuerTaxId = (String) issuer.get("tax_id");
        StringBuilder rows = new StringBuilder("[");
        for (Map<String, Object> invoice : jdbc.sql(RECORD_FACTS)
                .param("run", run)
                .param("from", from)
                .param("to", to)
                .query()
                .listOfRows()) {
            Instant generatedAt = ((Timestamp) invoice.get("numbered_at")).toInstant();
            String generatedAtText = Fingerprints.dateTime(generatedAt, RECORD_ZONE);
            String type = (String) invoice.get("invoice_type");
            String fingerprint = new Fingerprints.Alta(
                            issuerTaxId,
                            (String) invoice.get("number"),
                            ((java.sql.Date) invoice.get("document_date")).toLocalDate(),
                            type,
                            (BigDecimal) invoice.get("vat_amount"),
                            (BigDecimal) invoice.get("total_amount"),
                            previousFingerprint,
                            generatedAtText)
                    .fingerprint();
            UUID id = Ids.newId();
            sequence++;
            if (rows.length() > 1) {
                rows.append(',');
            }
            // Every value is a uuid, a number or fixed ASCII text: no JSON escaping is needed.
            rows.append("{\"id\":\"")
                    .append(id)
                    .append("\",\"sequence\":")
                    .append(sequence)
                    .append(",\"invoice_id\":\"")
                    .append(invoice.get("id"))
                    .append("\",\"invoice_type\":\"")
                    .append(type)
                    .append("\",\"previous_record_id\":")
                    .append(previousId == null ? "null" : "\"" + previousId + "\"")
                    .append(",\"previous_fingerprint\":")
                    .append(previousFingerprint == null ? "null" : "\"" + previousFingerprint + "\"")
                    .append(",\"fingerprint\":\"")
                    .append(fingerprint)
                    .append("\",\"generated_at_text\":\"")
                    .append(generatedAtText)
                    .append("\"}");
            previousId = id;
            previousFingerprint = fingerprint;
        }
        rows.append(']');
        jdbc.sql(INSERT_RECORDS)
                .param("rows", rows.toString())
                .param("issuer", issuerTaxId)
                .param("issuerName", issuer.get("legal_name"))
                .update();
    }

    /** The text of invoice number {@code sequence} of {@code year}, as base.numbering writes it. */
    static String number(int year, long sequence) {
        return "F" + year + "-" + String.format(Locale.ROOT, "%06d", sequence);
    }

    /** The id the generator gave invoice {@code n} (1-based) of {@code run}. */
    static UUID invoiceId(JdbcClient jdbc, String run, int n) {
        return jdbc.sql("SELECT md5(:run || '-' || :n)::uuid")
                .param("run", run)
                .param("n", n)
                .query(UUID.class)
                .single();
    }
}
