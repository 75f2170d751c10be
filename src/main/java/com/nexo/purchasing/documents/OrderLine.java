package com.nexo.purchasing.documents;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One line of a draft order or RFQ as a caller gives it: an article (null for a free-text line), the
 * supplier's code for it, a description (null on an article line: the article's name), quantity, unit
 * (null on an article line: the article's unit), unit price before tax, discount and VAT percentage
 * (null on an article line: the article's rate). The service fills in what comes from the article
 * (code, name, unit, tax, whether its stock is tracked) and works the nets out itself.
 */
public record OrderLine(
        UUID articleId,
        String supplierCode,
        String description,
        BigDecimal quantity,
        String unitCode,
        BigDecimal unitPrice,
        BigDecimal discountPercent,
        BigDecimal vatPercent) {

    /** An article line at {@code unitPrice}, no discount, the article's name, unit and tax. */
    public static OrderLine article(UUID articleId, BigDecimal quantity, BigDecimal unitPrice) {
        return new OrderLine(articleId, null, null, quantity, null, unitPrice, BigDecimal.ZERO, null);
    }

    /** A free-text line (a service, a charge) with its own VAT percentage. */
    public static OrderLine text(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal vatPercent) {
        return new OrderLine(null, null, description, quantity, null, unitPrice, BigDecimal.ZERO, vatPercent);
    }
}
