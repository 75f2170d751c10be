package com.nexo.production.boms;

import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.production.ProductionPermissions;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The whole tree of a bill in one recursive query, and the other way round, every bill that uses an
 * article. A MATERIAL line whose article has an active bill in force on the date is a sub-assembly and
 * is exploded in turn, to any depth; the quantity of each node is the quantity of its parent times
 * the line's gross quantity ({@link Scrap#gross}: scrap at every level). A path of the articles
 * walked stops any loop, although saving a bill already refuses one.
 */
@Service
public class BomExplosion {

    /** Positions are zero-padded to this width in the sortable path. */
    private static final int POSITION_WIDTH = 5;

    /** The bill in force on :date for :article. */
    private static final String TOP_IN_FORCE = """
            SELECT b.id, b.article_id
              FROM production_bom b
             WHERE b.article_id = :article AND b.status = 'ACTIVE'
               AND b.valid_from <= :date AND (b.valid_to IS NULL OR b.valid_to >= :date)
             ORDER BY b.valid_from DESC, b.revision DESC
             LIMIT 1
            """;

    /** One given version (a draft too): its sub-assemblies are still those in force on :date. */
    private static final String TOP_VERSION = """
            SELECT b.id, b.article_id FROM production_bom b WHERE b.id = :bom
            """;

    private static final String EXPLODE = """
            WITH RECURSIVE top AS (%2$s), tree(line_id, parent_line_id, level, path, line_kind, article_id, quantity, scrap_percent, total,
                    sub_bom, worker_id, walked) AS (
                SELECT l.id, CAST(NULL AS uuid), 1, lpad(l.position::text, %1$d, '0'), l.line_kind, l.article_id,
                       l.quantity, l.scrap_percent,
                       CAST(:quantity AS numeric) * l.quantity * 100 / (100 - l.scrap_percent),
                       sub.id, l.worker_id, ARRAY[t.article_id, l.article_id]
                  FROM top t
                  JOIN production_bom_line l ON l.bom_id = t.id
                  LEFT JOIN LATERAL (
                      SELECT s.id
                        FROM production_bom s
                       WHERE l.line_kind = 'MATERIAL' AND s.article_id = l.article_id AND s.status = 'ACTIVE'
                         AND s.valid_from <= :date AND (s.valid_to IS NULL OR s.valid_to >= :date)
                       ORDER BY s.valid_from DESC, s.revision DESC
                       LIMIT 1) sub ON true
                UNION ALL
                SELECT l.id, tr.line_id, tr.level + 1, tr.path || '.' || lpad(l.position::text, %1$d, '0'),
                       l.line_kind, l.article_id, l.quantity, l.scrap_percent,
                       tr.total * l.quantity * 100 / (100 - l.scrap_percent),
                       sub.id, l.worker_id, tr.walked || l.article_id
                  FROM tree tr
                  JOIN production_bom_line l ON l.bom_id = tr.sub_bom
                  LEFT JOIN LATERAL (
                      SELECT s.id
                        FROM production_bom s
                       WHERE l.line_kind = 'MATERIAL' AND s.article_id = l.article_id AND s.status = 'ACTIVE'
                         AND s.valid_from <= :date AND (s.valid_to IS NULL OR s.valid_to >= :date)
                       ORDER BY s.valid_from DESC, s.revision DESC
                       LIMIT 1) sub ON true
                 WHERE NOT l.article_id = ANY(tr.walked)
            )
            SELECT line_id, parent_line_id, level, path, line_kind, article_id, quantity, scrap_percent,
                   ceil(total * 10000) / 10000 AS total, sub_bom, worker_id
              FROM tree
             ORDER BY path
            """;

    /**
     * Upwards from the article: the bills (not archived) with a line of it (level 1), then the bills
     * with a line of those bills' articles (level 2), and so on; each bill once, at its lowest level.
     */
    private static final String WHERE_USED = """
            WITH RECURSIVE used(bom_id, article_id, level, quantity, walked) AS (
                SELECT b.id, b.article_id, 1, l.quantity, ARRAY[CAST(:article AS uuid), b.article_id]
                  FROM production_bom_line l
                  JOIN production_bom b ON b.id = l.bom_id AND b.status <> 'ARCHIVED'
                 WHERE l.article_id = :article
                UNION ALL
                SELECT b.id, b.article_id, u.level + 1, l.quantity, u.walked || b.article_id
                  FROM used u
                  JOIN production_bom_line l ON l.article_id = u.article_id AND l.line_kind = 'MATERIAL'
                  JOIN production_bom b ON b.id = l.bom_id AND b.status <> 'ARCHIVED'
                 WHERE NOT b.article_id = ANY(u.walked)
            ), lowest AS (
                SELECT DISTINCT ON (bom_id) bom_id, article_id, level, quantity
                  FROM used
                 ORDER BY bom_id, level
            )
            SELECT w.bom_id, w.article_id, w.level, w.quantity, b.revision, b.status, b.valid_from, b.valid_to
              FROM lowest w
              JOIN production_bom b ON b.id = w.bom_id
             ORDER BY w.level, b.article_id, b.revision DESC
            """;

    private final JdbcClient jdbc;
    private final ArticleDirectory articles;

    BomExplosion(JdbcClient jdbc, ArticleDirectory articles) {
        this.jdbc = jdbc;
        this.articles = articles;
    }

    /** The bill in force on {@code date} for {@code articleId}, exploded for {@code quantity} units, depth-first. */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public List<ExplodedLine> explode(UUID articleId, BigDecimal quantity, LocalDate date) {
        if (articleId == null || quantity == null || quantity.signum() <= 0 || date == null) {
            return List.of();
        }
        return jdbc.sql(EXPLODE.formatted(POSITION_WIDTH, TOP_IN_FORCE))
                .param("article", articleId)
                .param("quantity", quantity)
                .param("date", date)
                .query(BomExplosion::line)
                .list();
    }

    /**
     * One version of a bill (a draft too) exploded for {@code quantity} units, depth-first: its own
     * lines, and below them the sub-assemblies' bills in force on {@code date}.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public List<ExplodedLine> explodeVersion(UUID bomId, BigDecimal quantity, LocalDate date) {
        if (bomId == null || quantity == null || quantity.signum() <= 0 || date == null) {
            return List.of();
        }
        return jdbc.sql(EXPLODE.formatted(POSITION_WIDTH, TOP_VERSION))
                .param("bom", bomId)
                .param("quantity", quantity)
                .param("date", date)
                .query(BomExplosion::line)
                .list();
    }

    private static ExplodedLine line(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ExplodedLine(
                rs.getObject("line_id", UUID.class),
                rs.getObject("parent_line_id", UUID.class),
                rs.getInt("level"),
                rs.getString("path"),
                LineKind.valueOf(rs.getString("line_kind")),
                rs.getObject("article_id", UUID.class),
                rs.getBigDecimal("quantity"),
                rs.getBigDecimal("scrap_percent"),
                rs.getBigDecimal("total").setScale(Scrap.QUANTITY_SCALE, RoundingMode.UP),
                rs.getObject("sub_bom", UUID.class),
                rs.getObject("worker_id", UUID.class));
    }

    /**
     * Every bill that is not archived and uses the article, directly (level 1) or through its
     * sub-assemblies (level 2 and up), each once at its lowest level; by level, then article.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public List<WhereUsed> whereUsed(UUID articleId) {
        if (articleId == null) {
            return List.of();
        }
        List<Row> rows = jdbc.sql(WHERE_USED)
                .param("article", articleId)
                .query((rs, n) -> new Row(
                        rs.getObject("bom_id", UUID.class),
                        rs.getObject("article_id", UUID.class),
                        rs.getInt("level"),
                        rs.getBigDecimal("quantity"),
                        rs.getInt("revision"),
                        BomStatus.valueOf(rs.getString("status")),
                        rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class)))
                .list();
        Map<UUID, ArticleSummary> found =
                articles.summaries(rows.stream().map(Row::articleId).toList());
        return rows.stream()
                .map(row -> {
                    ArticleSummary article = found.get(row.articleId());
                    return new WhereUsed(
                            row.bomId(),
                            row.articleId(),
                            article == null ? "?" : article.code(),
                            article == null ? "?" : article.nameEs(),
                            article == null ? "?" : article.nameEn(),
                            row.revision(),
                            row.status(),
                            row.validFrom(),
                            row.validTo(),
                            row.level(),
                            row.quantity());
                })
                .sorted(Comparator.comparingInt(WhereUsed::level)
                        .thenComparing(WhereUsed::articleCode)
                        .thenComparing(
                                Comparator.comparingInt(WhereUsed::revision).reversed()))
                .toList();
    }

    private record Row(
            UUID bomId,
            UUID articleId,
            int level,
            BigDecimal quantity,
            int revision,
            BomStatus status,
            LocalDate validFrom,
            LocalDate validTo) {}
}
