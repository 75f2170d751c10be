package com.nexo.sales.verifactu;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One invoice record as stored: what was hashed, its links in the chain and its submission. */
public record BillingRecord(
        UUID id,
        long sequence,
        Kind kind,
        UUID invoiceId,
        String issuerTaxId,
        String invoiceNumber,
        LocalDate invoiceDate,
        String invoiceType,
        BigDecimal taxTotal,
        BigDecimal total,
        UUID previousRecordId,
        String previousFingerprint,
        String fingerprint,
        Instant generatedAt,
        String generatedAtText,
        String submissionStatus) {

    /** The states of a record's submission to the tax agency, as the table allows them. */
    public static final List<String> SUBMISSION_STATUSES =
            List.of("NOT_SENT", "SENT", "ACCEPTED", "ACCEPTED_WITH_ERRORS", "REJECTED");

    /** An issued invoice's record (registro de alta) or a cancelled one's (registro de anulación). */
    public enum Kind {
        ALTA,
        ANULACION
    }

    /** The fingerprint recomputed from the stored fields. */
    String recomputedFingerprint() {
        return switch (kind) {
            case ALTA ->
                new Fingerprints.Alta(
                                issuerTaxId,
                                invoiceNumber,
                                invoiceDate,
                                invoiceType,
                                taxTotal,
                                total,
                                previousFingerprint,
                                generatedAtText)
                        .fingerprint();
            case ANULACION ->
                new Fingerprints.Anulacion(
                                issuerTaxId, invoiceNumber, invoiceDate, previousFingerprint, generatedAtText)
                        .fingerprint();
        };
    }
}
