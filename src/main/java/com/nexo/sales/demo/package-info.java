/**
 * The demo tenant's year of sales: quotes, orders, delivery notes, invoices and payments, made through
 * the sales services by the tenant's salesperson after the accounts and the catalogue are seeded.
 */
package com.nexo.sales.demo;
