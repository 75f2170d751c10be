package com.nexo.articles.warehouses;

import com.nexo.base.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** A place inside a warehouse (aisle, shelf, bin) that a movement may name. */
@Entity
@Table(name = "warehouse_location")
public class WarehouseLocation extends TenantOwnedEntity {

    @Column(name = "warehouse_id", nullable = false, updatable = false)
    private UUID warehouseId;

    @Column(nullable = false, updatable = false)
    private String code;

    private String name;

    protected WarehouseLocation() {}

    WarehouseLocation(UUID warehouseId, String code, String name) {
        this.warehouseId = warehouseId;
        this.code = code;
        this.name = name;
    }

    void rename(String name) {
        this.name = name;
    }

    public UUID getWarehouseId() {
        return warehouseId;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }
}
