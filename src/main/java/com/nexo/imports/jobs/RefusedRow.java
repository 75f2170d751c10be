package com.nexo.imports.jobs;

import com.nexo.imports.Refusal;

/**
 * A row that was refused.
 *
 * @param column the file's header of the column at fault (null for the row as a whole)
 */
public record RefusedRow(long line, String column, Refusal refusal) {}
