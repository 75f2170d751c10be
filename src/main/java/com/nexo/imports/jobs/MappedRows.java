package com.nexo.imports.jobs;

import com.nexo.imports.ImportField;
import com.nexo.imports.ImportTarget;
import com.nexo.imports.Refusal;
import com.nexo.imports.file.CsvRecord;
import com.nexo.imports.file.ParsedValue;
import com.nexo.imports.file.ValueParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a record of the file into the target's fields: parsed, checked one by one, and its key. */
final class MappedRows {

    /** A record mapped: values by field (in the target's order), staged text, key and what is wrong. */
    record Mapped(long line, Object[] values, String[] staged, String key, List<Refusal> problems) {

        Refusal firstProblem() {
            return problems.isEmpty() ? null : problems.get(0);
        }
    }

    private final List<ImportField> fields;
    private final int[] columns;
    private final int[] keyIndexes;
    private final int headerSize;
    private final ImportRequest request;

    MappedRows(ImportTarget target, ImportRequest request, int headerSize) {
        this.fields = target.fields();
        this.request = request;
        this.headerSize = headerSize;
        this.columns = new int[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            columns[i] = request.mapping().columnOf(fields.get(i).id());
        }
        this.keyIndexes = target.keyOf(request.keyField()).stream()
                .mapToInt(field -> ImportTargets.indexOf(target, field))
                .toArray();
    }

    Mapped map(CsvRecord record) {
        List<String> cells = record.cells();
        List<Refusal> problems = new ArrayList<>(1);
        if (cells.size() < headerSize || (cells.size() > headerSize && !blankAfter(cells, headerSize))) {
            problems.add(Refusal.of(null, "imports.refusal.columns", headerSize, cells.size()));
        }
        Object[] values = new Object[fields.size()];
        String[] staged = new String[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            int column = columns[i];
            if (column < 0) {
                continue;
            }
            String raw = column < cells.size() ? cells.get(column) : null;
            ParsedValue parsed = ValueParser.parse(fields.get(i), raw, request.settings());
            if (parsed.refusal() != null) {
                problems.add(parsed.refusal());
            }
            values[i] = parsed.value();
            staged[i] = StagedValues.encode(parsed.value());
        }
        return new Mapped(record.line(), values, staged, key(values), problems);
    }

    /** The row's key within the file: the key fields' values together (null when any is blank). */
    private String key(Object[] values) {
        StringBuilder key = new StringBuilder();
        for (int index : keyIndexes) {
            String part = index < 0 ? null : StagedValues.key(fields.get(index), values[index]);
            if (part == null) {
                return null;
            }
            if (!key.isEmpty()) {
                key.append(StagedValues.LIST_SEPARATOR);
            }
            key.append(part);
        }
        return key.isEmpty() ? null : key.toString();
    }

    Map<String, Object> valuesByField(Object[] values) {
        Map<String, Object> byField = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            if (values[i] != null) {
                byField.put(fields.get(i).id(), values[i]);
            }
        }
        return byField;
    }

    private static boolean blankAfter(List<String> cells, int from) {
        for (int i = from; i < cells.size(); i++) {
            if (!cells.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }
}
