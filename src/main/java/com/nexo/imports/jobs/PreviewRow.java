package com.nexo.imports.jobs;

import com.nexo.imports.Refusal;
import java.util.List;
import java.util.Map;

/**
 * A row of the preview: the file's cells, the values parsed from them by field, and what is wrong with
 * them (empty when the row would go on to the target).
 */
public record PreviewRow(long line, List<String> cells, Map<String, Object> values, List<Refusal> problems) {}
