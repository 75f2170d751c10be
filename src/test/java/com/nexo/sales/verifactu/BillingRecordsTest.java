package com.nexo.sales.verifactu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.sales.SalesFixtures;
import com.nexo.sales.verifactu.BillingRecord.Kind;
import com.nexo.sales.verifactu.ChainVerification.Problem;
import com.nexo.tenancy.TenantContext;
import com.nexo.tenancy.TenantList;
import com.nexo.tenancy.TenantService;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import com.nexo.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The invoice records as the issuing service writes them: chained per tenant inside the issuing
 * transaction, unchangeable by the application's roles, found out by the chain's verification when
 * changed behind the application's back, linear under concurrent issues, and seen by their own tenant
 * only. The records name real (draft) invoices, made in one statement per test; a record naming an
 * invoice that does not exist, or another tenant's, is refused by the database.
 */
@NexoSpringTest
class BillingRecordsTest {

    private static final UUID NORTHWIND = UUID.fromString("0195f3a0-0000-7000-8000-000000000002");
    private static final String SALES = "ventas@demo.nexo";
    private static final String ISSUER = "B12345674";

    @Autowired
    private BillingRecords records;

    @Autowired
    private ChainVerification verification;

    @Autowired
    private TenantService tenants;

    @Autowired
    private TenantList tenantList;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private ConfigurableApplicationContext context;

    @Test
    void three_records_issued_by_sales_staff_chain_one_after_the_other_and_the_chain_holds() {
        List<UUID> invoices = asSales(() -> invoices(2));
        UUID first = invoices.get(0);
        UUID second = invoices.get(1);

        List<BillingRecordRef> written = asSales(() -> List.of(
                records.recordIssued(facts(first, "F2026-000001", "F1", "21.00", "121.00")),
                records.recordIssued(facts(second, "F2026-000002", "F1", "5.25", "30.25")),
                records.recordCancelled(facts(first, "F2026-000001", "F1", "21.00", "121.00"))));

        assertThat(written)
                .extracting(BillingRecordRef::sequence)
                .containsExactly(
                        written.get(0).sequence(),
                        written.get(0).sequence() + 1,
                        written.get(0).sequence() + 2);
        List<BillingRecord> ofFirst = LoggedIn.asUser(users, SALES, () -> records.recordsOf(first));
        List<BillingRecord> ofSecond = LoggedIn.asUser(users, SALES, () -> records.recordsOf(second));
        assertThat(ofFirst).extracting(BillingRecord::kind).containsExactly(Kind.ALTA, Kind.ANULACION);
        BillingRecord issued = ofFirst.get(0);
        BillingRecord next = ofSecond.get(0);
        BillingRecord cancelled = ofFirst.get(1);
        assertThat(next.previousRecordId()).isEqualTo(issued.id());
        assertThat(next.previousFingerprint()).isEqualTo(issued.fingerprint());
        assertThat(cancelled.previousRecordId()).isEqualTo(next.id());
        assertThat(cancelled.previousFingerprint()).isEqualTo(next.fingerprint());

        // Each fingerprint is the specification's, over the stored fields and the exact time text.
        assertThat(next.fingerprint())
                .isEqualTo(new Fingerprints.Alta(
                                ISSUER,
                                "F2026-000002",
                                LocalDate.of(2026, 12, 2),
                                "F1",
                                new BigDecimal("5.25"),
                                new BigDecimal("30.25"),
                                issued.fingerprint(),
                                next.generatedAtText())
                        .fingerprint())
                .isEqualTo(written.get(1).fingerprint());
        assertThat(cancelled.fingerprint())
                .isEqualTo(new Fingerprints.Anulacion(
                                ISSUER,
                                "F2026-000001",
                                LocalDate.of(2026, 12, 2),
                                next.fingerprint(),
                                cancelled.generatedAtText())
                        .fingerprint());
        assertThat(OffsetDateTime.parse(next.generatedAtText()).toInstant()).isEqualTo(next.generatedAt());
        assertThat(next.generatedAtText()).matches("2\\d{3}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0[12]:00");
        assertThat(next.submissionStatus()).isEqualTo("NOT_SENT");

        String qr = "https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR"
                + "?nif=B12345674&numserie=F2026-000001&fecha=02-12-2026&importe=121.00";
        assertThat(written.get(0).qrUrl()).isEqualTo(qr);
        assertThat(LoggedIn.asUser(users, SALES, () -> records.qrFor(first))).contains(qr);

        String payload = asSales(() -> jdbc.sql("SELECT payload::text FROM sales_billing_record WHERE id = :id")
                .param("id", next.id())
                .query(String.class)
                .single());
        assertThat(payload)
                .as("what a sender needs beside the hashed fields")
                .contains("\"recipientTaxId\": \"B00000034\"", "\"regimeKey\": \"01\"", "\"vat\": \"5.25\"");

        ChainVerification.Result result = LoggedIn.asUser(users, SALES, verification::verify);
        assertThat(result.broken()).isEmpty();
        assertThat(result.checked()).isGreaterThanOrEqualTo(written.get(2).sequence());
    }

    @Test
    void a_record_is_written_only_inside_the_issuing_transaction_and_once_per_invoice_and_kind() {
        UUID invoice = asSales(() -> invoices(1)).getFirst();
        assertThatThrownBy(() -> LoggedIn.asUser(
                        users, SALES, () -> records.recordIssued(facts(invoice, "F2026-000009", "F1", "0", "10"))))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(
                        () -> asSales(() -> records.recordCancelled(facts(invoice, "F2026-000009", "F1", "0", "10"))))
                .as("cancelling an invoice never recorded as issued")
                .isInstanceOf(IllegalStateException.class);
        asSales(() -> records.recordIssued(facts(invoice, "F2026-000009", "F1", "0", "10")));
        assertThatThrownBy(() -> asSales(() -> records.recordIssued(facts(invoice, "F2026-000009", "F1", "0", "10"))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> asSales(() -> records.recordIssued(facts(UUID.randomUUID(), "F9", "X1", "0", "10"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> asSales(() -> records.recordIssued(facts(UUID.randomUUID(), "F9", "F1", "0.001", "10"))))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void the_application_role_changes_only_the_submission_columns_and_deletes_nothing() {
        List<UUID> invoices = asSales(() -> invoices(2));
        UUID invoice = invoices.get(0);
        BillingRecordRef ref =
                asSales(() -> records.recordIssued(facts(invoice, "F2026-000010", "F1", "2.10", "12.10")));

        assertThat(asSales(() -> jdbc.sql("UPDATE sales_billing_record SET submission_status = 'SENT',"
                                + " submitted_at = now(), submission_csv = 'A-1' WHERE id = :id")
                        .param("id", ref.id())
                        .update()))
                .isEqualTo(1);
        for (String change : List.of(
                "UPDATE sales_billing_record SET total = 1000 WHERE id = :id",
                "UPDATE sales_billing_record SET fingerprint = repeat('A', 64) WHERE id = :id",
                "DELETE FROM sales_billing_record WHERE id = :id")) {
            assertThatThrownBy(() ->
                            asSales(() -> jdbc.sql(change).param("id", ref.id()).update()))
                    .as(change)
                    .isInstanceOf(DataAccessException.class)
                    .rootCause()
                    .hasMessageContaining("permission denied");
        }
        assertThatThrownBy(
                        () -> asSales(() -> jdbc.sql("UPDATE sales_billing_chain SET last_sequence = last_sequence + 5")
                                .update()))
                .as("moving the chain's head")
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("only moves forward by one");
        assertThatThrownBy(() -> asSales(
                        () -> jdbc.sql("""
                                INSERT INTO sales_billing_record (id, sequence, kind, invoice_id, issuer_tax_id,
                                    invoice_number, invoice_date, invoice_type, tax_total, total, previous_record_id,
                                    previous_fingerprint, fingerprint, generated_at, generated_at_text, payload)
                                SELECT gen_random_uuid(), last_sequence + 1, 'ALTA', :invoice, 'B12345674',
                                    'X-1', current_date, 'F1', 0, 0, last_record_id, repeat('B', 64), repeat('C', 64),
                                    now(), '2026-12-02T10:00:00+01:00', '{}'
                                  FROM sales_billing_chain
                                """).param("invoice", invoices.get(1)).update()))
                .as("a record that names another previous fingerprint than the head's")
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("does not continue its chain");

        BillingRecord stored =
                LoggedIn.asUser(users, SALES, () -> records.recordsOf(invoice)).getFirst();
        assertThat(stored.submissionStatus()).isEqualTo("SENT");
        assertThat(stored.total()).isEqualByComparingTo("12.10");
    }

    @Test
    void a_record_changed_behind_the_applications_back_is_named_by_the_verification_and_the_command()
            throws SQLException {
        NewTenant tenant = newTenant("tamper");
        List<BillingRecordRef> refs = new ArrayList<>();
        List<UUID> invoices = inTenant(tenant.id(), () -> invoices(3));
        for (int i = 1; i <= 3; i++) {
            UUID invoice = invoices.get(i - 1);
            String number = "F2026-00000" + i;
            refs.add(
                    inTenant(tenant.id(), () -> records.recordIssued(facts(invoice, number, "F1", "21.00", "121.00"))));
        }
        assertThat(refs).extracting(BillingRecordRef::sequence).containsExactly(1L, 2L, 3L);
        assertThat(asSystem(tenant.id(), verification::verify))
                .isEqualTo(new ChainVerification.Result(3, java.util.Optional.empty()));
        assertThat(new VerifyChainCommand(tenant.code(), tenantList, verification, context).verify())
                .isZero();

        try (Connection superuser = DriverManager.getConnection(TestDatabase.url(), "postgres", "")) {
            // Even the superuser's plain UPDATE is refused by the trigger...
            assertThatThrownBy(() -> execute(
                            superuser,
                            "UPDATE sales_billing_record SET total = 1121.00 WHERE id = ?",
                            refs.get(1).id()))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("changes only in its submission columns");
            // ...so tampering takes switching the triggers off, as an attacker with full access would.
            try (Statement statement = superuser.createStatement()) {
                statement.execute("SET session_replication_role = replica");
            }
            execute(
                    superuser,
                    "UPDATE sales_billing_record SET total = 1121.00 WHERE id = ?",
                    refs.get(1).id());
        }

        ChainVerification.Result result = asSystem(tenant.id(), verification::verify);
        assertThat(result.checked()).isEqualTo(3);
        assertThat(result.broken()).hasValueSatisfying(broken -> {
            assertThat(broken.sequence()).isEqualTo(2);
            assertThat(broken.invoiceNumber()).isEqualTo("F2026-000002");
            assertThat(broken.problem()).isEqualTo(Problem.FINGERPRINT);
            assertThat(broken.found()).isEqualTo(refs.get(1).fingerprint());
        });
        assertThat(new VerifyChainCommand(tenant.code(), tenantList, verification, context).verify())
                .as("exit status of the command")
                .isEqualTo(VerifyChainCommand.BROKEN);
        assertThat(new VerifyChainCommand("no-such-tenant", tenantList, verification, context).verify())
                .isEqualTo(VerifyChainCommand.UNKNOWN_TENANT);
    }

    @Test
    void a_record_removed_from_the_middle_or_the_end_of_the_chain_is_found() throws SQLException {
        NewTenant middle = tenantWithThreeRecords("middle");
        NewTenant end = tenantWithThreeRecords("end");
        try (Connection superuser = DriverManager.getConnection(TestDatabase.url(), "postgres", "")) {
            assertThatThrownBy(
                            () -> execute(superuser, "DELETE FROM sales_billing_record WHERE tenant_id = ?", end.id()))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("never deleted");
            try (Statement statement = superuser.createStatement()) {
                statement.execute("SET session_replication_role = replica");
            }
            execute(superuser, "DELETE FROM sales_billing_record WHERE tenant_id = ? AND sequence = 2", middle.id());
            execute(superuser, "DELETE FROM sales_billing_record WHERE tenant_id = ? AND sequence = 3", end.id());
        }

        ChainVerification.Result gap = asSystem(middle.id(), verification::verify);
        assertThat(gap.checked()).isEqualTo(2);
        assertThat(gap.broken()).hasValueSatisfying(broken -> {
            assertThat(broken.sequence()).isEqualTo(3);
            assertThat(broken.invoiceNumber()).isEqualTo("F2026-000003");
            assertThat(broken.problem()).isEqualTo(Problem.SEQUENCE);
            assertThat(broken.expected()).isEqualTo("2");
        });
        ChainVerification.Result cut = asSystem(end.id(), verification::verify);
        assertThat(cut.checked()).isEqualTo(2);
        assertThat(cut.broken()).hasValueSatisfying(broken -> {
            assertThat(broken.sequence()).isEqualTo(2);
            assertThat(broken.problem()).isEqualTo(Problem.HEAD);
            assertThat(broken.expected()).startsWith("3 ");
        });
    }

    private NewTenant tenantWithThreeRecords(String prefix) {
        NewTenant tenant = newTenant(prefix);
        List<UUID> invoices = inTenant(tenant.id(), () -> invoices(3));
        for (int i = 1; i <= 3; i++) {
            String number = "F2026-00000" + i;
            UUID invoice = invoices.get(i - 1);
            inTenant(tenant.id(), () -> records.recordIssued(facts(invoice, number, "F1", "21.00", "121.00")));
        }
        return tenant;
    }

    @Test
    void concurrent_issues_give_one_linear_chain() throws Exception {
        NewTenant tenant = newTenant("concurrent");
        int threads = 6;
        int perThread = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        List<UUID> invoices = inTenant(tenant.id(), () -> invoices(threads * perThread));
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int kept = 0;
                    for (int i = 0; i < perThread; i++) {
                        boolean rollBack = thread % 2 == 0 && i == 2;
                        String number = "C" + thread + "-" + i;
                        UUID invoice = invoices.get(thread * perThread + i);
                        TenantContext.callAsSystem(
                                tenant.id(),
                                null,
                                () -> new TransactionTemplate(transactionManager).execute(status -> {
                                    records.recordIssued(facts(invoice, number, "F2", "1.00", "5.00"));
                                    // Hold the head a moment, as an issue writing its lines would.
                                    jdbc.sql("SELECT pg_sleep(0.002)").query().listOfRows();
                                    if (rollBack) {
                                        status.setRollbackOnly();
                                    }
                                    return null;
                                }));
                        kept += rollBack ? 0 : 1;
                    }
                    return kept;
                }));
            }
            start.countDown();
            long committed = 0;
            for (Future<Integer> result : results) {
                committed += result.get(60, TimeUnit.SECONDS);
            }

            assertThat(committed).isEqualTo((long) threads * perThread - threads / 2);
            List<Long> sequences = inTenant(
                    tenant.id(),
                    () -> jdbc.sql("SELECT sequence FROM sales_billing_record ORDER BY sequence")
                            .query(Long.class)
                            .list());
            assertThat(sequences)
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, committed).boxed().toList());
            assertThat(asSystem(tenant.id(), verification::verify))
                    .isEqualTo(new ChainVerification.Result(committed, java.util.Optional.empty()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_tenant_sees_and_chains_only_its_own_records() {
        UUID invoice = asSales(() -> invoices(1)).getFirst();
        BillingRecordRef demo = asSales(() -> records.recordIssued(facts(invoice, "F2026-000077", "F1", "0", "7")));

        assertThat(asSystem(NORTHWIND, () -> records.recordsOf(invoice))).isEmpty();
        assertThat(asSystem(NORTHWIND, () -> records.qrFor(invoice))).isEmpty();
        assertThat(inTenant(
                        NORTHWIND,
                        () -> jdbc.sql("SELECT count(*) FROM sales_billing_record WHERE id = :id")
                                .param("id", demo.id())
                                .query(Long.class)
                                .single()))
                .isZero();
        assertThat(inTenant(
                        NORTHWIND,
                        () -> jdbc.sql("UPDATE sales_billing_record SET submission_status = 'SENT' WHERE id = :id")
                                .param("id", demo.id())
                                .update()))
                .as("another tenant's record")
                .isZero();
        Long northwindHeads = inTenant(
                NORTHWIND,
                () -> jdbc.sql("SELECT count(*) FROM sales_billing_chain WHERE last_record_id = :id")
                        .param("id", demo.id())
                        .query(Long.class)
                        .single());
        assertThat(northwindHeads).isZero();

        NewTenant other = newTenant("isolated");
        assertThatThrownBy(
                        () -> inTenant(other.id(), () -> records.recordIssued(facts(invoice, "A-1", "F1", "0", "1"))))
                .as("a record naming another tenant's invoice")
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("sales_billing_record_invoice_fk");
        UUID own = inTenant(other.id(), () -> invoices(1)).getFirst();
        BillingRecordRef first = inTenant(other.id(), () -> records.recordIssued(facts(own, "A-1", "F1", "0", "1")));
        assertThat(first.sequence()).as("a tenant's own chain starts at 1").isEqualTo(1);
        assertThat(asSystem(other.id(), () -> records.recordsOf(invoice))).isEmpty();
    }

    @Test
    void a_record_for_an_invoice_that_does_not_exist_is_refused_and_an_invoice_with_records_is_kept() {
        long before = asSales(() -> jdbc.sql("SELECT last_sequence FROM sales_billing_chain")
                .query(Long.class)
                .optional()
                .orElse(0L));
        UUID missing = UUID.randomUUID();
        assertThatThrownBy(() -> asSales(() -> records.recordIssued(facts(missing, "F2026-000404", "F1", "0", "4"))))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("sales_billing_record_invoice_fk");
        assertThat(asSales(() -> jdbc.sql("SELECT count(*) FROM sales_billing_record WHERE invoice_id = :id")
                        .param("id", missing)
                        .query(Long.class)
                        .single()))
                .isZero();
        assertThat(asSales(() -> jdbc.sql("SELECT last_sequence FROM sales_billing_chain")
                        .query(Long.class)
                        .optional()
                        .orElse(0L)))
                .as("the chain did not move")
                .isEqualTo(before);

        // A draft that has a record (only a test makes one) cannot be deleted: the record keeps its invoice.
        UUID invoice = asSales(() -> invoices(1)).getFirst();
        asSales(() -> records.recordIssued(facts(invoice, "F2026-000405", "F1", "0", "4")));
        assertThatThrownBy(() -> asSales(() -> jdbc.sql("DELETE FROM sales_document WHERE id = :id")
                        .param("id", invoice)
                        .update()))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("sales_billing_record_invoice_fk");
    }

    /** {@code count} draft invoices of the current tenant (the records' foreign key wants real ones). */
    private List<UUID> invoices(int count) {
        return SalesFixtures.draftInvoices(jdbc, count);
    }

    private static InvoiceFacts facts(UUID invoice, String number, String type, String taxTotal, String total) {
        return new InvoiceFacts(
                invoice,
                ISSUER,
                "Demo Comercial, S.L.",
                number,
                LocalDate.of(2026, 12, 2),
                type,
                "Servicios de prueba",
                "B00000034",
                "Cliente de Prueba, S.A.",
                null,
                List.of(new InvoiceFacts.TaxLine(
                        new BigDecimal("21"),
                        new BigDecimal(total).subtract(new BigDecimal(taxTotal)),
                        new BigDecimal(taxTotal),
                        null,
                        null,
                        null,
                        "01")),
                new BigDecimal(taxTotal),
                new BigDecimal(total),
                null,
                null);
    }

    private record NewTenant(UUID id, String code) {}

    private NewTenant newTenant(String prefix) {
        String code = (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        UUID id = TenantContext.callAsOperator(null, () -> tenants.createTenant(code, "Cadena " + code, "es"))
                .id();
        return new NewTenant(id, code);
    }

    /** In one transaction, as the demo tenant's salesperson (staff role). */
    private <T> T asSales(Supplier<T> work) {
        return LoggedIn.asUser(
                users, SALES, () -> new TransactionTemplate(transactionManager).execute(status -> work.get()));
    }

    /** In one transaction, as system work of {@code tenant}. */
    private <T> T inTenant(UUID tenant, Supplier<T> work) {
        return TenantContext.callAsSystem(
                tenant, null, () -> new TransactionTemplate(transactionManager).execute(status -> work.get()));
    }

    private static <T> T asSystem(UUID tenant, Supplier<T> work) {
        return TenantContext.callAsSystem(tenant, null, work);
    }

    private static void execute(Connection connection, String sql, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            statement.executeUpdate();
        }
    }
}
