package com.nexo.articles.replenishment;

import java.util.List;

/**
 * A glance at what is below its minimum: how many rows ({@code count}, at most the cap; {@code more}
 * when there are more than that) and the first few, in list order.
 */
public record BelowMinimum(long count, boolean more, List<ReplenishmentRow> top) {

    public BelowMinimum {
        top = List.copyOf(top);
    }
}
