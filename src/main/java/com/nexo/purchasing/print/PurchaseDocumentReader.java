package com.nexo.purchasing.print;

import com.nexo.purchasing.PurchasingRuleException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An RFQ or an order as it is printed, read straight from the purchasing tables: the header, its
 * lines in order and, for an RFQ, the suppliers it goes to. Runs in the caller's transaction.
 */
@Component
class PurchaseDocumentReader {

    /** The header of a document. */
    record Header(
            UUID id,
            String kind,
            String status,
            String number,
            UUID supplierId,
            String supplierName,
            String supplierTaxId,
            String supplierEmail,
            String language,
            String currency,
            LocalDate documentDate,
            LocalDate expectedDate,
            String supplierReference,
            Integer paymentDays,
            String notes) {}

    /** One line. */
    record Line(
            String articleCode,
            String supplierCode,
            String description,
            BigDecimal quantity,
            String unitCode,
            BigDecimal unitPrice,
            BigDecimal discountPercent,
            String taxCode,
            BigDecimal vatPercent) {}

    /** A supplier an RFQ is sent to, as the RFQ addresses it. */
    record Invited(UUID supplierId, String name, String email, String language) {}

    private static final String HEADER = """
            SELECT id, kind, status, number, supplier_id, supplier_name, supplier_tax_id, supplier_email, language,
                   currency, document_date, expected_date, supplier_reference, payment_days, notes
              FROM purchase_document
             WHERE id = :id
            """;

    private static final String LINES = """
            SELECT article_code, supplier_code, description, quantity, unit_code, unit_price, discount_percent,
                   tax_code, vat_percent
              FROM purchase_document_line
             WHERE document_id = :id
             ORDER BY position
            """;

    private static final String INVITED = """
            SELECT supplier_id, supplier_name, supplier_email, language
              FROM purchase_rfq_supplier
             WHERE rfq_id = :id
             ORDER BY supplier_name, supplier_id
            """;

    private final JdbcClient jdbc;

    PurchaseDocumentReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The document, which must be of {@code kind} (RFQ or ORDER); refused otherwise or when not found. */
    Header header(UUID id, String kind) {
        return jdbc.sql(HEADER)
                .param("id", id)
                .query((rs, n) -> new Header(
                        rs.getObject("id", UUID.class),
                        rs.getString("kind"),
                        rs.getString("status"),
                        rs.getString("number"),
                        rs.getObject("supplier_id", UUID.class),
                        rs.getString("supplier_name"),
                        rs.getString("supplier_tax_id"),
                        rs.getString("supplier_email"),
                        rs.getString("language"),
                        rs.getString("currency"),
                        rs.getObject("document_date", LocalDate.class),
                        rs.getObject("expected_date", LocalDate.class),
                        rs.getString("supplier_reference"),
                        (Integer) rs.getObject("payment_days"),
                        rs.getString("notes")))
                .optional()
                .filter(header -> header.kind().equals(kind))
                .orElseThrow(() -> new PurchasingRuleException("purchasing.print.error.not-found"));
    }

    List<Line> lines(UUID id) {
        return jdbc.sql(LINES)
                .param("id", id)
                .query((rs, n) -> new Line(
                        rs.getString("article_code"),
                        rs.getString("supplier_code"),
                        rs.getString("description"),
                        rs.getBigDecimal("quantity"),
                        rs.getString("unit_code"),
                        rs.getBigDecimal("unit_price"),
                        rs.getBigDecimal("discount_percent"),
                        rs.getString("tax_code"),
                        rs.getBigDecimal("vat_percent")))
                .list();
    }

    List<Invited> invited(UUID rfqId) {
        return jdbc.sql(INVITED)
                .param("id", rfqId)
                .query((rs, n) -> new Invited(
                        rs.getObject("supplier_id", UUID.class),
                        rs.getString("supplier_name"),
                        rs.getString("supplier_email"),
                        rs.getString("language")))
                .list();
    }

    /** The supplier as the RFQ addresses it; refused when the RFQ does not go to it. */
    Invited invited(UUID rfqId, UUID supplierId) {
        return invited(rfqId).stream()
                .filter(invited -> invited.supplierId().equals(supplierId))
                .findFirst()
                .orElseThrow(() -> new PurchasingRuleException("purchasing.print.error.not-invited"));
    }
}
