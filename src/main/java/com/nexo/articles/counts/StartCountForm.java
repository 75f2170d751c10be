package com.nexo.articles.counts;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** What starting a stock count asks: the warehouse, and optionally the category whose subtree is counted. */
public record StartCountForm(
        @NotNull(message = "{stock.count.start.warehouse-required}")
        UUID warehouseId,

        UUID categoryId) {}
