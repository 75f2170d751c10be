package com.nexo.articles.imports;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The columns of an article that an import may change, as one row of values ({@code Object[]} indexed
 * by ordinal): read from the table, compared, written back set-based (one array per column) and kept
 * as text in the undo data.
 */
enum ArticleColumn {
    KIND("kind", "text"),
    NAME_ES("name_es", "text"),
    NAME_EN("name_en", "text"),
    DESCRIPTION_ES("description_es", "text"),
    DESCRIPTION_EN("description_en", "text"),
    CATEGORY_ID("category_id", "uuid"),
    UNIT_ID("unit_id", "uuid"),
    BARCODE("barcode", "text"),
    SALE_PRICE("sale_price", "numeric"),
    COST("cost", "numeric"),
    TAX_RATE("tax_rate", "numeric"),
    STOCK_TRACKED("stock_tracked", "boolean"),
    STATUS("status", "text");

    static final List<ArticleColumn> ALL = List.of(values());

    /** The column names, comma-separated, optionally each qualified ({@code v.kind, v.name_es...}). */
    static String names(String qualifier) {
        return ALL.stream().map(c -> qualifier + c.column).collect(Collectors.joining(", "));
    }

    /** {@code CAST(:kind AS text[]), ...}: every column's array parameter, for {@code unnest}. */
    static String arrays() {
        return ALL.stream()
                .map(c -> "CAST(:" + c.column + " AS " + c.type + "[])")
                .collect(Collectors.joining(", "));
    }

    /** {@code kind = v.kind, ...} for an UPDATE from {@code unnest(...) AS v}. */
    static String assignments() {
        return ALL.stream().map(c -> c.column + " = v." + c.column).collect(Collectors.joining(", "));
    }

    final String column;
    final String type;

    ArticleColumn(String column, String type) {
        this.column = column;
        this.type = type;
    }

    static Object[] read(ResultSet rs) throws SQLException {
        Object[] values = new Object[ALL.size()];
        for (ArticleColumn c : ALL) {
            values[c.ordinal()] = switch (c.type) {
                case "uuid" -> rs.getObject(c.column, UUID.class);
                case "numeric" -> rs.getBigDecimal(c.column);
                case "boolean" -> rs.getBoolean(c.column);
                default -> rs.getString(c.column);
            };
        }
        return values;
    }

    /** Whether two values of this column are the same (numbers by value: 7.5 is 7.5000). */
    boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    String encode(Object value) {
        return value == null ? null : value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }

    Object decode(String text) {
        if (text == null) {
            return null;
        }
        return switch (type) {
            case "uuid" -> UUID.fromString(text);
            case "numeric" -> new BigDecimal(text);
            case "boolean" -> Boolean.valueOf(text);
            default -> text;
        };
    }

    /** This column of every row, as the typed array its parameter takes. */
    Object array(List<Object[]> rows) {
        Object[] array = switch (type) {
            case "uuid" -> new UUID[rows.size()];
            case "numeric" -> new BigDecimal[rows.size()];
            case "boolean" -> new Boolean[rows.size()];
            default -> new String[rows.size()];
        };
        Arrays.setAll(array, i -> rows.get(i)[ordinal()]);
        return array;
    }
}
