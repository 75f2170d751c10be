package com.nexo.purchasing.portal;

import com.nexo.purchasing.portal.SupplierPortal.AnswerInput;
import com.nexo.purchasing.portal.SupplierPortal.Order;
import com.nexo.purchasing.portal.SupplierPortal.OrderLine;
import com.nexo.purchasing.portal.SupplierPortal.OrderRow;
import com.nexo.purchasing.portal.SupplierPortal.ProposalInput;
import com.nexo.purchasing.portal.SupplierPortal.Response;
import com.nexo.purchasing.portal.SupplierPortal.Rfq;
import com.nexo.purchasing.portal.SupplierPortal.RfqLine;
import com.nexo.purchasing.portal.SupplierPortal.RfqRow;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the supplier portal and of the supplier's responses on the back office's order page.
 * Nothing here names a tenant or a supplier to filter by: under the supplier role the policies of V61
 * leave the supplier's own rows only, under staff the tenant's. Written rows name the supplier's
 * account, which the policies check against the bound context.
 */
@Repository
class SupplierPortalStore {

    private static final String RFQ_ROWS = """
            SELECT d.id, d.number, d.document_date, d.expected_date, d.status, s.status AS invitation
              FROM purchase_document d
              JOIN purchase_rfq_supplier s ON s.tenant_id = d.tenant_id AND s.rfq_id = d.id
             WHERE d.kind = 'RFQ' AND s.supplier_id = :supplier %s
             ORDER BY d.document_date DESC, d.id DESC
             LIMIT :limit
            """;

    private static final String AFTER = "AND (d.document_date, d.id) < (:afterDate, :afterId)";

    private static final String RFQ = """
            SELECT d.id, d.number, d.document_date, d.expected_date, d.notes, d.status, s.status AS invitation,
                   s.supplier_reference, s.valid_until, s.version, s.decline_reason
              FROM purchase_document d
              JOIN purchase_rfq_supplier s ON s.tenant_id = d.tenant_id AND s.rfq_id = d.id
             WHERE d.id = :id AND d.kind = 'RFQ' AND s.supplier_id = :supplier
            """;

    private static final String RFQ_LINES = """
            SELECT l.id, l.position, l.supplier_code, l.description, l.quantity, l.unit_code,
                   a.unit_price, a.discount_percent, a.quantity AS answer_quantity, a.delivery_date
              FROM purchase_document_line l
              LEFT JOIN purchase_rfq_answer a
                     ON a.tenant_id = l.tenant_id AND a.rfq_id = l.document_id AND a.line_id = l.id
                    AND a.supplier_id = :supplier
             WHERE l.document_id = :id
             ORDER BY l.position
            """;

    private static final String DELETE_ANSWERS =
            "DELETE FROM purchase_rfq_answer WHERE rfq_id = :rfq AND supplier_id = :supplier";

    private static final String INSERT_ANSWER = """
            INSERT INTO purchase_rfq_answer (rfq_id, supplier_id, line_id, unit_price, quantity, delivery_date)
            VALUES (:rfq, :supplier, :line, :price, :quantity, :deliveryDate)
            """;

    private static final String ANSWERED = """
            UPDATE purchase_rfq_supplier
               SET status = 'ANSWERED', answered_at = now(), supplier_reference = :reference, valid_until = :validUntil,
                   decline_reason = NULL, version = version + 1
             WHERE rfq_id = :rfq AND supplier_id = :supplier AND version = :version AND status <> 'DECLINED'
            """;

    /** The supplier declines: any answer it gave no longer stands (as when the buyer records a decline). */
    private static final String DECLINED = """
            UPDATE purchase_rfq_supplier
               SET status = 'DECLINED', answered_at = now(), decline_reason = :reason, valid_until = NULL,
                   version = version + 1
             WHERE rfq_id = :rfq AND supplier_id = :supplier AND version = :version
               AND status IN ('SENT', 'ANSWERED')
            """;

    /** The supplier withdraws its decline: the invitation waits for its answer again. */
    private static final String DECLINE_WITHDRAWN = """
            UPDATE purchase_rfq_supplier
               SET status = 'SENT', answered_at = NULL, decline_reason = NULL, version = version + 1
             WHERE rfq_id = :rfq AND supplier_id = :supplier AND version = :version AND status = 'DECLINED'
            """;

    private static final String RFQS_TO_ANSWER = """
            SELECT count(*)
              FROM purchase_rfq_supplier s
              JOIN purchase_document d ON d.tenant_id = s.tenant_id AND d.id = s.rfq_id
             WHERE s.supplier_id = :supplier AND s.status = 'SENT' AND d.kind = 'RFQ' AND d.status = 'SENT'
            """;

    private static final String ORDER_ROWS = """
            SELECT d.id, d.number, d.document_date, d.expected_date, d.status, d.currency, d.total_amount,
                   r.status AS response
              FROM purchase_document d
              LEFT JOIN purchase_order_response r ON r.tenant_id = d.tenant_id AND r.order_id = d.id
             WHERE d.kind = 'ORDER' AND d.supplier_id = :supplier AND d.number IS NOT NULL %s
             ORDER BY d.document_date DESC, d.id DESC
             LIMIT :limit
            """;

    private static final String ORDERS_TO_CONFIRM = """
            SELECT count(*)
              FROM purchase_document d
             WHERE d.kind = 'ORDER' AND d.supplier_id = :supplier AND d.status = 'SENT'
               AND NOT EXISTS (SELECT 1 FROM purchase_order_response r
                                WHERE r.tenant_id = d.tenant_id AND r.order_id = d.id AND r.status <> 'REJECTED')
            """;

    private static final String ORDER = """
            SELECT d.id, d.number, d.document_date, d.expected_date, d.status, d.currency, d.base_amount,
                   d.vat_amount, d.total_amount, d.notes, d.supplier_id
              FROM purchase_document d
             WHERE d.id = :id AND d.kind = 'ORDER' AND d.number IS NOT NULL
            """;

    private static final String ORDER_LINES = """
            SELECT l.id, l.position, l.supplier_code, l.description, l.quantity, l.unit_code, l.unit_price,
                   l.discount_percent, l.net_amount, l.received_quantity, l.delivery_date,
                   rl.quantity AS proposed_quantity, rl.delivery_date AS proposed_date
              FROM purchase_document_line l
              LEFT JOIN purchase_order_response r ON r.tenant_id = l.tenant_id AND r.order_id = l.document_id
              LEFT JOIN purchase_order_response_line rl
                     ON rl.tenant_id = r.tenant_id AND rl.response_id = r.id AND rl.line_id = l.id
             WHERE l.document_id = :id
             ORDER BY l.position
            """;

    private static final String RESPONSE = """
            SELECT id, status, comment, responded_at, decided_at, version
              FROM purchase_order_response WHERE order_id = :order
            """;

    private static final String RESPONSE_FOR_UPDATE = RESPONSE + " FOR UPDATE";

    private static final String INSERT_RESPONSE = """
            INSERT INTO purchase_order_response (id, order_id, supplier_id, status, comment)
            VALUES (:id, :order, :supplier, :status, :comment)
            """;

    private static final String RESPOND_AGAIN = """
            UPDATE purchase_order_response
               SET status = :status, comment = :comment, responded_at = now(), responded_by = nexo_user_id(),
                   decided_at = NULL, decided_by = NULL, version = version + 1
             WHERE id = :id AND version = :version
            """;

    private static final String DELETE_PROPOSAL_LINES =
            "DELETE FROM purchase_order_response_line WHERE response_id = :response";

    private static final String INSERT_PROPOSAL_LINE = """
            INSERT INTO purchase_order_response_line (response_id, line_id, quantity, delivery_date)
            VALUES (:response, :line, :quantity, :deliveryDate)
            """;

    private static final String DECIDE = """
            UPDATE purchase_order_response
               SET status = :status, decided_at = now(), decided_by = nexo_user_id(), version = version + 1
             WHERE id = :id AND version = :version AND status = 'PROPOSED'
            """;

    private static final String FILES = """
            SELECT id, file_id, kind, uploaded_at FROM purchase_order_file WHERE order_id = :order
             ORDER BY uploaded_at, id
            """;

    private static final String INSERT_FILE = """
            INSERT INTO purchase_order_file (id, order_id, file_id, supplier_id, kind)
            VALUES (:id, :order, :file, :supplier, :kind)
            """;

    private static final String FILE_OF_ORDER =
            "SELECT file_id FROM purchase_order_file WHERE order_id = :order AND file_id = :file";

    /** A file link as stored; its name and size come from the file storage. */
    record FileLink(UUID id, UUID fileId, String kind, Instant uploadedAt) {}

    private final JdbcClient jdbc;

    SupplierPortalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- RFQs -----------------------------------------------------------------------------------

    List<RfqRow> rfqs(UUID supplier, LocalDate afterDate, UUID afterId, int limit) {
        return page(RFQ_ROWS, supplier, afterDate, afterId, limit)
                .query((rs, n) -> new RfqRow(
                        rs.getObject("id", UUID.class),
                        rs.getString("number"),
                        rs.getObject("document_date", LocalDate.class),
                        rs.getObject("expected_date", LocalDate.class),
                        open(rs.getString("status"), rs.getString("invitation")),
                        rs.getString("invitation")))
                .list();
    }

    Optional<Rfq> rfq(UUID supplier, UUID id) {
        List<RfqLine> lines = jdbc.sql(RFQ_LINES)
                .param("id", id)
                .param("supplier", supplier)
                .query((rs, n) -> new RfqLine(
                        rs.getObject("id", UUID.class),
                        rs.getInt("position"),
                        rs.getString("supplier_code"),
                        rs.getString("description"),
                        rs.getBigDecimal("quantity"),
                        rs.getString("unit_code"),
                        rs.getBigDecimal("unit_price"),
                        rs.getBigDecimal("discount_percent"),
                        rs.getBigDecimal("answer_quantity"),
                        rs.getObject("delivery_date", LocalDate.class)))
                .list();
        return jdbc.sql(RFQ)
                .param("id", id)
                .param("supplier", supplier)
                .query((rs, n) -> new Rfq(
                        rs.getObject("id", UUID.class),
                        rs.getString("number"),
                        rs.getObject("document_date", LocalDate.class),
                        rs.getObject("expected_date", LocalDate.class),
                        rs.getString("notes"),
                        open(rs.getString("status"), rs.getString("invitation")),
                        rs.getString("invitation"),
                        rs.getString("supplier_reference"),
                        rs.getObject("valid_until", LocalDate.class),
                        rs.getLong("version"),
                        rs.getString("decline_reason"),
                        lines))
                .optional();
    }

    /** Declines the RFQ and drops the supplier's answer; false when the invitation is no longer at {@code version}. */
    boolean decline(UUID rfq, UUID supplier, long version, String reason) {
        int changed = jdbc.sql(DECLINED)
                .param("rfq", rfq)
                .param("supplier", supplier)
                .param("version", version)
                .param("reason", reason, Types.VARCHAR)
                .update();
        if (changed != 1) {
            return false;
        }
        jdbc.sql(DELETE_ANSWERS).param("rfq", rfq).param("supplier", supplier).update();
        return true;
    }

    /** Withdraws the supplier's decline; false when the invitation is no longer declined at {@code version}. */
    boolean withdrawDecline(UUID rfq, UUID supplier, long version) {
        return jdbc.sql(DECLINE_WITHDRAWN)
                        .param("rfq", rfq)
                        .param("supplier", supplier)
                        .param("version", version)
                        .update()
                == 1;
    }

    /** Replaces the supplier's answer; false when its invitation is no longer at {@code version}. */
    boolean answer(
            UUID rfq, UUID supplier, long version, String reference, LocalDate validUntil, List<AnswerInput> lines) {
        int changed = jdbc.sql(ANSWERED)
                .param("rfq", rfq)
                .param("supplier", supplier)
                .param("version", version)
                .param("reference", reference, Types.VARCHAR)
                .param("validUntil", validUntil, Types.DATE)
                .update();
        if (changed != 1) {
            return false;
        }
        jdbc.sql(DELETE_ANSWERS).param("rfq", rfq).param("supplier", supplier).update();
        for (AnswerInput line : lines) {
            jdbc.sql(INSERT_ANSWER)
                    .param("rfq", rfq)
                    .param("supplier", supplier)
                    .param("line", line.lineId())
                    .param("price", line.unitPrice())
                    .param("quantity", line.quantity())
                    .param("deliveryDate", line.deliveryDate(), Types.DATE)
                    .update();
        }
        return true;
    }

    long rfqsToAnswer(UUID supplier) {
        return jdbc.sql(RFQS_TO_ANSWER)
                .param("supplier", supplier)
                .query(Long.class)
                .single();
    }

    // --- Orders ---------------------------------------------------------------------------------

    List<OrderRow> orders(UUID supplier, LocalDate afterDate, UUID afterId, int limit) {
        return page(ORDER_ROWS, supplier, afterDate, afterId, limit)
                .query((rs, n) -> new OrderRow(
                        rs.getObject("id", UUID.class),
                        rs.getString("number"),
                        rs.getObject("document_date", LocalDate.class),
                        rs.getObject("expected_date", LocalDate.class),
                        rs.getString("status"),
                        rs.getString("currency"),
                        rs.getBigDecimal("total_amount"),
                        rs.getString("response")))
                .list();
    }

    long ordersToConfirm(UUID supplier) {
        return jdbc.sql(ORDERS_TO_CONFIRM)
                .param("supplier", supplier)
                .query(Long.class)
                .single();
    }

    /** The order without its files (the caller describes them through the file storage). */
    Optional<Order> order(UUID id) {
        Optional<Response> response = response(id, false);
        List<OrderLine> lines = jdbc.sql(ORDER_LINES)
                .param("id", id)
                .query((rs, n) -> new OrderLine(
                        rs.getObject("id", UUID.class),
                        rs.getInt("position"),
                        rs.getString("supplier_code"),
                        rs.getString("description"),
                        rs.getBigDecimal("quantity"),
                        rs.getString("unit_code"),
                        rs.getBigDecimal("unit_price"),
                        rs.getBigDecimal("discount_percent"),
                        rs.getBigDecimal("net_amount"),
                        rs.getBigDecimal("received_quantity"),
                        rs.getObject("delivery_date", LocalDate.class),
                        rs.getBigDecimal("proposed_quantity"),
                        rs.getObject("proposed_date", LocalDate.class)))
                .list();
        return jdbc.sql(ORDER)
                .param("id", id)
                .query((rs, n) -> new Order(
                        rs.getObject("id", UUID.class),
                        rs.getString("number"),
                        rs.getObject("document_date", LocalDate.class),
                        rs.getObject("expected_date", LocalDate.class),
                        rs.getString("status"),
                        rs.getString("currency"),
                        rs.getBigDecimal("base_amount"),
                        rs.getBigDecimal("vat_amount"),
                        rs.getBigDecimal("total_amount"),
                        rs.getString("notes"),
                        response.orElse(null),
                        lines,
                        List.of()))
                .optional();
    }

    /** The order's supplier (staff reads any order of its tenant; the supplier only its own). */
    Optional<UUID> supplierOf(UUID orderId) {
        return jdbc.sql("SELECT supplier_id FROM purchase_document WHERE id = :id AND kind = 'ORDER'")
                .param("id", orderId)
                .query(UUID.class)
                .optional();
    }

    Optional<Response> response(UUID orderId, boolean lock) {
        return jdbc.sql(lock ? RESPONSE_FOR_UPDATE : RESPONSE)
                .param("order", orderId)
                .query((rs, n) -> new Response(
                        rs.getObject("id", UUID.class),
                        rs.getString("status"),
                        rs.getString("comment"),
                        instant(rs.getTimestamp("responded_at")),
                        instant(rs.getTimestamp("decided_at")),
                        rs.getLong("version")))
                .optional();
    }

    void insertResponse(UUID id, UUID order, UUID supplier, String status, String comment) {
        jdbc.sql(INSERT_RESPONSE)
                .param("id", id)
                .param("order", order)
                .param("supplier", supplier)
                .param("status", status)
                .param("comment", comment, Types.VARCHAR)
                .update();
    }

    /** Clears a changeable response's proposal lines (before it changes state). */
    void deleteProposalLines(UUID response) {
        jdbc.sql(DELETE_PROPOSAL_LINES).param("response", response).update();
    }

    boolean respondAgain(UUID id, long version, String status, String comment) {
        return jdbc.sql(RESPOND_AGAIN)
                        .param("id", id)
                        .param("version", version)
                        .param("status", status)
                        .param("comment", comment, Types.VARCHAR)
                        .update()
                == 1;
    }

    void insertProposalLines(UUID response, List<ProposalInput> lines) {
        for (ProposalInput line : lines) {
            jdbc.sql(INSERT_PROPOSAL_LINE)
                    .param("response", response)
                    .param("line", line.lineId())
                    .param("quantity", line.quantity())
                    .param("deliveryDate", line.deliveryDate(), Types.DATE)
                    .update();
        }
    }

    boolean decide(UUID id, long version, String status) {
        return jdbc.sql(DECIDE)
                        .param("id", id)
                        .param("version", version)
                        .param("status", status)
                        .update()
                == 1;
    }

    List<FileLink> files(UUID orderId) {
        return jdbc.sql(FILES)
                .param("order", orderId)
                .query((rs, n) -> new FileLink(
                        rs.getObject("id", UUID.class),
                        rs.getObject("file_id", UUID.class),
                        rs.getString("kind"),
                        instant(rs.getTimestamp("uploaded_at"))))
                .list();
    }

    /** Unties a file from the order; false when it was not tied to it (or not readable to the caller). */
    boolean deleteFileLink(UUID order, UUID file) {
        return jdbc.sql("DELETE FROM purchase_order_file WHERE order_id = :order AND file_id = :file")
                        .param("order", order)
                        .param("file", file)
                        .update()
                > 0;
    }

    void insertFile(UUID order, UUID file, UUID supplier, String kind) {
        jdbc.sql(INSERT_FILE)
                .param("id", UUID.randomUUID())
                .param("order", order)
                .param("file", file)
                .param("supplier", supplier)
                .param("kind", kind)
                .update();
    }

    boolean isFileOf(UUID order, UUID file) {
        return jdbc.sql(FILE_OF_ORDER)
                .param("order", order)
                .param("file", file)
                .query(UUID.class)
                .optional()
                .isPresent();
    }

    /** Who placed the supplier's order, and the tenant's language (R__purchasing_supplier_portal). */
    Optional<Buyer> buyerOf(UUID orderId) {
        return jdbc.sql("SELECT email, language, order_number, supplier_name FROM nexo_purchase_order_buyer(:order)")
                .param("order", orderId)
                .query((rs, n) -> new Buyer(
                        rs.getString("email"),
                        rs.getString("language"),
                        rs.getString("order_number"),
                        rs.getString("supplier_name")))
                .optional();
    }

    /** Who created one of the supplier's RFQs, and the tenant's language (R__purchasing_supplier_portal). */
    Optional<Buyer> buyerOfRfq(UUID rfqId) {
        return jdbc.sql("SELECT email, language, rfq_number, supplier_name FROM nexo_purchase_rfq_buyer(:rfq)")
                .param("rfq", rfqId)
                .query((rs, n) -> new Buyer(
                        rs.getString("email"),
                        rs.getString("language"),
                        rs.getString("rfq_number"),
                        rs.getString("supplier_name")))
                .optional();
    }

    /**
     * The e-mail (null when its user is gone or disabled) of a document's buyer, the tenant's language,
     * and the document's (order's or RFQ's) number and supplier name.
     */
    record Buyer(String email, String language, String orderNumber, String supplierName) {}

    private JdbcClient.StatementSpec page(String sql, UUID supplier, LocalDate afterDate, UUID afterId, int limit) {
        boolean after = afterDate != null && afterId != null;
        JdbcClient.StatementSpec statement = jdbc.sql(sql.formatted(after ? AFTER : ""))
                .param("supplier", supplier)
                .param("limit", limit);
        if (after) {
            statement = statement.param("afterDate", afterDate).param("afterId", afterId);
        }
        return statement;
    }

    private static boolean open(String rfqStatus, String invitation) {
        return "SENT".equals(rfqStatus)
                && List.of("SENT", "ANSWERED", "DECLINED").contains(invitation);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
