package com.nexo.articles.warehouses;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the warehouse form edits (the code only when the warehouse is created). */
public record WarehouseForm(
        @NotBlank(message = "{stock.validation.required}")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,15}", message = "{stock.validation.warehouse-code}")
        String code,

        @NotBlank(message = "{stock.validation.required}") @Size(max = 120, message = "{stock.validation.too-long}")
        String name,

        @Size(max = 500, message = "{stock.validation.too-long}")
        String address,

        boolean allowNegative,
        boolean active) {

    /** A new warehouse: active, no negative stock. */
    public static WarehouseForm blank() {
        return new WarehouseForm("", "", "", false, true);
    }

    /** The form of an existing warehouse. */
    public static WarehouseForm of(Warehouse warehouse) {
        return new WarehouseForm(
                warehouse.getCode(),
                warehouse.getName(),
                warehouse.getAddress() == null ? "" : warehouse.getAddress(),
                warehouse.isAllowNegative(),
                warehouse.isActive());
    }
}
