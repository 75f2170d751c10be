package com.nexo.articles.warehouses;

import java.util.UUID;

/** A warehouse as screens list and offer it (views never get the {@link Warehouse} entity). */
public record WarehouseRow(UUID id, String code, String name, String address, boolean allowNegative, boolean active) {

    static WarehouseRow of(Warehouse warehouse) {
        return new WarehouseRow(
                warehouse.getId(),
                warehouse.getCode(),
                warehouse.getName(),
                warehouse.getAddress(),
                warehouse.isAllowNegative(),
                warehouse.isActive());
    }

    /** "CEN · Central warehouse": what a warehouse picker shows. */
    public String label() {
        return code + " · " + name;
    }
}
