/**
 * Purchasing: requests for quotation to one or several suppliers and their answers side by side,
 * purchase orders (written, chosen from an answer, or generated from the replenishment list) with
 * approval above a tenant's threshold, partial receipts into the stock ledger at cost, supplier bills
 * matched three ways against their order and receipts, suppliers' prices per article, and the PDFs and
 * e-mails of RFQs and orders.
 *
 * <p>Suppliers and articles are referred to by id and read through the accounts and articles modules'
 * APIs; receipts write stock through the articles module's {@code stock} interface (receipts at cost
 * move the article's weighted-average cost). This package is what other modules may use
 * ({@link com.nexo.purchasing.PurchasingPermissions}); the rest is internal, by sub-feature:
 * {@code documents} (RFQs and orders and their flow), {@code receiving} (receipts), {@code bills}
 * (supplier bills and the three-way match), {@code prices} (suppliers' prices), {@code replenish}
 * (orders from the replenishment list), {@code lists}, {@code print} (PDF and e-mail), {@code demo}
 * and {@code ui}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Purchasing",
        allowedDependencies = {
            "accounts",
            "articles",
            "articles::stock",
            "articles::replenishment",
            "base",
            "demo",
            "history",
            "security",
            "tenancy"
        })
package com.nexo.purchasing;
