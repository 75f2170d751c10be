package com.nexo.articles.imports;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The undo data of this module's targets: a flat JSON object of texts (values as the database writes them). */
final class UndoData {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> FLAT = new TypeReference<>() {};

    private UndoData() {}

    static String write(Map<String, String> values) {
        return JSON.writeValueAsString(values);
    }

    static Map<String, String> read(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        return JSON.readValue(json, FLAT);
    }
}
