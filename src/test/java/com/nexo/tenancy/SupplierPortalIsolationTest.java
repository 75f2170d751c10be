package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.assertRefusedByGrant;
import static com.nexo.tenancy.IsolationSupport.assertRefusedByPolicy;
import static com.nexo.tenancy.IsolationSupport.bind;
import static com.nexo.tenancy.IsolationSupport.connect;
import static com.nexo.tenancy.IsolationSupport.count;
import static com.nexo.tenancy.IsolationSupport.ids;
import static com.nexo.tenancy.IsolationSupport.inTransaction;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static com.nexo.tenancy.IsolationSupport.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.tenancy.IsolationSupport.SqlWork;
import com.nexo.tenancy.IsolationSupport.TestTenant;
import com.nexo.testing.NexoSpringTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The supplier portal (V61) under row-level security, with raw JDBC as the application role and the
 * supplier role's context bound as the portal binds it: a supplier reads only its own sent orders,
 * the sent RFQs it is invited to, their lines, its own invitation, answers, responses and files, and
 * writes only its own answers, responses and file links, on its own documents; another supplier of
 * the same tenant, a forged account, the right account under another tenant and another tenant's
 * staff read and change none of them; a portal client is granted none of the new tables.
 */
@NexoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupplierPortalIsolationTest {

    /** Every table the supplier role is granted by V61. */
    static final List<String> SUPPLIER_TABLES = List.of(
            "purchase_document",
            "purchase_document_line",
            "purchase_rfq_supplier",
            "purchase_rfq_answer",
            "purchase_order_response",
            "purchase_order_response_line",
            "purchase_order_file");

    /** The tables V61 creates. */
    static final List<String> NEW_TABLES =
            List.of("purchase_order_response", "purchase_order_response_line", "purchase_order_file");

    private TestTenant owner;
    private TestTenant other;
    private final UUID mine = UUID.randomUUID();
    private final UUID rival = UUID.randomUUID();
    private final UUID sharedRfq = UUID.randomUUID();
    private final UUID sharedRfqLine = UUID.randomUUID();
    private final UUID rivalRfq = UUID.randomUUID();
    private final UUID rivalRfqLine = UUID.randomUUID();
    private final UUID draftRfq = UUID.randomUUID();
    private final UUID myOrder = UUID.randomUUID();
    private final UUID myOrderLine = UUID.randomUUID();
    private final UUID myDraftOrder = UUID.randomUUID();
    private final UUID rivalOrder = UUID.randomUUID();
    private final UUID rivalOrderLine = UUID.randomUUID();
    private final UUID rivalResponse = UUID.randomUUID();
    private final UUID rivalFile = UUID.randomUUID();
    private final UUID myFile = UUID.randomUUID();

    @BeforeAll
    void aTenantWithTwoSuppliersAndTheirDocuments() throws SQLException {
        owner = newTenant();
        other = newTenant();
        inTransaction(owner.asEmployee(), db -> {
            UUID unit = UUID.randomUUID();
            UUID article = UUID.randomUUID();
            UUID warehouse = UUID.randomUUID();
            for (UUID supplier : List.of(mine, rival)) {
                update(
                        db,
                        "INSERT INTO account (id, code, kind, roles, legal_name) VALUES (?, ?, 'ORGANIZATION',"
                                + " '{SUPPLIER}', 'Proveedora')",
                        supplier,
                        "S-" + supplier.toString().substring(0, 8));
            }
            update(
                    db,
                    "INSERT INTO unit_of_measure (id, code, name_es, name_en, kind, factor)"
                            + " VALUES (?, 'ud', 'u', 'u', 'count', 1)",
                    unit);
            update(
                    db,
                    "INSERT INTO article (id, code, kind, name_es, name_en, unit_id)"
                            + " VALUES (?, 'A1', 'goods', 'a', 'a', ?)",
                    article,
                    unit);
            update(db, "INSERT INTO warehouse (id, code, name) VALUES (?, 'W1', 'w')", warehouse);
            // Documents are written as drafts with their lines, then sent (lines of a sent one are frozen).
            document(db, sharedRfq, "RFQ", null, warehouse);
            document(db, rivalRfq, "RFQ", null, warehouse);
            document(db, draftRfq, "RFQ", null, warehouse);
            document(db, myOrder, "ORDER", mine, warehouse);
            document(db, myDraftOrder, "ORDER", mine, warehouse);
            document(db, rivalOrder, "ORDER", rival, warehouse);
            line(db, sharedRfqLine, sharedRfq, article);
            line(db, rivalRfqLine, rivalRfq, article);
            line(db, UUID.randomUUID(), draftRfq, article);
            line(db, myOrderLine, myOrder, article);
            line(db, UUID.randomUUID(), myDraftOrder, article);
            line(db, rivalOrderLine, rivalOrder, article);
            int n = 0;
            for (UUID sent : List.of(sharedRfq, rivalRfq, myOrder, rivalOrder)) {
                update(
                        db,
                        "UPDATE purchase_document SET status = 'SENT', series = 'X', number_year = 2026,"
                                + " number = ?, numbered_at = now(), sent_at = now() WHERE id = ?",
                        "X-" + (++n),
                        sent);
            }
            invite(db, sharedRfq, mine, "SENT");
            invite(db, sharedRfq, rival, "ANSWERED");
            invite(db, rivalRfq, rival, "SENT");
            invite(db, draftRfq, mine, "INVITED");
            update(
                    db,
                    "INSERT INTO purchase_rfq_answer (rfq_id, supplier_id, line_id, unit_price, quantity)"
                            + " VALUES (?, ?, ?, 1, 10)",
                    sharedRfq,
                    rival,
                    sharedRfqLine);
            update(
                    db,
                    "INSERT INTO purchase_order_response (id, order_id, supplier_id, status, comment)"
                            + " VALUES (?, ?, ?, 'PROPOSED', 'Otra fecha')",
                    rivalResponse,
                    rivalOrder,
                    rival);
            update(
                    db,
                    "INSERT INTO purchase_order_response_line (response_id, line_id, quantity, delivery_date)"
                            + " VALUES (?, ?, 5, DATE '2027-01-15')",
                    rivalResponse,
                    rivalOrderLine);
            return null;
        });
        // Only a supplier ties a file to an order: each uploads its own (V58 portal uploads).
        inTransaction(supplier(owner.id(), rival), db -> {
            storedFile(db, rivalFile);
            return update(
                    db,
                    "INSERT INTO purchase_order_file (id, order_id, file_id, supplier_id, kind)"
                            + " VALUES (?, ?, ?, ?, 'BILL')",
                    UUID.randomUUID(),
                    rivalOrder,
                    rivalFile,
                    rival);
        });
        inTransaction(supplier(owner.id(), mine), db -> storedFile(db, myFile));
    }

    private static void document(Connection db, UUID id, String kind, UUID supplier, UUID warehouse)
            throws SQLException {
        update(
                db,
                "INSERT INTO purchase_document (id, kind, status, supplier_id, supplier_name, document_date,"
                        + " warehouse_id) VALUES (?, ?, 'DRAFT', ?, ?, DATE '2026-12-01', ?)",
                id,
                kind,
                supplier,
                supplier == null ? null : "Proveedora",
                warehouse);
    }

    private static void line(Connection db, UUID id, UUID document, UUID article) throws SQLException {
        update(
                db,
                "INSERT INTO purchase_document_line (id, document_id, position, article_id, description, quantity,"
                        + " unit_price, tax_code, vat_percent, net_amount) VALUES (?, ?, 1, ?, 'Tornillos', 10, 1, 'IVA21', 21, 10)",
                id,
                document,
                article);
    }

    private static void invite(Connection db, UUID rfq, UUID supplier, String status) throws SQLException {
        update(
                db,
                "INSERT INTO purchase_rfq_supplier (rfq_id, supplier_id, supplier_name, status)"
                        + " VALUES (?, ?, 'Proveedora', ?)",
                rfq,
                supplier,
                status);
    }

    /** A file of the bound supplier's account (party_id defaults to it). */
    private static int storedFile(Connection db, UUID id) throws SQLException {
        return update(
                db,
                "INSERT INTO stored_file (id, name, content_type, size, sha256, purpose)"
                        + " VALUES (?, 'f.pdf', 'application/pdf', 0, repeat('0', 64), 'purchase-order-file')",
                id);
    }

    private DatabaseContext supplier(UUID tenant, UUID party) {
        return new DatabaseContext(tenant, UUID.randomUUID(), ActorType.SUPPLIER, party);
    }

    private DatabaseContext asMine() {
        return supplier(owner.id(), mine);
    }

    /** Runs {@code work} bound to {@code context} and rolls it back, whatever it wrote. */
    private static <T> T rolledBack(DatabaseContext context, SqlWork<T> work) throws SQLException {
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            try {
                bind(db, context);
                return work.run(db);
            } finally {
                db.rollback();
            }
        }
    }

    @Test
    void a_supplier_reads_its_own_sent_documents_and_its_own_rows_only() throws SQLException {
        inTransaction(asMine(), db -> {
            assertThat(ids(db, "SELECT id FROM purchase_document")).containsExactlyInAnyOrder(sharedRfq, myOrder);
            assertThat(ids(db, "SELECT id FROM purchase_document_line"))
                    .containsExactlyInAnyOrder(sharedRfqLine, myOrderLine);
            assertThat(ids(db, "SELECT rfq_id FROM purchase_rfq_supplier"))
                    .as("not the draft RFQ's invitation")
                    .containsExactly(sharedRfq);
            assertThat(ids(db, "SELECT supplier_id FROM purchase_rfq_supplier")).containsExactly(mine);
            for (String table : NEW_TABLES) {
                assertThat(count(db, "SELECT count(*) FROM " + table)).as(table).isZero();
            }
            assertThat(count(db, "SELECT count(*) FROM purchase_rfq_answer")).isZero();
            return null;
        });
        inTransaction(supplier(owner.id(), rival), db -> {
            assertThat(ids(db, "SELECT id FROM purchase_document"))
                    .containsExactlyInAnyOrder(sharedRfq, rivalRfq, rivalOrder);
            assertThat(count(db, "SELECT count(*) FROM purchase_rfq_answer")).isOne();
            for (String table : NEW_TABLES) {
                assertThat(count(db, "SELECT count(*) FROM " + table)).as(table).isOne();
            }
            return null;
        });
    }

    @Test
    void a_forged_account_the_right_account_in_another_tenant_and_another_tenants_staff_see_nothing()
            throws SQLException {
        for (DatabaseContext outsider : List.of(supplier(owner.id(), UUID.randomUUID()), supplier(other.id(), mine))) {
            inTransaction(outsider, db -> {
                for (String table : SUPPLIER_TABLES) {
                    assertThat(count(db, "SELECT count(*) FROM " + table))
                            .as(table)
                            .isZero();
                }
                assertThat(update(db, "UPDATE purchase_rfq_supplier SET status = 'ANSWERED'"))
                        .isZero();
                assertThat(update(db, "DELETE FROM purchase_rfq_answer")).isZero();
                assertThat(update(db, "DELETE FROM purchase_order_response_line"))
                        .isZero();
                assertThat(update(db, "DELETE FROM purchase_order_file")).isZero();
                assertThat(update(db, "UPDATE purchase_order_response SET status = 'CONFIRMED'"))
                        .isZero();
                return null;
            });
        }
        inTransaction(other.asEmployee(), db -> {
            for (String table : NEW_TABLES) {
                assertThat(count(db, "SELECT count(*) FROM " + table)).as(table).isZero();
                assertThat(update(db, "DELETE FROM " + table)).as(table).isZero();
            }
            return null;
        });
        inTransaction(owner.asEmployee(), db -> {
            for (String table : NEW_TABLES) {
                assertThat(count(db, "SELECT count(*) FROM " + table)).as(table).isOne();
            }
            return null;
        });
    }

    @Test
    void a_supplier_withdraws_its_decline_only_as_a_clean_reset_of_its_own_invitation() throws SQLException {
        rolledBack(asMine(), db -> {
            assertThat(update(
                            db,
                            "UPDATE purchase_rfq_supplier SET status = 'DECLINED', answered_at = now(),"
                                    + " decline_reason = 'Sin existencias'"))
                    .isOne();
            assertThat(
                            update(
                                    db,
                                    "UPDATE purchase_rfq_supplier SET status = 'SENT', answered_at = NULL, decline_reason = NULL"))
                    .as("V64: the decline withdrawn")
                    .isOne();
            assertThat(update(
                            db,
                            "UPDATE purchase_rfq_supplier SET status = 'SENT', answered_at = NULL, decline_reason = NULL"
                                    + " WHERE supplier_id = ?",
                            rival))
                    .as("not the rival's invitation")
                    .isZero();
            assertThat(update(
                            db,
                            "UPDATE purchase_rfq_supplier SET status = 'DECLINED', answered_at = now(),"
                                    + " decline_reason = 'Sin existencias'"))
                    .isOne();
            assertRefusedByPolicy(
                    () -> update(db, "UPDATE purchase_rfq_supplier SET status = 'SENT'"), "purchase_rfq_supplier");
            return null;
        });
    }

    @Test
    void a_supplier_answers_and_responds_for_itself_on_its_own_documents() throws SQLException {
        rolledBack(asMine(), db -> {
            assertThat(update(
                            db,
                            "INSERT INTO purchase_rfq_answer (rfq_id, supplier_id, line_id, unit_price, quantity)"
                                    + " VALUES (?, ?, ?, 2, 10)",
                            sharedRfq,
                            mine,
                            sharedRfqLine))
                    .isOne();
            assertThat(update(db, "UPDATE purchase_rfq_supplier SET status = 'ANSWERED', version = version + 1"))
                    .as("its own invitation only")
                    .isOne();
            assertThat(update(
                            db,
                            "INSERT INTO purchase_order_response (id, order_id, supplier_id, status)"
                                    + " VALUES (?, ?, ?, 'PROPOSED')",
                            UUID.randomUUID(),
                            myOrder,
                            mine))
                    .isOne();
            assertThat(update(
                            db,
                            "INSERT INTO purchase_order_response_line (response_id, line_id, quantity)"
                                    + " SELECT id, ?, 4 FROM purchase_order_response",
                            myOrderLine))
                    .isOne();
            assertThat(update(
                            db,
                            "INSERT INTO purchase_order_file (id, order_id, file_id, supplier_id, kind)"
                                    + " VALUES (?, ?, ?, ?, 'DELIVERY_NOTE')",
                            UUID.randomUUID(),
                            myOrder,
                            myFile,
                            mine))
                    .isOne();
            assertThat(count(db, "SELECT count(*) FROM purchase_order_file")).isOne();
            return null;
        });
    }

    @Test
    void a_supplier_writes_nothing_for_another_supplier_nor_on_documents_not_its_own() {
        // An answer in the rival's name, or to the rival's RFQ; a response to the rival's order, in the
        // rival's name, or taking the buyer's decision; a file of the rival tied to its own order.
        assertRefusedByPolicy(
                () -> rolledBack(
                        asMine(),
                        db -> update(
                                db,
                                "INSERT INTO purchase_rfq_answer (rfq_id, supplier_id, line_id, unit_price, quantity)"
                                        + " VALUES (?, ?, ?, 2, 10)",
                                sharedRfq,
                                rival,
                                sharedRfqLine)),
                "purchase_rfq_answer");
        assertThatThrownBy(() -> rolledBack(
                        asMine(),
                        db -> update(
                                db,
                                "INSERT INTO purchase_rfq_answer (rfq_id, supplier_id, line_id, unit_price, quantity)"
                                        + " VALUES (?, ?, ?, 2, 10)",
                                rivalRfq,
                                mine,
                                rivalRfqLine)))
                .isInstanceOf(SQLException.class);
        assertRefusedByPolicy(
                () -> rolledBack(
                        asMine(),
                        db -> update(
                                db,
                                "INSERT INTO purchase_order_response (id, order_id, supplier_id, status) VALUES (?, ?, ?, 'CONFIRMED')",
                                UUID.randomUUID(),
                                rivalOrder,
                                mine)),
                "purchase_order_response");
        assertRefusedByPolicy(
                () -> rolledBack(
                        asMine(),
                        db -> update(
                                db,
                                "INSERT INTO purchase_order_response (id, order_id, supplier_id, status) VALUES (?, ?, ?, 'CONFIRMED')",
                                UUID.randomUUID(),
                                myOrder,
                                rival)),
                "purchase_order_response");
        assertRefusedByPolicy(
                () -> rolledBack(
                        asMine(),
                        db -> update(
                                db,
                                "INSERT INTO purchase_order_response (id, order_id, supplier_id, status) VALUES (?, ?, ?, 'ACCEPTED')",
                                UUID.randomUUID(),
                                myOrder,
                                mine)),
                "purchase_order_response");
        assertRefusedByPolicy(
                () -> rolledBack(
                        asMine(),
                        db -> update(
                                db,
                                "INSERT INTO purchase_order_response_line (response_id, line_id, quantity) VALUES (?, ?, 1)",
                                rivalResponse,
                                rivalOrderLine)),
                "purchase_order_response_line");
        assertRefusedByPolicy(
                () -> rolledBack(
                        asMine(),
                        db -> update(
                                db,
                                "INSERT INTO purchase_order_file (id, order_id, file_id, supplier_id, kind)"
                                        + " VALUES (?, ?, ?, ?, 'BILL')",
                                UUID.randomUUID(),
                                myOrder,
                                rivalFile,
                                mine)),
                "purchase_order_file");
        assertRefusedByPolicy(
                () -> rolledBack(
                        asMine(),
                        db -> update(
                                db,
                                "INSERT INTO purchase_order_file (id, order_id, file_id, supplier_id, kind)"
                                        + " VALUES (?, ?, ?, ?, 'BILL')",
                                UUID.randomUUID(),
                                rivalOrder,
                                myFile,
                                mine)),
                "purchase_order_file");
    }

    @Test
    void a_supplier_changes_no_document_and_a_portal_client_reaches_none_of_the_new_tables() throws SQLException {
        rolledBack(asMine(), db -> {
            assertRefusedByGrant(db, "purchase_document", "UPDATE purchase_document SET notes = 'x'");
            assertRefusedByGrant(db, "purchase_document_line", "DELETE FROM purchase_document_line");
            assertRefusedByGrant(db, "purchase_rfq_answer", "UPDATE purchase_rfq_answer SET unit_price = 0");
            assertRefusedByGrant(db, "purchase_rfq_supplier", "UPDATE purchase_rfq_supplier SET order_id = NULL");
            assertRefusedByGrant(db, "purchase_order_file", "UPDATE purchase_order_file SET kind = 'BILL'");
            assertThat(update(db, "UPDATE purchase_order_response SET status = 'PROPOSED'"))
                    .as("the rival's response is not even seen")
                    .isZero();
            return null;
        });
        for (DatabaseContext outsider : Set.of(owner.asClient())) {
            rolledBack(outsider, db -> {
                for (String table : SUPPLIER_TABLES) {
                    assertRefusedByGrant(db, table, "SELECT count(*) FROM " + table);
                }
                return null;
            });
        }
    }
}
