package com.nexo.accounts.search;

/**
 * The orders a list of accounts can be sorted in (a whitelist: each has an index that serves it).
 * {@link #RELEVANCE} applies to a quick search only (best matches first) and falls back to
 * {@link #NAME} without search text.
 */
public record AccountSort(Column column, boolean descending) {

    public enum Column {
        NAME,
        CODE,
        CREATED,
        UPDATED,
        RELEVANCE
    }

    public AccountSort {
        column = column == null ? Column.NAME : column;
    }

    public static AccountSort byName() {
        return new AccountSort(Column.NAME, false);
    }

    /** The sort, or by name when there is none. */
    public static AccountSort orDefault(AccountSort sort) {
        return sort == null ? byName() : sort;
    }

    public static AccountSort relevance() {
        return new AccountSort(Column.RELEVANCE, false);
    }
}
