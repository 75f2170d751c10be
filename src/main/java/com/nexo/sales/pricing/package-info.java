/**
 * Price lists and clients' sales terms. {@link com.nexo.sales.pricing.PriceLists} answers the price of
 * an article for a client, a quantity and a day (the client's own list, else its group's, else the
 * default list); {@link com.nexo.sales.pricing.ClientTermsService} keeps how each client is taxed and
 * which list, group, discount and salesperson it has; {@link com.nexo.sales.pricing.PriceListService}
 * edits the lists and their items for the screens.
 */
package com.nexo.sales.pricing;
