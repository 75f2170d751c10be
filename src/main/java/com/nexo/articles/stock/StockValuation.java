package com.nexo.articles.stock;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.catalogue.ArticleRepository;
import com.nexo.base.Ids;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Article valuation by weighted average cost: receipts at a known cost (a purchase receipt) update
 * the article's cost, and every change of the cost is kept in its history ({@code
 * article_cost_change}).
 */
@Service
@NamedInterface("stock")
public class StockValuation {

    /** The source of a costed receipt whose entry names none. */
    public static final String RECEIPT_SOURCE = "receipt";

    /** The most history rows one read returns. */
    public static final int MAX_HISTORY = 500;

    /** A cost above this does not fit {@code numeric(14, 4)}. */
    private static final BigDecimal COST_LIMIT = new BigDecimal("10000000000");

    private static final String LOCK_ARTICLES = """
            SELECT id, cost FROM article WHERE id = ANY(CAST(:ids AS uuid[])) ORDER BY id FOR UPDATE
            """;
    private static final String ON_HAND_ALL = """
            SELECT article_id, sum(on_hand) AS on_hand
              FROM stock_balance
             WHERE article_id = ANY(CAST(:ids AS uuid[]))
             GROUP BY article_id
            """;
    private static final String UPDATE_COSTS = """
            UPDATE article a
               SET cost = c.cost, updated_at = now(), version = a.version + c.changes
              FROM unnest(CAST(:ids AS uuid[]), CAST(:costs AS numeric[]), CAST(:changes AS integer[]))
                   AS c(id, cost, changes)
             WHERE a.id = c.id AND a.id = ANY(CAST(:ids AS uuid[]))
            """;
    private static final String INSERT_CHANGES = """
            INSERT INTO article_cost_change (id, article_id, previous_cost, new_cost, quantity, unit_cost,
                                             stock_before, source_type, source_ref, movement_id)
            SELECT c.id, c.article_id, c.previous_cost, c.new_cost, c.quantity, c.unit_cost, c.stock_before,
                   c.source_type, c.source_ref, c.movement_id
              FROM unnest(CAST(:ids AS uuid[]), CAST(:articles AS uuid[]), CAST(:previous AS numeric[]),
                          CAST(:next AS numeric[]), CAST(:quantities AS numeric[]), CAST(:unitCosts AS numeric[]),
                          CAST(:stockBefore AS numeric[]), CAST(:sourceTypes AS text[]),
                          CAST(:sourceRefs AS text[]), CAST(:movements AS uuid[]))
                   WITH ORDINALITY AS c(id, article_id, previous_cost, new_cost, quantity, unit_cost, stock_before,
                                        source_type, source_ref, movement_id, n)
             ORDER BY c.n
            """;
    private static final String HISTORY = """
            SELECT id, changed_at, previous_cost, new_cost, quantity, unit_cost, stock_before, source_type,
                   source_ref, movement_id, changed_by
              FROM article_cost_change
             WHERE article_id = :id
             ORDER BY changed_at DESC, id DESC
             LIMIT :limit
            """;

    private final StockLedger ledger;
    private final JdbcClient jdbc;
    private final ArticleRepository articles;
    private final ApplicationEventPublisher events;

    StockValuation(StockLedger ledger, JdbcClient jdbc, ArticleRepository articles, ApplicationEventPublisher events) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.articles = articles;
        this.events = events;
    }

    /**
     * Receives stock at a known cost and revalues the article, in one transaction: writes the receipt
     * to the ledger (checked and converted to the article's unit as {@link StockService#receive}
     * does) with its unit cost, and sets the article's cost to the weighted average
     * {@code (max(onHandBefore, 0) × oldCost + quantity × unitCost) / (max(onHandBefore, 0) +
     * quantity)}, where {@code onHandBefore} is the article's on hand over all warehouses just before
     * the receipt and {@code quantity} the received quantity in the article's unit; when nothing was
     * on hand (zero or negative stock) the new cost is the unit cost. The unit cost is first rounded
     * half-up to four decimals, and so is the new cost ({@link WeightedAverageCost}). The change is
     * recorded in the article's cost history, with the entry's source (or {@value #RECEIPT_SOURCE}
     * when it names none), even when the cost stays the same.
     *
     * <p>The article's row is locked for the rest of the transaction, so concurrent receipts of one
     * article take turns and each averages over the stock and cost the previous one left. The
     * article's version moves on with its cost, so a form loaded before the receipt cannot save the
     * old cost over the new one.
     *
     * @param entry the receipt: a positive quantity, in the article's unit when {@code unitId} is null
     * @param unitCost the cost of one unit of the article's own unit (not of the entered unit), zero
     *     or more
     * @return the receipt's movement id and the article's new cost
     */
    @Transactional
    @RolesAllowed({ArticlePermissions.STOCK_MOVE, Roles.SYSTEM})
    public CostedReceipt receiveAtCost(StockEntry entry, BigDecimal unitCost) {
        return receiveAll(List.of(new CostedEntry(entry, unitCost))).getFirst();
    }

    /**
     * Receives several entries at cost in one transaction, with the same result as {@link
     * #receiveAtCost} called for each in this order (movements, balances, costs, cost history, the
     * article's version) and the same refusal, the first entry's that {@code receiveAtCost} would
     * refuse, with nothing written. Set-based: the articles are locked at once in the order of their
     * ids (so two batches over the same articles take turns instead of deadlocking), their stock is
     * read at once, the weighted averages are chained in memory entry after entry (an article received
     * twice averages its second receipt over the first), and the movements, the new costs and the
     * history rows are each written in one statement.
     *
     * @param entries the receipts, in order; each as for {@link #receiveAtCost}
     * @return each entry's movement and the article's cost just after it, in the entries' order
     */
    @Transactional
    @RolesAllowed({ArticlePermissions.STOCK_MOVE, Roles.SYSTEM})
    public List<CostedReceipt> receiveAllAtCost(List<CostedEntry> entries) {
        if (entries == null || entries.isEmpty()) {
            return List.of();
        }
        return receiveAll(entries);
    }

    private List<CostedReceipt> receiveAll(List<CostedEntry> entries) {
        // The articles, locked in a stable order, with their cost and their stock over all warehouses.
        UUID[] articleIds = entries.stream()
                .map(costed -> costed == null || costed.entry() == null
                        ? null
                        : costed.entry().articleId())
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toArray(UUID[]::new);
        Map<UUID, BigDecimal> costs = new HashMap<>();
        jdbc.sql(LOCK_ARTICLES).param("ids", articleIds).query(rs -> {
            costs.put(rs.getObject("id", UUID.class), rs.getBigDecimal("cost"));
        });
        Map<UUID, BigDecimal> onHand = new HashMap<>();
        if (!costs.isEmpty()) {
            jdbc.sql(ON_HAND_ALL).param("ids", articleIds).query(rs -> {
                onHand.put(rs.getObject("article_id", UUID.class), rs.getBigDecimal("on_hand"));
            });
            if (costs.size() > 1) {
                // Loads the articles into the persistence context at once: the ledger's checks then
                // read them there instead of one query each.
                articles.findAllById(costs.keySet());
            }
        }

        int n = entries.size();
        List<StockLedger.Movement> movements = new ArrayList<>(n);
        List<BigDecimal> unitCosts = new ArrayList<>(n);
        BigDecimal[] previous = new BigDecimal[n];
        BigDecimal[] next = new BigDecimal[n];
        BigDecimal[] stockBefore = new BigDecimal[n];
        Map<UUID, BigDecimal> firstCost = new HashMap<>(costs);
        Map<UUID, Integer> changed = new HashMap<>();
        for (int i = 0; i < n; i++) {
            CostedEntry costed = entries.get(i);
            StockEntry entry = costed == null ? null : costed.entry();
            if (entry == null || entry.articleId() == null || entry.warehouseId() == null) {
                throw new ArticleRuleException("stock.error.article-and-warehouse-required");
            }
            BigDecimal unitCost = costed.unitCost();
            if (unitCost == null || unitCost.signum() < 0 || unitCost.compareTo(COST_LIMIT) >= 0) {
                throw new ArticleRuleException("stock.error.unit-cost-invalid");
            }
            BigDecimal cost = unitCost.setScale(WeightedAverageCost.SCALE, RoundingMode.HALF_UP);
            UUID articleId = entry.articleId();
            BigDecimal previousCost = costs.get(articleId);
            if (previousCost == null) {
                throw new ArticleRuleException("articles.error.not-found");
            }
            BigDecimal before = onHand.getOrDefault(articleId, BigDecimal.ZERO);
            StockLedger.Movement movement = ledger.movement(MovementType.RECEIPT, entry, null);
            BigDecimal newCost = WeightedAverageCost.next(before, previousCost, movement.quantity(), cost);
            if (newCost.compareTo(previousCost) != 0) {
                changed.merge(articleId, 1, Integer::sum);
            }
            movements.add(movement);
            unitCosts.add(cost);
            previous[i] = previousCost;
            next[i] = newCost;
            stockBefore[i] = before;
            costs.put(articleId, newCost);
            onHand.put(articleId, before.add(movement.quantity()));
        }

        List<UUID> movementIds = ledger.recordAll(movements, unitCosts);

        // Each article's cost as the last of its entries left it; the version moves once per change.
        List<UUID> updated = changed.keySet().stream().sorted().toList();
        if (!updated.isEmpty()) {
            jdbc.sql(UPDATE_COSTS)
                    .param("ids", updated.toArray(UUID[]::new))
                    .param("costs", updated.stream().map(costs::get).toArray(BigDecimal[]::new))
                    .param("changes", updated.stream().map(changed::get).toArray(Integer[]::new))
                    .update();
            // One event per call (after the commit, listeners recompute what depends on these costs).
            ArticleCostsChanged.inCurrentTenant(Set.copyOf(updated)).ifPresent(events::publishEvent);
        }
        UUID[] changeIds = new UUID[n];
        UUID[] changeArticles = new UUID[n];
        BigDecimal[] quantities = new BigDecimal[n];
        String[] sourceTypes = new String[n];
        String[] sourceRefs = new String[n];
        for (int i = 0; i < n; i++) {
            StockEntry entry = entries.get(i).entry();
            changeIds[i] = Ids.newId();
            changeArticles[i] = entry.articleId();
            quantities[i] = movements.get(i).quantity();
            String sourceType = clean(entry.sourceType());
            sourceTypes[i] = sourceType == null ? RECEIPT_SOURCE : sourceType;
            sourceRefs[i] = clean(entry.sourceRef());
        }
        jdbc.sql(INSERT_CHANGES)
                .param("ids", changeIds)
                .param("articles", changeArticles)
                .param("previous", previous)
                .param("next", next)
                .param("quantities", quantities)
                .param("unitCosts", unitCosts.toArray(BigDecimal[]::new))
                .param("stockBefore", stockBefore)
                .param("sourceTypes", sourceTypes)
                .param("sourceRefs", sourceRefs)
                .param("movements", movementIds.toArray(UUID[]::new))
                .update();
        List<CostedReceipt> receipts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            receipts.add(new CostedReceipt(movementIds.get(i), next[i]));
        }
        return receipts;
    }

    /**
     * The latest {@code limit} changes of an article's cost (at most {@value #MAX_HISTORY}), newest
     * first: receipts at cost and costs typed in the article form.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.READ)
    public List<CostChange> costHistory(UUID articleId, int limit) {
        int size = Math.max(0, Math.min(limit, MAX_HISTORY));
        if (articleId == null || size == 0) {
            return List.of();
        }
        return jdbc.sql(HISTORY)
                .param("id", articleId)
                .param("limit", size)
                .query((rs, n) -> change(rs))
                .list();
    }

    private static CostChange change(ResultSet rs) throws SQLException {
        return new CostChange(
                rs.getObject("id", UUID.class),
                rs.getTimestamp("changed_at").toInstant(),
                rs.getBigDecimal("previous_cost"),
                rs.getBigDecimal("new_cost"),
                rs.getBigDecimal("quantity"),
                rs.getBigDecimal("unit_cost"),
                rs.getBigDecimal("stock_before"),
                rs.getString("source_type"),
                rs.getString("source_ref"),
                rs.getObject("movement_id", UUID.class),
                rs.getObject("changed_by", UUID.class));
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
