package com.nexo.articles.warehouses;

import java.util.UUID;

/** A location inside a warehouse as screens list and offer it; {@code name} may be null. */
public record LocationRow(UUID id, UUID warehouseId, String code, String name) {

    static LocationRow of(WarehouseLocation location) {
        return new LocationRow(location.getId(), location.getWarehouseId(), location.getCode(), location.getName());
    }

    /** "A-01 · Aisle A, shelf 1", or the code alone when the location has no name. */
    public String label() {
        return name == null ? code : code + " · " + name;
    }
}
