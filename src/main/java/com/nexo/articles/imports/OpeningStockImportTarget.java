package com.nexo.articles.imports;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.stock.CostedEntry;
import com.nexo.articles.stock.CostedReceipt;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockValuation;
import com.nexo.articles.units.UnitOfMeasure;
import com.nexo.base.Ids;
import com.nexo.imports.FieldType;
import com.nexo.imports.ImportBatch;
import com.nexo.imports.ImportField;
import com.nexo.imports.ImportRow;
import com.nexo.imports.ImportTarget;
import com.nexo.imports.ImportedChange;
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
 * Opening stock as an import target: the quantity on hand of an article in a warehouse, written the
 * way a counted adjustment is, through the ledger. The difference to what is on hand now becomes one
 * movement (an adjustment, reason {@value #REASON}, source {@value #SOURCE} and the import's id); the
 * database applies it to the balance (trigger of V12, V27). A quantity equal to what is on hand
 * changes nothing. With a unit cost and more stock than now, the difference is received at that cost
 * instead ({@link StockValuation#receiveAllAtCost}): the article's cost becomes the weighted average,
 * as with a purchase receipt, and the cost history says so.
 *
 * <p>Movements are immutable: a row's outcome names its movement, and undo writes the counter
 * movement (an adjustment of the opposite quantity). A pair whose stock moved since the import was
 * changed later; one whose counter movement would leave negative stock in a warehouse that does not
 * allow it is reported so as well, even when changed records are included, because the ledger would
 * refuse it. An article's cost set by a costed row stays as the average left it (the cost history
 * keeps the receipt).
 *
 * <p>A batch costs five statements for adjustments (articles, warehouses, balances locked and read,
 * one insert of every movement), plus the valuation's own few for costed rows.
 */
@Component
class OpeningStockImportTarget implements ImportTarget {

    static final String ID = "opening-stock";
    static final String QUANTITY = "quantity";
    static final String UNIT_COST = "unitCost";

    static final String REASON = "opening-stock";
    static final String UNDO_REASON = "opening-stock-undo";
    static final String SOURCE = "import";

    private static final BigDecimal COST_LIMIT = new BigDecimal("10000000000");

    private static final List<ImportField> FIELDS = List.of(
            ImportField.of(
                            StockRows.ARTICLE,
                            "imports.target.opening-stock.field.article",
                            FieldType.TEXT,
                            true,
                            StockRows.ARTICLE_SYNONYMS)
                    .maxLength(40),
            ImportField.of(
                            StockRows.WAREHOUSE,
                            "imports.target.opening-stock.field.warehouse",
                            FieldType.TEXT,
                            true,
                            StockRows.WAREHOUSE_SYNONYMS)
                    .maxLength(16),
            ImportField.of(
                    QUANTITY,
                    "imports.target.opening-stock.field.quantity",
                    FieldType.DECIMAL,
                    true,
                    "cantidad",
                    "existencias",
                    "stock",
                    "stock inicial",
                    "unidades",
                    "quantity",
                    "qty",
                    "on hand",
                    "opening stock",
                    "units"),
            ImportField.of(
                    UNIT_COST,
                    "imports.target.opening-stock.field.unit-cost",
                    FieldType.DECIMAL,
                    false,
                    "coste unitario",
                    "coste",
                    "costo",
                    "precio de coste",
                    "unit cost",
                    "cost",
                    "cost price"));

    private static final String LOCK = """
            SELECT b.on_hand FROM stock_balance b
              JOIN unnest(CAST(:articles AS uuid[]), CAST(:warehouses AS uuid[])) AS p(article_id, warehouse_id)
                ON b.article_id = p.article_id AND b.warehouse_id = p.warehouse_id
             ORDER BY b.article_id, b.warehouse_id
               FOR UPDATE OF b
            """;

    /** Each pair's article unit, on hand and whether its warehouse may go negative; pairs whose article is gone are left out. */
    private static final String POSITIONS = """
            SELECT p.article_id, p.warehouse_id, a.unit_id, coalesce(b.on_hand, 0) AS on_hand, w.allow_negative
              FROM unnest(CAST(:articles AS uuid[]), CAST(:warehouses AS uuid[])) AS p(article_id, warehouse_id)
              JOIN article a ON a.id = p.article_id
              JOIN warehouse w ON w.id = p.warehouse_id
              LEFT JOIN stock_balance b ON b.article_id = p.article_id AND b.warehouse_id = p.warehouse_id
            """;

    /** Adjustments as the ledger writes them, in one statement, in the order of their pairs. */
    private static final String ADJUST = """
            INSERT INTO stock_movement (id, movement_type, article_id, warehouse_id, quantity, entered_quantity,
                                        entered_unit_id, reason, source_type, source_ref)
            SELECT m.id, 'adjustment', m.article_id, m.warehouse_id, m.quantity, abs(m.quantity), m.unit_id,
                   m.reason, :source, m.ref
              FROM unnest(CAST(:ids AS uuid[]), CAST(:articles AS uuid[]), CAST(:warehouses AS uuid[]),
                          CAST(:quantities AS numeric[]), CAST(:units AS uuid[]), CAST(:reasons AS text[]),
                          CAST(:refs AS text[]))
                   AS m(id, article_id, warehouse_id, quantity, unit_id, reason, ref)
             ORDER BY m.article_id, m.warehouse_id
            """;

    private final JdbcClient jdbc;
    private final StockRows stockRows;
    private final StockValuation valuation;

    OpeningStockImportTarget(JdbcClient jdbc, StockRows stockRows, StockValuation valuation) {
        this.jdbc = jdbc;
        this.stockRows = stockRows;
        this.valuation = valuation;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> tables() {
        return List.of("stock_movement");
    }

    @Override
    public String labelKey() {
        return "imports.target.opening-stock";
    }

    @Override
    public String descriptionKey() {
        return "imports.target.opening-stock.description";
    }

    @Override
    public Set<String> permissions() {
        return Set.of(ArticlePermissions.STOCK_MOVE);
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

    private record Wanted(int index, long line, StockRows.Pair pair, BigDecimal quantity, BigDecimal unitCost) {}

    private record Position(UUID unitId, BigDecimal onHand, boolean allowNegative) {}

    /** A movement to write: the pair, its signed quantity in the article's unit, and why. */
    private record Movement(
            UUID id, UUID article, UUID warehouse, BigDecimal quantity, UUID unit, String reason, String ref) {}

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
                BigDecimal quantity = row.<BigDecimal>get(QUANTITY);
                if (quantity == null || quantity.signum() < 0) {
                    throw new RowRuleException("stock.error.count-negative", QUANTITY);
                }
                BigDecimal unitCost = row.get(UNIT_COST);
                if (unitCost != null && (unitCost.signum() < 0 || unitCost.compareTo(COST_LIMIT) >= 0)) {
                    throw new RowRuleException("stock.error.unit-cost-invalid", UNIT_COST);
                }
                StockRows.Pair pair = StockRows.pair(row, articles, warehouses);
                if (!pair.warehouse().active()) {
                    throw new RowRuleException(
                            "stock.error.warehouse-inactive",
                            StockRows.WAREHOUSE,
                            pair.warehouse().code());
                }
                Long first = seen.putIfAbsent(pair.key(), row.line());
                if (first != null) {
                    throw new RowRuleException("imports.stock.error.pair-repeated", StockRows.WAREHOUSE, first);
                }
                wanted.add(new Wanted(
                        i,
                        row.line(),
                        pair,
                        quantity.setScale(UnitOfMeasure.QUANTITY_SCALE, RoundingMode.HALF_UP),
                        unitCost));
            } catch (RowRuleException refused) {
                outcomes[i] = RowOutcome.refused(row.line(), refused.refusal());
            }
        }

        List<UUID> articleIds =
                wanted.stream().map(w -> w.pair().article().id()).toList();
        List<UUID> warehouseIds =
                wanted.stream().map(w -> w.pair().warehouse().id()).toList();
        Map<String, Position> positions = positions(articleIds, warehouseIds, batch.write());
        String ref = batch.importId() == null ? null : batch.importId().toString();
        List<Movement> adjustments = new ArrayList<>();
        List<CostedEntry> receipts = new ArrayList<>();
        List<Integer> receiptRows = new ArrayList<>();
        UUID[] movementIds = new UUID[rows.size()];
        Map<Integer, BigDecimal> differences = new HashMap<>();
        for (Wanted w : wanted) {
            Position position = positions.get(w.pair().key());
            BigDecimal difference = w.quantity().subtract(position.onHand());
            if (difference.signum() == 0) {
                outcomes[w.index()] =
                        RowOutcome.unchanged(w.line(), w.pair().article().id());
                continue;
            }
            if (w.unitCost() != null && difference.signum() > 0) {
                if (w.pair().article().archived()) {
                    // The ledger takes no receipt of an archived article; an adjustment would lose the cost.
                    outcomes[w.index()] = RowOutcome.refused(
                            w.line(),
                            new RowRuleException(
                                            "stock.error.article-archived",
                                            StockRows.ARTICLE,
                                            w.pair().article().code())
                                    .refusal());
                    continue;
                }
                receipts.add(new CostedEntry(
                        new StockEntry(
                                w.pair().article().id(),
                                w.pair().warehouse().id(),
                                null,
                                difference,
                                null,
                                null,
                                REASON,
                                SOURCE,
                                ref),
                        w.unitCost()));
                receiptRows.add(w.index());
            } else {
                UUID id = Ids.newId();
                movementIds[w.index()] = id;
                adjustments.add(new Movement(
                        id,
                        w.pair().article().id(),
                        w.pair().warehouse().id(),
                        difference,
                        position.unitId(),
                        REASON,
                        ref));
            }
            differences.put(w.index(), difference);
        }
        if (batch.write()) {
            insert(adjustments);
            if (!receipts.isEmpty()) {
                List<CostedReceipt> received = valuation.receiveAllAtCost(receipts);
                for (int i = 0; i < receiptRows.size(); i++) {
                    movementIds[receiptRows.get(i)] = received.get(i).movementId();
                }
            }
        }
        for (Wanted w : wanted) {
            BigDecimal difference = differences.get(w.index());
            if (difference == null) {
                continue;
            }
            Map<String, String> undo = new LinkedHashMap<>();
            undo.put("article", w.pair().article().id().toString());
            undo.put("warehouse", w.pair().warehouse().id().toString());
            undo.put("quantity", difference.toPlainString());
            undo.put("onHandAfter", w.quantity().toPlainString());
            if (ref != null) {
                undo.put("import", ref);
            }
            outcomes[w.index()] = RowOutcome.updated(
                    w.line(), batch.write() ? movementIds[w.index()] : null, UndoData.write(undo), null);
        }
        return List.of(outcomes);
    }

    private Map<String, Position> positions(List<UUID> articles, List<UUID> warehouses, boolean lock) {
        Map<String, Position> positions = new HashMap<>();
        if (articles.isEmpty()) {
            return positions;
        }
        UUID[] a = articles.toArray(UUID[]::new);
        UUID[] w = warehouses.toArray(UUID[]::new);
        if (lock) {
            jdbc.sql(LOCK).param("articles", a).param("warehouses", w).query(rs -> {});
        }
        jdbc.sql(POSITIONS).param("articles", a).param("warehouses", w).query(rs -> {
            positions.put(
                    rs.getObject("article_id", UUID.class) + "/" + rs.getObject("warehouse_id", UUID.class),
                    new Position(
                            rs.getObject("unit_id", UUID.class),
                            rs.getBigDecimal("on_hand"),
                            rs.getBoolean("allow_negative")));
        });
        return positions;
    }

    private void insert(List<Movement> movements) {
        if (movements.isEmpty()) {
            return;
        }
        jdbc.sql(ADJUST)
                .param("ids", movements.stream().map(Movement::id).toArray(UUID[]::new))
                .param("articles", movements.stream().map(Movement::article).toArray(UUID[]::new))
                .param("warehouses", movements.stream().map(Movement::warehouse).toArray(UUID[]::new))
                .param("quantities", movements.stream().map(Movement::quantity).toArray(BigDecimal[]::new))
                .param("units", movements.stream().map(Movement::unit).toArray(UUID[]::new))
                .param("reasons", movements.stream().map(Movement::reason).toArray(String[]::new))
                .param("refs", movements.stream().map(Movement::ref).toArray(String[]::new))
                .param("source", SOURCE)
                .update();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UndoOutcome> undo(List<ImportedChange> changes, boolean includeChangedLater, boolean write) {
        List<Map<String, String>> data =
                changes.stream().map(c -> UndoData.read(c.undoData())).toList();
        Map<String, Position> positions = positions(
                data.stream().map(d -> UUID.fromString(d.get("article"))).toList(),
                data.stream().map(d -> UUID.fromString(d.get("warehouse"))).toList(),
                write);
        List<UndoOutcome> outcomes = new ArrayList<>(changes.size());
        List<Movement> counters = new ArrayList<>();
        Set<UUID> done = new HashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            ImportedChange change = changes.get(i);
            Map<String, String> d = data.get(i);
            Position now = positions.get(d.get("article") + "/" + d.get("warehouse"));
            BigDecimal quantity = new BigDecimal(d.get("quantity"));
            UndoOutcome.Result result;
            if (now == null) {
                result = UndoOutcome.Result.GONE;
            } else if ((!includeChangedLater && now.onHand().compareTo(new BigDecimal(d.get("onHandAfter"))) != 0)
                    || (!now.allowNegative() && now.onHand().subtract(quantity).signum() < 0)) {
                result = UndoOutcome.Result.CHANGED_LATER;
            } else {
                result = UndoOutcome.Result.RESTORED;
                if (change.entityId() == null || done.add(change.entityId())) {
                    counters.add(new Movement(
                            Ids.newId(),
                            UUID.fromString(d.get("article")),
                            UUID.fromString(d.get("warehouse")),
                            quantity.negate(),
                            now.unitId(),
                            UNDO_REASON,
                            d.get("import")));
                }
            }
            outcomes.add(new UndoOutcome(change.entityId(), result));
        }
        if (write) {
            insert(counters);
        }
        return outcomes;
    }
}
