package com.nexo.sales.pricing;

import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.base.Ids;
import com.nexo.imports.FieldType;
import com.nexo.imports.ImportBatch;
import com.nexo.imports.ImportField;
import com.nexo.imports.ImportRow;
import com.nexo.imports.ImportTarget;
import com.nexo.imports.ImportedChange;
import com.nexo.imports.RowAction;
import com.nexo.imports.RowOutcome;
import com.nexo.imports.RowRuleException;
import com.nexo.imports.UndoData;
import com.nexo.imports.UndoOutcome;
import com.nexo.sales.SalesPermissions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The prices of price lists as an import target: each row prices an article in a list (named as the
 * list screen names it) from a quantity up, with the item row's rules (price and quantity from zero
 * up, discount from 0 to 100 %). A row stands for the item it names, the list, the article and the
 * quantity break together: the centre matches rows by the article's code and tells repeats by the
 * three of them. Lists are not created by an import (their period, currency and clients are set in
 * the list's own dialog): a row naming an unknown or archived list is refused. A blank discount keeps
 * an existing item's discount (no discount for a new one).
 *
 * <p>A batch costs four statements: the lists, the articles (through the articles module), the items
 * of its rows (locked when writing) and one upsert; the change history of the lists is kept by the
 * table's statement triggers. Undo deletes the items an import created and puts back the price and
 * discount of those it changed; an item whose version is no longer the one the import left was
 * changed later.
 */
@Component
class PriceListImportTarget implements ImportTarget {

    static final String ID = "price-list-items";
    static final String LIST = "priceList";
    static final String ARTICLE = "article";
    static final String MIN_QUANTITY = "minQuantity";
    static final String PRICE = "unitPrice";
    static final String DISCOUNT = "discount";

    private static final int QUANTITY_SCALE = 6;
    private static final int PRICE_SCALE = 4;
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("1e12");
    private static final BigDecimal MAX_PRICE = new BigDecimal("1e10");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private static final List<ImportField> FIELDS = List.of(
            ImportField.of(
                            LIST,
                            "imports.target.price-list-items.field.price-list",
                            FieldType.TEXT,
                            true,
                            "tarifa",
                            "lista de precios",
                            "nombre de la tarifa",
                            "price list",
                            "pricelist",
                            "price list name",
                            "tariff")
                    .maxLength(120),
            ImportField.of(
                            ARTICLE,
                            "imports.target.price-list-items.field.article",
                            FieldType.TEXT,
                            true,
                            ArticleDirectory.CODE_HEADERS.toArray(String[]::new))
                    .maxLength(40),
            ImportField.of(
                    MIN_QUANTITY,
                    "imports.target.price-list-items.field.min-quantity",
                    FieldType.DECIMAL,
                    false,
                    "cantidad mínima",
                    "desde cantidad",
                    "a partir de",
                    "escalado",
                    "min quantity",
                    "minimum quantity",
                    "from quantity",
                    "quantity break"),
            ImportField.of(
                    PRICE,
                    "imports.target.price-list-items.field.unit-price",
                    FieldType.DECIMAL,
                    true,
                    "precio",
                    "precio unitario",
                    "pvp",
                    "precio de venta",
                    "price",
                    "unit price",
                    "sale price"),
            ImportField.of(
                    DISCOUNT,
                    "imports.target.price-list-items.field.discount",
                    FieldType.DECIMAL,
                    false,
                    "descuento",
                    "dto",
                    "% dto",
                    "discount",
                    "discount %"));

    private static final String LISTS = """
            SELECT id, name, archived FROM sales_price_list WHERE lower(name) = ANY(CAST(:names AS text[]))
            """;

    private static final String ITEMS = """
            SELECT i.id, i.price_list_id, i.article_id, i.min_quantity, i.unit_price, i.discount_percent, i.version
              FROM sales_price_list_item i
              JOIN unnest(CAST(:lists AS uuid[]), CAST(:articles AS uuid[]), CAST(:quantities AS numeric[]))
                   AS k(price_list_id, article_id, min_quantity)
                ON i.price_list_id = k.price_list_id AND i.article_id = k.article_id
               AND i.min_quantity = k.min_quantity
            """;

    /** The item row's write, for a whole batch: new items inserted, existing ones overwritten. */
    private static final String UPSERT = """
            INSERT INTO sales_price_list_item (id, price_list_id, article_id, min_quantity, unit_price, discount_percent)
            SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:lists AS uuid[]), CAST(:articles AS uuid[]),
                                 CAST(:quantities AS numeric[]), CAST(:prices AS numeric[]), CAST(:discounts AS numeric[]))
            ON CONFLICT (tenant_id, price_list_id, article_id, min_quantity) DO UPDATE
                SET unit_price = EXCLUDED.unit_price, discount_percent = EXCLUDED.discount_percent,
                    updated_at = now(), version = sales_price_list_item.version + 1
            RETURNING id, version
            """;

    private static final String RESTORE = """
            UPDATE sales_price_list_item i
               SET unit_price = r.unit_price, discount_percent = r.discount_percent, updated_at = now(),
                   version = i.version + 1
              FROM unnest(CAST(:ids AS uuid[]), CAST(:prices AS numeric[]), CAST(:discounts AS numeric[]))
                   AS r(id, unit_price, discount_percent)
             WHERE i.id = r.id
            """;

    private final JdbcClient jdbc;
    private final ArticleDirectory articles;

    PriceListImportTarget(JdbcClient jdbc, ArticleDirectory articles) {
        this.jdbc = jdbc;
        this.articles = articles;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> tables() {
        return List.of("sales_price_list_item");
    }

    @Override
    public String labelKey() {
        return "imports.target.price-list-items";
    }

    @Override
    public String descriptionKey() {
        return "imports.target.price-list-items.description";
    }

    @Override
    public Set<String> permissions() {
        return Set.of(SalesPermissions.SETTINGS);
    }

    @Override
    public List<ImportField> fields() {
        return FIELDS;
    }

    @Override
    public List<String> keyFields() {
        return List.of(ARTICLE);
    }

    @Override
    public List<String> keyOf(String keyField) {
        return List.of(LIST, ARTICLE, MIN_QUANTITY);
    }

    private record ListRef(UUID id, String name, boolean archived) {}

    private record Item(UUID id, BigDecimal price, BigDecimal discount, long version) {}

    private record Wanted(
            int index, long line, UUID list, UUID article, BigDecimal quantity, BigDecimal price, BigDecimal discount) {

        String key() {
            return PriceListImportTarget.key(list, article, quantity);
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<RowOutcome> apply(ImportBatch batch) {
        List<ImportRow> rows = batch.rows();
        RowOutcome[] outcomes = new RowOutcome[rows.size()];
        Map<String, ListRef> lists = lists(
                rows.stream().map(r -> text(r, LIST)).filter(Objects::nonNull).toList());
        Map<String, ArticleSummary> byCode = articles.byCodes(rows.stream()
                .map(r -> text(r, ARTICLE))
                .filter(Objects::nonNull)
                .toList());

        List<Wanted> wanted = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            try {
                Wanted w = wanted(i, row, lists, byCode);
                Long first = seen.putIfAbsent(w.key(), row.line());
                if (first != null) {
                    throw new RowRuleException("imports.price-lists.error.item-repeated", MIN_QUANTITY, first);
                }
                wanted.add(w);
            } catch (RowRuleException refused) {
                outcomes[i] = RowOutcome.refused(row.line(), refused.refusal());
            }
        }

        Map<String, Item> current = items(
                wanted.stream().map(Wanted::list).toList(),
                wanted.stream().map(Wanted::article).toList(),
                wanted.stream().map(Wanted::quantity).toList(),
                batch.write());
        List<Wanted> writes = new ArrayList<>();
        List<Item> before = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        List<BigDecimal> discounts = new ArrayList<>();
        for (Wanted w : wanted) {
            Item item = current.get(w.key());
            BigDecimal discount =
                    w.discount() != null ? w.discount() : item != null ? item.discount() : BigDecimal.ZERO.setScale(2);
            if (item != null
                    && item.price().compareTo(w.price()) == 0
                    && item.discount().compareTo(discount) == 0) {
                outcomes[w.index()] = RowOutcome.unchanged(w.line(), item.id());
                continue;
            }
            writes.add(w);
            before.add(item);
            ids.add(item != null ? item.id() : Ids.newId());
            discounts.add(discount);
        }
        Map<UUID, Long> versions = new HashMap<>();
        if (batch.write() && !writes.isEmpty()) {
            jdbc.sql(UPSERT)
                    .param("ids", ids.toArray(UUID[]::new))
                    .param("lists", writes.stream().map(Wanted::list).toArray(UUID[]::new))
                    .param("articles", writes.stream().map(Wanted::article).toArray(UUID[]::new))
                    .param("quantities", writes.stream().map(Wanted::quantity).toArray(BigDecimal[]::new))
                    .param("prices", writes.stream().map(Wanted::price).toArray(BigDecimal[]::new))
                    .param("discounts", discounts.toArray(BigDecimal[]::new))
                    .query(rs -> {
                        versions.put(rs.getObject("id", UUID.class), rs.getLong("version"));
                    });
        }
        for (int n = 0; n < writes.size(); n++) {
            Wanted w = writes.get(n);
            Item item = before.get(n);
            UUID id = ids.get(n);
            Map<String, String> undo = new LinkedHashMap<>();
            if (item != null) {
                undo.put("price", item.price().toPlainString());
                undo.put("discount", item.discount().toPlainString());
            }
            String data = UndoData.write(undo);
            outcomes[w.index()] = item == null
                    ? RowOutcome.created(w.line(), id, data, versions.get(id))
                    : RowOutcome.updated(w.line(), id, data, versions.get(id));
        }
        return List.of(outcomes);
    }

    private static Wanted wanted(
            int index, ImportRow row, Map<String, ListRef> lists, Map<String, ArticleSummary> byCode) {
        String name = text(row, LIST);
        ListRef list = name == null ? null : lists.get(name.toLowerCase(Locale.ROOT));
        if (list == null) {
            throw new RowRuleException("imports.price-lists.error.list-unknown", LIST, String.valueOf(name));
        }
        if (list.archived()) {
            throw new RowRuleException("imports.price-lists.error.list-archived", LIST, list.name());
        }
        String code = text(row, ARTICLE);
        ArticleSummary article = code == null ? null : byCode.get(code);
        if (article == null) {
            throw new RowRuleException("imports.price-lists.error.article-unknown", ARTICLE, String.valueOf(code));
        }
        BigDecimal quantity = row.has(MIN_QUANTITY) ? row.<BigDecimal>get(MIN_QUANTITY) : BigDecimal.ZERO;
        if (quantity.signum() < 0 || quantity.compareTo(MAX_QUANTITY) >= 0) {
            throw new RowRuleException("sales.pricing.validation.min-quantity", MIN_QUANTITY);
        }
        BigDecimal price = row.get(PRICE);
        if (price == null || price.signum() < 0 || price.compareTo(MAX_PRICE) >= 0) {
            throw new RowRuleException("sales.pricing.validation.price", PRICE);
        }
        BigDecimal discount = row.get(DISCOUNT);
        if (discount != null && (discount.signum() < 0 || discount.compareTo(HUNDRED) > 0)) {
            throw new RowRuleException("sales.pricing.validation.percent", DISCOUNT);
        }
        return new Wanted(
                index,
                row.line(),
                list.id(),
                article.id(),
                quantity.setScale(QUANTITY_SCALE, RoundingMode.HALF_UP),
                price.setScale(PRICE_SCALE, RoundingMode.HALF_UP),
                discount == null ? null : discount.setScale(2, RoundingMode.HALF_UP));
    }

    private static String text(ImportRow row, String field) {
        String value = row.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String key(UUID list, UUID article, BigDecimal quantity) {
        return list + "/" + article + "/" + quantity.stripTrailingZeros().toPlainString();
    }

    /** The lists with these names, by name in lower case (names are unique in a tenant, any case). */
    private Map<String, ListRef> lists(List<String> names) {
        Map<String, ListRef> found = new HashMap<>();
        if (names.isEmpty()) {
            return found;
        }
        jdbc.sql(LISTS)
                .param(
                        "names",
                        names.stream()
                                .map(n -> n.toLowerCase(Locale.ROOT))
                                .distinct()
                                .toArray(String[]::new))
                .query(rs -> {
                    ListRef list = new ListRef(
                            rs.getObject("id", UUID.class), rs.getString("name"), rs.getBoolean("archived"));
                    found.put(list.name().toLowerCase(Locale.ROOT), list);
                });
        return found;
    }

    /** The items of these (list, article, quantity) keys now, by key; locked when about to be written. */
    private Map<String, Item> items(
            List<UUID> lists, List<UUID> articleIds, List<BigDecimal> quantities, boolean lock) {
        Map<String, Item> found = new HashMap<>();
        if (lists.isEmpty()) {
            return found;
        }
        jdbc.sql(lock ? ITEMS + " ORDER BY i.id FOR UPDATE OF i" : ITEMS)
                .param("lists", lists.toArray(UUID[]::new))
                .param("articles", articleIds.toArray(UUID[]::new))
                .param("quantities", quantities.toArray(BigDecimal[]::new))
                .query(rs -> {
                    found.put(
                            key(
                                    rs.getObject("price_list_id", UUID.class),
                                    rs.getObject("article_id", UUID.class),
                                    rs.getBigDecimal("min_quantity")),
                            new Item(
                                    rs.getObject("id", UUID.class),
                                    rs.getBigDecimal("unit_price"),
                                    rs.getBigDecimal("discount_percent"),
                                    rs.getLong("version")));
                });
        return found;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UndoOutcome> undo(List<ImportedChange> changes, boolean includeChangedLater, boolean write) {
        Map<UUID, Long> versions = new HashMap<>();
        UUID[] ids = changes.stream().map(ImportedChange::entityId).distinct().toArray(UUID[]::new);
        if (ids.length > 0) {
            jdbc.sql("SELECT id, version FROM sales_price_list_item WHERE id = ANY(CAST(:ids AS uuid[]))"
                            + (write ? " ORDER BY id FOR UPDATE" : ""))
                    .param("ids", ids)
                    .query(rs -> {
                        versions.put(rs.getObject("id", UUID.class), rs.getLong("version"));
                    });
        }
        List<UndoOutcome> outcomes = new ArrayList<>(changes.size());
        List<UUID> deletes = new ArrayList<>();
        List<UUID> restores = new ArrayList<>();
        List<BigDecimal> prices = new ArrayList<>();
        List<BigDecimal> discounts = new ArrayList<>();
        for (ImportedChange change : changes) {
            Long now = versions.get(change.entityId());
            UndoOutcome.Result result;
            if (now == null) {
                result = UndoOutcome.Result.GONE;
            } else if (!includeChangedLater && !Objects.equals(now, change.versionAfter())) {
                result = UndoOutcome.Result.CHANGED_LATER;
            } else if (change.action() == RowAction.CREATED) {
                result = UndoOutcome.Result.DELETED;
                deletes.add(change.entityId());
            } else {
                result = UndoOutcome.Result.RESTORED;
                Map<String, String> data = UndoData.read(change.undoData());
                restores.add(change.entityId());
                prices.add(new BigDecimal(data.get("price")));
                discounts.add(new BigDecimal(data.get("discount")));
            }
            outcomes.add(new UndoOutcome(change.entityId(), result));
        }
        if (write && !deletes.isEmpty()) {
            jdbc.sql("DELETE FROM sales_price_list_item WHERE id = ANY(CAST(:ids AS uuid[]))")
                    .param("ids", deletes.toArray(UUID[]::new))
                    .update();
        }
        if (write && !restores.isEmpty()) {
            jdbc.sql(RESTORE)
                    .param("ids", restores.toArray(UUID[]::new))
                    .param("prices", prices.toArray(BigDecimal[]::new))
                    .param("discounts", discounts.toArray(BigDecimal[]::new))
                    .update();
        }
        return outcomes;
    }
}
