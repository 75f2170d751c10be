/**
 * The stock ledger: receipts, issues, transfers and adjustments through {@link
 * com.nexo.articles.stock.StockService}, reservations for orders through {@link
 * com.nexo.articles.stock.ReservationService}, receipts at cost and the article's weighted average
 * cost through {@link com.nexo.articles.stock.StockValuation}, what is on order from suppliers (incoming)
 * through {@link com.nexo.articles.stock.IncomingStock}, with the records they take and return. Those types form
 * the named interface {@code stock} that other modules use; {@link com.nexo.articles.stock.StockLedger},
 * which writes the movements for this module's services (counts post through it), is not part of it.
 * Every change is an immutable movement; the balance per article and warehouse is kept by the database
 * in the same transaction.
 */
package com.nexo.articles.stock;
