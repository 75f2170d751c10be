package com.nexo.sales.verifactu;

import com.nexo.sales.SalesPermissions;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the tenant's chain of invoice records from its first record to its last, in sequence order:
 * each record's fingerprint recomputed from its stored fields, its link to the record before it (that
 * record's id and fingerprint), its generation time against the text that was hashed, and the chain's
 * head against the last record (a record removed from the end shows there). The records are read in
 * batches by key, so the check holds a batch in memory, never the chain; it reads one snapshot, so
 * records appended meanwhile are left for the next check.
 */
@Service
public class ChainVerification {

    /** Records read per statement. */
    static final int BATCH = 500;

    private static final String BATCH_AFTER = "SELECT " + BillingRecords.COLUMNS + """
             FROM sales_billing_record r
            WHERE r.sequence > :after
            ORDER BY r.sequence
            LIMIT :limit
            """;

    private static final String HEAD = "SELECT c.last_sequence, c.last_fingerprint FROM sales_billing_chain c";

    /** What is wrong with a record. */
    public enum Problem {
        /** The sequence does not follow the previous record's: records are missing or repeated. */
        SEQUENCE("the sequence does not follow the previous record's"),
        /** The record does not name the previous record as its previous one. */
        PREVIOUS_RECORD("it does not name the previous record"),
        /** The previous fingerprint it holds is not the previous record's fingerprint. */
        PREVIOUS_FINGERPRINT("its previous fingerprint is not the previous record's fingerprint"),
        /** The fingerprint recomputed from its fields differs from the stored one: a field was changed. */
        FINGERPRINT("its fingerprint does not match its fields"),
        /** The generation time differs from the date and time text that was hashed. */
        GENERATED_AT("its generation time does not match the hashed date and time"),
        /** The chain's head names another last record: records are missing at the end. */
        HEAD("the chain's head does not name the last record");

        private final String description;

        Problem(String description) {
            this.description = description;
        }

        /** In English, for the command line (the screen shows the translated text). */
        public String description() {
            return description;
        }
    }

    /** The first broken link: the record where the chain stops holding, and what is wrong there. */
    public record Break(long sequence, String invoiceNumber, Problem problem, String expected, String found) {}

    /** How many records were checked, and the first broken link when there is one. */
    public record Result(long checked, Optional<Break> broken) {

        public boolean ok() {
            return broken.isEmpty();
        }
    }

    /** The chain's head: the last record appended, as the appending statement left it. */
    private record Head(long lastSequence, String lastFingerprint) {}

    private static final RowMapper<Head> HEAD_ROW =
            (row, i) -> new Head(row.getLong("last_sequence"), row.getString("last_fingerprint"));

    private final JdbcClient jdbc;

    ChainVerification(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Checks the whole chain of the current tenant. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    @RolesAllowed({SalesPermissions.SETTINGS, Roles.SYSTEM})
    public Result verify() {
        long checked = 0;
        Break broken = null;
        BillingRecord previous = null;
        long after = 0;
        List<BillingRecord> batch;
        do {
            batch = jdbc.sql(BATCH_AFTER)
                    .param("after", after)
                    .param("limit", BATCH)
                    .query(BillingRecords.ROW)
                    .list();
            for (BillingRecord record : batch) {
                checked++;
                if (broken == null) {
                    broken = check(record, previous);
                }
                previous = record;
                after = record.sequence();
            }
        } while (batch.size() == BATCH);
        if (broken == null) {
            broken = checkHead(previous);
        }
        return new Result(checked, Optional.ofNullable(broken));
    }

    private static Break check(BillingRecord record, BillingRecord previous) {
        long expectedSequence = previous == null ? 1 : previous.sequence() + 1;
        if (record.sequence() != expectedSequence) {
            return broken(record, Problem.SEQUENCE, Long.toString(expectedSequence), Long.toString(record.sequence()));
        }
        if (!Objects.equals(record.previousRecordId(), previous == null ? null : previous.id())) {
            return broken(
                    record,
                    Problem.PREVIOUS_RECORD,
                    previous == null ? "" : previous.id().toString(),
                    record.previousRecordId() == null
                            ? ""
                            : record.previousRecordId().toString());
        }
        String previousFingerprint = previous == null ? null : previous.fingerprint();
        if (!Objects.equals(record.previousFingerprint(), previousFingerprint)) {
            return broken(
                    record,
                    Problem.PREVIOUS_FINGERPRINT,
                    text(previousFingerprint),
                    text(record.previousFingerprint()));
        }
        String recomputed = record.recomputedFingerprint();
        if (!recomputed.equals(record.fingerprint())) {
            return broken(record, Problem.FINGERPRINT, recomputed, record.fingerprint());
        }
        if (!sameInstant(record)) {
            return broken(
                    record,
                    Problem.GENERATED_AT,
                    record.generatedAtText(),
                    Fingerprints.dateTime(record.generatedAt(), BillingRecords.ZONE));
        }
        return null;
    }

    private Break checkHead(BillingRecord last) {
        Head head = jdbc.sql(HEAD).query(HEAD_ROW).optional().orElse(new Head(0, null));
        long lastSequence = last == null ? 0 : last.sequence();
        String lastFingerprint = last == null ? null : last.fingerprint();
        if (head.lastSequence() != lastSequence || !Objects.equals(head.lastFingerprint(), lastFingerprint)) {
            return new Break(
                    lastSequence,
                    last == null ? "" : last.invoiceNumber(),
                    Problem.HEAD,
                    head.lastSequence() + " " + text(head.lastFingerprint()),
                    lastSequence + " " + text(lastFingerprint));
        }
        return null;
    }

    private static boolean sameInstant(BillingRecord record) {
        try {
            return OffsetDateTime.parse(record.generatedAtText(), Fingerprints.DATE_TIME)
                    .toInstant()
                    .equals(record.generatedAt());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Break broken(BillingRecord record, Problem problem, String expected, String found) {
        return new Break(record.sequence(), record.invoiceNumber(), problem, expected, found);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
