package com.nexo.articles;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface WarehouseLocationRepository extends JpaRepository<WarehouseLocation, UUID> {

    boolean existsByWarehouseIdAndCode(UUID warehouseId, String code);

    List<WarehouseLocation> findByWarehouseIdOrderByCode(UUID warehouseId);
}
