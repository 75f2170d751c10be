package com.nexo.production.orders;

/**
 * DRAFT -> RELEASED (inputs reserved, child orders made) -> IN_PROGRESS (first record) -> COMPLETED
 * (finished) -> CLOSED (costs final); DRAFT or RELEASED -> CANCELLED.
 */
public enum OrderStatus {
    DRAFT,
    RELEASED,
    IN_PROGRESS,
    COMPLETED,
    CLOSED,
    CANCELLED;

    /** Whether the shop floor may record on an order in this state. */
    public boolean isWorkable() {
        return this == RELEASED || this == IN_PROGRESS;
    }
}
