package com.nexo.base.ui;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which fields of two versions of one form record differ: what a form shows when someone else saved
 * the record while the user was editing it.
 */
public final class RecordDifferences {

    private RecordDifferences() {}

    /** One field that differs: its record component's name and both values. */
    public record Difference(String field, Object before, Object after) {}

    /** The components of {@code before} and {@code after} (the same record type) whose values differ. */
    public static <R extends Record> List<Difference> between(R before, R after) {
        if (before.getClass() != after.getClass()) {
            throw new IllegalArgumentException("Both versions must be of one record type");
        }
        List<Difference> differences = new ArrayList<>();
        for (RecordComponent component : before.getClass().getRecordComponents()) {
            Object a = read(component, before);
            Object b = read(component, after);
            if (!Objects.equals(a, b)) {
                differences.add(new Difference(component.getName(), a, b));
            }
        }
        return differences;
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }
}
