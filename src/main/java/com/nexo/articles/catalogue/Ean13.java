package com.nexo.articles.catalogue;

/** EAN-13 barcodes: thirteen digits, the last one a check digit (weights 1 and 3 from the left). */
public final class Ean13 {

    private Ean13() {}

    /** Whether {@code code} is thirteen digits with a correct check digit. */
    public static boolean isValid(String code) {
        if (code == null || code.length() != 13) {
            return false;
        }
        for (int i = 0; i < 13; i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return false;
            }
        }
        return checkDigit(code.substring(0, 12)) == code.charAt(12) - '0';
    }

    /** The check digit of the first twelve digits. */
    public static int checkDigit(String twelveDigits) {
        if (twelveDigits == null || !twelveDigits.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("twelve digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int digit = twelveDigits.charAt(i) - '0';
            sum += (i % 2 == 0) ? digit : digit * 3;
        }
        return (10 - sum % 10) % 10;
    }

    /** The twelve digits followed by their check digit. */
    public static String complete(String twelveDigits) {
        return twelveDigits + checkDigit(twelveDigits);
    }
}
