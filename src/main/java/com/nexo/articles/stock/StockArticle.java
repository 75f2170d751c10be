package com.nexo.articles.stock;

import java.util.Locale;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * An article as the stock screens show it: code, names, and its unit (code and the decimals its
 * quantities are shown with). The stock API's own record, so that its callers need not know the
 * catalogue's.
 */
@NamedInterface("stock")
public record StockArticle(
        UUID id, String code, String nameEs, String nameEn, UUID unitId, String unitCode, int unitDecimals) {

    /** The name in the language of {@code locale} (English for "en", Spanish otherwise). */
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameEs;
    }

    /** "TOR-M6 · M6 screw": what an article picker shows. */
    public String label(Locale locale) {
        return code + " · " + name(locale);
    }
}
