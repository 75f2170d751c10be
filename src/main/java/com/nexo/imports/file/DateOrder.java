package com.nexo.imports.file;

/** The order of day, month and year in dates such as {@code 03/04/2026}. */
public enum DateOrder {
    /** 31/12/2026 (Spanish, and English outside the United States). */
    DAY_MONTH_YEAR,
    /** 12/31/2026 (United States). */
    MONTH_DAY_YEAR,
    /** 2026/12/31. */
    YEAR_MONTH_DAY
}
