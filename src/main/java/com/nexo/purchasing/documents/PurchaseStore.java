package com.nexo.purchasing.documents;

import com.nexo.base.numbering.DocumentNumber;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of purchasing documents (RFQs and orders), their lines and links. Every statement runs in
 * the caller's transaction under the tenant's row-level security; the services decide what may
 * happen. Writes of a stored document check its version: a statement that changes no row means
 * someone else changed (or deleted) it meanwhile.
 */
@Repository
class PurchaseStore {

    private static final String HEADER_COLUMNS = """
            id, kind, status, number, supplier_id, supplier_name, supplier_tax_id, supplier_email, language, currency,
            document_date, expected_date, warehouse_id, supplier_reference, notes, rfq_id, order_id, base_amount,
            vat_amount, total_amount, approved_by, approved_at, sent_at, cancel_reason, cancelled_at, created_by,
            version""";

    private static final String LINE_COLUMNS = """
            id, document_id, position, article_id, article_code, supplier_code, description, quantity, unit_code,
            unit_price, discount_percent, tax_code, vat_percent, net_amount, stock_tracked, source_line_id,
            received_quantity, billed_quantity, version""";

    private static final String HEADER = "SELECT " + HEADER_COLUMNS + " FROM purchase_document WHERE id = :id";
    private static final String HEADER_FOR_UPDATE = HEADER + " FOR UPDATE";
    private static final String LINES =
            "SELECT " + LINE_COLUMNS + " FROM purchase_document_line WHERE document_id = :id ORDER BY position";

    private static final String INSERT = """
            INSERT INTO purchase_document (id, kind, status, supplier_id, supplier_name, supplier_tax_id, supplier_email,
                   language, currency, document_date, expected_date, warehouse_id, supplier_reference, notes, rfq_id,
                   base_amount, vat_amount, total_amount)
            VALUES (:id, :kind, 'DRAFT', :supplierId, :supplierName, :supplierTaxId, :supplierEmail, :language,
                   :currency, :documentDate, :expectedDate, :warehouseId, :supplierReference, :notes, :rfqId,
                   :base, :vat, :total)
            """;

    private static final String UPDATE = """
            UPDATE purchase_document
               SET supplier_id = :supplierId, supplier_name = :supplierName, supplier_tax_id = :supplierTaxId,
                   supplier_email = :supplierEmail, language = :language, currency = :currency,
                   document_date = :documentDate, expected_date = :expectedDate, warehouse_id = :warehouseId,
                   supplier_reference = :supplierReference, notes = :notes, base_amount = :base, vat_amount = :vat,
                   total_amount = :total, updated_at = now(), version = version + 1
             WHERE id = :id AND version = :version AND status = 'DRAFT'
            """;

    private static final String DELETE_LINES = "DELETE FROM purchase_document_line WHERE document_id = :id";

    private static final String INSERT_LINE = """
            INSERT INTO purchase_document_line (id, document_id, position, article_id, article_code, supplier_code,
                   description, quantity, unit_code, unit_price, discount_percent, tax_code, vat_percent, net_amount,
                   stock_tracked, source_line_id)
            VALUES (:id, :documentId, :position, :articleId, :articleCode, :supplierCode, :description, :quantity,
                   :unitCode, :unitPrice, :discount, :taxCode, :vatPercent, :net, :stockTracked, :sourceLineId)
            """;

    private static final String STATUS = """
            UPDATE purchase_document SET status = :status, updated_at = now(), version = version + 1
             WHERE id = :id AND version = :version
            """;

    private static final String APPROVE = """
            UPDATE purchase_document
               SET status = 'APPROVED', approved_by = :user, approved_at = now(), updated_at = now(),
                   version = version + 1
             WHERE id = :id AND version = :version AND status = 'TO_APPROVE'
            """;

    private static final String NUMBER = """
            UPDATE purchase_document
               SET status = :status, series = :series, number_year = :year, number = :number, numbered_at = now(),
                   sent_at = now(), updated_at = now(), version = version + 1
             WHERE id = :id AND version = :version
            """;

    private static final String CANCEL = """
            UPDATE purchase_document
               SET status = 'CANCELLED', cancel_reason = :reason, cancelled_at = now(), updated_at = now(),
                   version = version + 1
             WHERE id = :id AND version = :version
            """;

    private static final String DELETE =
            "DELETE FROM purchase_document WHERE id = :id AND version = :version" + " AND status = 'DRAFT'";

    private static final String LINK =
            "INSERT INTO purchase_document_link (from_id, to_id) VALUES (:from, :to) ON CONFLICT DO NOTHING";

    private static final String RELATED = """
            SELECT d.id, d.kind, d.status, d.number, d.document_date, d.total_amount
              FROM purchase_document d
             WHERE d.id IN (SELECT to_id FROM purchase_document_link WHERE from_id = :id
                            UNION SELECT from_id FROM purchase_document_link WHERE to_id = :id)
             ORDER BY d.document_date, d.created_at, d.id
            """;

    /** A sent order's line set to a supplier's accepted proposal (R__purchasing_documents checks it). */
    private static final String PROPOSED_LINE = """
            UPDATE purchase_document_line
               SET quantity = :quantity, net_amount = :net, delivery_date = :deliveryDate, version = version + 1
             WHERE id = :id
            """;

    private static final String TOTALS = """
            UPDATE purchase_document
               SET base_amount = :base, vat_amount = :vat, total_amount = :total, expected_date = :expected,
                   updated_at = now(), version = version + 1
             WHERE id = :id AND version = :version
            """;

    private final JdbcClient jdbc;

    PurchaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PurchaseDocument> find(UUID id) {
        return read(HEADER, id);
    }

    /** The document, its row locked until the transaction ends (a flow step reads it so). */
    Optional<PurchaseDocument> lock(UUID id) {
        return read(HEADER_FOR_UPDATE, id);
    }

    private Optional<PurchaseDocument> read(String sql, UUID id) {
        List<PurchaseLine> lines =
                jdbc.sql(LINES).param("id", id).query(PurchaseStore::line).list();
        return jdbc.sql(sql).param("id", id).query((rs, n) -> header(rs, lines)).optional();
    }

    /** Header values of a new or changed document. */
    record Header(
            UUID supplierId,
            String supplierName,
            String supplierTaxId,
            String supplierEmail,
            String language,
            String currency,
            LocalDate documentDate,
            LocalDate expectedDate,
            UUID warehouseId,
            String supplierReference,
            String notes,
            UUID rfqId,
            BigDecimal base,
            BigDecimal vat,
            BigDecimal total) {}

    void insert(UUID id, PurchaseKind kind, Header header) {
        headerParams(jdbc.sql(INSERT), header)
                .param("id", id)
                .param("kind", kind.name())
                .param("rfqId", header.rfqId())
                .update();
    }

    /** Saves a draft's header; false when it changed since {@code version} or is no longer a draft. */
    boolean update(UUID id, long version, Header header) {
        return headerParams(jdbc.sql(UPDATE), header)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    private static JdbcClient.StatementSpec headerParams(JdbcClient.StatementSpec statement, Header header) {
        return statement
                .param("supplierId", header.supplierId())
                .param("supplierName", header.supplierName())
                .param("supplierTaxId", header.supplierTaxId())
                .param("supplierEmail", header.supplierEmail())
                .param("language", header.language() == null ? "es" : header.language())
                .param("currency", header.currency() == null ? "EUR" : header.currency())
                .param("documentDate", header.documentDate())
                .param("expectedDate", header.expectedDate())
                .param("warehouseId", header.warehouseId())
                .param("supplierReference", blankToNull(header.supplierReference()))
                .param("notes", blankToNull(header.notes()))
                .param("base", header.base())
                .param("vat", header.vat())
                .param("total", header.total());
    }

    /** Replaces a draft's lines, numbered from 1. Returns the new lines' ids in order. */
    List<UUID> replaceLines(UUID documentId, List<LineValues> lines) {
        jdbc.sql(DELETE_LINES).param("id", documentId).update();
        return insertLines(documentId, lines);
    }

    /** Adds lines to a new document, numbered from 1. Returns their ids in order. */
    List<UUID> insertLines(UUID documentId, List<LineValues> lines) {
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineValues line = lines.get(i);
            UUID id = UUID.randomUUID();
            jdbc.sql(INSERT_LINE)
                    .param("id", id)
                    .param("documentId", documentId)
                    .param("position", i + 1)
                    .param("articleId", line.articleId())
                    .param("articleCode", line.articleCode())
                    .param("supplierCode", blankToNull(line.supplierCode()))
                    .param("description", line.description())
                    .param("quantity", line.quantity())
                    .param("unitCode", blankToNull(line.unitCode()))
                    .param("unitPrice", line.unitPrice())
                    .param("discount", line.discountPercent())
                    .param("taxCode", line.taxCode())
                    .param("vatPercent", line.vatPercent())
                    .param("net", line.netAmount())
                    .param("stockTracked", line.stockTracked())
                    .param("sourceLineId", line.sourceLineId())
                    .update();
            ids.add(id);
        }
        return ids;
    }

    boolean status(UUID id, long version, PurchaseStatus status) {
        return jdbc.sql(STATUS)
                        .param("id", id)
                        .param("version", version)
                        .param("status", status.name())
                        .update()
                == 1;
    }

    boolean approve(UUID id, long version, UUID user) {
        return jdbc.sql(APPROVE)
                        .param("id", id)
                        .param("version", version)
                        .param("user", user)
                        .update()
                == 1;
    }

    boolean number(UUID id, long version, PurchaseStatus status, DocumentNumber number) {
        return jdbc.sql(NUMBER)
                        .param("id", id)
                        .param("version", version)
                        .param("status", status.name())
                        .param("series", number.series())
                        .param("year", number.year())
                        .param("number", number.text())
                        .update()
                == 1;
    }

    boolean cancel(UUID id, long version, String reason) {
        return jdbc.sql(CANCEL)
                        .param("id", id)
                        .param("version", version)
                        .param("reason", reason.strip())
                        .update()
                == 1;
    }

    boolean deleteDraft(UUID id, long version) {
        return jdbc.sql(DELETE).param("id", id).param("version", version).update() == 1;
    }

    void proposedLine(UUID lineId, BigDecimal quantity, BigDecimal net, LocalDate deliveryDate) {
        jdbc.sql(PROPOSED_LINE)
                .param("id", lineId)
                .param("quantity", quantity)
                .param("net", net)
                .param("deliveryDate", deliveryDate, java.sql.Types.DATE)
                .update();
    }

    boolean totals(UUID id, long version, com.nexo.base.documents.DocumentTotals totals, LocalDate expected) {
        return jdbc.sql(TOTALS)
                        .param("id", id)
                        .param("version", version)
                        .param("base", totals.base())
                        .param("vat", totals.vat())
                        .param("total", totals.total())
                        .param("expected", expected, java.sql.Types.DATE)
                        .update()
                == 1;
    }

    void link(UUID from, UUID to) {
        jdbc.sql(LINK).param("from", from).param("to", to).update();
    }

    List<RelatedDocument> related(UUID id) {
        return jdbc.sql(RELATED)
                .param("id", id)
                .query((rs, n) -> new RelatedDocument(
                        rs.getObject("id", UUID.class),
                        kind(rs.getString("kind")),
                        PurchaseStatus.valueOf(rs.getString("status")),
                        rs.getString("number"),
                        rs.getObject("document_date", LocalDate.class),
                        rs.getBigDecimal("total_amount")))
                .list();
    }

    /** The stored kind name (ORDER, RFQ...) as the enum. */
    static PurchaseKind kind(String stored) {
        return PurchaseKind.valueOf(stored);
    }

    private static PurchaseDocument header(ResultSet rs, List<PurchaseLine> lines) throws SQLException {
        return new PurchaseDocument(
                rs.getObject("id", UUID.class),
                kind(rs.getString("kind")),
                PurchaseStatus.valueOf(rs.getString("status")),
                rs.getString("number"),
                rs.getObject("supplier_id", UUID.class),
                rs.getString("supplier_name"),
                rs.getString("supplier_tax_id"),
                rs.getString("supplier_email"),
                rs.getString("language"),
                rs.getString("currency"),
                rs.getObject("document_date", LocalDate.class),
                rs.getObject("expected_date", LocalDate.class),
                rs.getObject("warehouse_id", UUID.class),
                rs.getString("supplier_reference"),
                rs.getString("notes"),
                rs.getObject("rfq_id", UUID.class),
                rs.getObject("order_id", UUID.class),
                rs.getBigDecimal("base_amount"),
                rs.getBigDecimal("vat_amount"),
                rs.getBigDecimal("total_amount"),
                rs.getObject("approved_by", UUID.class),
                instant(rs.getTimestamp("approved_at")),
                instant(rs.getTimestamp("sent_at")),
                rs.getString("cancel_reason"),
                instant(rs.getTimestamp("cancelled_at")),
                rs.getObject("created_by", UUID.class),
                rs.getLong("version"),
                lines);
    }

    private static PurchaseLine line(ResultSet rs, int rowNum) throws SQLException {
        return new PurchaseLine(
                rs.getObject("id", UUID.class),
                rs.getInt("position"),
                rs.getObject("article_id", UUID.class),
                rs.getString("article_code"),
                rs.getString("supplier_code"),
                rs.getString("description"),
                rs.getBigDecimal("quantity"),
                rs.getString("unit_code"),
                rs.getBigDecimal("unit_price"),
                rs.getBigDecimal("discount_percent"),
                rs.getString("tax_code"),
                rs.getBigDecimal("vat_percent"),
                rs.getBigDecimal("net_amount"),
                rs.getBoolean("stock_tracked"),
                rs.getObject("source_line_id", UUID.class),
                rs.getBigDecimal("received_quantity"),
                rs.getBigDecimal("billed_quantity"),
                rs.getLong("version"));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
