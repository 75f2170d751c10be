package com.nexo.sales.ui;

import com.nexo.articles.catalogue.ArticleForm;
import com.nexo.articles.catalogue.ArticleKind;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.units.UnitOfMeasure;
import com.nexo.articles.units.UnitService;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Articles and users the document page's and editor's tests share. */
final class DocumentViewFixtures {

    /** The demo employee with the sales role (every sales permission, reserves and issues stock). */
    static final String SALES = "ventas@demo.nexo";

    /** The demo employee with the read-only role: may read sales documents, nothing more. */
    static final String READ_ONLY = "consulta@demo.nexo";

    private DocumentViewFixtures() {}

    /** A fresh code no other test run uses. */
    static String code(String prefix) {
        return prefix
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36)
                        .toUpperCase();
    }

    /** A stock-tracked article at {@code price} (21 % VAT) with {@code stock} units in {@code warehouse}. */
    static UUID article(
            ArticleService articles,
            UnitService units,
            StockService stock,
            String code,
            String price,
            String stockQuantity,
            UUID warehouse) {
        UUID unit = units.listUnits().stream()
                .filter(value -> value.getCode().equals("ud"))
                .map(UnitOfMeasure::getId)
                .findFirst()
                .orElseThrow();
        UUID id = articles.createArticle(new ArticleForm(
                code,
                ArticleKind.GOODS,
                "Válvula " + code,
                "Valve " + code,
                null,
                null,
                null,
                unit,
                null,
                new BigDecimal(price),
                new BigDecimal("1.00"),
                new BigDecimal("21"),
                null,
                true));
        if (new BigDecimal(stockQuantity).signum() > 0) {
            stock.receive(StockEntry.of(id, warehouse, new BigDecimal(stockQuantity), "Entrada " + code));
        }
        return id;
    }
}
