/**
 * Imports: the import centre where a tenant brings its clients, suppliers, catalogue and stock from
 * spreadsheets (CSV files up to millions of rows).
 *
 * <p>An import is a Spring Batch job run in the background for one tenant and user: the stored file is
 * read as a stream, each row is mapped and checked on its own, loaded with {@code COPY} into a staging
 * table, then applied set-based in committed chunks by the module that owns the records. A dry run
 * goes through the same steps without writing any record. Every change an import makes is kept so the
 * import can be undone as a whole.
 *
 * <p>What other modules use: this package. A module that wants its records imported declares an
 * {@link com.nexo.imports.ImportTarget} bean (its fields, its upsert keys and how a batch of rows is
 * applied and undone); {@code imports} never names another module's tables. The rest is internal:
 * {@code file} (reading and detecting CSV files, parsing values), {@code jobs} (the batch job, staging
 * and undo), {@code ui} (the import centre's screens).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Imports",
        allowedDependencies = {"base", "security", "tenancy"})
package com.nexo.imports;
