/**
 * The client portal of sales: a client's own quotes, orders, delivery notes and invoices (lists,
 * pages, PDFs, what is due), its online answer to a quote, and the tenant's settings for those
 * answers. The client's reads and its answer run under the client's database role (its account's
 * rows only); what the company does in reply runs afterwards as system work of the tenant.
 */
package com.nexo.sales.portal;
