package com.nexo.base.ui.documents;

import java.math.BigDecimal;
import java.util.List;

/**
 * What differs between modules in {@link DocumentLinesEditor}: the class of the line form it binds
 * (with the bean properties {@code description}, {@code quantity}, {@code unitPrice},
 * {@code discountPercent} and {@code vatPercent}), the read-only cells, the tax rates a line may
 * carry and a price proposal shown beside the price.
 *
 * @param <L> the module's line form
 */
public interface DocumentLineFields<L> {

    Class<L> lineType();

    String articleCode(L line);

    String unitCode(L line);

    /** The tax rates a line may carry; empty when any rate between 0 and 100 will do. */
    default List<BigDecimal> taxChoices() {
        return List.of();
    }

    /** A proposed price to show as the price cell's tooltip (a supplier's last price), or null. */
    default String priceProposal(L line) {
        return null;
    }
}
