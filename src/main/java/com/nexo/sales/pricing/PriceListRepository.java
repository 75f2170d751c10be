package com.nexo.sales.pricing;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PriceListRepository extends JpaRepository<PriceList, UUID> {

    boolean existsByNameIgnoreCaseAndIdNot(String name, UUID id);
}
