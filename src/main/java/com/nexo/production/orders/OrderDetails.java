package com.nexo.production.orders;

import java.util.List;

/**
 * Everything an order's page shows, read at once: the header with its article, the parent order's
 * number (for a child order), the materials, the entries (newest first) and the cost comparison.
 */
public record OrderDetails(
        OrderHeader header,
        String articleCode,
        String articleName,
        String unitCode,
        String warehouseCode,
        String parentNumber,
        List<OrderMaterial> materials,
        List<OrderEntry> entries,
        CostComparison costs) {}
