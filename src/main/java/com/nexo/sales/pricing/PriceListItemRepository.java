package com.nexo.sales.pricing;

import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PriceListItemRepository extends JpaRepository<PriceListItem, UUID> {

    boolean existsByPriceListIdAndArticleIdAndMinQuantityAndIdNot(
            UUID priceListId, UUID articleId, BigDecimal minQuantity, UUID id);
}
