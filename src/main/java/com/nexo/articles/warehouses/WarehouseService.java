package com.nexo.articles.warehouses;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.ArticleRuleException;
import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.base.paging.Sort;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Warehouses and their locations. */
@Service
public class WarehouseService {

    private final WarehouseRepository warehouses;
    private final WarehouseLocationRepository locations;
    private final Validator validator;
    private final JdbcClient jdbc;

    WarehouseService(
            WarehouseRepository warehouses,
            WarehouseLocationRepository locations,
            Validator validator,
            JdbcClient jdbc) {
        this.warehouses = warehouses;
        this.jdbc = jdbc;
        this.locations = locations;
        this.validator = validator;
    }

    /** Every warehouse, entities for this module's background work (demo data); views use {@link #warehouses()}. */
    @Transactional(readOnly = true)
    @RolesAllowed({ArticlePermissions.STOCK_READ, Roles.SYSTEM})
    public List<Warehouse> listWarehouses() {
        return warehouses.findAllByOrderByCode();
    }

    /** Every warehouse, active or not, in code order: what warehouse pickers offer (a tenant has few). */
    @Transactional(readOnly = true)
    @RolesAllowed({ArticlePermissions.STOCK_READ, ArticlePermissions.STOCK_COUNT, Roles.SYSTEM})
    public List<WarehouseRow> warehouses() {
        return jdbc.sql(ALL).query(ROW).list();
    }

    private static final String ALL = """
            SELECT w.id, w.code, w.name, w.address, w.allow_negative, w.active
              FROM warehouse w
             ORDER BY w.code, w.id
            """;

    /** The active warehouses, in code order: where stock can be moved or counted. */
    @Transactional(readOnly = true)
    @RolesAllowed({ArticlePermissions.STOCK_READ, ArticlePermissions.STOCK_COUNT, Roles.SYSTEM})
    public List<WarehouseRow> activeWarehouses() {
        return warehouses().stream().filter(WarehouseRow::active).toList();
    }

    /** A page of the warehouses in {@code sort}, after {@code after} (null: the first page). */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.STOCK_READ)
    public Page<WarehouseRow> page(Sort<WarehouseSort> sort, PageCursor after, int limit) {
        return ListQuery.select("w.id, w.code, w.name, w.address, w.allow_negative, w.active")
                .from("warehouse w")
                .page(jdbc, order(sort), after, limit, ROW);
    }

    private static ListOrder order(Sort<WarehouseSort> sort) {
        String key = sort.by() == WarehouseSort.NAME ? "w.name" : "w.code";
        return ListOrder.keyset(key, "text", "w.id", sort.descending());
    }

    /** One warehouse (to show which one a screen was opened on). */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.STOCK_READ)
    public WarehouseRow warehouse(UUID warehouseId) {
        return WarehouseRow.of(find(warehouseId));
    }

    /** The form of an existing warehouse, to edit it. */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.STOCK_CONFIGURE)
    public WarehouseForm getForm(UUID warehouseId) {
        return WarehouseForm.of(find(warehouseId));
    }

    @Transactional
    @RolesAllowed({ArticlePermissions.STOCK_CONFIGURE, Roles.SYSTEM})
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
    @RolesAllowed(ArticlePermissions.STOCK_CONFIGURE)
    public void updateWarehouse(UUID warehouseId, WarehouseForm form) {
        if (form == null || !validator.validate(form).isEmpty()) {
            throw new ArticleRuleException("stock.error.warehouse-invalid");
        }
        find(warehouseId).apply(form);
    }

    @Transactional
    @RolesAllowed({ArticlePermissions.STOCK_CONFIGURE, Roles.SYSTEM})
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
    @RolesAllowed(ArticlePermissions.STOCK_CONFIGURE)
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
    @RolesAllowed(ArticlePermissions.STOCK_READ)
    public List<LocationRow> listLocations(UUID warehouseId) {
        return locations.findByWarehouseIdOrderByCode(warehouseId).stream()
                .map(LocationRow::of)
                .toList();
    }

    private Warehouse find(UUID warehouseId) {
        return warehouses
                .findById(warehouseId)
                .orElseThrow(() -> new ArticleRuleException("stock.error.warehouse-not-found"));
    }

    static final RowMapper<WarehouseRow> ROW = (rs, n) -> new WarehouseRow(
            rs.getObject("id", UUID.class),
            rs.getString("code"),
            rs.getString("name"),
            rs.getString("address"),
            rs.getBoolean("allow_negative"),
            rs.getBoolean("active"));
}
