package com.nexo.production.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A new production order: make {@code quantity} of an article into a warehouse by the due date. */
public record OrderForm(
        UUID articleId, BigDecimal quantity, LocalDate dueDate, UUID warehouseId, UUID workCentreId, String notes) {}
