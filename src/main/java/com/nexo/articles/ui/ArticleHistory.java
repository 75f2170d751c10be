package com.nexo.articles.ui;

import com.nexo.articles.catalogue.ArticleKind;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.HistoryTimeline;
import com.nexo.history.ChangeEntry;
import com.nexo.history.FieldChange;
import com.vaadin.flow.component.Component;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An article's change history as its timeline shows it: the columns people edit, named as the form
 * names them, with stored values (JSON text) shown as the reader expects them: kinds and status
 * translated, yes or no, prices and rates in the reader's format, and the category, unit and supplier by
 * name.
 */
final class ArticleHistory {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Names of what an article refers to by id: a category, a unit, a supplier. */
    interface Names {
        String category(UUID id);

        String unit(UUID id);

        String supplier(UUID id);
    }

    private ArticleHistory() {}

    static List<HistoryTimeline.Entry> entries(Component context, List<ChangeEntry> history, Names names) {
        return history.stream().map(entry -> entry(context, entry, names)).toList();
    }

    private static HistoryTimeline.Entry entry(Component context, ChangeEntry entry, Names names) {
        List<HistoryTimeline.Change> changes = new ArrayList<>();
        List<FieldChange> shown = "UPDATE".equals(entry.operation()) ? entry.changes() : List.of();
        for (FieldChange change : shown) {
            label(context, change.column())
                    .ifPresent(label -> changes.add(new HistoryTimeline.Change(
                            label,
                            value(context, change.column(), change.before(), names),
                            value(context, change.column(), change.after(), names))));
        }
        String who = entry.userName() != null ? entry.userName() : context.getTranslation("articles.history.system");
        String what = switch (entry.operation()) {
            case "INSERT" -> context.getTranslation("articles.history.created");
            case "DELETE" -> context.getTranslation("articles.history.deleted");
            default -> context.getTranslation("articles.history.changed");
        };
        return new HistoryTimeline.Entry(entry.at(), who, what, changes);
    }

    /** The label of a column people edit; empty for technical columns (version, timestamps). */
    static Optional<String> label(Component context, String column) {
        return Optional.ofNullable(
                switch (column) {
                    case "code" -> context.getTranslation("articles.field.code");
                    case "kind" -> context.getTranslation("articles.field.kind");
                    case "name_es" -> context.getTranslation("articles.field.name-es");
                    case "name_en" -> context.getTranslation("articles.field.name-en");
                    case "description_es" -> context.getTranslation("articles.field.description-es");
                    case "description_en" -> context.getTranslation("articles.field.description-en");
                    case "category_id" -> context.getTranslation("articles.field.category");
                    case "unit_id" -> context.getTranslation("articles.field.unit");
                    case "barcode" -> context.getTranslation("articles.field.barcode");
                    case "sale_price" -> context.getTranslation("articles.field.sale-price");
                    case "cost" -> context.getTranslation("articles.field.cost");
                    case "tax_rate" -> context.getTranslation("articles.field.tax-rate");
                    case "default_supplier_id" -> context.getTranslation("articles.field.default-supplier");
                    case "stock_tracked" -> context.getTranslation("articles.field.stock-tracked");
                    case "status" -> context.getTranslation("articles.field.status");
                    default -> null;
                });
    }

    static String value(Component context, String column, String json, Names names) {
        if (json == null) {
            return "";
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            return json; // not JSON after all: show it as it is
        }
        if (node == null || node.isNull()) {
            return "";
        }
        String text = node.isValueNode() ? node.asString() : node.toString();
        return switch (column) {
            case "kind" -> kind(context, text);
            case "status" -> status(context, "archived".equals(text));
            case "stock_tracked" -> yesNo(context, node.asBoolean());
            case "category_id" -> byId(text, names::category);
            case "unit_id" -> byId(text, names::unit);
            case "default_supplier_id" -> byId(text, names::supplier);
            case "sale_price", "cost" ->
                number(text).map(value -> Format.price(value, null)).orElse(text);
            case "tax_rate" -> number(text).map(Format::percent).orElse(text);
            default -> text;
        };
    }

    static String status(Component context, boolean archived) {
        return archived
                ? context.getTranslation("articles.status.archived")
                : context.getTranslation("articles.status.active");
    }

    static String yesNo(Component context, boolean yes) {
        return yes ? context.getTranslation("articles.detail.yes") : context.getTranslation("articles.detail.no");
    }

    private static String kind(Component context, String value) {
        try {
            return ArticleLabels.kind(context, ArticleKind.valueOf(value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static Optional<BigDecimal> number(String text) {
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String byId(String value, Function<UUID, String> name) {
        try {
            String found = name.apply(UUID.fromString(value));
            return found == null ? "" : found;
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
