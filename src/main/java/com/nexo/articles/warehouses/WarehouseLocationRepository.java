package com.nexo.articles.warehouses;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WarehouseLocationRepository extends JpaRepository<WarehouseLocation, UUID> {

    boolean existsByWarehouseIdAndCode(UUID warehouseId, String code);

    List<WarehouseLocation> findByWarehouseIdOrderByCode(UUID warehouseId);
}
