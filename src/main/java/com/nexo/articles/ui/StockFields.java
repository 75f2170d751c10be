package com.nexo.articles.ui;

import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.catalogue.ArticleRow;
import com.nexo.articles.units.UnitOfMeasure;
import com.nexo.articles.warehouses.Warehouse;
import com.nexo.articles.warehouses.WarehouseLocation;
import com.nexo.base.ui.Notices;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the stock screens and their dialogs show alike: quantities, units, warehouses, errors. */
final class StockFields {

    /** Where a movement typed on a screen comes from, next to the document reference typed with it. */
    static final String MANUAL_SOURCE = "manual";

    private StockFields() {}

    /** A quantity without trailing zeros ("12", "0.5"). */
    static String plain(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    static String warehouse(Warehouse value) {
        return value.getCode() + " · " + value.getName();
    }

    static String location(WarehouseLocation value) {
        return value.getName() == null ? value.getCode() : value.getCode() + " · " + value.getName();
    }

    static String unit(java.util.Locale locale, UnitOfMeasure value) {
        return value.getCode() + " · " + ("en".equals(locale.getLanguage()) ? value.getNameEn() : value.getNameEs());
    }

    /** The units an article's quantities can be entered in: those of the kind of its own unit. */
    static List<UnitOfMeasure> unitsOf(ArticleRow article, List<UnitOfMeasure> units) {
        Optional<UnitOfMeasure> own = own(article, units);
        return own.map(unit -> units.stream().filter(unit::convertsTo).toList()).orElse(List.of());
    }

    static Optional<UnitOfMeasure> own(ArticleRow article, List<UnitOfMeasure> units) {
        return article == null
                ? Optional.empty()
                : units.stream()
                        .filter(unit -> unit.getCode().equals(article.unitCode()))
                        .findFirst();
    }

    /** Offers the units of the article, its own chosen. */
    static void offerUnits(ComboBox<UnitOfMeasure> field, ArticleRow article, List<UnitOfMeasure> units) {
        field.setItems(unitsOf(article, units));
        field.setValue(own(article, units).orElse(null));
    }

    static UUID idOf(UnitOfMeasure unit) {
        return unit == null ? null : unit.getId();
    }

    static UUID idOf(WarehouseLocation location) {
        return location == null ? null : location.getId();
    }

    /** Shows the translated message of a broken stock rule. */
    static void show(Component context, ArticleRuleException e) {
        Notices.error(context.getTranslation(e.messageKey(), e.arguments()));
    }
}
