package com.nexo.imports.jobs;

/** Rows of a file by what was (or, for a dry run, would be) done with them. */
public record ImportCounts(long created, long updated, long unchanged, long refused) {

    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0);

    public long total() {
        return created + updated + unchanged + refused;
    }
}
