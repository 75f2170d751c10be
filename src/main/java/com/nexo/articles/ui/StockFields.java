package com.nexo.articles.ui;

import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.stock.StockArticle;
import com.nexo.articles.units.UnitRow;
import com.nexo.articles.warehouses.LocationRow;
import com.nexo.articles.warehouses.WarehouseRow;
import com.nexo.base.ui.Format;
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

    /** A quantity in the reader's language, with the decimals of its unit (none shown when whole). */
    static String quantity(BigDecimal value, int unitDecimals) {
        return value == null ? "" : Format.quantity(value, unitDecimals);
    }

    static String warehouse(WarehouseRow value) {
        return value.label();
    }

    static String location(LocationRow value) {
        return value.label();
    }

    static String unit(java.util.Locale locale, UnitRow value) {
        return value.label(locale);
    }

    /** The units an article's quantities can be entered in: those of the kind of its own unit. */
    static List<UnitRow> unitsOf(StockArticle article, List<UnitRow> units) {
        Optional<UnitRow> own = own(article, units);
        return own.map(unit -> units.stream().filter(unit::convertsTo).toList()).orElse(List.of());
    }

    static Optional<UnitRow> own(StockArticle article, List<UnitRow> units) {
        return article == null
                ? Optional.empty()
                : units.stream()
                        .filter(unit -> unit.id().equals(article.unitId()))
                        .findFirst();
    }

    /** Offers the units of the article, its own chosen. */
    static void offerUnits(ComboBox<UnitRow> field, StockArticle article, List<UnitRow> units) {
        field.setItems(unitsOf(article, units));
        field.setValue(own(article, units).orElse(null));
    }

    static UUID idOf(UnitRow unit) {
        return unit == null ? null : unit.id();
    }

    static UUID idOf(LocationRow location) {
        return location == null ? null : location.id();
    }

    static UUID idOf(WarehouseRow warehouse) {
        return warehouse == null ? null : warehouse.id();
    }

    /** The warehouse of {@code id} among {@code warehouses}, if it is one of them. */
    static Optional<WarehouseRow> find(List<WarehouseRow> warehouses, UUID id) {
        return warehouses.stream().filter(value -> value.id().equals(id)).findFirst();
    }

    /** Shows the translated message of a broken stock rule. */
    static void show(Component context, ArticleRuleException e) {
        Notices.error(context.getTranslation(e.messageKey(), e.arguments()));
    }
}
