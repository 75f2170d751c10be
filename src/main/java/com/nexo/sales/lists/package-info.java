/**
 * The sales module's lists: keyset pages of each kind of document with their filters, counts, CSV
 * export and saved filters; the back-order list; a client's documents and open amount for the
 * account page.
 */
package com.nexo.sales.lists;
