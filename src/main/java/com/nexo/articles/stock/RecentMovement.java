package com.nexo.articles.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** A movement of any article, as the latest movements of the organisation show it. */
@NamedInterface("stock")
public record RecentMovement(
        UUID id,
        MovementType type,
        UUID articleId,
        String articleCode,
        String articleNameEs,
        String articleNameEn,
        UUID warehouseId,
        String warehouseCode,
        BigDecimal quantity,
        String unitCode,
        int unitDecimals,
        Instant movedAt) {

    public String articleName(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? articleNameEn : articleNameEs;
    }
}
