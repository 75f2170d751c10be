package com.nexo.articles.warehouses;

import com.nexo.base.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A place that holds stock. Negative stock is refused unless the warehouse allows it. */
@Entity
@Table(name = "warehouse")
public class Warehouse extends TenantOwnedEntity {

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    private String address;

    @Column(name = "allow_negative", nullable = false)
    private boolean allowNegative;

    @Column(nullable = false)
    private boolean active = true;

    protected Warehouse() {}

    Warehouse(String code) {
        this.code = code;
    }

    void apply(WarehouseForm form) {
        this.name = form.name().strip();
        this.address = form.address() == null || form.address().isBlank()
                ? null
                : form.address().strip();
        this.allowNegative = form.allowNegative();
        this.active = form.active();
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    public boolean isAllowNegative() {
        return allowNegative;
    }

    public boolean isActive() {
        return active;
    }
}
