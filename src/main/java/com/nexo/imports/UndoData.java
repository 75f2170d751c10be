package com.nexo.imports;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Undo data as a flat JSON object of texts (values as the database writes them), for the targets that
 * keep no more than that ({@link RowOutcome#undoData()}).
 */
public final class UndoData {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> FLAT = new TypeReference<>() {};

    private UndoData() {}

    public static String write(Map<String, String> values) {
        return JSON.writeValueAsString(values);
    }

    public static Map<String, String> read(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        return JSON.readValue(json, FLAT);
    }
}
