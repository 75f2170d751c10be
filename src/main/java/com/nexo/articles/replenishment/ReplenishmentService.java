package com.nexo.articles.replenishment;

import com.nexo.accounts.AccountDirectory;
import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.catalogue.Article;
import com.nexo.articles.catalogue.ArticleRepository;
import com.nexo.articles.units.UnitOfMeasure;
import com.nexo.articles.warehouses.WarehouseRepository;
import com.nexo.base.csv.CsvWriter;
import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Minimum and maximum stock per article and warehouse, and the list of what is below its minimum
 * (on hand − reserved + incoming, what is on order from suppliers) with the quantity to order up to
 * the maximum and the default supplier. Purchasing turns that list into purchase orders through
 * {@link ReplenishmentLines} and offers it here through {@link ReplenishmentOrdering}.
 */
@Service
public class ReplenishmentService {

    /** The largest count the list states exactly; beyond it the screen says "more than". */
    public static final int COUNT_CAP = 10_000;

    /**
     * The columns of a row below its minimum: the balance row's own (it carries the article's code and
     * its levels, migration V15), with article, unit and warehouse looked up per row of the page.
     */
    private static final String COLUMNS = """
            p.article_id, p.article_code, a.name_es, a.name_en, a.unit_code, a.unit_decimals, p.warehouse_id,
            (SELECT w.code FROM warehouse w WHERE w.id = p.warehouse_id) AS warehouse_code,
            p.on_hand, p.reserved, p.incoming, p.min_quantity, p.max_quantity, a.default_supplier_id""";

    private static final String FROM = """
            stock_balance p
              LEFT JOIN LATERAL (
                    SELECT x.name_es, x.name_en, x.default_supplier_id,
                           (SELECT u.code FROM unit_of_measure u WHERE u.id = x.unit_id) AS unit_code,
                           (SELECT u.decimals FROM unit_of_measure u WHERE u.id = x.unit_id) AS unit_decimals
                      FROM article x
                     WHERE x.id = p.article_id) a ON true""";

    /**
     * Every warehouse: by article code, then warehouse, along the partial index of V15 on
     * (tenant, article_code, warehouse_id) of the rows below their minimum.
     */
    private static final ListOrder IN_ALL = ListOrder.keyset("p.article_code", "text", "p.warehouse_id", false);

    /**
     * One warehouse: by article code (one row per article), along the partial index of V15 on
     * (tenant, warehouse_id, article_code).
     */
    private static final ListOrder IN_ONE = ListOrder.keyset("p.article_code", "text", "p.article_id", false);

    /**
     * The first page of the list in every warehouse as {@link ListQuery} sends it ({@code :nexo_limit}
     * rows), so that the benchmark can time the very same SQL on a bare connection.
     */
    public static final String BELOW_MINIMUM = "SELECT " + COLUMNS + " FROM " + FROM
            + " WHERE p.below_minimum ORDER BY p.article_code, p.warehouse_id LIMIT :nexo_limit";

    /** The same in one warehouse ({@code :w}). */
    public static final String BELOW_MINIMUM_IN_WAREHOUSE = "SELECT " + COLUMNS + " FROM " + FROM
            + " WHERE p.below_minimum AND p.warehouse_id = :w ORDER BY p.article_code, p.article_id LIMIT :nexo_limit";

    private static final String COUNT = """
            SELECT count(*) FROM (SELECT FROM stock_balance b WHERE b.below_minimum%s LIMIT :cap) c
            """;

    private static final int EXPORT_PAGE = 500;
    private final JdbcClient jdbc;
    private final ArticleRepository articles;
    private final WarehouseRepository warehouses;
    private final AccountDirectory accounts;

    ReplenishmentService(
            JdbcClient jdbc, ArticleRepository articles, WarehouseRepository warehouses, AccountDirectory accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.articles = articles;
        this.warehouses = warehouses;
    }

    @Transactional
    @RolesAllowed({ArticlePermissions.STOCK_CONFIGURE, Roles.SYSTEM})
    public void setLevels(UUID articleId, UUID warehouseId, BigDecimal minimum, BigDecimal maximum) {
        if (minimum == null || maximum == null || minimum.signum() < 0 || maximum.compareTo(minimum) < 0) {
            throw new ArticleRuleException("stock.error.levels-invalid");
        }
        Article article =
                articles.findById(articleId).orElseThrow(() -> new ArticleRuleException("articles.error.not-found"));
        if (!article.isStockTracked()) {
            throw new ArticleRuleException("stock.error.not-stock-tracked", article.getCode());
        }
        warehouses.findById(warehouseId).orElseThrow(() -> new ArticleRuleException("stock.error.warehouse-not-found"));
        jdbc.sql("""
                        INSERT INTO stock_level (article_id, warehouse_id, min_quantity, max_quantity)
                        VALUES (:a, :w, :min, :max)
                        ON CONFLICT (tenant_id, article_id, warehouse_id) DO UPDATE
                            SET min_quantity = EXCLUDED.min_quantity, max_quantity = EXCLUDED.max_quantity,
                                updated_at = now()
                        """)
                .param("a", articleId)
                .param("w", warehouseId)
                .param("min", minimum.setScale(UnitOfMeasure.QUANTITY_SCALE, RoundingMode.HALF_UP))
                .param("max", maximum.setScale(UnitOfMeasure.QUANTITY_SCALE, RoundingMode.HALF_UP))
                .update();
    }

    @Transactional
    @RolesAllowed(ArticlePermissions.STOCK_CONFIGURE)
    public void removeLevels(UUID articleId, UUID warehouseId) {
        jdbc.sql("DELETE FROM stock_level WHERE article_id = :a AND warehouse_id = :w")
                .param("a", articleId)
                .param("w", warehouseId)
                .update();
    }

    /**
     * How many rows are below their minimum (in one warehouse or in all), counted up to
     * {@link #COUNT_CAP} + 1: a result above the cap means "more than the cap".
     */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.STOCK_READ)
    public long countBelowMinimum(UUID warehouseId) {
        return jdbc.sql(COUNT.formatted(warehouseId == null ? "" : " AND b.warehouse_id = :w"))
                .paramSource(params(warehouseId).addValue("cap", COUNT_CAP + 1))
                .query(Long.class)
                .single();
    }

    /** The levels of an article in a warehouse, if it has them. */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.STOCK_READ)
    public Optional<StockLevels> levels(UUID articleId, UUID warehouseId) {
        return jdbc.sql(
                        "SELECT min_quantity, max_quantity FROM stock_level WHERE article_id = :a AND warehouse_id = :w")
                .param("a", articleId)
                .param("w", warehouseId)
                .query((rs, n) -> new StockLevels(rs.getBigDecimal("min_quantity"), rs.getBigDecimal("max_quantity")))
                .optional();
    }

    /**
     * A page of what is below its minimum, in one warehouse or in all (null), by article code and
     * warehouse, after {@code after} (null: the first page): the keyset SQL of migration V15, so each
     * page reads about {@code limit} index entries however deep it is.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.STOCK_READ)
    public Page<ReplenishmentRow> page(UUID warehouseId, PageCursor after, int limit) {
        return read(warehouseId, after, limit);
    }

    /**
     * What the dashboard shows of the list: how many rows are below their minimum (counted up to
     * {@link #COUNT_CAP}) and the first {@code top} of them.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.STOCK_READ)
    public BelowMinimum glance(int top) {
        long rows = countBelowMinimum(null);
        return new BelowMinimum(
                Math.min(rows, COUNT_CAP),
                rows > COUNT_CAP,
                read(null, null, Math.max(1, Math.min(top, 20))).rows());
    }

    /**
     * Writes the below-minimum list (one warehouse or all) as CSV through {@link CsvWriter}, a keyset
     * page at a time, with the translated {@code headers} (article code, name, warehouse, unit, on
     * hand, reserved, available, incoming, minimum, maximum, to order, supplier) and the names in the reader's
     * language. Whoever may read the list may export it: the file holds nothing the screen does not
     * show. Closes {@code out}. Returns the number of rows written.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.STOCK_READ)
    public long exportCsv(UUID warehouseId, List<String> headers, Locale locale, ZoneId zone, OutputStream out) {
        long written = 0;
        try (CsvWriter csv = CsvWriter.open(out, locale, zone)) {
            csv.header(headers);
            PageCursor after = null;
            do {
                Page<ReplenishmentRow> page = read(warehouseId, after, EXPORT_PAGE);
                for (ReplenishmentRow row : page.rows()) {
                    csv.text(row.articleCode())
                            .text(row.articleName(locale))
                            .text(row.warehouseCode())
                            .text(row.unitCode())
                            .number(row.onHand())
                            .number(row.reserved())
                            .number(row.available())
                            .number(row.incoming())
                            .number(row.minimum())
                            .number(row.maximum())
                            .number(row.toOrder())
                            .text(row.supplierName())
                            .endRow();
                    written++;
                }
                after = page.next();
            } while (after != null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    /** A page of the list read through {@link ListQuery}, with the suppliers' names of its rows. */
    private Page<ReplenishmentRow> read(UUID warehouseId, PageCursor after, int limit) {
        ListQuery query = ListQuery.select(COLUMNS).from(FROM).where("p.below_minimum");
        if (warehouseId != null) {
            query.where("p.warehouse_id = :w", "w", warehouseId);
        }
        Page<ReplenishmentRow> page =
                query.page(jdbc, warehouseId == null ? IN_ALL : IN_ONE, after, limit, ReplenishmentService::row);
        // Suppliers are accounts: their names come from the accounts module, in one look-up per page.
        Map<UUID, String> suppliers = accounts.namesOf(
                page.rows().stream().map(ReplenishmentRow::defaultSupplierId).toList());
        return new Page<>(
                page.rows().stream()
                        .map(row -> row.defaultSupplierId() == null
                                ? row
                                : row.withSupplierName(suppliers.get(row.defaultSupplierId())))
                        .toList(),
                page.next());
    }

    private static MapSqlParameterSource params(UUID warehouseId) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (warehouseId != null) {
            params.addValue("w", warehouseId);
        }
        return params;
    }

    private static ReplenishmentRow row(ResultSet rs, int n) throws SQLException {
        BigDecimal onHand = rs.getBigDecimal("on_hand");
        BigDecimal reserved = rs.getBigDecimal("reserved");
        BigDecimal incoming = rs.getBigDecimal("incoming");
        BigDecimal min = rs.getBigDecimal("min_quantity");
        BigDecimal max = rs.getBigDecimal("max_quantity");
        int decimals = rs.getInt("unit_decimals");
        return new ReplenishmentRow(
                rs.getObject("article_id", UUID.class),
                rs.getString("article_code"),
                rs.getString("name_es"),
                rs.getString("name_en"),
                rs.getString("unit_code"),
                decimals,
                rs.getObject("warehouse_id", UUID.class),
                rs.getString("warehouse_code"),
                onHand,
                reserved,
                incoming,
                min,
                max,
                Replenishment.quantityToOrder(Replenishment.projected(onHand, reserved, incoming), min, max, decimals),
                rs.getObject("default_supplier_id", UUID.class),
                null);
    }
}
