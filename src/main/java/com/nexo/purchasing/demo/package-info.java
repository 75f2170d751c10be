/**
 * The demo tenant's year of purchasing: suppliers' prices, the approval threshold and price tolerance,
 * RFQs, orders, receipts and supplier bills, made through the purchasing services by the tenant's buyer
 * after the accounts, the catalogue and the sales are seeded.
 */
package com.nexo.purchasing.demo;
