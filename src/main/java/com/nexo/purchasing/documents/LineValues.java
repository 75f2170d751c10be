package com.nexo.purchasing.documents;

import java.math.BigDecimal;
import java.util.UUID;

/** A line ready to be written: what the article gave, the tax code and the net worked out. */
record LineValues(
        UUID articleId,
        String articleCode,
        String supplierCode,
        String description,
        BigDecimal quantity,
        String unitCode,
        BigDecimal unitPrice,
        BigDecimal discountPercent,
        String taxCode,
        BigDecimal vatPercent,
        BigDecimal netAmount,
        boolean stockTracked,
        UUID sourceLineId) {

    LineValues withNet(BigDecimal net) {
        return new LineValues(
                articleId,
                articleCode,
                supplierCode,
                description,
                quantity,
                unitCode,
                unitPrice,
                discountPercent,
                taxCode,
                vatPercent,
                net,
                stockTracked,
                sourceLineId);
    }

    LineValues withSource(UUID source) {
        return new LineValues(
                articleId,
                articleCode,
                supplierCode,
                description,
                quantity,
                unitCode,
                unitPrice,
                discountPercent,
                taxCode,
                vatPercent,
                netAmount,
                stockTracked,
                source);
    }
}
