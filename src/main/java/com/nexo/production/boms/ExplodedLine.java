package com.nexo.production.boms;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One node of an exploded bill: the line at {@code level} (1 = a line of the top bill) under the node
 * {@code parentLineId} (null at level 1), the quantity it needs for the exploded quantity (scrap of
 * every level included), and whether its article is itself made ({@code bomId} of its bill in force).
 * {@code path} orders the nodes depth-first, as a tree shows them.
 */
public record ExplodedLine(
        UUID lineId,
        UUID parentLineId,
        int level,
        String path,
        LineKind kind,
        UUID articleId,
        BigDecimal quantityPerUnit,
        BigDecimal scrapPercent,
        BigDecimal totalQuantity,
        UUID bomId,
        UUID workerId) {

    public boolean isSubAssembly() {
        return bomId != null;
    }
}
