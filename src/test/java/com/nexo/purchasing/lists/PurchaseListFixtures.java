package com.nexo.purchasing.lists;

import com.nexo.accounts.AccountFixtures;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountService;
import com.nexo.base.Ids;
import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.purchasing.documents.PurchaseStatus;
import com.nexo.testing.LoggedIn;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Suppliers and purchasing documents for one test, in the demo tenant. The documents are written as
 * rows (the purchasing document services are another part's work), through row-level security as
 * the demo administrator, in the shape V46 requires: numbered unless a draft or waiting for approval,
 * receipts of an order into a warehouse, bills with the supplier's reference.
 */
public final class PurchaseListFixtures {

    /** The demo administrator: every permission, purchasing's too. */
    public static final String ADMIN = "admin@demo.nexo";

    /** The demo tenant's read-only employee: purchasing.read, not export. */
    public static final String READ_ONLY = AccountFixtures.READ_ONLY;

    private static final String INSERT = """
            INSERT INTO purchase_document (id, kind, status, series, number_year, number, supplier_id, supplier_name,
                                           document_date, expected_date, due_date, supplier_reference, supplier_date,
                                           base_amount, total_amount, order_id, warehouse_id)
            VALUES (:id, :kind, :status, :series, :year, :number, :supplier,
                    (SELECT legal_name FROM account WHERE id = :supplier), :date, :expected, :due, :reference,
                    :supplierDate, :total, :total, :order, :warehouse)
            """;

    private final UserDetailsService users;
    private final AccountService accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    /** Tells this test's rows apart from other tests' and other runs'. */
    public final String tag = Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);

    private int sequence;

    public PurchaseListFixtures(
            UserDetailsService users,
            AccountService accounts,
            JdbcClient jdbc,
            PlatformTransactionManager transactions) {
        this.users = users;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    public <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(users, email, work);
    }

    public <T> T asAdmin(Supplier<T> work) {
        return as(ADMIN, work);
    }

    /** A new supplier whose name carries the test's tag. */
    public UUID supplier(String name) {
        return account(name, AccountRole.SUPPLIER);
    }

    /** A new client (not a supplier) whose name carries the test's tag. */
    public UUID client(String name) {
        return account(name, AccountRole.CLIENT);
    }

    private UUID account(String name, AccountRole role) {
        AccountForm form = AccountFixtures.company(name + " " + tag);
        form.setRoles(EnumSet.of(role));
        return asAdmin(() -> accounts.create(form));
    }

    /** A number unique to this test: "PO-<tag>-0007". */
    public String number(PurchaseKind kind) {
        return kind.defaultSeries() + "-" + tag + "-" + String.format(Locale.ROOT, "%04d", ++sequence);
    }

    /**
     * An order of {@code supplier} in {@code status}, dated {@code date}, expected {@code date + 7},
     * for {@code total}; numbered unless a draft or waiting for approval.
     */
    public UUID order(UUID supplier, PurchaseStatus status, LocalDate date, String total) {
        return document(PurchaseKind.ORDER, status, supplier, date, total, null, null);
    }

    /** A posted receipt of {@code order}, with the supplier's delivery note {@code reference}. */
    public UUID receipt(UUID supplier, UUID order, LocalDate date, String reference) {
        return document(PurchaseKind.RECEIPT, PurchaseStatus.POSTED, supplier, date, "0", reference, order);
    }

    /** A bill of {@code supplier} with its own number {@code reference}. */
    public UUID bill(UUID supplier, PurchaseStatus status, LocalDate date, String total, String reference) {
        return document(PurchaseKind.BILL, status, supplier, date, total, reference, null);
    }

    /** An RFQ sent to {@code suppliers} (it names none itself). */
    public UUID rfq(PurchaseStatus status, LocalDate date, UUID... suppliers) {
        UUID id = document(PurchaseKind.RFQ, status, null, date, "0", null, null);
        asAdmin(() -> transactions.execute(tx -> {
            for (UUID supplier : suppliers) {
                jdbc.sql("""
                                INSERT INTO purchase_rfq_supplier (rfq_id, supplier_id, supplier_name)
                                VALUES (:rfq, :supplier, (SELECT legal_name FROM account WHERE id = :supplier))
                                """).param("rfq", id).param("supplier", supplier).update();
            }
            return null;
        }));
        return id;
    }

    /**
     * A line of {@code document}: {@code quantity} ordered, {@code received} of it received. Lines of an
     * RFQ or order past its draft are frozen (R__purchasing_documents.sql), so, in one transaction, the
     * document is put back to an unnumbered draft, the line written and the document's state restored.
     */
    public void line(UUID document, int position, String quantity, String received) {
        asAdmin(() -> transactions.execute(tx -> {
            var state = jdbc.sql("""
                            SELECT status, series, number_year, number FROM purchase_document WHERE id = :document
                            """)
                    .param("document", document)
                    .query((rs, n) -> new Object[] {
                        rs.getString(1), rs.getString(2), rs.getObject(3, Integer.class), rs.getString(4)
                    })
                    .single();
            jdbc.sql("""
                            UPDATE purchase_document SET status = 'DRAFT', series = NULL, number_year = NULL, number = NULL
                             WHERE id = :document
                            """).param("document", document).update();
            jdbc.sql("""
                            INSERT INTO purchase_document_line (id, document_id, position, description, quantity,
                                                                unit_price, tax_code, vat_percent, received_quantity)
                            VALUES (:id, :document, :position, :description, :quantity, 1, 'IVA21', 21, :received)
                            """)
                    .param("id", Ids.newId())
                    .param("document", document)
                    .param("position", position)
                    .param("description", "Línea " + position + " " + tag)
                    .param("quantity", new BigDecimal(quantity))
                    .param("received", new BigDecimal(received))
                    .update();
            return jdbc.sql("""
                            UPDATE purchase_document
                               SET status = :status, series = CAST(:series AS text),
                                   number_year = CAST(:year AS integer), number = CAST(:number AS text)
                             WHERE id = :document
                            """)
                    .param("document", document)
                    .param("status", state[0])
                    .param("series", state[1])
                    .param("year", state[2])
                    .param("number", state[3])
                    .update();
        }));
    }

    public UUID document(
            PurchaseKind kind,
            PurchaseStatus status,
            UUID supplier,
            LocalDate date,
            String total,
            String reference,
            UUID order) {
        UUID id = Ids.newId();
        boolean numbered = status != PurchaseStatus.DRAFT && status != PurchaseStatus.TO_APPROVE;
        asAdmin(() -> transactions.execute(tx -> jdbc.sql(INSERT)
                .param("id", id)
                .param("kind", kind.name())
                .param("status", status.name())
                .param("series", numbered ? kind.defaultSeries() : null)
                .param("year", numbered ? date.getYear() : null)
                .param("number", numbered ? number(kind) : null)
                .param("supplier", supplier)
                .param("date", date)
                .param("expected", kind == PurchaseKind.RECEIPT ? null : date.plusDays(7))
                .param("due", kind == PurchaseKind.BILL ? date.plusDays(30) : null)
                .param("reference", reference)
                .param("supplierDate", reference == null ? null : date)
                .param("total", new BigDecimal(total))
                .param("order", order)
                .param(
                        "warehouse",
                        kind == PurchaseKind.RECEIPT
                                ? jdbc.sql("SELECT id FROM warehouse ORDER BY code LIMIT 1")
                                        .query(UUID.class)
                                        .single()
                                : null)
                .update()));
        return id;
    }

    /** The document's number (null for a draft). */
    public String numberOf(UUID document) {
        return asAdmin(() -> transactions.execute(tx -> jdbc.sql("SELECT number FROM purchase_document WHERE id = :id")
                .param("id", document)
                .query(String.class)
                .optional()
                .orElse(null)));
    }
}
