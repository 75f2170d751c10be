package com.nexo.imports.file;

import java.util.List;

/**
 * One record of a CSV file as written: its cells untrimmed, empty cells as {@code ""}.
 *
 * @param line the physical line (1-based, the header being line 1) where the record starts; a quoted
 *     cell may span several lines, so records are not always one line apart
 * @param cells the cells in file order
 */
public record CsvRecord(long line, List<String> cells) {

    public CsvRecord {
        cells = List.copyOf(cells);
    }

    /** Whether every cell is blank, as in the {@code ;;;} rows spreadsheets leave under the data. */
    public boolean blank() {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
