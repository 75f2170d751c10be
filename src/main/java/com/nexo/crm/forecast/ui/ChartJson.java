package com.nexo.crm.forecast.ui;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** The few JSON pieces a chart option is made of: strings escaped, numbers plain. */
final class ChartJson {

    private ChartJson() {}

    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String strings(List<String> texts) {
        return texts.stream().map(ChartJson::string).collect(Collectors.joining(",", "[", "]"));
    }

    /** Amounts as JSON numbers; null as JSON null (a gap in a line). */
    static String numbers(List<BigDecimal> values) {
        return values.stream()
                .map(value -> value == null ? "null" : value.toPlainString())
                .collect(Collectors.joining(",", "[", "]"));
    }
}
