/**
 * Suppliers' prices per article: {@link com.nexo.purchasing.prices.SupplierPriceService} keeps what
 * each supplier sells of an article (code, lead time, minimum order, currency, quantity breaks),
 * answers the price a supplier is expected to charge for a quantity (the applicable break, else the
 * last price; one pair or many in one statement), and records the last price of every article a receipt brings in.
 */
package com.nexo.purchasing.prices;
