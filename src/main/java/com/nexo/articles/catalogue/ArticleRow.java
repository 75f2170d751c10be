package com.nexo.articles.catalogue;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

/** An article as lists and exports show it. */
public record ArticleRow(
        UUID id,
        String code,
        ArticleKind kind,
        String nameEs,
        String nameEn,
        UUID categoryId,
        String categoryCode,
        String unitCode,
        String barcode,
        BigDecimal salePrice,
        BigDecimal cost,
        BigDecimal taxRate,
        UUID defaultSupplierId,
        boolean stockTracked,
        boolean archived) {

    /** The name in the user's language (Spanish unless English is asked for). */
    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameEs;
    }
}
