package com.nexo.production.boms;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * One node of a cost breakdown: the exploded line for one unit made, the cost of one unit of its
 * article (a sub-assembly's standard cost, an input's cost, a service's hourly rate) and the
 * extended cost (total quantity × unit cost). A sub-assembly's extended cost already includes the
 * lines under it.
 */
public record CostLine(
        ExplodedLine line,
        String articleCode,
        String articleNameEs,
        String articleNameEn,
        String unitCode,
        BigDecimal unitCost,
        BigDecimal extendedCost) {

    public String articleName(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? articleNameEn : articleNameEs;
    }
}
