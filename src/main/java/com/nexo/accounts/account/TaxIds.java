package com.nexo.accounts.account;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tax identifiers. Spanish ones (country ES) are checked: NIF of a person (8 digits and a control
 * letter), NIE of a foreigner (X, Y or Z, 7 digits and a control letter) and CIF/NIF of an
 * organisation (a letter for the kind of entity, 7 digits and a control digit or letter). Other
 * countries' ids are free text.
 */
public final class TaxIds {

    private static final String NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
    private static final String CIF_LETTERS = "JABCDEFGHI";
    private static final Pattern NIF = Pattern.compile("[0-9]{8}[A-Z]");
    private static final Pattern NIE = Pattern.compile("[XYZ][0-9]{7}[A-Z]");
    private static final Pattern CIF = Pattern.compile("[ABCDEFGHJKLMNPQRSUVW][0-9]{7}[0-9A-J]");
    /** Organisations whose control character is always a letter / always a digit. */
    private static final String CIF_LETTER_CONTROL = "KPQRSNW";

    private static final String CIF_DIGIT_CONTROL = "ABEH";

    private TaxIds() {}

    /** Upper case, without spaces, dots, dashes or a leading "ES" (the EU VAT prefix). */
    public static String normalize(String taxId) {
        if (taxId == null) {
            return null;
        }
        String compact = taxId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return compact.startsWith("ES") && compact.length() == 11 ? compact.substring(2) : compact;
    }

    /** Whether {@code taxId} is acceptable for an account of {@code country}; blank is acceptable. */
    public static boolean isValid(String country, String taxId) {
        if (taxId == null || taxId.isBlank()) {
            return true;
        }
        if (!"ES".equals(country)) {
            return taxId.strip().length() <= 40;
        }
        return isValidSpanish(taxId);
    }

    /** A Spanish NIF, NIE or CIF with the right control character. */
    public static boolean isValidSpanish(String taxId) {
        String id = normalize(taxId);
        if (id == null) {
            return false;
        }
        if (NIF.matcher(id).matches()) {
            return id.charAt(8) == NIF_LETTERS.charAt(Integer.parseInt(id.substring(0, 8)) % 23);
        }
        if (NIE.matcher(id).matches()) {
            String number = "XYZ".indexOf(id.charAt(0)) + id.substring(1, 8);
            return id.charAt(8) == NIF_LETTERS.charAt(Integer.parseInt(number) % 23);
        }
        if (CIF.matcher(id).matches()) {
            return cifControlMatches(id);
        }
        return false;
    }

    /** The NIF of a person with this 8-digit number (control letter added). */
    public static String spanishNif(int number) {
        String digits = String.format(Locale.ROOT, "%08d", number % 100_000_000);
        return digits + NIF_LETTERS.charAt(Integer.parseInt(digits) % 23);
    }

    /** The CIF of an organisation of this kind (B: limited company, A: public company...) and number. */
    public static String spanishCif(char kind, int number) {
        String digits = String.format(Locale.ROOT, "%07d", number % 10_000_000);
        int control = cifControl(digits);
        char given = CIF_LETTER_CONTROL.indexOf(kind) >= 0 ? CIF_LETTERS.charAt(control) : (char) ('0' + control);
        return kind + digits + given;
    }

    private static int cifControl(String sevenDigits) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            int digit = sevenDigits.charAt(i) - '0';
            if (i % 2 == 0) {
                int doubled = digit * 2;
                sum += doubled / 10 + doubled % 10;
            } else {
                sum += digit;
            }
        }
        return (10 - sum % 10) % 10;
    }

    private static boolean cifControlMatches(String id) {
        int control = cifControl(id.substring(1, 8));
        char kind = id.charAt(0);
        char given = id.charAt(8);
        boolean letter = given == CIF_LETTERS.charAt(control);
        boolean digit = given == (char) ('0' + control);
        if (CIF_LETTER_CONTROL.indexOf(kind) >= 0) {
            return letter;
        }
        if (CIF_DIGIT_CONTROL.indexOf(kind) >= 0) {
            return digit;
        }
        return letter || digit;
    }
}
