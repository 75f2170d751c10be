package com.nexo.imports;

import java.util.List;
import java.util.UUID;

/**
 * A batch of rows handed to a target. Rows refused by the import centre's own checks (types, required
 * fields, a key seen earlier in the file) are not in it.
 *
 * @param importId the import, for the target's own bookkeeping (e.g. a movement's reference)
 * @param keyField the field rows are matched by to existing records (one of the target's key fields)
 * @param write false for a dry run: classify only, write nothing
 * @param rows the rows, by line
 */
public record ImportBatch(UUID importId, String keyField, boolean write, List<ImportRow> rows) {

    public ImportBatch {
        rows = List.copyOf(rows);
    }
}
