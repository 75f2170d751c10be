package com.nexo.articles.replenishment;

import java.util.Collection;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * Turning the below-minimum list into purchase orders: implemented by the purchasing module, so that
 * the replenishment screen offers it without depending on purchasing. The screen shows its button
 * only when a bean exists and {@link #allowed()}.
 */
@NamedInterface("replenishment")
public interface ReplenishmentOrdering {

    /** What one run created: draft orders, their lines, and rows left out for want of a supplier. */
    record Summary(int orders, int lines, int skippedWithoutSupplier) {}

    /** Where the orders are listed (a route path of the application). */
    String ORDERS_PATH = "purchasing/orders";

    /** Whether the current user may create purchase orders. */
    boolean allowed();

    /**
     * One draft purchase order per default supplier (and warehouse) for what is below its minimum in
     * {@code warehouseId} (null: every warehouse), only of {@code articleIds} when given (null: all).
     */
    Summary createPurchaseOrders(UUID warehouseId, Collection<UUID> articleIds);
}
