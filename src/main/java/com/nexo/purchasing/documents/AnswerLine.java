package com.nexo.purchasing.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A supplier's answer to one RFQ line: its unit price and discount, the quantity it can deliver and
 * when (null: not said).
 */
public record AnswerLine(
        UUID lineId, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal quantity, LocalDate deliveryDate) {}
