package com.nexo.base.filters;

import java.time.LocalDate;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reading and writing a saved filter's JSON definition ({@link SavedFilterStore}): the list's module
 * decides the fields, this class how values are written and read back. A value a later version no
 * longer understands (an enum constant renamed) reads as null, "no condition", rather than failing
 * the list.
 */
public final class FilterJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FilterJson() {}

    /** An empty definition to put fields in. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static String write(ObjectNode node) {
        return JSON.writeValueAsString(node);
    }

    public static JsonNode read(String definition) {
        return JSON.readTree(definition);
    }

    /** Puts a value as text (its {@code toString}, an enum's name), or null. */
    public static void put(ObjectNode node, String field, Object value) {
        node.put(field, value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString());
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    public static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        try {
            return name == null ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static <E extends Enum<E>> E enumOrNull(JsonNode node, String field, Class<E> type) {
        return enumOrNull(type, text(node, field));
    }

    public static LocalDate date(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : LocalDate.parse(value);
    }

    public static UUID uuid(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : UUID.fromString(value);
    }
}
