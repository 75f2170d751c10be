package com.nexo.sales.verifactu;

import com.nexo.base.Ids;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.verifactu.BillingRecord.Kind;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The invoice records (VERI*FACTU): one per issued invoice (ALTA) and one per cancelled invoice
 * (ANULACION), chained per tenant by their fingerprints ({@link Fingerprints}).
 *
 * <p>A record is written inside the transaction that issues or cancels the invoice (propagation
 * MANDATORY), so an issue that rolls back leaves no record. Appending locks the tenant's chain head
 * until that transaction ends: concurrent issues chain one after the other in the order they commit,
 * and each record's generation time is taken once the head is held, so the times follow the chain.
 * The database refuses a record that does not continue the head, and any change to a record but its
 * submission columns ({@code R__sales_verifactu.sql}).
 */
@Service
public class BillingRecords {

    /** Generation times are written with the offset of peninsular Spain, where the tax agency is. */
    static final ZoneId ZONE = ZoneId.of("Europe/Madrid");

    private static final Pattern TAX_ID = Pattern.compile("[0-9A-Z]{9}");
    private static final Set<String> INVOICE_TYPES = Set.of("F1", "F2", "F3", "R1", "R2", "R3", "R4", "R5");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Takes the head of the tenant's chain, creating it empty, and holds its lock until commit. */
    private static final String LOCK_HEAD = """
            INSERT INTO sales_billing_chain AS c (last_sequence) VALUES (0)
            ON CONFLICT (tenant_id) DO UPDATE SET last_sequence = c.last_sequence
            RETURNING c.last_sequence, c.last_record_id, c.last_fingerprint
            """;

    private static final String INSERT = """
            INSERT INTO sales_billing_record (id, sequence, kind, invoice_id, issuer_tax_id, invoice_number,
                invoice_date, invoice_type, tax_total, total, previous_record_id, previous_fingerprint, fingerprint,
                generated_at, generated_at_text, payload)
            VALUES (:id, :sequence, :kind, :invoice, :issuer, :number, :date, :type, :taxTotal, :total, :previousId,
                :previousFingerprint, :fingerprint, :generatedAt, :generatedAtText, CAST(:payload AS jsonb))
            """;

    static final String COLUMNS = """
            r.id, r.sequence, r.kind, r.invoice_id, r.issuer_tax_id, r.invoice_number, r.invoice_date,
            r.invoice_type, r.tax_total, r.total, r.previous_record_id, r.previous_fingerprint, r.fingerprint,
            r.generated_at, r.generated_at_text, r.submission_status""";

    private static final String OF_INVOICE =
            "SELECT " + COLUMNS + " FROM sales_billing_record r WHERE r.invoice_id = :invoice ORDER BY r.sequence";

    static final RowMapper<BillingRecord> ROW = BillingRecords::map;

    private record Head(long lastSequence, UUID lastRecordId, String lastFingerprint) {}

    private static final RowMapper<Head> HEAD = (row, i) -> new Head(
            row.getLong("last_sequence"),
            row.getObject("last_record_id", UUID.class),
            row.getString("last_fingerprint"));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final VerificationQr.Environment environment;

    /** The application's clock where one is declared as a bean (tests fix the time), else the system's. */
    BillingRecords(
            JdbcClient jdbc,
            ObjectProvider<Clock> clock,
            @Value("${nexo.sales.verifactu.qr-environment:production}") String environment) {
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.environment = VerificationQr.Environment.parse(environment);
    }

    /** Writes the record of an issued invoice, inside the issuing transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed({SalesPermissions.INVOICE, SalesPermissions.CANCEL, Roles.SYSTEM})
    public BillingRecordRef recordIssued(InvoiceFacts facts) {
        check(facts);
        Head head = lockHead();
        if (recordsOf(facts.invoiceId()).stream().anyMatch(r -> r.kind() == Kind.ALTA)) {
            throw new IllegalStateException("Invoice " + facts.invoiceId() + " has its record already");
        }
        return append(head, Kind.ALTA, facts);
    }

    /** Writes the record of a cancelled invoice, inside the cancelling transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed({SalesPermissions.INVOICE, SalesPermissions.CANCEL, Roles.SYSTEM})
    public BillingRecordRef recordCancelled(InvoiceFacts facts) {
        check(facts);
        Head head = lockHead();
        List<BillingRecord> existing = recordsOf(facts.invoiceId());
        if (existing.stream().noneMatch(r -> r.kind() == Kind.ALTA)) {
            throw new IllegalStateException("Invoice " + facts.invoiceId() + " was never recorded as issued");
        }
        if (existing.stream().anyMatch(r -> r.kind() == Kind.ANULACION)) {
            throw new IllegalStateException("Invoice " + facts.invoiceId() + " is recorded as cancelled already");
        }
        return append(head, Kind.ANULACION, facts);
    }

    /** The QR content of an invoice that has its record (the check's address; see {@link VerificationQr}). */
    @Transactional(readOnly = true)
    @RolesAllowed({SalesPermissions.READ, Roles.SYSTEM})
    public Optional<String> qrFor(UUID invoiceId) {
        return recordsOf(invoiceId).stream()
                .filter(r -> r.kind() == Kind.ALTA)
                .findFirst()
                .map(this::qrUrl);
    }

    /** The records of an invoice, in chain order: its ALTA, and its ANULACION once cancelled. */
    @Transactional(readOnly = true)
    @RolesAllowed({SalesPermissions.READ, Roles.SYSTEM})
    public List<BillingRecord> recordsOf(UUID invoiceId) {
        return jdbc.sql(OF_INVOICE).param("invoice", invoiceId).query(ROW).list();
    }

    /**
     * Takes the chain's head for this transaction. Appends queue here, so what is checked after it
     * (whether the invoice has its record already) cannot change until the transaction ends.
     */
    private Head lockHead() {
        return jdbc.sql(LOCK_HEAD).query(HEAD).single();
    }

    private BillingRecordRef append(Head head, Kind kind, InvoiceFacts facts) {
        Instant generatedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String generatedAtText = Fingerprints.dateTime(generatedAt, ZONE);
        String number = facts.number().strip();
        String fingerprint = switch (kind) {
            case ALTA ->
                new Fingerprints.Alta(
                                facts.issuerTaxId(),
                                number,
                                facts.issueDate(),
                                facts.invoiceType(),
                                facts.taxTotal(),
                                facts.total(),
                                head.lastFingerprint(),
                                generatedAtText)
                        .fingerprint();
            case ANULACION ->
                new Fingerprints.Anulacion(
                                facts.issuerTaxId(), number, facts.issueDate(), head.lastFingerprint(), generatedAtText)
                        .fingerprint();
        };
        UUID id = Ids.newId();
        long sequence = head.lastSequence() + 1;
        jdbc.sql(INSERT)
                .param("id", id)
                .param("sequence", sequence)
                .param("kind", kind.name())
                .param("invoice", facts.invoiceId())
                .param("issuer", facts.issuerTaxId())
                .param("number", number)
                .param("date", facts.issueDate())
                .param("type", facts.invoiceType())
                .param("taxTotal", facts.taxTotal())
                .param("total", facts.total())
                .param("previousId", head.lastRecordId())
                .param("previousFingerprint", head.lastFingerprint())
                .param("fingerprint", fingerprint)
                .param("generatedAt", generatedAt.atOffset(ZoneOffset.UTC))
                .param("generatedAtText", generatedAtText)
                .param("payload", payload(facts))
                .update();
        return new BillingRecordRef(
                id, sequence, fingerprint, qrUrl(facts.issuerTaxId(), number, facts.issueDate(), facts.total()));
    }

    private String qrUrl(BillingRecord record) {
        return qrUrl(record.issuerTaxId(), record.invoiceNumber(), record.invoiceDate(), record.total());
    }

    private String qrUrl(String issuer, String number, LocalDate date, BigDecimal total) {
        return VerificationQr.url(environment, issuer, number, date, total);
    }

    private static void check(InvoiceFacts facts) {
        if (!TAX_ID.matcher(facts.issuerTaxId()).matches()) {
            throw new IllegalArgumentException(
                    "An issuer's NIF is 9 digits and capital letters: " + facts.issuerTaxId());
        }
        if (!INVOICE_TYPES.contains(facts.invoiceType())) {
            throw new IllegalArgumentException("Unknown invoice type " + facts.invoiceType());
        }
        String number = facts.number().strip();
        if (number.isEmpty() || number.length() > 60) {
            throw new IllegalArgumentException("An invoice number has 1 to 60 characters: " + number);
        }
        // Refused here, before anything is written, rather than when the amounts are hashed.
        Fingerprints.amount(facts.taxTotal());
        Fingerprints.amount(facts.total());
    }

    /** Everything a sender needs beside the hashed columns, amounts written as the record's XML writes them. */
    private static String payload(InvoiceFacts facts) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("issuerName", facts.issuerName());
        payload.put("description", facts.description());
        payload.put("recipientTaxId", facts.recipientTaxId());
        payload.put("recipientName", facts.recipientName());
        payload.put("recipientCountry", facts.recipientCountry());
        payload.put(
                "breakdown",
                facts.breakdown().stream()
                        .map(line -> {
                            Map<String, Object> values = new LinkedHashMap<>();
                            values.put("vatPercent", plain(line.vatPercent()));
                            values.put("base", plain(line.base()));
                            values.put("vat", plain(line.vat()));
                            values.put("surchargePercent", plain(line.surchargePercent()));
                            values.put("surcharge", plain(line.surcharge()));
                            values.put("exemptionCause", line.exemptionCause());
                            values.put("regimeKey", line.regimeKey());
                            return values;
                        })
                        .toList());
        payload.put("correctedNumber", facts.correctedNumber());
        payload.put("correctedDate", facts.correctedDate() == null ? null : Fingerprints.date(facts.correctedDate()));
        return JSON.writeValueAsString(payload);
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static BillingRecord map(ResultSet row, int i) throws SQLException {
        return new BillingRecord(
                row.getObject("id", UUID.class),
                row.getLong("sequence"),
                Kind.valueOf(row.getString("kind")),
                row.getObject("invoice_id", UUID.class),
                row.getString("issuer_tax_id"),
                row.getString("invoice_number"),
                row.getObject("invoice_date", LocalDate.class),
                row.getString("invoice_type"),
                row.getBigDecimal("tax_total"),
                row.getBigDecimal("total"),
                row.getObject("previous_record_id", UUID.class),
                row.getString("previous_fingerprint"),
                row.getString("fingerprint"),
                row.getObject("generated_at", OffsetDateTime.class).toInstant(),
                row.getString("generated_at_text"),
                row.getString("submission_status"));
    }
}
