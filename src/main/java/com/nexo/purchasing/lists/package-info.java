/**
 * The purchasing module's lists: keyset pages of each kind of document (RFQs, orders, receipts,
 * supplier bills) with their filters, counts, CSV export and saved filters; a supplier's documents
 * for the account page.
 */
package com.nexo.purchasing.lists;
