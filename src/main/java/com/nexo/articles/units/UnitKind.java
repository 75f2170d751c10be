package com.nexo.articles.units;

import java.util.Locale;

/** What a unit measures; units convert only into units of the same kind. */
public enum UnitKind {
    COUNT,
    MASS,
    LENGTH,
    VOLUME,
    AREA,
    TIME;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static UnitKind fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
