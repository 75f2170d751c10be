package com.nexo.articles;

import com.nexo.articles.catalogue.ArticleListService;
import com.nexo.articles.catalogue.ArticleOrder;
import com.nexo.articles.catalogue.ArticleQuery;
import com.nexo.articles.catalogue.ArticleRow;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.base.paging.Sort;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules (sales, purchasing, production) may know about articles and warehouses they
 * refer to by id: an article as a document line takes it (code, names, unit, sale price, VAT rate,
 * whether its stock is tracked), look-up by code, barcode or name, and the active warehouses. Reads
 * run under the caller's row-level security context and join its transaction. The caller checks its
 * own permission to use the result; these need staff or system work.
 */
@Service
public class ArticleDirectory {

    /** An article as a document line takes it. */
    public record ArticleSummary(
            UUID id,
            String code,
            String nameEs,
            String nameEn,
            String unitCode,
            String barcode,
            BigDecimal salePrice,
            BigDecimal cost,
            BigDecimal taxRate,
            boolean stockTracked,
            boolean archived) {

        /** The name in {@code locale}'s language (Spanish unless English is asked for). */
        public String name(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameEs;
        }

        /** "CODE · name": what a picker shows. */
        public String label(Locale locale) {
            return code + " · " + name(locale);
        }
    }

    /** A warehouse a document may take stock from or bring it to. */
    public record WarehouseSummary(UUID id, String code, String name) {}

    /** A location inside a warehouse (a receipt line may put its goods there); {@code name} may be null. */
    public record LocationSummary(UUID id, String code, String name) {

        /** "A-01 · Aisle A, shelf 1", or the code alone. */
        public String label() {
            return name == null ? code : code + " · " + name;
        }
    }

    /**
     * Header names of a file's column that holds article codes, in Spanish and English, for the import
     * targets of any module whose rows name an article by its code.
     */
    public static final List<String> CODE_HEADERS = List.of(
            "artículo",
            "código",
            "código artículo",
            "referencia",
            "ref",
            "sku",
            "article",
            "article code",
            "code",
            "item",
            "item code",
            "product code");

    private static final String SUMMARY = """
            SELECT a.id, a.code, a.name_es, a.name_en, u.code AS unit_code, a.barcode, a.sale_price, a.cost,
                   a.tax_rate, a.stock_tracked, a.status = 'archived' AS archived
              FROM article a
              JOIN unit_of_measure u ON u.id = a.unit_id
            """;

    private static final String BY_IDS = SUMMARY + " WHERE a.id IN (:ids)";

    private static final String BY_CODES = SUMMARY + " WHERE a.code = ANY(CAST(:codes AS text[]))";

    private static final String SERVICES = """
            SELECT a.id FROM article a WHERE a.id = ANY(CAST(:ids AS uuid[])) AND a.kind = 'service'
            """;

    private final JdbcClient jdbc;
    private final ArticleListService list;
    private final WarehouseService warehouses;

    ArticleDirectory(JdbcClient jdbc, ArticleListService list, WarehouseService warehouses) {
        this.jdbc = jdbc;
        this.list = list;
        this.warehouses = warehouses;
    }

    /**
     * Active articles matching {@code text}, best first: an exact code or barcode, then whole words
     * of the name, word starts and typos (the articles list's own search). Empty for blank text.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public List<ArticleSummary> lookUp(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<ArticleRow> rows = list.page(
                        ArticleQuery.matching(text), Sort.ascending(ArticleOrder.RELEVANCE), null, limit)
                .rows();
        Map<UUID, ArticleSummary> byId =
                summaries(rows.stream().map(ArticleRow::id).toList());
        return rows.stream()
                .map(row -> byId.get(row.id()))
                .filter(Objects::nonNull)
                .toList();
    }

    /** These articles by id, in one query; ids that do not exist (or are not visible) are left out. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public Map<UUID, ArticleSummary> summaries(Collection<UUID> articleIds) {
        List<UUID> ids = articleIds.stream().filter(Objects::nonNull).distinct().toList();
        Map<UUID, ArticleSummary> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql(BY_IDS)
                .param("ids", ids)
                .query(ArticleDirectory::summary)
                .list()
                .forEach(summary -> found.put(summary.id(), summary));
        return found;
    }

    /**
     * The articles with these codes (exactly as written), by code, in one query; archived ones too (the
     * caller decides what an archived article means to it). Codes not found are left out.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public Map<String, ArticleSummary> byCodes(Collection<String> codes) {
        String[] wanted = codes.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        Map<String, ArticleSummary> found = new HashMap<>();
        if (wanted.length > 0) {
            jdbc.sql(BY_CODES)
                    .param("codes", wanted)
                    .query(ArticleDirectory::summary)
                    .list()
                    .forEach(summary -> found.put(summary.code(), summary));
        }
        return found;
    }

    private static ArticleSummary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ArticleSummary(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                rs.getString("name_es"),
                rs.getString("name_en"),
                rs.getString("unit_code"),
                rs.getString("barcode"),
                rs.getBigDecimal("sale_price"),
                rs.getBigDecimal("cost"),
                rs.getBigDecimal("tax_rate"),
                rs.getBoolean("stock_tracked"),
                rs.getBoolean("archived"));
    }

    /** Which of these articles are services (worked in hours, never stocked), in one query. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public Set<UUID> services(Collection<UUID> articleIds) {
        UUID[] ids = articleIds.stream().filter(Objects::nonNull).distinct().toArray(UUID[]::new);
        if (ids.length == 0) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql(SERVICES)
                .param("ids", ids)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list());
    }

    /** The active warehouses, in code order. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public List<WarehouseSummary> activeWarehouses() {
        return warehouses.activeWarehouses().stream()
                .map(row -> new WarehouseSummary(row.id(), row.code(), row.name()))
                .toList();
    }

    /** The locations of a warehouse, in code order (empty for none or an unknown warehouse). */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public List<LocationSummary> locations(UUID warehouseId) {
        if (warehouseId == null) {
            return List.of();
        }
        return warehouses.listLocations(warehouseId).stream()
                .map(row -> new LocationSummary(row.id(), row.code(), row.name()))
                .toList();
    }
}
