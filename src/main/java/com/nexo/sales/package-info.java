/**
 * Sales: quotes, orders, delivery notes and invoices (with corrective invoices), their lines, taxes,
 * totals and numbers, price lists and clients' sales terms, the PDFs and e-mails of the documents,
 * and the chained records every issued or cancelled invoice gets (VERI*FACTU).
 *
 * <p>Clients and articles are referred to by id and read through the accounts and articles modules'
 * APIs; stock is reserved and issued through the articles module's {@code stock} interface. This
 * package is what other modules may use ({@link com.nexo.sales.SalesPermissions}); the rest is
 * internal, by sub-feature: {@code documents} (the documents and their flow), {@code pricing}
 * (price lists and clients' terms, and the import target of price lists' prices), {@code verifactu} (invoice records and their chain), {@code print}
 * (PDF and e-mail), {@code demo} and {@code ui}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Sales",
        allowedDependencies = {
            "accounts",
            "articles",
            "articles::stock",
            "base",
            "demo",
            "history",
            "imports",
            "security",
            "tenancy"
        })
package com.nexo.sales;
