package com.nexo.imports;

/** What applying a row did, or would do in a dry run. */
public enum RowAction {
    CREATED,
    UPDATED,
    UNCHANGED,
    REFUSED
}
