package com.nexo.articles.warehouses;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.ArticleRuleException;
import jakarta.validation.Validator;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Warehouses and their locations. */
@Service
public class WarehouseService {

    private final WarehouseRepository warehouses;
    private final WarehouseLocationRepository locations;
    private final Validator validator;

    WarehouseService(WarehouseRepository warehouses, WarehouseLocationRepository locations, Validator validator) {
        this.warehouses = warehouses;
        this.locations = locations;
        this.validator = validator;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_READ + "') or hasRole('SYSTEM')")
    public List<Warehouse> listWarehouses() {
        return warehouses.findAllByOrderByCode();
    }

    /**
     * A page of the warehouses in code order, for a lazy list; {@code offset} is a multiple of
     * {@code limit}, as a grid asks.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_READ + "')")
    public List<Warehouse> pageWarehouses(int offset, int limit) {
        int size = Math.max(1, limit);
        return warehouses.findAllByOrderByCode(PageRequest.of(Math.max(0, offset) / size, size));
    }

    /** One warehouse (to edit it, or to show which one a screen was opened on). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_READ + "')")
    public Warehouse warehouse(UUID warehouseId) {
        return find(warehouseId);
    }

    @Transactional
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_CONFIGURE + "') or hasRole('SYSTEM')")
    public UUID createWarehouse(WarehouseForm form) {
        if (form == null || !validator.validate(form).isEmpty()) {
            throw new ArticleRuleException("stock.error.warehouse-invalid");
        }
        String code = form.code().strip();
        if (warehouses.existsByCode(code)) {
            throw new ArticleRuleException("stock.error.warehouse-code-taken", code);
        }
        Warehouse warehouse = new Warehouse(code);
        warehouse.apply(form);
        warehouses.save(warehouse);
        return warehouse.getId();
    }

    @Transactional
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_CONFIGURE + "')")
    public void updateWarehouse(UUID warehouseId, WarehouseForm form) {
        if (form == null || !validator.validate(form).isEmpty()) {
            throw new ArticleRuleException("stock.error.warehouse-invalid");
        }
        find(warehouseId).apply(form);
    }

    @Transactional
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_CONFIGURE + "') or hasRole('SYSTEM')")
    public UUID addLocation(UUID warehouseId, String code, String name) {
        find(warehouseId);
        String clean = code == null ? "" : code.strip();
        if (!clean.matches("[A-Za-z0-9][A-Za-z0-9._/-]{0,23}")) {
            throw new ArticleRuleException("stock.error.location-code-invalid");
        }
        if (locations.existsByWarehouseIdAndCode(warehouseId, clean)) {
            throw new ArticleRuleException("stock.error.location-code-taken", clean);
        }
        WarehouseLocation location =
                new WarehouseLocation(warehouseId, clean, name == null || name.isBlank() ? null : name.strip());
        locations.save(location);
        return location.getId();
    }

    /** Gives a location another name (its code stays: movements name it); a blank name clears it. */
    @Transactional
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_CONFIGURE + "')")
    public void renameLocation(UUID locationId, String name) {
        WarehouseLocation location = locations
                .findById(locationId)
                .orElseThrow(() -> new ArticleRuleException("stock.error.location-not-found"));
        String clean = name == null || name.isBlank() ? null : name.strip();
        if (clean != null && clean.length() > 120) {
            throw new ArticleRuleException("stock.error.location-name-too-long");
        }
        location.rename(clean);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_READ + "')")
    public List<WarehouseLocation> listLocations(UUID warehouseId) {
        return locations.findByWarehouseIdOrderByCode(warehouseId);
    }

    private Warehouse find(UUID warehouseId) {
        return warehouses
                .findById(warehouseId)
                .orElseThrow(() -> new ArticleRuleException("stock.error.warehouse-not-found"));
    }
}
