package com.nexo.imports.jobs;

import com.nexo.imports.file.ImportSettings;
import java.util.Objects;

/** What to run: the target, how to read the file, where its columns go and the key rows are matched by. */
public record ImportRequest(String targetId, ImportSettings settings, ImportMapping mapping, String keyField) {

    public ImportRequest {
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(keyField, "keyField");
    }
}
