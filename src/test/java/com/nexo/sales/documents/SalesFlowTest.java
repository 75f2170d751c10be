package com.nexo.sales.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.articles.stock.ReservationService;
import com.nexo.articles.stock.StockService;
import com.nexo.sales.SalesFixtures;
import com.nexo.sales.SalesRuleException;
import com.nexo.sales.TaxRegime;
import com.nexo.sales.verifactu.BillingRecord;
import com.nexo.sales.verifactu.BillingRecords;
import com.nexo.sales.verifactu.ChainVerification;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sales flow as the demo salesperson runs it, against the real database as the application's
 * role: quote to order to partial deliveries to one invoice, with the stock reserved, issued and
 * released through the articles module; refusals that change nothing; issued invoices that the
 * database itself keeps from changing; gapless numbers under concurrent issues.
 */
@NexoSpringTest
class SalesFlowTest {

    private static final UUID DEMO = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");
    private static final UUID NORTHWIND = UUID.fromString("0195f3a0-0000-7000-8000-000000000002");

    @Autowired
    private ApplicationContext context;

    @Autowired
    private SalesDocumentService documents;

    @Autowired
    private SalesFlowService flow;

    @Autowired
    private InvoicingService invoicing;

    @Autowired
    private StockService stock;

    @Autowired
    private ReservationService reservations;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private BillingRecords records;

    @Autowired
    private ChainVerification verification;

    @Autowired
    private PlatformTransactionManager transactions;

    private SalesFixtures fixtures;
    private UUID client;
    private UUID warehouse;

    @BeforeEach
    void aClientAndAWarehouse() {
        fixtures = new SalesFixtures(context);
        client = fixtures.client("Cliente de ventas " + UUID.randomUUID());
        warehouse = fixtures.warehouse();
    }

    @Test
    void a_quote_becomes_an_order_delivered_in_two_notes_and_invoiced_once() {
        UUID bolts = fixtures.goods(warehouse, "10");
        UUID nuts = fixtures.goods(warehouse, "3");
        UUID fitting = fixtures.service();
        UUID quote = fixtures.draft(DocumentKind.QUOTE, client, warehouse, bolts, "4", nuts, "5", fitting, "2");

        fixtures.asSales(() -> {
            flow.send(quote);
            return null;
        });
        SalesDocument sent = read(quote);
        assertThat(sent.status()).isEqualTo(DocumentStatus.SENT);
        assertThat(sent.number()).matches("P\\d{4}-\\d{6}");

        UUID order = fixtures.asSales(() -> flow.toOrder(quote, Map.of()));
        assertThat(read(quote).status()).isEqualTo(DocumentStatus.ACCEPTED);
        assertThat(read(order).lines())
                .extracting(DocumentLineRow::sourceLineId)
                .containsExactlyElementsOf(
                        sent.lines().stream().map(DocumentLineRow::id).toList());

        int backOrdered = fixtures.asSales(() -> flow.confirm(order));
        assertThat(backOrdered).as("only 3 nuts of 5 in stock").isEqualTo(1);
        assertThat(available(bolts)).isEqualByComparingTo("6");
        assertThat(available(nuts)).isEqualByComparingTo("0");

        SalesDocument confirmed = read(order);
        UUID boltLine = confirmed.lines().get(0).id();
        UUID nutLine = confirmed.lines().get(1).id();
        UUID first = fixtures.asSales(
                () -> flow.deliver(order, Map.of(boltLine, new BigDecimal("3"), nutLine, new BigDecimal("3"))));
        SalesDocument firstNote = read(first);
        assertThat(firstNote.status()).isEqualTo(DocumentStatus.DONE);
        assertThat(firstNote.number()).matches("AL\\d{4}-\\d{6}");
        assertThat(read(order).status()).isEqualTo(DocumentStatus.PARTIALLY_DELIVERED);
        assertThat(onHand(bolts)).isEqualByComparingTo("7");
        assertThat(onHand(nuts)).isEqualByComparingTo("0");
        assertThat(available(bolts)).as("one bolt still promised to the order").isEqualByComparingTo("6");

        assertThatThrownBy(() -> fixtures.asSales(() -> flow.deliver(order, Map.of(nutLine, new BigDecimal("2")))))
                .isInstanceOf(SalesRuleException.class)
                .extracting(e -> ((SalesRuleException) e).messageKey())
                .isEqualTo("sales.rule.not-enough-stock");
        assertThat(read(order).lines().get(1).deliveredQuantity()).isEqualByComparingTo("3");

        fixtures.as(
                SalesFixtures.ADMIN,
                () -> stock.receive(com.nexo.articles.stock.StockEntry.of(nuts, warehouse, new BigDecimal("2"), null)));
        UUID second = fixtures.asSales(() -> flow.deliver(order, null));
        assertThat(read(order).status()).isEqualTo(DocumentStatus.DELIVERED);
        assertThat(read(second).lines())
                .extracting(l -> l.quantity().stripTrailingZeros().toPlainString())
                .containsExactly("1", "2", "2");
        assertThat(onHand(bolts)).isEqualByComparingTo("6");
        assertThat(available(bolts)).isEqualByComparingTo("6");

        UUID invoice = fixtures.asSales(() -> invoicing.invoice(List.of(first, second, order)));
        SalesDocument draft = read(invoice);
        assertThat(draft.status()).isEqualTo(DocumentStatus.DRAFT);
        assertThat(draft.number()).isNull();
        assertThat(draft.lines()).as("two notes' goods and the services once").hasSize(5);
        String number = fixtures.asSales(() -> invoicing.issue(invoice));
        SalesDocument issued = read(invoice);
        assertThat(number).matches("F\\d{4}-\\d{6}");
        assertThat(issued.status()).isEqualTo(DocumentStatus.ISSUED);
        // 4 bolts + 5 nuts + 2 fittings at 12.50, 21 % VAT: base 137.50, VAT 28.88
        assertThat(issued.baseAmount()).isEqualByComparingTo("137.50");
        assertThat(issued.vatAmount()).isEqualByComparingTo("28.88");
        assertThat(issued.totalAmount()).isEqualByComparingTo("166.38");
        assertThat(read(order).lines())
                .allSatisfy(line -> assertThat(line.toInvoice()).isEqualByComparingTo("0"));
        assertThat(read(first).lines())
                .allSatisfy(line -> assertThat(line.toInvoice()).isEqualByComparingTo("0"));

        assertThatThrownBy(() -> fixtures.asSales(() -> invoicing.invoice(List.of(order))))
                .extracting(e -> ((SalesRuleException) e).messageKey())
                .isEqualTo("sales.rule.nothing-to-invoice");
        assertThatThrownBy(() -> fixtures.asSales(() -> {
                    flow.cancel(first, "equivocado");
                    return null;
                }))
                .extracting(e -> ((SalesRuleException) e).messageKey())
                .isEqualTo("sales.rule.delivery-invoiced");
        assertThat(links(order)).containsExactlyInAnyOrder(first, second, invoice);
    }

    @Test
    void a_step_the_state_does_not_allow_is_refused_and_changes_nothing() {
        UUID bolts = fixtures.goods(warehouse, "5");
        UUID order = fixtures.draft(DocumentKind.ORDER, client, warehouse, bolts, "2");

        assertThatThrownBy(() -> fixtures.asSales(() -> flow.deliver(order, null)))
                .extracting(e -> ((SalesRuleException) e).messageKey())
                .isEqualTo("sales.rule.state-does-not-allow");
        assertThatThrownBy(() -> fixtures.asSales(() -> invoicing.issue(order)))
                .extracting(e -> ((SalesRuleException) e).messageKey())
                .isEqualTo("sales.rule.step-not-allowed");
        assertThat(read(order).status()).isEqualTo(DocumentStatus.DRAFT);
        assertThat(read(order).number()).isNull();

        fixtures.asSales(() -> flow.confirm(order));
        assertThat(available(bolts)).isEqualByComparingTo("3");
        UUID line = read(order).lines().getFirst().id();
        assertThatThrownBy(() -> fixtures.asSales(() -> flow.deliver(order, Map.of(line, new BigDecimal("3")))))
                .extracting(e -> ((SalesRuleException) e).messageKey())
                .isEqualTo("sales.rule.quantity-too-large");
        assertThatThrownBy(() -> fixtures.asSales(() -> {
                    flow.cancel(order, " ");
                    return null;
                }))
                .extracting(e -> ((SalesRuleException) e).messageKey())
                .isEqualTo("sales.rule.reason-required");

        fixtures.asSales(() -> {
            flow.cancel(order, "El cliente ya no lo quiere");
            return null;
        });
        assertThat(read(order).status()).isEqualTo(DocumentStatus.CANCELLED);
        assertThat(read(order).cancelReason()).isEqualTo("El cliente ya no lo quiere");
        assertThat(available(bolts)).as("reservation released").isEqualByComparingTo("5");
    }

    @Test
    void an_expired_quote_cannot_become_an_order() {
        UUID fitting = fixtures.service();
        UUID quote = fixtures.asSales(() -> {
            DocumentForm form = documents.newForm(DocumentKind.QUOTE, client);
            form.setDocumentDate(form.getDocumentDate().minusDays(60));
            form.setValidUntil(form.getDocumentDate().plusDays(30));
            form.setLines(fixtures.lines(fitting, "1"));
            return documents.save(form);
        });
        assertThat(DocumentAction.allowed(read(quote), java.time.LocalDate.now()))
                .doesNotContain(DocumentAction.TO_ORDER);
        assertThatThrownBy(() -> fixtures.asSales(() -> flow.toOrder(quote, null)))
                .extracting(e -> ((SalesRuleException) e).messageKey())
                .isEqualTo("sales.rule.quote-expired");
    }

    @Test
    void cancelling_a_delivery_note_brings_the_stock_back_and_the_order_delivers_again() {
        UUID bolts = fixtures.goods(warehouse, "4");
        UUID order = fixtures.draft(DocumentKind.ORDER, client, warehouse, bolts, "4");
        fixtures.asSales(() -> flow.confirm(order));
        UUID note = fixtures.asSales(() -> flow.deliver(order, null));
        assertThat(onHand(bolts)).isEqualByComparingTo("0");

        fixtures.asSales(() -> {
            flow.cancel(note, "Devuelto por el transportista");
            return null;
        });

        assertThat(onHand(bolts)).isEqualByComparingTo("4");
        assertThat(read(order).status()).isEqualTo(DocumentStatus.CONFIRMED);
        assertThat(read(order).lines().getFirst().toDeliver()).isEqualByComparingTo("4");
    }

    @Test
    void equivalence_surcharge_withholding_and_document_discount_reach_the_stored_totals() {
        UUID fitting = fixtures.service();
        UUID invoice = fixtures.asSales(() -> {
            DocumentForm form = documents.newForm(DocumentKind.INVOICE, client);
            form.setTaxRegime(TaxRegime.EQUIVALENCE_SURCHARGE);
            form.setWithholdingPercent(new BigDecimal("15"));
            form.setDocumentDiscount(new BigDecimal("10"));
            form.setLines(fixtures.lines(fitting, "8"));
            return documents.save(form);
        });
        SalesDocument saved = read(invoice);
        // 8 × 12.50 = 100.00, less 10 % = 90.00; VAT 21 % 18.90; surcharge 5.2 % 4.68; IRPF 15 % 13.50
        assertThat(saved.baseAmount()).isEqualByComparingTo("90.00");
        assertThat(saved.vatAmount()).isEqualByComparingTo("18.90");
        assertThat(saved.surchargeAmount()).isEqualByComparingTo("4.68");
        assertThat(saved.withholdingAmount()).isEqualByComparingTo("13.50");
        assertThat(saved.totalAmount()).isEqualByComparingTo("100.08");
        assertThat(saved.lines().getFirst().surchargePercent()).isEqualByComparingTo("5.2");

        fixtures.asSales(() -> {
            DocumentForm exempt = documents.getForm(invoice);
            exempt.setTaxRegime(TaxRegime.INTRA_EU);
            exempt.setWithholdingPercent(null);
            exempt.setDocumentDiscount(BigDecimal.ZERO);
            return documents.save(exempt);
        });
        assertThat(read(invoice).vatAmount()).isEqualByComparingTo("0");
        assertThat(read(invoice).totalAmount()).isEqualByComparingTo("100.00");
    }

    @Test
    void an_issued_invoice_is_corrected_by_a_corrective_invoice_and_the_database_refuses_changes() {
        UUID fitting = fixtures.service();
        UUID invoice = fixtures.draft(DocumentKind.INVOICE, client, null, fitting, "2");
        fixtures.asSales(() -> invoicing.issue(invoice));

        assertThatThrownBy(() -> asStaff(
                        DEMO,
                        () -> jdbc.sql("UPDATE sales_document SET notes = 'x' WHERE id = :id")
                                .param("id", invoice)
                                .update()))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> asStaff(
                        DEMO,
                        () -> jdbc.sql("UPDATE sales_document_line SET unit_price = 1 WHERE document_id = :id")
                                .param("id", invoice)
                                .update()))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("cannot change");
        assertThatThrownBy(() -> asStaff(
                        DEMO,
                        () -> jdbc.sql("DELETE FROM sales_document WHERE id = :id")
                                .param("id", invoice)
                                .update()))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("cannot be deleted");
        assertThatThrownBy(() -> fixtures.asSales(() -> documents.save(documents.getForm(invoice))))
                .extracting(e -> ((SalesRuleException) e).messageKey())
                .isEqualTo("sales.rule.not-draft");

        UUID corrective = fixtures.asSales(() -> invoicing.correct(invoice, "Precio mal aplicado"));
        SalesDocument draft = read(corrective);
        assertThat(draft.kind()).isEqualTo(DocumentKind.CORRECTIVE);
        assertThat(draft.correctedId()).isEqualTo(invoice);
        assertThat(draft.totalAmount())
                .isEqualByComparingTo(read(invoice).totalAmount().negate());
        String number = fixtures.asSales(() -> invoicing.issue(corrective));
        assertThat(number).startsWith("R");
        assertThat(links(invoice)).contains(corrective);

        fixtures.asSales(() -> {
            invoicing.cancel(invoice, "Emitida por error");
            return null;
        });
        assertThat(read(invoice).status()).isEqualTo(DocumentStatus.CANCELLED);

        List<BillingRecord> chain = fixtures.asSales(() -> records.recordsOf(invoice));
        assertThat(chain)
                .extracting(BillingRecord::kind)
                .containsExactly(BillingRecord.Kind.ALTA, BillingRecord.Kind.ANULACION);
        assertThat(chain.getFirst().invoiceNumber()).isEqualTo(read(invoice).number());
        assertThat(chain.get(1).previousFingerprint())
                .as("the cancellation follows the corrective's record")
                .isNotEqualTo(chain.getFirst().fingerprint());
        BillingRecord correction =
                fixtures.asSales(() -> records.recordsOf(corrective)).getFirst();
        assertThat(correction.invoiceType()).isEqualTo("R1");
        assertThat(correction.total()).isEqualByComparingTo(read(corrective).totalAmount());
        assertThat(fixtures.asSales(() -> records.qrFor(invoice)).orElseThrow())
                .contains("numserie=" + read(invoice).number());
        assertThat(fixtures.as(SalesFixtures.ADMIN, () -> verification.verify()).ok())
                .isTrue();
    }

    @Test
    void concurrent_issues_take_consecutive_numbers() throws Exception {
        UUID fitting = fixtures.service();
        int count = 6;
        List<UUID> drafts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            drafts.add(fixtures.draft(DocumentKind.INVOICE, client, null, fitting, "1"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<String>> numbers = new ArrayList<>();
            for (UUID draft : drafts) {
                Callable<String> issue = () -> fixtures.asSales(() -> invoicing.issue(draft));
                numbers.add(pool.submit(issue));
            }
            List<Long> sequences = new ArrayList<>();
            for (Future<String> number : numbers) {
                sequences.add(Long.parseLong(number.get().substring(number.get().indexOf('-') + 1)));
            }
            sequences.sort(null);
            assertThat(sequences.getLast() - sequences.getFirst()).isEqualTo(count - 1);
            assertThat(sequences).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void another_tenant_and_a_user_without_sales_permissions_see_and_do_nothing() {
        UUID fitting = fixtures.service();
        UUID quote = fixtures.draft(DocumentKind.QUOTE, client, null, fitting, "1");

        UUID invoice = fixtures.draft(DocumentKind.INVOICE, client, null, fitting, "1");
        fixtures.asSales(() -> invoicing.issue(invoice));
        for (String table : List.of(
                "sales_document",
                "sales_document_line",
                "sales_document_link",
                "sales_document_mail",
                "sales_payment")) {
            Long foreign = asStaff(
                    NORTHWIND,
                    () -> jdbc.sql("SELECT count(*) FROM " + table + " WHERE tenant_id = :demo")
                            .param("demo", DEMO)
                            .query(Long.class)
                            .single());
            assertThat(foreign).as("demo rows of %s seen from Northwind", table).isZero();
        }
        Long own = asStaff(
                DEMO,
                () -> jdbc.sql("SELECT count(*) FROM sales_document_line WHERE tenant_id = :demo")
                        .param("demo", DEMO)
                        .query(Long.class)
                        .single());
        assertThat(own).isPositive();
        assertThatThrownBy(() -> fixtures.as("admin@northwind.nexo", () -> documents.document(quote)))
                .extracting(e -> ((SalesRuleException) e).messageKey())
                .isEqualTo("sales.rule.not-found");
        assertThatThrownBy(() -> fixtures.as("consulta@demo.nexo", () -> documents.save(documents.getForm(quote))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as("consulta@demo.nexo", () -> flow.toOrder(quote, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fixtures.as("consulta@demo.nexo", () -> documents.document(quote))
                        .status())
                .as("read-only role reads")
                .isEqualTo(DocumentStatus.DRAFT);
    }

    private SalesDocument read(UUID id) {
        return fixtures.asSales(() -> documents.document(id));
    }

    private BigDecimal onHand(UUID article) {
        return fixtures.asSales(
                () -> reservations.availability(article, warehouse).onHand());
    }

    private BigDecimal available(UUID article) {
        return fixtures.asSales(
                () -> reservations.availability(article, warehouse).available());
    }

    private List<UUID> links(UUID from) {
        return asStaff(
                DEMO,
                () -> jdbc.sql("SELECT to_id FROM sales_document_link WHERE from_id = :id")
                        .param("id", from)
                        .query(UUID.class)
                        .list());
    }

    private <T> T asStaff(UUID tenant, java.util.function.Supplier<T> work) {
        return TenantContext.callAsSystem(
                tenant, null, () -> new TransactionTemplate(transactions).execute(status -> work.get()));
    }
}
