package com.nexo.purchasing.documents;

import com.nexo.accounts.AccountParty;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of an RFQ's suppliers and their answers (the RFQ itself is a {@link PurchaseStore} document). */
@Repository
class RfqStore {

    private static final String SUPPLIERS = """
            SELECT supplier_id, supplier_name, supplier_email, language, status, sent_at, answered_at,
                   supplier_reference, valid_until, order_id, decline_reason
              FROM purchase_rfq_supplier WHERE rfq_id = :rfq ORDER BY supplier_name, supplier_id
            """;

    private static final String DELETE_SUPPLIERS = "DELETE FROM purchase_rfq_supplier WHERE rfq_id = :rfq";

    private static final String INSERT_SUPPLIER = """
            INSERT INTO purchase_rfq_supplier (rfq_id, supplier_id, supplier_name, supplier_email, language)
            VALUES (:rfq, :supplier, :name, :email, :language)
            """;

    private static final String SENT =
            "UPDATE purchase_rfq_supplier SET status = 'SENT', sent_at = now(), version = version + 1 WHERE rfq_id = :rfq";

    private static final String ANSWERED = """
            UPDATE purchase_rfq_supplier
               SET status = 'ANSWERED', answered_at = now(), supplier_reference = :reference, valid_until = :validUntil,
                   decline_reason = NULL, version = version + 1
             WHERE rfq_id = :rfq AND supplier_id = :supplier
            """;

    /** A supplier declines: its answer, if it had given one, no longer stands. */
    private static final String DECLINED = """
            UPDATE purchase_rfq_supplier
               SET status = 'DECLINED', answered_at = now(), decline_reason = :reason, valid_until = NULL,
                   version = version + 1
             WHERE rfq_id = :rfq AND supplier_id = :supplier
            """;

    private static final String CHOSEN = """
            UPDATE purchase_rfq_supplier SET status = 'CHOSEN', order_id = :order, version = version + 1
             WHERE rfq_id = :rfq AND supplier_id = :supplier
            """;

    private static final String DELETE_ANSWERS =
            "DELETE FROM purchase_rfq_answer WHERE rfq_id = :rfq AND supplier_id = :supplier";

    private static final String INSERT_ANSWER = """
            INSERT INTO purchase_rfq_answer (rfq_id, supplier_id, line_id, unit_price, discount_percent, quantity,
                   delivery_date)
            VALUES (:rfq, :supplier, :line, :price, :discount, :quantity, :deliveryDate)
            """;

    private static final String ANSWERS = """
            SELECT supplier_id, line_id, unit_price, discount_percent, quantity, delivery_date
              FROM purchase_rfq_answer WHERE rfq_id = :rfq
            """;

    /** A stored answer line of one supplier. */
    record StoredAnswer(UUID supplierId, AnswerLine line) {}

    private final JdbcClient jdbc;

    RfqStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RfqSupplier> suppliers(UUID rfqId) {
        return jdbc.sql(SUPPLIERS)
                .param("rfq", rfqId)
                .query((rs, n) -> new RfqSupplier(
                        rs.getObject("supplier_id", UUID.class),
                        rs.getString("supplier_name"),
                        rs.getString("supplier_email"),
                        rs.getString("language"),
                        rs.getString("status"),
                        PurchaseStore.instant(rs.getTimestamp("sent_at")),
                        PurchaseStore.instant(rs.getTimestamp("answered_at")),
                        rs.getString("supplier_reference"),
                        rs.getObject("valid_until", LocalDate.class),
                        rs.getObject("order_id", UUID.class),
                        rs.getString("decline_reason")))
                .list();
    }

    void replaceSuppliers(UUID rfqId, List<AccountParty> suppliers) {
        jdbc.sql(DELETE_SUPPLIERS).param("rfq", rfqId).update();
        for (AccountParty supplier : suppliers) {
            jdbc.sql(INSERT_SUPPLIER)
                    .param("rfq", rfqId)
                    .param("supplier", supplier.id())
                    .param("name", supplier.legalName())
                    .param("email", supplier.email())
                    .param("language", "en".equals(supplier.language()) ? "en" : "es")
                    .update();
        }
    }

    void sent(UUID rfqId) {
        jdbc.sql(SENT).param("rfq", rfqId).update();
    }

    void answer(UUID rfqId, UUID supplierId, String reference, LocalDate validUntil, List<AnswerLine> lines) {
        jdbc.sql(DELETE_ANSWERS)
                .param("rfq", rfqId)
                .param("supplier", supplierId)
                .update();
        for (AnswerLine line : lines) {
            jdbc.sql(INSERT_ANSWER)
                    .param("rfq", rfqId)
                    .param("supplier", supplierId)
                    .param("line", line.lineId())
                    .param("price", line.unitPrice())
                    .param("discount", line.discountPercent())
                    .param("quantity", line.quantity())
                    .param("deliveryDate", line.deliveryDate())
                    .update();
        }
        jdbc.sql(ANSWERED)
                .param("rfq", rfqId)
                .param("supplier", supplierId)
                .param("reference", PurchaseStore.blankToNull(reference))
                .param("validUntil", validUntil)
                .update();
    }

    void declined(UUID rfqId, UUID supplierId, String reason) {
        jdbc.sql(DELETE_ANSWERS)
                .param("rfq", rfqId)
                .param("supplier", supplierId)
                .update();
        jdbc.sql(DECLINED)
                .param("rfq", rfqId)
                .param("supplier", supplierId)
                .param("reason", PurchaseStore.blankToNull(reason), java.sql.Types.VARCHAR)
                .update();
    }

    void chosen(UUID rfqId, UUID supplierId, UUID orderId) {
        jdbc.sql(CHOSEN)
                .param("rfq", rfqId)
                .param("supplier", supplierId)
                .param("order", orderId)
                .update();
    }

    List<StoredAnswer> answers(UUID rfqId) {
        return jdbc.sql(ANSWERS)
                .param("rfq", rfqId)
                .query((rs, n) -> new StoredAnswer(
                        rs.getObject("supplier_id", UUID.class),
                        new AnswerLine(
                                rs.getObject("line_id", UUID.class),
                                rs.getBigDecimal("unit_price"),
                                rs.getBigDecimal("discount_percent"),
                                rs.getBigDecimal("quantity"),
                                rs.getObject("delivery_date", LocalDate.class))))
                .list();
    }
}
