package com.nexo.articles.units;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

/**
 * A unit of measure as views show and offer it (views never get the {@link UnitOfMeasure} entity).
 *
 * @param id the unit's id, what services take
 * @param code short code ("kg", "ud")
 * @param nameEs Spanish name
 * @param nameEn English name
 * @param kind what it measures; quantities convert only within a kind
 * @param factor how many base units of its kind one of it holds
 * @param decimals how many decimals quantities in it are shown with
 */
public record UnitRow(
        UUID id, String code, String nameEs, String nameEn, UnitKind kind, BigDecimal factor, int decimals) {

    static UnitRow of(UnitOfMeasure unit) {
        return new UnitRow(
                unit.getId(),
                unit.getCode(),
                unit.getNameEs(),
                unit.getNameEn(),
                unit.getKind(),
                unit.getFactor(),
                unit.getDecimals());
    }

    /** The name in the language of {@code locale} (English for "en", Spanish otherwise). */
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameEs;
    }

    /** "kg · kilogram": what a unit picker shows. */
    public String label(Locale locale) {
        return code + " · " + name(locale);
    }

    /** Whether quantities in this unit can be expressed in {@code other} (same kind). */
    public boolean convertsTo(UnitRow other) {
        return other != null && kind == other.kind;
    }
}
