package com.nexo.sales.documents;

import com.nexo.accounts.AccountParty;
import com.nexo.base.documents.DocumentTotals;
import com.nexo.base.numbering.DocumentNumber;
import com.nexo.sales.TaxRegime;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of sales documents and their lines: reads of one document, writes of drafts, numbering,
 * states and the progress of order lines. Every statement runs in the caller's transaction under the
 * tenant's row-level security; the services decide what may happen.
 */
@Repository
class DocumentStore {

    private static final String HEADER_COLUMNS = """
            id, kind, status, number, account_id, contact_id, client_name, client_tax_id, client_country,
            billing_address, shipping_address, client_email, language, currency, exchange_rate, payment_days,
            document_date, valid_until, due_date, delivery_date, salesperson_id, warehouse_id, tax_regime,
            withholding_percent, document_discount, legal_note, client_reference, notes, corrected_id,
            correction_reason, cancel_reason, cancelled_at, base_amount, vat_amount, surcharge_amount,
            withholding_amount, total_amount, numbered_at, version""";

    private static final String LINE_COLUMNS = """
            id, document_id, position, article_id, article_code, description, quantity, unit_code, unit_price,
            discount_percent, tax_code, vat_percent, surcharge_percent, net_amount, stock_tracked, source_line_id,
            delivered_quantity, invoiced_quantity, reservation_id""";

    private static final String HEADER = "SELECT " + HEADER_COLUMNS + " FROM sales_document WHERE id = :id";
    private static final String HEADER_FOR_UPDATE = HEADER + " FOR UPDATE";
    private static final String LINES = "SELECT " + LINE_COLUMNS
            + " FROM sales_document_line WHERE document_id IN (:ids) ORDER BY document_id, position";

    private static final String INSERT = """
            INSERT INTO sales_document (id, kind, status, account_id, contact_id, client_name, client_tax_id,
                   client_country, billing_address, shipping_address, client_email, language, currency, exchange_rate, payment_days,
                   document_date, valid_until, delivery_date, salesperson_id, warehouse_id, tax_regime,
                   withholding_percent, document_discount, legal_note, client_reference, notes, corrected_id,
                   correction_reason, base_amount, vat_amount, surcharge_amount, withholding_amount, total_amount)
            VALUES (:id, :kind, :status, :accountId, :contactId, :clientName, :clientTaxId, :clientCountry,
                   :billingAddress, :shippingAddress, :clientEmail, :language, :currency, :exchangeRate, :paymentDays, :documentDate,
                   :validUntil, :deliveryDate, :salespersonId, :warehouseId, :taxRegime, :withholdingPercent,
                   :documentDiscount, :legalNote, :clientReference, :notes, :correctedId, :correctionReason,
                   :base, :vat, :surcharge, :withholding, :total)
            """;

    private static final String UPDATE = """
            UPDATE sales_document
               SET account_id = :accountId, contact_id = :contactId, client_name = :clientName,
                   client_tax_id = :clientTaxId, client_country = :clientCountry, billing_address = :billingAddress,
                   shipping_address = :shippingAddress, client_email = :clientEmail, language = :language,
                   currency = :currency, exchange_rate = :exchangeRate, payment_days = :paymentDays, document_date = :documentDate,
                   valid_until = :validUntil, delivery_date = :deliveryDate, salesperson_id = :salespersonId,
                   warehouse_id = :warehouseId, tax_regime = :taxRegime, withholding_percent = :withholdingPercent,
                   document_discount = :documentDiscount, legal_note = :legalNote, client_reference = :clientReference,
                   notes = :notes, base_amount = :base, vat_amount = :vat, surcharge_amount = :surcharge,
                   withholding_amount = :withholding, total_amount = :total, updated_at = now(), version = version + 1
             WHERE id = :id AND version = :version AND status = 'DRAFT'
            """;

    private static final String DELETE_LINES = "DELETE FROM sales_document_line WHERE document_id = :id";

    /** All the lines of a document in one statement (one trigger round for the lot, not one per line). */
    private static final String INSERT_LINES = """
            INSERT INTO sales_document_line (id, document_id, position, article_id, article_code, description,
                   quantity, unit_code, unit_price, discount_percent, tax_code, vat_percent, surcharge_percent,
                   net_amount, stock_tracked, source_line_id)
            SELECT l.id, :documentId, l.position, l.article_id, l.article_code, l.description, l.quantity, l.unit_code,
                   l.unit_price, l.discount_percent, l.tax_code, l.vat_percent, l.surcharge_percent, l.net_amount,
                   l.stock_tracked, l.source_line_id
              FROM unnest(CAST(:ids AS uuid[]), CAST(:positions AS integer[]), CAST(:articleIds AS uuid[]),
                          CAST(:articleCodes AS text[]), CAST(:descriptions AS text[]), CAST(:quantities AS numeric[]),
                          CAST(:unitCodes AS text[]), CAST(:unitPrices AS numeric[]), CAST(:discounts AS numeric[]),
                          CAST(:taxCodes AS text[]), CAST(:vatPercents AS numeric[]), CAST(:surcharges AS numeric[]),
                          CAST(:nets AS numeric[]), CAST(:stockTracked AS boolean[]), CAST(:sourceLineIds AS uuid[]))
                   AS l(id, position, article_id, article_code, description, quantity, unit_code, unit_price,
                        discount_percent, tax_code, vat_percent, surcharge_percent, net_amount, stock_tracked,
                        source_line_id)
            """;

    private static final String NUMBER = """
            UPDATE sales_document
               SET status = :status, series = :series, number_year = :year, number = :number, document_date = :date,
                   due_date = :dueDate, exchange_rate = :rate, numbered_at = now(), updated_at = now(),
                   version = version + 1
             WHERE id = :id
            """;

    private static final String STATUS =
            "UPDATE sales_document SET status = :status, updated_at = now(), version = version + 1 WHERE id = :id";

    private static final String CANCEL = """
            UPDATE sales_document
               SET status = 'CANCELLED', cancel_reason = :reason, cancelled_at = now(), updated_at = now(),
                   version = version + 1
             WHERE id = :id
            """;

    private static final String DELETE = "DELETE FROM sales_document WHERE id = :id AND status = 'DRAFT'";

    private static final String LINK =
            "INSERT INTO sales_document_link (from_id, to_id) VALUES (:from, :to) ON CONFLICT DO NOTHING";

    private static final String PROGRESS = """
            UPDATE sales_document_line
               SET delivered_quantity = delivered_quantity + :delivered,
                   invoiced_quantity = invoiced_quantity + :invoiced, version = version + 1
             WHERE id = :id
            """;

    private static final String RESERVATION =
            "UPDATE sales_document_line SET reservation_id = :reservation, version = version + 1 WHERE id = :id";

    private static final String LINES_BY_ID = "SELECT " + LINE_COLUMNS + " FROM sales_document_line WHERE id IN (:ids)";

    private static final String DOCUMENT_OF_LINES =
            "SELECT DISTINCT document_id FROM sales_document_line WHERE id IN (:ids)";

    private static final String MADE_FROM = """
            SELECT l.id, l.source_line_id, l.quantity
              FROM sales_document_line l
              JOIN sales_document d ON d.id = l.document_id
             WHERE l.source_line_id IN (:ids) AND d.status = 'DRAFT' AND d.kind = :kind
            """;

    private static final String KINDS_OF_LINES = """
            SELECT l.id, d.kind FROM sales_document_line l JOIN sales_document d ON d.id = l.document_id
             WHERE l.id IN (:ids)
            """;

    private static final RowMapper<DocumentLineRow> LINE = DocumentStore::line;

    private final JdbcClient jdbc;

    DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SalesDocument> find(UUID id) {
        return read(HEADER, id);
    }

    /** The document, its row locked until the transaction ends (a flow step reads it so). */
    Optional<SalesDocument> lock(UUID id) {
        return read(HEADER_FOR_UPDATE, id);
    }

    private Optional<SalesDocument> read(String sql, UUID id) {
        Optional<SalesDocument> header = jdbc.sql(sql)
                .param("id", id)
                .query((rs, n) -> header(rs, List.of()))
                .optional();
        return header.map(document -> withLines(document, linesOf(List.of(id))));
    }

    List<DocumentLineRow> linesOf(Collection<UUID> documentIds) {
        if (documentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(LINES).param("ids", documentIds).query(LINE).list();
    }

    List<DocumentLineRow> lines(Collection<UUID> lineIds) {
        if (lineIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(LINES_BY_ID).param("ids", lineIds).query(LINE).list();
    }

    List<UUID> documentsOfLines(Collection<UUID> lineIds) {
        if (lineIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(DOCUMENT_OF_LINES)
                .param("ids", lineIds)
                .query(UUID.class)
                .list();
    }

    /** The kind of the document each of these lines belongs to. */
    Map<UUID, DocumentKind> kindsOfLines(Collection<UUID> lineIds) {
        Map<UUID, DocumentKind> kinds = new HashMap<>();
        if (!lineIds.isEmpty()) {
            jdbc.sql(KINDS_OF_LINES).param("ids", lineIds).query((RowCallbackHandler)
                    rs -> kinds.put(rs.getObject(1, UUID.class), DocumentKind.valueOf(rs.getString(2))));
        }
        return kinds;
    }

    /** Lines of draft documents of {@code kind} made from these lines: (id, source line, quantity). */
    List<Object[]> madeFrom(Collection<UUID> lineIds, DocumentKind kind) {
        if (lineIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(MADE_FROM)
                .param("ids", lineIds)
                .param("kind", kind.name())
                .query((rs, n) ->
                        new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBigDecimal(3)})
                .list();
    }

    void insert(
            UUID id,
            DocumentStatus status,
            DocumentForm form,
            AccountParty party,
            DocumentTotals totals,
            UUID correctedId,
            String correctionReason) {
        headerParams(jdbc.sql(INSERT), form, party, totals)
                .param("id", id)
                .param("kind", form.getKind().name())
                .param("status", status.name())
                .param("correctedId", correctedId)
                .param("correctionReason", correctionReason)
                .update();
    }

    /** Saves a draft's header; false when the draft changed since {@code form}'s version (or is no longer a draft). */
    boolean update(DocumentForm form, AccountParty party, DocumentTotals totals) {
        return headerParams(jdbc.sql(UPDATE), form, party, totals)
                        .param("id", form.getId())
                        .param("version", form.getVersion())
                        .update()
                == 1;
    }

    private static JdbcClient.StatementSpec headerParams(
            JdbcClient.StatementSpec statement, DocumentForm form, AccountParty party, DocumentTotals totals) {
        return statement
                .param("accountId", form.getAccountId())
                .param("contactId", form.getContactId())
                .param("clientName", party.legalName())
                .param("clientTaxId", party.taxId())
                .param("clientCountry", party.country())
                .param("billingAddress", party.billingAddress().toArray(String[]::new))
                .param("shippingAddress", party.shippingAddress().toArray(String[]::new))
                .param("clientEmail", party.email())
                .param("language", party.language() == null ? "es" : party.language())
                .param("currency", form.getCurrency())
                .param(
                        "exchangeRate",
                        "EUR".equals(form.getCurrency()) || form.getExchangeRate() == null
                                ? BigDecimal.ONE
                                : form.getExchangeRate())
                .param("paymentDays", form.getPaymentDays())
                .param("documentDate", form.getDocumentDate())
                .param("validUntil", form.getValidUntil())
                .param("deliveryDate", form.getDeliveryDate())
                .param("salespersonId", form.getSalespersonId())
                .param("warehouseId", form.getWarehouseId())
                .param("taxRegime", form.getTaxRegime().name())
                .param("withholdingPercent", form.getWithholdingPercent())
                .param("documentDiscount", form.getDocumentDiscount())
                .param("legalNote", blankToNull(form.getLegalNote()))
                .param("clientReference", blankToNull(form.getClientReference()))
                .param("notes", blankToNull(form.getNotes()))
                .param("base", totals.base())
                .param("vat", totals.vat())
                .param("surcharge", totals.surcharge())
                .param("withholding", totals.withholding())
                .param("total", totals.total());
    }

    /** Replaces a draft's lines by {@code lines}, numbered from 1, with their nets from {@code totals}. */
    void replaceLines(UUID documentId, List<LineForm> lines, DocumentTotals totals, TaxRegime regime) {
        jdbc.sql(DELETE_LINES).param("id", documentId).update();
        insertLines(documentId, lines, totals, regime);
    }

    /** Adds {@code lines} to a new document, numbered from 1, in one statement. */
    void insertLines(UUID documentId, List<LineForm> lines, DocumentTotals totals, TaxRegime regime) {
        int n = lines.size();
        if (n == 0) {
            return;
        }
        UUID[] ids = new UUID[n];
        Integer[] positions = new Integer[n];
        UUID[] articleIds = new UUID[n];
        String[] articleCodes = new String[n];
        String[] descriptions = new String[n];
        BigDecimal[] quantities = new BigDecimal[n];
        String[] unitCodes = new String[n];
        BigDecimal[] unitPrices = new BigDecimal[n];
        BigDecimal[] discounts = new BigDecimal[n];
        String[] taxCodes = new String[n];
        BigDecimal[] vatPercents = new BigDecimal[n];
        BigDecimal[] surcharges = new BigDecimal[n];
        BigDecimal[] nets = new BigDecimal[n];
        Boolean[] stockTracked = new Boolean[n];
        UUID[] sourceLineIds = new UUID[n];
        for (int i = 0; i < n; i++) {
            LineForm line = lines.get(i);
            var rate = SalesTotals.rate(line.getVatPercent(), regime);
            ids[i] = line.getId() == null ? UUID.randomUUID() : line.getId();
            positions[i] = i + 1;
            articleIds[i] = line.getArticleId();
            articleCodes[i] = line.getArticleCode();
            descriptions[i] = line.getDescription().strip();
            quantities[i] = line.getQuantity();
            unitCodes[i] = blankToNull(line.getUnitCode());
            unitPrices[i] = line.getUnitPrice();
            discounts[i] = line.getDiscountPercent();
            taxCodes[i] = rate.code();
            vatPercents[i] = line.getVatPercent();
            surcharges[i] = regime == TaxRegime.EQUIVALENCE_SURCHARGE ? rate.surchargePercent() : BigDecimal.ZERO;
            nets[i] = totals.lineNets().get(i);
            stockTracked[i] = line.isStockTracked();
            sourceLineIds[i] = line.getSourceLineId();
        }
        jdbc.sql(INSERT_LINES)
                .param("documentId", documentId)
                .param("ids", ids)
                .param("positions", positions)
                .param("articleIds", articleIds)
                .param("articleCodes", articleCodes)
                .param("descriptions", descriptions)
                .param("quantities", quantities)
                .param("unitCodes", unitCodes)
                .param("unitPrices", unitPrices)
                .param("discounts", discounts)
                .param("taxCodes", taxCodes)
                .param("vatPercents", vatPercents)
                .param("surcharges", surcharges)
                .param("nets", nets)
                .param("stockTracked", stockTracked)
                .param("sourceLineIds", sourceLineIds)
                .update();
    }

    void number(
            UUID id, DocumentStatus status, DocumentNumber number, LocalDate date, LocalDate dueDate, BigDecimal rate) {
        jdbc.sql(NUMBER)
                .param("id", id)
                .param("status", status.name())
                .param("series", number.series())
                .param("year", number.year())
                .param("number", number.text())
                .param("date", date)
                .param("dueDate", dueDate)
                .param("rate", rate)
                .update();
    }

    void status(UUID id, DocumentStatus status) {
        jdbc.sql(STATUS).param("id", id).param("status", status.name()).update();
    }

    void cancel(UUID id, String reason) {
        jdbc.sql(CANCEL).param("id", id).param("reason", reason.strip()).update();
    }

    boolean deleteDraft(UUID id) {
        return jdbc.sql(DELETE).param("id", id).update() == 1;
    }

    void link(UUID from, UUID to) {
        jdbc.sql(LINK).param("from", from).param("to", to).update();
    }

    void progress(UUID lineId, BigDecimal delivered, BigDecimal invoiced) {
        jdbc.sql(PROGRESS)
                .param("id", lineId)
                .param("delivered", delivered)
                .param("invoiced", invoiced)
                .update();
    }

    void reservation(UUID lineId, UUID reservationId) {
        jdbc.sql(RESERVATION)
                .param("id", lineId)
                .param("reservation", reservationId)
                .update();
    }

    private static SalesDocument withLines(SalesDocument d, List<DocumentLineRow> lines) {
        return new SalesDocument(
                d.id(),
                d.kind(),
                d.status(),
                d.number(),
                d.accountId(),
                d.contactId(),
                d.clientName(),
                d.clientTaxId(),
                d.clientCountry(),
                d.billingAddress(),
                d.shippingAddress(),
                d.clientEmail(),
                d.language(),
                d.currency(),
                d.exchangeRate(),
                d.paymentDays(),
                d.documentDate(),
                d.validUntil(),
                d.dueDate(),
                d.deliveryDate(),
                d.salespersonId(),
                d.warehouseId(),
                d.taxRegime(),
                d.withholdingPercent(),
                d.documentDiscount(),
                d.legalNote(),
                d.clientReference(),
                d.notes(),
                d.correctedId(),
                d.correctionReason(),
                d.cancelReason(),
                d.cancelledAt(),
                d.baseAmount(),
                d.vatAmount(),
                d.surchargeAmount(),
                d.withholdingAmount(),
                d.totalAmount(),
                d.numberedAt(),
                d.version(),
                List.copyOf(lines));
    }

    private static SalesDocument header(ResultSet rs, List<DocumentLineRow> lines) throws SQLException {
        return new SalesDocument(
                rs.getObject("id", UUID.class),
                DocumentKind.valueOf(rs.getString("kind")),
                DocumentStatus.valueOf(rs.getString("status")),
                rs.getString("number"),
                rs.getObject("account_id", UUID.class),
                rs.getObject("contact_id", UUID.class),
                rs.getString("client_name"),
                rs.getString("client_tax_id"),
                rs.getString("client_country"),
                strings(rs.getArray("billing_address")),
                strings(rs.getArray("shipping_address")),
                rs.getString("client_email"),
                rs.getString("language"),
                rs.getString("currency"),
                rs.getBigDecimal("exchange_rate"),
                (Integer) rs.getObject("payment_days"),
                rs.getObject("document_date", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class),
                rs.getObject("due_date", LocalDate.class),
                rs.getObject("delivery_date", LocalDate.class),
                rs.getObject("salesperson_id", UUID.class),
                rs.getObject("warehouse_id", UUID.class),
                TaxRegime.valueOf(rs.getString("tax_regime")),
                rs.getBigDecimal("withholding_percent"),
                rs.getBigDecimal("document_discount"),
                rs.getString("legal_note"),
                rs.getString("client_reference"),
                rs.getString("notes"),
                rs.getObject("corrected_id", UUID.class),
                rs.getString("correction_reason"),
                rs.getString("cancel_reason"),
                instant(rs.getTimestamp("cancelled_at")),
                rs.getBigDecimal("base_amount"),
                rs.getBigDecimal("vat_amount"),
                rs.getBigDecimal("surcharge_amount"),
                rs.getBigDecimal("withholding_amount"),
                rs.getBigDecimal("total_amount"),
                instant(rs.getTimestamp("numbered_at")),
                rs.getLong("version"),
                lines);
    }

    private static DocumentLineRow line(ResultSet rs, int rowNum) throws SQLException {
        return new DocumentLineRow(
                rs.getObject("id", UUID.class),
                rs.getInt("position"),
                rs.getObject("article_id", UUID.class),
                rs.getString("article_code"),
                rs.getString("description"),
                rs.getBigDecimal("quantity"),
                rs.getString("unit_code"),
                rs.getBigDecimal("unit_price"),
                rs.getBigDecimal("discount_percent"),
                rs.getString("tax_code"),
                rs.getBigDecimal("vat_percent"),
                rs.getBigDecimal("surcharge_percent"),
                rs.getBigDecimal("net_amount"),
                rs.getBoolean("stock_tracked"),
                rs.getObject("source_line_id", UUID.class),
                rs.getBigDecimal("delivered_quantity"),
                rs.getBigDecimal("invoiced_quantity"),
                rs.getObject("reservation_id", UUID.class));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.copyOf(new ArrayList<>(Arrays.asList((String[]) array.getArray())));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
