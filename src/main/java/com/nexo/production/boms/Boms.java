package com.nexo.production.boms;

import com.nexo.production.ProductionPermissions;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reads of bills that orders, the explosion and the roll-up share: which active version of a bill
 * is in force for an article on a date, the lines of bills, and the standard costs the roll-up wrote.
 * Each is one query for any number of articles or bills.
 */
@Service
public class Boms {

    /** The active version in force on :date for each article (the latest valid_from wins). */
    private static final String EFFECTIVE = """
            SELECT DISTINCT ON (b.article_id) b.article_id, b.id
              FROM production_bom b
             WHERE b.article_id = ANY(CAST(:articles AS uuid[]))
               AND b.status = 'ACTIVE'
               AND b.valid_from <= :date
               AND (b.valid_to IS NULL OR b.valid_to >= :date)
             ORDER BY b.article_id, b.valid_from DESC, b.revision DESC
            """;

    private static final String LINES = """
            SELECT id, bom_id, position, line_kind, article_id, quantity, scrap_percent, worker_id
              FROM production_bom_line
             WHERE bom_id = ANY(CAST(:boms AS uuid[]))
             ORDER BY bom_id, position
            """;

    private static final String COSTS = """
            SELECT article_id, bom_id, material_cost, service_cost, unit_cost, level, computed_at
              FROM production_standard_cost
             WHERE article_id = ANY(CAST(:articles AS uuid[]))
            """;

    private final JdbcClient jdbc;

    Boms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** For each of these articles that has one, the id of its bill in force on {@code date}. */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public Map<UUID, UUID> effectiveBoms(Collection<UUID> articleIds, LocalDate date) {
        Map<UUID, UUID> found = new HashMap<>();
        UUID[] ids = distinct(articleIds);
        if (ids.length == 0) {
            return found;
        }
        jdbc.sql(EFFECTIVE)
                .param("articles", ids)
                .param("date", date)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list()
                .forEach(entry -> found.put(entry.getKey(), entry.getValue()));
        return found;
    }

    /** The lines of these bills, by bill and position. */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public List<BomLineRow> linesOf(Collection<UUID> bomIds) {
        UUID[] ids = distinct(bomIds);
        if (ids.length == 0) {
            return List.of();
        }
        return jdbc.sql(LINES)
                .param("boms", ids)
                .query((rs, n) -> new BomLineRow(
                        rs.getObject("id", UUID.class),
                        rs.getObject("bom_id", UUID.class),
                        rs.getInt("position"),
                        LineKind.valueOf(rs.getString("line_kind")),
                        rs.getObject("article_id", UUID.class),
                        rs.getBigDecimal("quantity"),
                        rs.getBigDecimal("scrap_percent"),
                        rs.getObject("worker_id", UUID.class)))
                .list();
    }

    /** The standard costs of these articles that the roll-up has computed. */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public Map<UUID, StandardCost> standardCosts(Collection<UUID> articleIds) {
        Map<UUID, StandardCost> found = new HashMap<>();
        UUID[] ids = distinct(articleIds);
        if (ids.length == 0) {
            return found;
        }
        jdbc.sql(COSTS)
                .param("articles", ids)
                .query((rs, n) -> new StandardCost(
                        rs.getObject("article_id", UUID.class),
                        rs.getObject("bom_id", UUID.class),
                        rs.getBigDecimal("material_cost"),
                        rs.getBigDecimal("service_cost"),
                        rs.getBigDecimal("unit_cost"),
                        rs.getInt("level"),
                        rs.getTimestamp("computed_at").toInstant()))
                .list()
                .forEach(cost -> found.put(cost.articleId(), cost));
        return found;
    }

    private static UUID[] distinct(Collection<UUID> ids) {
        return ids == null
                ? new UUID[0]
                : ids.stream().filter(Objects::nonNull).distinct().toArray(UUID[]::new);
    }
}
