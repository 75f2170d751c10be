/**
 * Articles: the catalogue (goods, services and production inputs) with units of measure and a category
 * tree of unlimited depth, warehouses and locations, and the stock ledger with balances, reservations,
 * stock counts and replenishment levels.
 *
 * <p>Stock changes only through immutable movements; on hand per article and warehouse is kept by
 * the database in the same transaction as each movement. Other modules (sales, purchasing,
 * production) reserve, issue and receive stock through {@link com.nexo.articles.StockService} and
 * {@link com.nexo.articles.ReservationService}, and refer to articles by id.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Articles")
package com.nexo.articles;
