package com.nexo.production.boms;

import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.production.ProductionPermissions;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The standard-cost roll-up, set-based and level by level. The produced articles (those with an
 * active bill in force today) get their low-level code in one recursive query (the longest chain of
 * bills above them; 0 for an article no bill in force uses); then, from the deepest level up, one
 * statement per level writes {@code production_standard_cost} for all the articles of that level:
 * materials at their gross quantity (scrap included) times the sub-assembly's standard cost (just
 * written by the level below) or the input's cost, services at their hours times the worker's hourly
 * rate, else the service article's cost. Input costs come from the articles module in bulk and go
 * into the statement as arrays.
 */
@Service
public class CostRollUp {

    /** The most ids one call of the articles' summaries takes (its IN list stays well under the bind limit). */
    private static final int SUMMARY_CHUNK = 5000;

    private static final int COST_SCALE = 6;

    /** The active bill in force on :date of every article that has one. */
    private static final String EFFECTIVE = """
            eff AS (
                SELECT DISTINCT ON (b.article_id) b.article_id, b.id AS bom_id
                  FROM production_bom b
                 WHERE b.status = 'ACTIVE' AND b.valid_from <= :date AND (b.valid_to IS NULL OR b.valid_to >= :date)
                 ORDER BY b.article_id, b.valid_from DESC, b.revision DESC
            )
            """;

    /**
     * Each produced article in scope with its bill and its low-level code: the longest chain of bills
     * in force above it (its ancestors are all in scope, as the scope is closed upwards).
     */
    private static final String LEVELS_TAIL = """
            , up(origin, article_id, depth, walked) AS (
                SELECT s.article_id, s.article_id, 0, ARRAY[s.article_id] FROM scope s
                UNION ALL
                SELECT up.origin, b.article_id, up.depth + 1, up.walked || b.article_id
                  FROM up
                  JOIN production_bom_line l ON l.article_id = up.article_id AND l.line_kind = 'MATERIAL'
                  JOIN production_bom b ON b.id = l.bom_id AND b.status = 'ACTIVE' AND b.valid_from <= :date
                                       AND (b.valid_to IS NULL OR b.valid_to >= :date)
                 WHERE NOT b.article_id = ANY(up.walked)
            )
            SELECT s.article_id, e.bom_id, max(up.depth) AS level
              FROM scope s
              JOIN eff e ON e.article_id = s.article_id
              JOIN up ON up.origin = s.article_id
             GROUP BY s.article_id, e.bom_id
            """;

    private static final String LEVELS_ALL = "WITH RECURSIVE " + EFFECTIVE + """
            , scope AS (SELECT article_id FROM eff)
            """ + LEVELS_TAIL;

    /** These articles and every article above them, kept when it has a bill in force. */
    private static final String LEVELS_FROM = "WITH RECURSIVE " + EFFECTIVE + """
            , above(article_id, walked) AS (
                SELECT a, ARRAY[a] FROM unnest(CAST(:articles AS uuid[])) AS a
                UNION ALL
                SELECT b.article_id, above.walked || b.article_id
                  FROM above
                  JOIN production_bom_line l ON l.article_id = above.article_id
                  JOIN production_bom b ON b.id = l.bom_id AND b.status = 'ACTIVE' AND b.valid_from <= :date
                                       AND (b.valid_to IS NULL OR b.valid_to >= :date)
                 WHERE NOT b.article_id = ANY(above.walked)
            ), scope AS (
                SELECT DISTINCT a.article_id FROM above a JOIN eff e ON e.article_id = a.article_id
            )
            """ + LEVELS_TAIL;

    /** The articles of the lines of these bills (what the roll-up needs costs for). */
    private static final String LINE_ARTICLES = """
            SELECT DISTINCT l.article_id
              FROM unnest(CAST(:boms AS uuid[])) AS x(id)
              JOIN production_bom_line l ON l.bom_id = x.id
            """;

    /**
     * One level: for each (article, bill) of the level, the materials and services of the bill's lines.
     * A material whose article is produced (in :producedArticles) costs its standard cost, else its
     * article's cost (:costIds/:costs, the level's line articles only, joined by hash); a service costs
     * its worker's rate, else its article's cost.
     */
    private static final String WRITE_LEVEL = """
            WITH eff AS (
                SELECT DISTINCT ON (b.article_id) b.article_id, b.id AS bom_id
                  FROM production_bom b
                 WHERE b.status = 'ACTIVE' AND b.valid_from <= :date AND (b.valid_to IS NULL OR b.valid_to >= :date)
                 ORDER BY b.article_id, b.valid_from DESC, b.revision DESC
            ), costs AS MATERIALIZED (
                SELECT c.article_id, c.cost
                  FROM unnest(CAST(:costIds AS uuid[]), CAST(:costs AS numeric[])) AS c(article_id, cost)
            )
            INSERT INTO production_standard_cost AS sc (article_id, bom_id, material_cost, service_cost, unit_cost,
                                                        level, computed_at)
            SELECT t.article_id, t.bom_id, round(t.material, 6), round(t.service, 6),
                   round(t.material, 6) + round(t.service, 6), :level, now()
              FROM (
                SELECT lv.article_id, lv.bom_id,
                       coalesce(sum(CASE WHEN l.line_kind = 'MATERIAL'
                                         THEN l.quantity * 100 / (100 - l.scrap_percent)
                                              * CASE WHEN p.article_id IS NOT NULL THEN coalesce(std.unit_cost, 0)
                                                     ELSE coalesce(c.cost, 0)
                                                END
                                    END), 0) AS material,
                       coalesce(sum(CASE WHEN l.line_kind = 'SERVICE'
                                         THEN l.quantity * coalesce(w.hourly_rate, c.cost, 0)
                                    END), 0) AS service
                  FROM unnest(CAST(:levelArticles AS uuid[]), CAST(:levelBoms AS uuid[])) AS lv(article_id, bom_id)
                  LEFT JOIN production_bom_line l ON l.bom_id = lv.bom_id
                  LEFT JOIN costs c ON c.article_id = l.article_id
                  LEFT JOIN eff p ON p.article_id = l.article_id AND l.line_kind = 'MATERIAL'
                  LEFT JOIN production_standard_cost std ON std.article_id = p.article_id
                  LEFT JOIN production_worker w ON w.id = l.worker_id
                 GROUP BY lv.article_id, lv.bom_id
              ) t
            ON CONFLICT (tenant_id, article_id) DO UPDATE
               SET bom_id = EXCLUDED.bom_id, material_cost = EXCLUDED.material_cost,
                   service_cost = EXCLUDED.service_cost, unit_cost = EXCLUDED.unit_cost,
                   level = EXCLUDED.level, computed_at = EXCLUDED.computed_at
            """;

    /** After a full roll-up: the costs of articles that no longer have a bill in force. */
    private static final String DELETE_STALE = """
            DELETE FROM production_standard_cost sc
             WHERE NOT EXISTS (
                   SELECT 1
                     FROM production_bom b
                    WHERE b.article_id = sc.article_id AND b.status = 'ACTIVE' AND b.valid_from <= :date
                      AND (b.valid_to IS NULL OR b.valid_to >= :date))
            """;

    private static final String ANY_USED = """
            SELECT EXISTS (SELECT 1 FROM production_bom_line WHERE article_id = ANY(CAST(:ids AS uuid[])))
                OR EXISTS (SELECT 1 FROM production_bom WHERE article_id = ANY(CAST(:ids AS uuid[])))
            """;

    private static final String ARTICLE_OF = """
            SELECT article_id FROM production_bom WHERE id = :bom
            """;

    private static final String WORKER_RATES = """
            SELECT id, hourly_rate FROM production_worker WHERE id = ANY(CAST(:ids AS uuid[]))
            """;

    private final JdbcClient jdbc;
    private final ArticleDirectory articles;
    private final BomExplosion explosion;
    private final Boms boms;
    private final Clock clock;

    CostRollUp(JdbcClient jdbc, ArticleDirectory articles, BomExplosion explosion, Boms boms, Clock clock) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.explosion = explosion;
        this.boms = boms;
        this.clock = clock;
    }

    /** Recomputes every produced article's standard cost of the tenant; returns how many were written. */
    @Transactional
    @RolesAllowed({ProductionPermissions.EDIT, Roles.SYSTEM})
    public int rollUpAll() {
        LocalDate today = LocalDate.now(clock);
        List<Level> levels = jdbc.sql(LEVELS_ALL)
                .param("date", today)
                .query((rs, n) -> level(rs))
                .list();
        int written = write(levels, today);
        jdbc.sql(DELETE_STALE).param("date", today).update();
        return written;
    }

    /** Recomputes these articles and every article above them (where they are used, to the top). */
    @Transactional
    @RolesAllowed({ProductionPermissions.EDIT, Roles.SYSTEM})
    public int rollUpFrom(Collection<UUID> articleIds) {
        UUID[] ids = articleIds == null
                ? new UUID[0]
                : articleIds.stream().filter(Objects::nonNull).distinct().toArray(UUID[]::new);
        if (ids.length == 0) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        List<Level> levels = jdbc.sql(LEVELS_FROM)
                .param("date", today)
                .param("articles", ids)
                .query((rs, n) -> level(rs))
                .list();
        if (levels.isEmpty()) {
            return 0;
        }
        return write(levels, today);
    }

    /** Whether any of these articles is in a bill (as a line or as what it makes): one cheap query. */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public boolean usedInBills(Collection<UUID> articleIds) {
        if (articleIds == null || articleIds.isEmpty()) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.sql(ANY_USED)
                .param("ids", articleIds.stream().filter(Objects::nonNull).toArray(UUID[]::new))
                .query(Boolean.class)
                .single());
    }

    /**
     * What one unit of the article costs by its bill in force today, line by line: the explosion for
     * one unit with each line's unit cost (a sub-assembly's standard cost, else its article's cost; a
     * service's worker rate, else its article's cost) and extended cost; the totals are those of the
     * top lines. Empty lines and zero totals when the article has no bill in force.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public CostBreakdown breakdown(UUID articleId) {
        LocalDate today = LocalDate.now(clock);
        List<ExplodedLine> lines = explosion.explode(articleId, BigDecimal.ONE, today);
        UUID bomId = boms.effectiveBoms(List.of(articleId), today).get(articleId);
        return costed(articleId, bomId, lines);
    }

    /**
     * The same breakdown for one version of a bill (a draft too): its own lines, with the
     * sub-assemblies' bills in force today below them. Empty when there is no such version.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public CostBreakdown breakdownOfVersion(UUID bomId) {
        UUID articleId = jdbc.sql(ARTICLE_OF)
                .param("bom", bomId)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .optional()
                .orElse(null);
        if (articleId == null) {
            return new CostBreakdown(null, bomId, List.of(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null);
        }
        return costed(articleId, bomId, explosion.explodeVersion(bomId, BigDecimal.ONE, LocalDate.now(clock)));
    }

    private CostBreakdown costed(UUID articleId, UUID bomId, List<ExplodedLine> lines) {
        Set<UUID> ids = new HashSet<>();
        Set<UUID> subAssemblies = new HashSet<>();
        Set<UUID> workers = new HashSet<>();
        for (ExplodedLine line : lines) {
            ids.add(line.articleId());
            if (line.isSubAssembly()) {
                subAssemblies.add(line.articleId());
            }
            if (line.workerId() != null) {
                workers.add(line.workerId());
            }
        }
        Map<UUID, ArticleSummary> found = articles.summaries(ids);
        Map<UUID, StandardCost> standard = boms.standardCosts(subAssemblies);
        Map<UUID, BigDecimal> rates = new HashMap<>();
        if (!workers.isEmpty()) {
            jdbc.sql(WORKER_RATES).param("ids", workers.toArray(UUID[]::new)).query(rs -> {
                rates.put(rs.getObject("id", UUID.class), rs.getBigDecimal("hourly_rate"));
            });
        }
        List<CostLine> costed = new ArrayList<>(lines.size());
        BigDecimal material = BigDecimal.ZERO;
        BigDecimal service = BigDecimal.ZERO;
        for (ExplodedLine line : lines) {
            ArticleSummary article = found.get(line.articleId());
            BigDecimal articleCost = article == null || article.cost() == null ? BigDecimal.ZERO : article.cost();
            BigDecimal unitCost;
            BigDecimal extended;
            if (line.kind() == LineKind.SERVICE) {
                unitCost = line.workerId() != null && rates.containsKey(line.workerId())
                        ? rates.get(line.workerId())
                        : articleCost;
                extended = line.totalQuantity().multiply(unitCost);
            } else {
                StandardCost sub = line.isSubAssembly() ? standard.get(line.articleId()) : null;
                unitCost = line.isSubAssembly() ? (sub == null ? BigDecimal.ZERO : sub.unitCost()) : articleCost;
                // Full precision of the gross quantity, as the roll-up multiplies it.
                BigDecimal gross = line.level() == 1
                        ? Scrap.gross(line.quantityPerUnit(), line.scrapPercent())
                        : line.totalQuantity();
                extended = gross.multiply(unitCost);
            }
            extended = extended.setScale(COST_SCALE, RoundingMode.HALF_UP);
            if (line.level() == 1) {
                if (line.kind() == LineKind.SERVICE) {
                    service = service.add(extended);
                } else {
                    material = material.add(extended);
                }
            }
            costed.add(new CostLine(
                    line,
                    article == null ? "?" : article.code(),
                    article == null ? "?" : article.nameEs(),
                    article == null ? "?" : article.nameEn(),
                    article == null ? "" : article.unitCode(),
                    unitCost,
                    extended));
        }
        StandardCost stored = boms.standardCosts(List.of(articleId)).get(articleId);
        return new CostBreakdown(articleId, bomId, costed, material, service, material.add(service), stored);
    }

    private int write(List<Level> levels, LocalDate today) {
        if (levels.isEmpty()) {
            return 0;
        }
        // Deepest level first: a level reads only the standard costs of the levels below it.
        TreeMap<Integer, List<Level>> byLevel = new TreeMap<>();
        levels.forEach(level ->
                byLevel.computeIfAbsent(level.level(), key -> new ArrayList<>()).add(level));
        int written = 0;
        for (Map.Entry<Integer, List<Level>> entry : byLevel.descendingMap().entrySet()) {
            List<Level> these = entry.getValue();
            UUID[] bomIds = these.stream().map(Level::bomId).toArray(UUID[]::new);
            // The costs of the articles on this level's lines, from the articles module in bulk.
            List<UUID> lineArticles = jdbc.sql(LINE_ARTICLES)
                    .param("boms", bomIds)
                    .query((rs, n) -> rs.getObject(1, UUID.class))
                    .list();
            List<UUID> costIds = new ArrayList<>(lineArticles.size());
            List<BigDecimal> costs = new ArrayList<>(lineArticles.size());
            for (int from = 0; from < lineArticles.size(); from += SUMMARY_CHUNK) {
                articles.summaries(lineArticles.subList(from, Math.min(lineArticles.size(), from + SUMMARY_CHUNK)))
                        .forEach((id, summary) -> {
                            costIds.add(id);
                            costs.add(summary.cost() == null ? BigDecimal.ZERO : summary.cost());
                        });
            }
            written += jdbc.sql(WRITE_LEVEL)
                    .param("level", entry.getKey())
                    .param("levelArticles", these.stream().map(Level::articleId).toArray(UUID[]::new))
                    .param("levelBoms", bomIds)
                    .param("date", today)
                    .param("costIds", costIds.toArray(UUID[]::new))
                    .param("costs", costs.toArray(BigDecimal[]::new))
                    .update();
        }
        return written;
    }

    private static Level level(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Level(
                rs.getObject("article_id", UUID.class), rs.getObject("bom_id", UUID.class), rs.getInt("level"));
    }

    private record Level(UUID articleId, UUID bomId, int level) {}
}
