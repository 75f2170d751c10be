package com.nexo.imports.jobs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Which field of the target each column of the file goes to: one entry per column, null to skip it. */
public record ImportMapping(List<String> fieldPerColumn) {

    public ImportMapping {
        fieldPerColumn = Collections.unmodifiableList(new ArrayList<>(fieldPerColumn));
    }

    public Optional<String> field(int column) {
        return column < fieldPerColumn.size() ? Optional.ofNullable(fieldPerColumn.get(column)) : Optional.empty();
    }

    public int columnOf(String fieldId) {
        return fieldPerColumn.indexOf(fieldId);
    }
}
