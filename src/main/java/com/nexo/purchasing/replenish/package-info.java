/**
 * Purchase orders from the replenishment list, and what is on order: {@link
 * com.nexo.purchasing.replenish.OnOrder} hands the articles module the incoming quantity of every
 * article and warehouse an order change touched; {@link com.nexo.purchasing.replenish.ReplenishmentOrders}
 * turns the below-minimum list into one draft order per default supplier.
 */
package com.nexo.purchasing.replenish;
