package com.nexo.sales.verifactu;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The fingerprint (huella) of an invoice record, as the tax agency's "Detalle de las especificaciones
 * técnicas para la generación de la huella o hash de los registros de facturación" (version 0.1.2)
 * defines it: SHA-256 over the UTF-8 bytes of {@code name=value} pairs joined by {@code &}, in a fixed
 * order per kind of record, written as 64 upper-case hexadecimal digits.
 *
 * <ul>
 *   <li>ALTA (an issued invoice): {@code IDEmisorFactura}, {@code NumSerieFactura},
 *       {@code FechaExpedicionFactura}, {@code TipoFactura}, {@code CuotaTotal}, {@code ImporteTotal},
 *       {@code Huella} (the previous record's), {@code FechaHoraHusoGenRegistro}.
 *   <li>ANULACION (a cancelled invoice): {@code IDEmisorFacturaAnulada}, {@code NumSerieFacturaAnulada},
 *       {@code FechaExpedicionFacturaAnulada}, {@code Huella} (the previous record's),
 *       {@code FechaHoraHusoGenRegistro}.
 * </ul>
 *
 * <p>Every value is trimmed of leading and trailing spaces; a missing value, such as the previous
 * fingerprint of a chain's first record, leaves the pair as {@code Huella=}. Dates are
 * {@code dd-MM-yyyy}; the generation time is ISO 8601 with its offset and without fractions
 * ({@code 2024-01-01T19:20:30+01:00}); amounts carry two decimals and a point, as the record's XML
 * does ({@code 12.35}). The same strings go into the record sent to the tax agency, so they are kept
 * with the record ({@code generated_at_text}).
 */
public final class Fingerprints {

    /** Dates in the records: day, month and year with hyphens. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu");

    /** The record's generation time: seconds and the offset as +hh:mm (never "Z"). */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private Fingerprints() {}

    /** The fields an ALTA record's fingerprint is computed from. */
    public record Alta(
            String issuerTaxId,
            String invoiceNumber,
            LocalDate issueDate,
            String invoiceType,
            BigDecimal taxTotal,
            BigDecimal total,
            String previousFingerprint,
            String generatedAt) {

        public Alta {
            Objects.requireNonNull(issueDate, "issueDate");
            Objects.requireNonNull(taxTotal, "taxTotal");
            Objects.requireNonNull(total, "total");
        }

        /** The text that is hashed. */
        public String hashedText() {
            return new StringBuilder()
                    .append(pair("IDEmisorFactura", issuerTaxId))
                    .append('&')
                    .append(pair("NumSerieFactura", invoiceNumber))
                    .append('&')
                    .append(pair("FechaExpedicionFactura", date(issueDate)))
                    .append('&')
                    .append(pair("TipoFactura", invoiceType))
                    .append('&')
                    .append(pair("CuotaTotal", amount(taxTotal)))
                    .append('&')
                    .append(pair("ImporteTotal", amount(total)))
                    .append('&')
                    .append(pair("Huella", previousFingerprint))
                    .append('&')
                    .append(pair("FechaHoraHusoGenRegistro", generatedAt))
                    .toString();
        }

        public String fingerprint() {
            return sha256(hashedText());
        }
    }

    /** The fields an ANULACION record's fingerprint is computed from. */
    public record Anulacion(
            String issuerTaxId,
            String invoiceNumber,
            LocalDate issueDate,
            String previousFingerprint,
            String generatedAt) {

        public Anulacion {
            Objects.requireNonNull(issueDate, "issueDate");
        }

        /** The text that is hashed. */
        public String hashedText() {
            return new StringBuilder()
                    .append(pair("IDEmisorFacturaAnulada", issuerTaxId))
                    .append('&')
                    .append(pair("NumSerieFacturaAnulada", invoiceNumber))
                    .append('&')
                    .append(pair("FechaExpedicionFacturaAnulada", date(issueDate)))
                    .append('&')
                    .append(pair("Huella", previousFingerprint))
                    .append('&')
                    .append(pair("FechaHoraHusoGenRegistro", generatedAt))
                    .toString();
        }

        public String fingerprint() {
            return sha256(hashedText());
        }
    }

    /** An amount as the records write it: two decimals and a point, no grouping ({@code -1234.50}). */
    public static String amount(BigDecimal value) {
        // Amounts reach the record rounded to the cent; more decimals would hash something else than
        // the invoice shows, so they are refused rather than rounded here.
        return value.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** A date as the records write it ({@code 01-01-2024}). */
    public static String date(LocalDate value) {
        return DATE.format(value);
    }

    /** A generation time as the records write it, in {@code zone}, to the second ({@code 2024-01-01T19:20:30+01:00}). */
    public static String dateTime(Instant instant, ZoneId zone) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    private static String pair(String name, String value) {
        return name + "=" + (value == null ? "" : value.strip());
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
