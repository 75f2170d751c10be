package com.nexo.accounts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.ResourceBundle;

/** The CSV layout of an account export: RFC 4180 quoting, one account per line. */
final class AccountCsv {

    /** Columns in order, by the translation key of their header. */
    static final List<AccountField> COLUMNS = List.of(
            AccountField.CODE,
            AccountField.KIND,
            AccountField.ROLES,
            AccountField.LEGAL_NAME,
            AccountField.TRADE_NAME,
            AccountField.TAX_ID,
            AccountField.COUNTRY,
            AccountField.EMAILS,
            AccountField.PHONES,
            AccountField.WEBSITE,
            AccountField.PAYMENT_TERMS,
            AccountField.CREDIT_LIMIT,
            AccountField.CURRENCY,
            AccountField.LANGUAGE,
            AccountField.TAGS,
            AccountField.OWNER,
            AccountField.ARCHIVED);

    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("\\+[0-9 ().\\-/]*");

    private AccountCsv() {}

    static String header(ResourceBundle bundle) {
        StringBuilder line = new StringBuilder();
        for (AccountField column : COLUMNS) {
            append(line, bundle.getString(column.labelKey()));
        }
        return line.append("\r\n").toString();
    }

    static String line(ResultSet row) throws SQLException {
        StringBuilder line = new StringBuilder(256);
        append(line, row.getString("code"));
        append(line, row.getString("kind"));
        append(line, String.join(" ", AccountSearch.strings(row.getArray("roles"))));
        append(line, row.getString("legal_name"));
        append(line, row.getString("trade_name"));
        append(line, row.getString("tax_id"));
        append(line, row.getString("country"));
        append(line, String.join(" ", AccountSearch.strings(row.getArray("emails"))));
        append(line, String.join(" / ", AccountSearch.strings(row.getArray("phones"))));
        append(line, row.getString("website"));
        append(line, row.getString("payment_terms"));
        BigDecimal credit = row.getBigDecimal("credit_limit");
        append(line, credit == null ? null : credit.toPlainString());
        append(line, row.getString("currency"));
        append(line, row.getString("language"));
        append(line, String.join(" ", AccountSearch.strings(row.getArray("tags"))));
        append(line, row.getString("owner_name"));
        append(line, String.valueOf(row.getBoolean("archived")));
        return line.append("\r\n").toString();
    }

    static String quote(String value) {
        if (value == null) {
            return "";
        }
        // A leading =, +, - or @ would be run as a formula by spreadsheets; a phone number is not one.
        boolean formula = !value.isEmpty()
                && "=+-@".indexOf(value.charAt(0)) >= 0
                && !PHONE.matcher(value).matches();
        String safe = formula ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static void append(StringBuilder line, String value) {
        if (!line.isEmpty()) {
            line.append(',');
        }
        line.append(quote(value));
    }
}
