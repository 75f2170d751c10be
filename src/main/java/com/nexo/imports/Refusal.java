package com.nexo.imports;

import java.util.List;
import java.util.Objects;

/**
 * Why a row was refused, to be told in the user's language.
 *
 * @param field the field at fault (its id), or null for the row as a whole
 * @param messageKey message key of the reason; its arguments are {@code args}
 */
public record Refusal(String field, String messageKey, List<String> args) {

    public Refusal {
        Objects.requireNonNull(messageKey, "messageKey");
        args = List.copyOf(args);
    }

    public static Refusal of(String field, String messageKey, Object... args) {
        return new Refusal(
                field,
                messageKey,
                java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
