package com.nexo.articles.imports;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.units.UnitOfMeasure;
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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replenishment levels as an import target: the minimum and maximum of an article in a warehouse, with
 * the rules of the levels dialog (the article keeps stock, the minimum is zero or more, the maximum at
 * least the minimum). A level is a pair, article and warehouse, without an id of its own: a row's
 * outcome names the article, and its undo data names both with the values before and after the
 * import. Undo deletes the levels an import created and puts back the previous values of those it
 * changed; a level whose values are no longer those the import left was changed later.
 *
 * <p>A batch costs four statements: the articles, the warehouses, the levels of its pairs (locked) and
 * one upsert; the database copies the levels onto the stock balances (trigger of V15).
 */
@Component
class StockLevelImportTarget implements ImportTarget {

    static final String ID = "stock-levels";
    static final String MINIMUM = "minimum";
    static final String MAXIMUM = "maximum";

    private static final List<ImportField> FIELDS = List.of(
            ImportField.of(
                            StockRows.ARTICLE,
                            "imports.target.stock-levels.field.article",
                            FieldType.TEXT,
                            true,
                            StockRows.ARTICLE_SYNONYMS)
                    .maxLength(40),
            ImportField.of(
                            StockRows.WAREHOUSE,
                            "imports.target.stock-levels.field.warehouse",
                            FieldType.TEXT,
                            true,
                            StockRows.WAREHOUSE_SYNONYMS)
                    .maxLength(16),
            ImportField.of(
                    MINIMUM,
                    "imports.target.stock-levels.field.minimum",
                    FieldType.DECIMAL,
                    true,
                    "mínimo",
                    "stock mínimo",
                    "mín",
                    "punto de pedido",
                    "minimum",
                    "min",
                    "minimum stock",
                    "reorder point"),
            ImportField.of(
                    MAXIMUM,
                    "imports.target.stock-levels.field.maximum",
                    FieldType.DECIMAL,
                    true,
                    "máximo",
                    "stock máximo",
                    "máx",
                    "maximum",
                    "max",
                    "maximum stock"));

    private static final String LEVELS = """
            SELECT l.article_id, l.warehouse_id, l.min_quantity, l.max_quantity
              FROM stock_level l
              JOIN unnest(CAST(:articles AS uuid[]), CAST(:warehouses AS uuid[])) AS p(article_id, warehouse_id)
                ON l.article_id = p.article_id AND l.warehouse_id = p.warehouse_id
            """;

    /** The dialog's write, for a whole batch: new levels inserted, existing ones overwritten. */
    private static final String UPSERT = """
            INSERT INTO stock_level (article_id, warehouse_id, min_quantity, max_quantity)
            SELECT p.article_id, p.warehouse_id, p.min_quantity, p.max_quantity
              FROM unnest(CAST(:articles AS uuid[]), CAST(:warehouses AS uuid[]), CAST(:minimums AS numeric[]),
                          CAST(:maximums AS numeric[])) AS p(article_id, warehouse_id, min_quantity, max_quantity)
            ON CONFLICT (tenant_id, article_id, warehouse_id) DO UPDATE
                SET min_quantity = EXCLUDED.min_quantity, max_quantity = EXCLUDED.max_quantity, updated_at = now()
            """;

    private static final String DELETE = """
            DELETE FROM stock_level l
             USING unnest(CAST(:articles AS uuid[]), CAST(:warehouses AS uuid[])) AS p(article_id, warehouse_id)
             WHERE l.article_id = p.article_id AND l.warehouse_id = p.warehouse_id
            """;

    private final JdbcClient jdbc;
    private final StockRows stockRows;

    StockLevelImportTarget(JdbcClient jdbc, StockRows stockRows) {
        this.jdbc = jdbc;
        this.stockRows = stockRows;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> tables() {
        return List.of("stock_level");
    }

    @Override
    public String labelKey() {
        return "imports.target.stock-levels";
    }

    @Override
    public String descriptionKey() {
        return "imports.target.stock-levels.description";
    }

    @Override
    public Set<String> permissions() {
        return Set.of(ArticlePermissions.STOCK_CONFIGURE);
    }

    @Override
    public List<ImportField> fields() {
        return FIELDS;
    }

    @Override
    public List<String> keyFields() {
        return List.of(StockRows.ARTICLE);
    }

    @Override
    public List<String> keyOf(String keyField) {
        return StockRows.KEY;
    }

    private record Level(BigDecimal minimum, BigDecimal maximum) {

        boolean same(Level other) {
            return other != null && minimum.compareTo(other.minimum) == 0 && maximum.compareTo(other.maximum) == 0;
        }
    }

    private record Wanted(int index, long line, StockRows.Pair pair, Level level) {}

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<RowOutcome> apply(ImportBatch batch) {
        List<ImportRow> rows = batch.rows();
        RowOutcome[] outcomes = new RowOutcome[rows.size()];
        Map<String, StockRows.ArticleRef> articles = stockRows.articles(rows.stream()
                .map(r -> StockRows.text(r, StockRows.ARTICLE))
                .filter(Objects::nonNull)
                .toList());
        Map<String, StockRows.WarehouseRef> warehouses = stockRows.warehouses(rows.stream()
                .map(r -> StockRows.text(r, StockRows.WAREHOUSE))
                .filter(Objects::nonNull)
                .toList());
        List<Wanted> wanted = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            try {
                Level level = level(row);
                StockRows.Pair pair = StockRows.pair(row, articles, warehouses);
                Long first = seen.putIfAbsent(pair.key(), row.line());
                if (first != null) {
                    throw new RowRuleException("imports.stock.error.pair-repeated", StockRows.WAREHOUSE, first);
                }
                wanted.add(new Wanted(i, row.line(), pair, level));
            } catch (RowRuleException refused) {
                outcomes[i] = RowOutcome.refused(row.line(), refused.refusal());
            }
        }

        Map<String, Level> current = read(
                wanted.stream().map(w -> w.pair().article().id()).toList(),
                wanted.stream().map(w -> w.pair().warehouse().id()).toList(),
                batch.write());
        List<Wanted> writes = new ArrayList<>();
        for (Wanted w : wanted) {
            Level before = current.get(w.pair().key());
            UUID article = w.pair().article().id();
            if (w.level().same(before)) {
                outcomes[w.index()] = RowOutcome.unchanged(w.line(), article);
                continue;
            }
            writes.add(w);
            Map<String, String> undo = new LinkedHashMap<>();
            undo.put("article", article.toString());
            undo.put("warehouse", w.pair().warehouse().id().toString());
            if (before != null) {
                undo.put("min", before.minimum().toPlainString());
                undo.put("max", before.maximum().toPlainString());
            }
            undo.put("minAfter", w.level().minimum().toPlainString());
            undo.put("maxAfter", w.level().maximum().toPlainString());
            String data = UndoData.write(undo);
            outcomes[w.index()] = before == null
                    ? RowOutcome.created(w.line(), article, data, null)
                    : RowOutcome.updated(w.line(), article, data, null);
        }
        if (batch.write() && !writes.isEmpty()) {
            jdbc.sql(UPSERT)
                    .param(
                            "articles",
                            writes.stream().map(w -> w.pair().article().id()).toArray(UUID[]::new))
                    .param(
                            "warehouses",
                            writes.stream().map(w -> w.pair().warehouse().id()).toArray(UUID[]::new))
                    .param(
                            "minimums",
                            writes.stream().map(w -> w.level().minimum()).toArray(BigDecimal[]::new))
                    .param(
                            "maximums",
                            writes.stream().map(w -> w.level().maximum()).toArray(BigDecimal[]::new))
                    .update();
        }
        return List.of(outcomes);
    }

    private static Level level(ImportRow row) {
        BigDecimal minimum = quantity(row.get(MINIMUM));
        BigDecimal maximum = quantity(row.get(MAXIMUM));
        if (minimum == null || minimum.signum() < 0) {
            throw new RowRuleException("stock.error.levels-invalid", MINIMUM);
        }
        if (maximum == null || maximum.compareTo(minimum) < 0) {
            throw new RowRuleException("stock.error.levels-invalid", MAXIMUM);
        }
        return new Level(minimum, maximum);
    }

    private static BigDecimal quantity(BigDecimal value) {
        return value == null ? null : value.setScale(UnitOfMeasure.QUANTITY_SCALE, RoundingMode.HALF_UP);
    }

    /** The levels of these pairs now, by {@link StockRows.Pair#key()}; locked when about to be written. */
    private Map<String, Level> read(List<UUID> articles, List<UUID> warehouses, boolean lock) {
        Map<String, Level> levels = new HashMap<>();
        if (articles.isEmpty()) {
            return levels;
        }
        jdbc.sql(lock ? LEVELS + " ORDER BY l.article_id, l.warehouse_id FOR UPDATE OF l" : LEVELS)
                .param("articles", articles.toArray(UUID[]::new))
                .param("warehouses", warehouses.toArray(UUID[]::new))
                .query(rs -> {
                    levels.put(
                            rs.getObject("article_id", UUID.class) + "/" + rs.getObject("warehouse_id", UUID.class),
                            new Level(rs.getBigDecimal("min_quantity"), rs.getBigDecimal("max_quantity")));
                });
        return levels;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UndoOutcome> undo(List<ImportedChange> changes, boolean includeChangedLater, boolean write) {
        List<Map<String, String>> data =
                changes.stream().map(c -> UndoData.read(c.undoData())).toList();
        Map<String, Level> current = read(
                data.stream().map(d -> UUID.fromString(d.get("article"))).toList(),
                data.stream().map(d -> UUID.fromString(d.get("warehouse"))).toList(),
                write);
        List<UndoOutcome> outcomes = new ArrayList<>(changes.size());
        List<Map<String, String>> deletes = new ArrayList<>();
        List<Map<String, String>> restores = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            ImportedChange change = changes.get(i);
            Map<String, String> d = data.get(i);
            Level now = current.get(d.get("article") + "/" + d.get("warehouse"));
            Level after = new Level(new BigDecimal(d.get("minAfter")), new BigDecimal(d.get("maxAfter")));
            UndoOutcome.Result result;
            if (now == null) {
                result = UndoOutcome.Result.GONE;
            } else if (!includeChangedLater && !after.same(now)) {
                result = UndoOutcome.Result.CHANGED_LATER;
            } else if (change.action() == RowAction.CREATED) {
                result = UndoOutcome.Result.DELETED;
                if (pairs.add(d.get("article") + "/" + d.get("warehouse"))) {
                    deletes.add(d);
                }
            } else {
                result = UndoOutcome.Result.RESTORED;
                // One write per pair: an upsert cannot change the same row twice.
                if (pairs.add(d.get("article") + "/" + d.get("warehouse"))) {
                    restores.add(d);
                }
            }
            outcomes.add(new UndoOutcome(change.entityId(), result));
        }
        if (write && !deletes.isEmpty()) {
            jdbc.sql(DELETE)
                    .param(
                            "articles",
                            deletes.stream()
                                    .map(d -> UUID.fromString(d.get("article")))
                                    .toArray(UUID[]::new))
                    .param(
                            "warehouses",
                            deletes.stream()
                                    .map(d -> UUID.fromString(d.get("warehouse")))
                                    .toArray(UUID[]::new))
                    .update();
        }
        if (write && !restores.isEmpty()) {
            jdbc.sql(UPSERT)
                    .param(
                            "articles",
                            restores.stream()
                                    .map(d -> UUID.fromString(d.get("article")))
                                    .toArray(UUID[]::new))
                    .param(
                            "warehouses",
                            restores.stream()
                                    .map(d -> UUID.fromString(d.get("warehouse")))
                                    .toArray(UUID[]::new))
                    .param(
                            "minimums",
                            restores.stream()
                                    .map(d -> new BigDecimal(d.get("min")))
                                    .toArray(BigDecimal[]::new))
                    .param(
                            "maximums",
                            restores.stream()
                                    .map(d -> new BigDecimal(d.get("max")))
                                    .toArray(BigDecimal[]::new))
                    .update();
        }
        return outcomes;
    }
}
