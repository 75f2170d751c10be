package com.nexo.accounts.export;

import com.nexo.accounts.account.AccountField;
import com.nexo.accounts.search.AccountSearch;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.UUID;

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

    /**
     * One account's cells as read from the export's row, but for the owner's name: the row carries
     * the owner's id, whose name is looked up for many rows at once ({@link #line}).
     */
    record Row(List<String> cells, UUID ownerId) {}

    static Row row(ResultSet row) throws SQLException {
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(row.getString("code"));
        cells.add(row.getString("kind"));
        cells.add(String.join(" ", AccountSearch.strings(row.getArray("roles"))));
        cells.add(row.getString("legal_name"));
        cells.add(row.getString("trade_name"));
        cells.add(row.getString("tax_id"));
        cells.add(row.getString("country"));
        cells.add(String.join(" ", AccountSearch.strings(row.getArray("emails"))));
        cells.add(String.join(" / ", AccountSearch.strings(row.getArray("phones"))));
        cells.add(row.getString("website"));
        cells.add(row.getString("payment_terms"));
        BigDecimal credit = row.getBigDecimal("credit_limit");
        cells.add(credit == null ? null : credit.toPlainString());
        cells.add(row.getString("currency"));
        cells.add(row.getString("language"));
        cells.add(String.join(" ", AccountSearch.strings(row.getArray("tags"))));
        cells.add(String.valueOf(row.getBoolean("archived")));
        return new Row(cells, row.getObject("owner_id", UUID.class));
    }

    /** The CSV line of a row, its owner's name in the owner's column. */
    static String line(Row row, String ownerName) {
        StringBuilder line = new StringBuilder(256);
        List<String> cells = row.cells();
        int owner = COLUMNS.indexOf(AccountField.OWNER);
        for (int i = 0; i < cells.size(); i++) {
            if (i == owner) {
                append(line, ownerName);
            }
            append(line, cells.get(i));
        }
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
