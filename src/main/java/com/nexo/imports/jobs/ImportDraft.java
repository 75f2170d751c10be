package com.nexo.imports.jobs;

import com.nexo.imports.file.ImportSettings;
import java.util.List;
import java.util.UUID;

/**
 * An uploaded file, read far enough to map it.
 *
 * @param settings the settings detected (or the ones asked for)
 * @param headers the file's first row
 */
public record ImportDraft(
        UUID importId, String fileName, long fileSize, ImportSettings settings, List<String> headers) {}
