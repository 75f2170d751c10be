package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.assertRefusedByGrant;
import static com.nexo.tenancy.IsolationSupport.assertRefusedByPolicy;
import static com.nexo.tenancy.IsolationSupport.count;
import static com.nexo.tenancy.IsolationSupport.currentRole;
import static com.nexo.tenancy.IsolationSupport.inTransaction;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static com.nexo.tenancy.IsolationSupport.update;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.tenancy.IsolationSupport.TestTenant;
import com.nexo.testing.NexoSpringTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The purchasing tables (V46) under row-level security, with raw JDBC as the application role:
 * another tenant sees, changes and deletes none of their rows and cannot write into the owner's
 * tenant; a portal client and the operator are granted none of them, and the supplier portal role
 * (even the supplier the documents are addressed to) none but those the supplier portal opens to it
 * (V61, see {@code SupplierPortalIsolationTest}).
 */
@NexoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PurchasingIsolationTest {

    /** Every table V46 creates. */
    static final List<String> TABLES = List.of(
            "purchase_document",
            "purchase_document_line",
            "purchase_document_link",
            "purchase_document_mail",
            "purchase_rfq_supplier",
            "purchase_rfq_answer",
            "purchase_settings",
            "purchase_supplier_article",
            "purchase_supplier_price_break");

    /** The tables of V46 that the supplier portal (V61) opens to the supplier role, for its own rows. */
    static final List<String> SUPPLIER_PORTAL_TABLES =
            List.of("purchase_document", "purchase_document_line", "purchase_rfq_supplier", "purchase_rfq_answer");

    /** Tables staff may read and add to but never change (a sent e-mail is a fact). */
    private static final List<String> APPEND_ONLY = List.of("purchase_document_mail");

    /** Tables staff may not delete from (one settings row per tenant). */
    private static final List<String> NO_DELETE = List.of("purchase_document_mail", "purchase_settings");

    private TestTenant owner;
    private TestTenant other;
    private final UUID supplier = UUID.randomUUID();
    private final UUID article = UUID.randomUUID();
    private final UUID warehouse = UUID.randomUUID();
    private final UUID rfq = UUID.randomUUID();
    private final UUID order = UUID.randomUUID();
    private final UUID rfqLine = UUID.randomUUID();
    private final UUID orderLine = UUID.randomUUID();
    private final UUID supplierArticle = UUID.randomUUID();

    @BeforeAll
    void oneTenantWithARowInEveryTable() throws SQLException {
        owner = newTenant();
        other = newTenant();
        inTransaction(owner.asEmployee(), db -> {
            insertSupplierArticleAndWarehouse(db);
            update(db, """
                    INSERT INTO purchase_document (id, kind, status, document_date, warehouse_id)
                    VALUES (?, 'RFQ', 'DRAFT', DATE '2026-12-01', ?)
                    """, rfq, warehouse);
            update(db, """
                    INSERT INTO purchase_document (id, kind, status, supplier_id, supplier_name, document_date,
                                                   warehouse_id, rfq_id, base_amount, total_amount)
                    VALUES (?, 'ORDER', 'DRAFT', ?, 'Proveedora', DATE '2026-12-02', ?, ?, 10, 12.10)
                    """, order, supplier, warehouse, rfq);
            update(db, """
                    INSERT INTO purchase_document_line (id, document_id, position, article_id, description, quantity,
                                                        tax_code, vat_percent)
                    VALUES (?, ?, 1, ?, 'Tornillos', 10, 'IVA21', 21)
                    """, rfqLine, rfq, article);
            update(db, """
                    INSERT INTO purchase_document_line (id, document_id, position, article_id, description, quantity,
                                                        unit_price, tax_code, vat_percent, net_amount, source_line_id)
                    VALUES (?, ?, 1, ?, 'Tornillos', 10, 1, 'IVA21', 21, 10, ?)
                    """, orderLine, order, article, rfqLine);
            update(db, "INSERT INTO purchase_document_link (from_id, to_id) VALUES (?, ?)", rfq, order);
            update(
                    db,
                    "INSERT INTO purchase_document_mail (id, document_id, recipient, subject) VALUES (?, ?, ?, ?)",
                    UUID.randomUUID(),
                    order,
                    "compras@proveedora.test",
                    "Pedido");
            update(
                    db,
                    "INSERT INTO purchase_rfq_supplier (rfq_id, supplier_id, supplier_name, status) VALUES (?, ?,"
                            + " 'Proveedora', 'ANSWERED')",
                    rfq,
                    supplier);
            update(db, """
                    INSERT INTO purchase_rfq_answer (rfq_id, supplier_id, line_id, unit_price, quantity)
                    VALUES (?, ?, ?, 1, 10)
                    """, rfq, supplier, rfqLine);
            update(db, "INSERT INTO purchase_settings (approval_threshold) VALUES (100)");
            update(
                    db,
                    "INSERT INTO purchase_supplier_article (id, supplier_id, article_id, last_price) VALUES (?, ?, ?,"
                            + " 1)",
                    supplierArticle,
                    supplier,
                    article);
            update(
                    db,
                    "INSERT INTO purchase_supplier_price_break (supplier_article_id, min_quantity, unit_price)"
                            + " VALUES (?, 100, 0.9)",
                    supplierArticle);
            return null;
        });
    }

    private void insertSupplierArticleAndWarehouse(Connection db) throws SQLException {
        UUID unit = UUID.randomUUID();
        update(
                db,
                "INSERT INTO account (id, code, kind, roles, legal_name) VALUES (?, 'S-1', 'ORGANIZATION',"
                        + " '{SUPPLIER}', 'Proveedora')",
                supplier);
        update(
                db,
                "INSERT INTO unit_of_measure (id, code, name_es, name_en, kind, factor) VALUES (?, 'ud', 'u', 'u',"
                        + " 'count', 1)",
                unit);
        update(
                db,
                "INSERT INTO article (id, code, kind, name_es, name_en, unit_id) VALUES (?, 'A1', 'goods', 'a', 'a',"
                        + " ?)",
                article,
                unit);
        update(db, "INSERT INTO warehouse (id, code, name) VALUES (?, 'W1', 'w')", warehouse);
    }

    @Test
    void the_owner_sees_a_row_in_every_table() throws SQLException {
        inTransaction(owner.asEmployee(), db -> {
            for (String table : TABLES) {
                assertThat(count(db, "SELECT count(*) FROM " + table)).as(table).isPositive();
            }
            return null;
        });
    }

    @Test
    void another_tenant_sees_changes_and_deletes_nothing() throws SQLException {
        inTransaction(other.asEmployee(), db -> {
            for (String table : TABLES) {
                assertThat(count(db, "SELECT count(*) FROM " + table)).as(table).isZero();
                if (APPEND_ONLY.contains(table)) {
                    assertRefusedByGrant(db, table, "UPDATE " + table + " SET subject = subject");
                } else {
                    assertThat(update(db, "UPDATE " + table + " SET tenant_id = tenant_id"))
                            .as(table)
                            .isZero();
                }
                if (NO_DELETE.contains(table)) {
                    assertRefusedByGrant(db, table, "DELETE FROM " + table);
                } else {
                    assertThat(update(db, "DELETE FROM " + table)).as(table).isZero();
                }
            }
            return null;
        });
        inTransaction(owner.asEmployee(), db -> {
            for (String table : TABLES) {
                assertThat(count(db, "SELECT count(*) FROM " + table)).as(table).isPositive();
            }
            assertThat(count(db, "SELECT count(*) FROM purchase_document WHERE id IN (?, ?)", rfq, order))
                    .isEqualTo(2);
            return null;
        });
    }

    @Test
    void no_row_can_be_written_into_another_tenant() {
        assertRefusedByPolicy(
                () -> inTransaction(
                        other.asEmployee(),
                        db -> update(
                                db,
                                "INSERT INTO purchase_settings (tenant_id, approval_threshold) VALUES (?, 1)",
                                owner.id())),
                "purchase_settings");
        assertRefusedByPolicy(
                () -> inTransaction(other.asEmployee(), db -> update(db, """
                        INSERT INTO purchase_document (id, tenant_id, kind, status, document_date)
                        VALUES (?, ?, 'RFQ', 'DRAFT', DATE '2026-12-01')
                        """, UUID.randomUUID(), owner.id())),
                "purchase_document");
    }

    @Test
    void a_portal_client_and_the_operator_are_refused_every_table_and_the_supplier_all_but_its_portals()
            throws SQLException {
        DatabaseContext ownSupplier = new DatabaseContext(owner.id(), UUID.randomUUID(), ActorType.SUPPLIER, supplier);
        inTransaction(ownSupplier, db -> {
            assertThat(currentRole(db)).isEqualTo(TestContexts.ROLES.supplier());
            for (String table : TABLES) {
                if (!SUPPLIER_PORTAL_TABLES.contains(table)) {
                    assertRefusedByGrant(db, table, "SELECT count(*) FROM " + table);
                }
            }
            assertRefusedByGrant(
                    db,
                    "purchase_rfq_answer",
                    "UPDATE purchase_rfq_answer SET unit_price = 0 WHERE supplier_id = ?",
                    supplier);
            return null;
        });
        DatabaseContext operator = new DatabaseContext(null, UUID.randomUUID(), ActorType.OPERATOR, null);
        for (DatabaseContext outsider : new DatabaseContext[] {owner.asClient(), operator, null}) {
            inTransaction(outsider, db -> {
                for (String table : TABLES) {
                    assertRefusedByGrant(db, table, "SELECT count(*) FROM " + table);
                }
                return null;
            });
        }
    }
}
