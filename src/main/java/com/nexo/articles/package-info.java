/**
 * Articles: the catalogue (goods, services and production inputs) with units of measure and a category
 * tree of unlimited depth, warehouses and locations, and the stock ledger with balances, reservations,
 * stock counts and replenishment levels.
 *
 * <p>Stock changes only through immutable movements; on hand per article and warehouse is kept by
 * the database in the same transaction as each movement. What other modules (sales, purchasing,
 * production) may use: this package ({@link com.nexo.articles.ArticlePermissions}, {@link
 * com.nexo.articles.ArticleRuleException}) and the named interface {@code stock} (package {@code
 * com.nexo.articles.stock}: receive, issue, transfer and adjust through {@code StockService}, reserve
 * through {@code ReservationService}, set what is on order through {@code IncomingStock}) and the named
 * interface {@code replenishment} (the whole below-minimum list through {@code ReplenishmentLines}, and
 * the {@code ReplenishmentOrdering} SPI that purchasing implements so the replenishment screen can
 * create purchase orders); they refer to articles and warehouses by id. The rest is
 * internal, by sub-feature: {@code catalogue}, {@code categories}, {@code units}, {@code warehouses},
 * {@code counts}, {@code replenishment}, {@code pages} (the one read behind an article's page),
 * {@code imports} (the catalogue, replenishment levels and opening stock as targets of the import
 * centre: {@code imports} module's {@code ImportTarget} beans), {@code demo} and {@code ui}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Articles",
        allowedDependencies = {"accounts", "base", "demo", "history", "imports", "security", "tenancy"})
package com.nexo.articles;
