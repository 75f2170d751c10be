package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.assertRefusedByGrant;
import static com.nexo.tenancy.IsolationSupport.assertRefusedByPolicy;
import static com.nexo.tenancy.IsolationSupport.count;
import static com.nexo.tenancy.IsolationSupport.ids;
import static com.nexo.tenancy.IsolationSupport.inTransaction;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static com.nexo.tenancy.IsolationSupport.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.tenancy.IsolationSupport.TestTenant;
import com.nexo.testing.NexoSpringTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The client portal's sales tables under row-level security, with raw JDBC as the application role
 * (around the application code): a client reads its own account's numbered documents, their lines,
 * links and payments, and its own quote answers, and nothing else; it writes only an answer to its own
 * sent quote, once, as itself; a forged party and another tenant's client see nothing, another
 * account's context only that account's rows.
 */
@NexoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientPortalIsolationTest {

    private static final String INSERT_DOCUMENT = """
            INSERT INTO sales_document (id, kind, status, series, number_year, number, account_id, client_name, document_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'Client', DATE '2026-11-02')
            """;
    private static final String INSERT_LINE = """
            INSERT INTO sales_document_line (id, document_id, position, description, quantity, unit_price, tax_code,
                                             vat_percent, net_amount)
            VALUES (?, ?, 1, 'Work', 1, 10, 'IVA21', 21, 10)
            """;
    private static final String ANSWER = """
            INSERT INTO sales_quote_answer (id, quote_id, answer, signed_name) VALUES (?, ?, 'ACCEPTED', 'Carmen')
            """;

    private TestTenant owner;
    private TestTenant other;
    private UUID ownAccount;
    private final UUID otherAccount = UUID.randomUUID();

    private final UUID ownQuote = UUID.randomUUID();
    private final UUID ownSecondQuote = UUID.randomUUID();
    private final UUID ownDraft = UUID.randomUUID();
    private final UUID ownOrder = UUID.randomUUID();
    private final UUID ownInvoice = UUID.randomUUID();
    private final UUID othersQuote = UUID.randomUUID();
    private final UUID othersInvoice = UUID.randomUUID();
    private final UUID othersAnswer = UUID.randomUUID();
    private final UUID ownLine = UUID.randomUUID();
    private final UUID draftLine = UUID.randomUUID();
    private final UUID othersLine = UUID.randomUUID();
    private final UUID ownPayment = UUID.randomUUID();
    private final UUID othersPayment = UUID.randomUUID();

    @BeforeAll
    void twoAccountsWithDocumentsInATenantAndAnotherTenant() throws SQLException {
        owner = newTenant();
        other = newTenant();
        ownAccount = owner.client().partyId();
        inTransaction(owner.asEmployee(), db -> {
            update(
                    db,
                    "INSERT INTO account (id, code, kind, roles, legal_name) VALUES"
                            + " (?, 'C-1', 'ORGANIZATION', '{CLIENT}', 'Own account'),"
                            + " (?, 'C-2', 'ORGANIZATION', '{CLIENT}', 'Other account')",
                    ownAccount,
                    otherAccount);
            document(db, ownQuote, "QUOTE", "SENT", "P-1", ownAccount);
            document(db, ownSecondQuote, "QUOTE", "SENT", "P-2", ownAccount);
            document(db, ownDraft, "QUOTE", "DRAFT", null, ownAccount);
            document(db, ownOrder, "ORDER", "CONFIRMED", "PV-1", ownAccount);
            document(db, ownInvoice, "INVOICE", "ISSUED", "F-1", ownAccount);
            document(db, othersQuote, "QUOTE", "SENT", "P-3", otherAccount);
            document(db, othersInvoice, "INVOICE", "ISSUED", "F-2", otherAccount);
            update(db, INSERT_LINE, ownLine, ownQuote);
            update(db, INSERT_LINE, draftLine, ownDraft);
            update(db, INSERT_LINE, othersLine, othersQuote);
            update(db, "INSERT INTO sales_document_link (from_id, to_id) VALUES (?, ?)", ownQuote, ownOrder);
            update(db, "INSERT INTO sales_document_link (from_id, to_id) VALUES (?, ?)", othersQuote, othersInvoice);
            update(
                    db,
                    "INSERT INTO sales_payment (id, invoice_id, paid_on, amount) VALUES (?, ?, DATE '2026-11-20', 5),"
                            + " (?, ?, DATE '2026-11-20', 5)",
                    ownPayment,
                    ownInvoice,
                    othersPayment,
                    othersInvoice);
            return null;
        });
        // The other account's answer, given by a user of that account.
        UUID othersUser = UUID.randomUUID();
        inTransaction(owner.asSystem(), db -> {
            update(
                    db,
                    "INSERT INTO app_user (id, email, display_name, actor_type, party_id) VALUES (?, ?, 'Other', 'client', ?)",
                    othersUser,
                    "other-" + othersUser + "@isolation.test",
                    otherAccount);
            return null;
        });
        inTransaction(
                new DatabaseContext(owner.id(), othersUser, ActorType.CLIENT, otherAccount),
                db -> update(db, ANSWER, othersAnswer, othersQuote));
    }

    private static void document(Connection db, UUID id, String kind, String status, String number, UUID account)
            throws SQLException {
        String series = number == null ? null : number.substring(0, number.indexOf('-'));
        update(db, INSERT_DOCUMENT, id, kind, status, series, number == null ? null : 2026, number, account);
    }

    @Test
    void a_client_reads_its_own_numbered_documents_lines_links_and_payments_only() throws SQLException {
        inTransaction(owner.asClient(), db -> {
            assertThat(ids(db, "SELECT id FROM sales_document"))
                    .containsExactlyInAnyOrder(ownQuote, ownSecondQuote, ownOrder, ownInvoice);
            assertThat(ids(db, "SELECT id FROM sales_document_line")).containsExactly(ownLine);
            assertThat(ids(db, "SELECT to_id FROM sales_document_link")).containsExactly(ownOrder);
            assertThat(ids(db, "SELECT id FROM sales_payment")).containsExactly(ownPayment);
            assertThat(ids(db, "SELECT id FROM sales_document WHERE id IN (?, ?)", othersQuote, ownDraft))
                    .isEmpty();
            assertThat(ids(db, "SELECT id FROM sales_quote_answer")).doesNotContain(othersAnswer);
            return null;
        });
    }

    @Test
    void what_a_client_owes_is_summed_over_its_own_invoices_and_only_the_client_role_may_ask() throws SQLException {
        String owed =
                "SELECT count(*) || ' ' || coalesce(sum(open), 0) FROM nexo_sales_client_open_amounts(CURRENT_DATE)";
        // Each account's issued invoice: total 0, paid 5.
        inTransaction(owner.asClient(), db -> {
            assertThat(IsolationSupport.text(db, owed)).isEqualTo("1 -5.00");
            return null;
        });
        inTransaction(new DatabaseContext(owner.id(), owner.client().id(), ActorType.CLIENT, UUID.randomUUID()), db -> {
            assertThat(IsolationSupport.text(db, owed)).isEqualTo("0 0");
            return null;
        });
        inTransaction(other.asClient(), db -> {
            assertThat(IsolationSupport.text(db, owed)).isEqualTo("0 0");
            return null;
        });
        assertThatThrownBy(() -> inTransaction(owner.asEmployee(), db -> IsolationSupport.text(db, owed)))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    }

    @Test
    void a_client_writes_no_document_line_link_or_payment() throws SQLException {
        inTransaction(owner.asClient(), db -> {
            assertRefusedByGrant(db, "sales_document", "UPDATE sales_document SET notes = 'x' WHERE id = ?", ownQuote);
            assertRefusedByGrant(
                    db, "sales_document", "UPDATE sales_document SET status = 'ACCEPTED' WHERE id = ?", ownQuote);
            assertRefusedByGrant(db, "sales_document", "DELETE FROM sales_document WHERE id = ?", ownQuote);
            assertRefusedByGrant(
                    db,
                    "sales_document",
                    "INSERT INTO sales_document (id, kind, status, account_id, client_name, document_date)"
                            + " VALUES (?, 'ORDER', 'DRAFT', ?, 'x', DATE '2026-11-02')",
                    UUID.randomUUID(),
                    ownAccount);
            assertRefusedByGrant(db, "sales_document_line", "DELETE FROM sales_document_line WHERE id = ?", ownLine);
            assertRefusedByGrant(
                    db,
                    "sales_document_link",
                    "INSERT INTO sales_document_link (from_id, to_id) VALUES (?, ?)",
                    ownSecondQuote,
                    ownOrder);
            assertRefusedByGrant(
                    db,
                    "sales_payment",
                    "INSERT INTO sales_payment (id, invoice_id, paid_on, amount) VALUES (?, ?, DATE '2026-11-21', 50)",
                    UUID.randomUUID(),
                    ownInvoice);
            assertRefusedByGrant(db, "sales_settings", "SELECT * FROM sales_settings");
            assertRefusedByGrant(
                    db,
                    "sales_quote_answer",
                    "UPDATE sales_quote_answer SET order_id = ? WHERE quote_id = ?",
                    ownOrder,
                    ownQuote);
            return null;
        });
    }

    @Test
    void a_client_answers_its_own_sent_quote_once_as_itself_and_nothing_else() throws SQLException {
        // Another account's quote, its own draft, its order: refused by the policy.
        for (UUID notAnswerable : new UUID[] {othersQuote, ownDraft, ownOrder}) {
            assertRefusedByPolicy(
                    () -> inTransaction(owner.asClient(), db -> update(db, ANSWER, UUID.randomUUID(), notAnswerable)),
                    "sales_quote_answer");
        }
        // Forged columns: another party, another user, an order already set.
        assertRefusedByPolicy(
                () -> inTransaction(
                        owner.asClient(),
                        db -> update(
                                db,
                                "INSERT INTO sales_quote_answer (id, quote_id, party_id, answer, signed_name)"
                                        + " VALUES (?, ?, ?, 'ACCEPTED', 'x')",
                                UUID.randomUUID(),
                                ownSecondQuote,
                                otherAccount)),
                "sales_quote_answer");
        assertRefusedByPolicy(
                () -> inTransaction(
                        owner.asClient(),
                        db -> update(
                                db,
                                "INSERT INTO sales_quote_answer (id, quote_id, answered_by, answer, signed_name)"
                                        + " VALUES (?, ?, ?, 'ACCEPTED', 'x')",
                                UUID.randomUUID(),
                                ownSecondQuote,
                                owner.employee().id())),
                "sales_quote_answer");
        assertRefusedByPolicy(
                () -> inTransaction(
                        owner.asClient(),
                        db -> update(
                                db,
                                "INSERT INTO sales_quote_answer (id, quote_id, order_id, answer, signed_name)"
                                        + " VALUES (?, ?, ?, 'ACCEPTED', 'x')",
                                UUID.randomUUID(),
                                ownSecondQuote,
                                ownOrder)),
                "sales_quote_answer");

        UUID answer = UUID.randomUUID();
        inTransaction(owner.asClient(), db -> update(db, ANSWER, answer, ownQuote));
        assertThatThrownBy(() -> inTransaction(owner.asClient(), db -> update(db, ANSWER, UUID.randomUUID(), ownQuote)))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
        inTransaction(owner.asClient(), db -> {
            assertThat(ids(db, "SELECT id FROM sales_quote_answer")).containsExactly(answer);
            assertThat(ids(db, "SELECT answered_by FROM sales_quote_answer"))
                    .containsExactly(owner.client().id());
            assertThat(ids(db, "SELECT party_id FROM sales_quote_answer")).containsExactly(ownAccount);
            return null;
        });
        // Staff reads every answer of its tenant.
        inTransaction(owner.asEmployee(), db -> {
            assertThat(ids(db, "SELECT id FROM sales_quote_answer")).contains(answer, othersAnswer);
            return null;
        });
    }

    @Test
    void a_forged_party_another_account_and_another_tenant_see_nothing_of_the_account() throws SQLException {
        Set<DatabaseContext> strangers = Set.of(
                new DatabaseContext(owner.id(), owner.client().id(), ActorType.CLIENT, UUID.randomUUID()),
                new DatabaseContext(other.id(), other.client().id(), ActorType.CLIENT, ownAccount),
                other.asClient());
        inTransaction(other.asEmployee(), db -> {
            assertThat(count(db, "SELECT count(*) FROM sales_document")).isZero();
            assertThat(count(db, "SELECT count(*) FROM sales_quote_answer")).isZero();
            return null;
        });
        // Another account's context in the same tenant sees its own rows, none of this account's.
        inTransaction(new DatabaseContext(owner.id(), owner.client().id(), ActorType.CLIENT, otherAccount), db -> {
            assertThat(ids(db, "SELECT id FROM sales_document")).containsExactlyInAnyOrder(othersQuote, othersInvoice);
            assertThat(ids(db, "SELECT id FROM sales_document_line")).containsExactly(othersLine);
            assertThat(ids(db, "SELECT id FROM sales_payment")).containsExactly(othersPayment);
            assertThat(ids(db, "SELECT id FROM sales_quote_answer")).containsExactly(othersAnswer);
            return null;
        });
        for (DatabaseContext stranger : strangers) {
            inTransaction(stranger, db -> {
                for (String table : new String[] {
                    "sales_document",
                    "sales_document_line",
                    "sales_document_link",
                    "sales_payment",
                    "sales_quote_answer"
                }) {
                    assertThat(count(db, "SELECT count(*) FROM " + table))
                            .as("%s as %s", table, stranger)
                            .isZero();
                }
                return null;
            });
            assertRefusedByPolicy(
                    () -> inTransaction(stranger, db -> update(db, ANSWER, UUID.randomUUID(), ownSecondQuote)),
                    "sales_quote_answer");
        }
    }
}
