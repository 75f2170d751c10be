package com.nexo.imports;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A field of an import target that a column of the file can be mapped to.
 *
 * @param id stable id, used in saved mappings and in the target's code (e.g. {@code legalName})
 * @param labelKey message key of its name as the user reads it
 * @param type the kind of value
 * @param required whether a row without it is refused
 * @param maxLength the longest text accepted (0: no limit); for {@link FieldType#LIST}, per element
 * @param synonyms header names that propose this field (Spanish and English, any case and accents:
 *     they are compared after normalising)
 * @param choices for {@link FieldType#CHOICE}: every accepted name (compared after normalising) to the
 *     value the target gets; empty for other types
 */
public record ImportField(
        String id,
        String labelKey,
        FieldType type,
        boolean required,
        int maxLength,
        List<String> synonyms,
        Map<String, String> choices) {

    public ImportField {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(labelKey, "labelKey");
        Objects.requireNonNull(type, "type");
        synonyms = List.copyOf(synonyms);
        choices = Map.copyOf(choices);
        if (type == FieldType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("a choice field needs its choices: " + id);
        }
    }

    /** A field of any type but {@link FieldType#CHOICE} (see {@link #choice}). */
    public static ImportField of(String id, String labelKey, FieldType type, boolean required, String... synonyms) {
        return new ImportField(id, labelKey, type, required, 0, List.of(synonyms), Map.of());
    }

    /** A field whose value is one of {@code choices} (accepted name to the value the target gets). */
    public static ImportField choice(
            String id, String labelKey, boolean required, Map<String, String> choices, String... synonyms) {
        return new ImportField(id, labelKey, FieldType.CHOICE, required, 0, List.of(synonyms), choices);
    }

    public ImportField maxLength(int length) {
        return new ImportField(id, labelKey, type, required, length, synonyms, choices);
    }

    public ImportField choices(Map<String, String> accepted) {
        return new ImportField(id, labelKey, type, required, maxLength, synonyms, accepted);
    }
}
