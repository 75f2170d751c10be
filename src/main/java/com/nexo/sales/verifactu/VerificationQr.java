package com.nexo.sales.verifactu;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The content of the QR code a VERI*FACTU invoice prints: the address of the tax agency's check of
 * that invoice, as its "Detalle de las especificaciones técnicas del código QR de la factura" defines
 * it. Exactly four parameters, in this order: {@code nif} (the issuer's tax id), {@code numserie}
 * (series and number), {@code fecha} (issue date, {@code dd-MM-yyyy}) and {@code importe} (the
 * invoice's total, a point and two decimals); each value URL-encoded in UTF-8 the way the
 * specification's own Java example does it ({@link URLEncoder}, so {@code &} becomes {@code %26} and
 * a space {@code +}).
 *
 * <p>The specification also says what is printed with the code: {@link #CAPTION_ABOVE} above it and,
 * for invoices of a VERI*FACTU system, {@link #CAPTION_BELOW} (or the longer phrase
 * {@link #CAPTION_BELOW_LONG}) below it, in a type no smaller than the invoice's other data; the code
 * itself 30 to 40 mm square with error correction level M.
 */
public final class VerificationQr {

    /** Printed above the code. */
    public static final String CAPTION_ABOVE = "QR tributario:";

    /** Printed below the code of an invoice issued by a VERI*FACTU system. */
    public static final String CAPTION_BELOW = "VERI*FACTU";

    /** The longer phrase the specification allows below the code instead of {@link #CAPTION_BELOW}. */
    public static final String CAPTION_BELOW_LONG = "Factura verificable en la sede electrónica de la AEAT";

    /** Error correction level the specification asks of the printed code. */
    public static final char ERROR_CORRECTION = 'M';

    /** Where the check runs: the tax agency's production site, or its test environment. */
    public enum Environment {
        PRODUCTION("https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR"),
        TEST("https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR");

        private final String address;

        Environment(String address) {
            this.address = address;
        }

        public String address() {
            return address;
        }

        /** {@code production} or {@code test}, in any case (the setting {@code nexo.sales.verifactu.qr-environment}). */
        public static Environment parse(String setting) {
            return switch (setting == null ? "" : setting.strip().toLowerCase(Locale.ROOT)) {
                case "production" -> PRODUCTION;
                case "test" -> TEST;
                default ->
                    throw new IllegalArgumentException(
                            "nexo.sales.verifactu.qr-environment is production or test, not " + setting);
            };
        }
    }

    private VerificationQr() {}

    /**
     * The check's address for an invoice.
     *
     * @throws IllegalArgumentException when the series and number hold a character outside printable
     *     ASCII (32 to 126), which the specification does not allow
     */
    public static String url(
            Environment environment, String issuerTaxId, String invoiceNumber, LocalDate issueDate, BigDecimal total) {
        String number = invoiceNumber.strip();
        if (!number.chars().allMatch(c -> c >= 32 && c <= 126)) {
            throw new IllegalArgumentException("An invoice number in the QR is printable ASCII only: " + number);
        }
        return environment.address()
                + "?nif=" + encode(issuerTaxId.strip())
                + "&numserie=" + encode(number)
                + "&fecha=" + encode(Fingerprints.date(issueDate))
                + "&importe=" + encode(Fingerprints.amount(total));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
