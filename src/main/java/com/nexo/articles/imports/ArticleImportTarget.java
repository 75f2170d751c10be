package com.nexo.articles.imports;

import static com.nexo.articles.imports.ArticleColumn.BARCODE;
import static com.nexo.articles.imports.ArticleColumn.CATEGORY_ID;
import static com.nexo.articles.imports.ArticleColumn.COST;
import static com.nexo.articles.imports.ArticleColumn.DESCRIPTION_EN;
import static com.nexo.articles.imports.ArticleColumn.DESCRIPTION_ES;
import static com.nexo.articles.imports.ArticleColumn.KIND;
import static com.nexo.articles.imports.ArticleColumn.NAME_EN;
import static com.nexo.articles.imports.ArticleColumn.NAME_ES;
import static com.nexo.articles.imports.ArticleColumn.SALE_PRICE;
import static com.nexo.articles.imports.ArticleColumn.STATUS;
import static com.nexo.articles.imports.ArticleColumn.STOCK_TRACKED;
import static com.nexo.articles.imports.ArticleColumn.TAX_RATE;
import static com.nexo.articles.imports.ArticleColumn.UNIT_ID;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.catalogue.ArticleKind;
import com.nexo.articles.catalogue.Ean13;
import com.nexo.articles.stock.ArticleCostsChanged;
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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue as an import target: articles matched by code (or by barcode), created or updated
 * with the rules of the article form (a service keeps no stock, an article with movements stays
 * stock-tracked, a barcode belongs to one article, the code never changes), their category given as
 * a path of names and created when missing ({@link CategoryPaths}), their unit by code or name.
 *
 * <p>A batch costs a fixed number of statements: the units, the articles its keys name (locked), the
 * movements of those being untracked, the category tree one level at a time, one insert, one update,
 * and one insert into the cost history when costs changed (the form records a typed cost the same
 * way). Undo deletes the articles an import created, archives those that moved stock or that another
 * module's records refer to since (the delete is tried under a savepoint, and the batch is split
 * until the refused articles are found), and puts back the previous values of updated ones.
 * Categories an import created stay: other articles may be filed under them by then.
 */
@Component
class ArticleImportTarget implements ImportTarget {

    static final String ID = "articles";

    static final String CODE = "code";
    static final String BARCODE_FIELD = "barcode";
    static final String NAME = "name";
    static final String NAME_EN_FIELD = "nameEn";
    static final String DESCRIPTION = "description";
    static final String DESCRIPTION_EN_FIELD = "descriptionEn";
    static final String KIND_FIELD = "kind";
    static final String CATEGORY = "category";
    static final String UNIT = "unit";
    static final String SALE_PRICE_FIELD = "salePrice";
    static final String COST_FIELD = "cost";
    static final String TAX_RATE_FIELD = "taxRate";
    static final String STOCK_TRACKED_FIELD = "stockTracked";
    static final String ACTIVE = "active";

    /** Where the cost history says a cost came from (shown as a cost typed by hand). */
    static final String COST_SOURCE = "import";

    static final String COST_UNDO_SOURCE = "import-undo";

    private static final Pattern CODE_FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,39}");
    private static final BigDecimal AMOUNT_LIMIT = new BigDecimal("10000000000");
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final String DEFAULT_UNIT = "ud";

    private static final List<ImportField> FIELDS = List.of(
            ImportField.of(
                            CODE,
                            "imports.target.articles.field.code",
                            FieldType.TEXT,
                            false,
                            "código",
                            "codigo artículo",
                            "referencia",
                            "ref",
                            "cod",
                            "code",
                            "sku",
                            "item code",
                            "article code",
                            "product code",
                            "reference")
                    .maxLength(40),
            ImportField.of(
                            BARCODE_FIELD,
                            "imports.target.articles.field.barcode",
                            FieldType.TEXT,
                            false,
                            "código de barras",
                            "ean",
                            "ean13",
                            "barcode",
                            "bar code",
                            "gtin",
                            "ean code")
                    .maxLength(13),
            ImportField.of(
                            NAME,
                            "imports.target.articles.field.name",
                            FieldType.TEXT,
                            true,
                            "nombre",
                            "denominación",
                            "nombre del artículo",
                            "artículo",
                            "name",
                            "article name",
                            "product name",
                            "item name",
                            "title")
                    .maxLength(200),
            ImportField.of(
                            NAME_EN_FIELD,
                            "imports.target.articles.field.name-en",
                            FieldType.TEXT,
                            false,
                            "nombre en inglés",
                            "nombre inglés",
                            "nombre (inglés)",
                            "english name",
                            "name in english",
                            "name (english)",
                            "name en")
                    .maxLength(200),
            ImportField.of(
                            DESCRIPTION,
                            "imports.target.articles.field.description",
                            FieldType.TEXT,
                            false,
                            "descripción",
                            "descripción larga",
                            "observaciones",
                            "description",
                            "long description",
                            "details")
                    .maxLength(4000),
            ImportField.of(
                            DESCRIPTION_EN_FIELD,
                            "imports.target.articles.field.description-en",
                            FieldType.TEXT,
                            false,
                            "descripción en inglés",
                            "descripción (inglés)",
                            "english description",
                            "description in english",
                            "description (english)")
                    .maxLength(4000),
            // A choice field comes with its choices: built whole, not through ImportField.of.
            new ImportField(
                    KIND_FIELD,
                    "imports.target.articles.field.kind",
                    FieldType.CHOICE,
                    false,
                    0,
                    List.of("tipo", "tipo de artículo", "clase", "kind", "type", "article type", "item type"),
                    Map.ofEntries(
                            Map.entry("mercancía", ArticleKind.GOODS.dbValue()),
                            Map.entry("producto", ArticleKind.GOODS.dbValue()),
                            Map.entry("artículo", ArticleKind.GOODS.dbValue()),
                            Map.entry("goods", ArticleKind.GOODS.dbValue()),
                            Map.entry("product", ArticleKind.GOODS.dbValue()),
                            Map.entry("item", ArticleKind.GOODS.dbValue()),
                            Map.entry("servicio", ArticleKind.SERVICE.dbValue()),
                            Map.entry("service", ArticleKind.SERVICE.dbValue()),
                            Map.entry("materia prima", ArticleKind.INPUT.dbValue()),
                            Map.entry("insumo", ArticleKind.INPUT.dbValue()),
                            Map.entry("material", ArticleKind.INPUT.dbValue()),
                            Map.entry("input", ArticleKind.INPUT.dbValue()),
                            Map.entry("raw material", ArticleKind.INPUT.dbValue()))),
            ImportField.of(
                    CATEGORY,
                    "imports.target.articles.field.category",
                    FieldType.TEXT,
                    false,
                    "categoría",
                    "familia",
                    "ruta de categoría",
                    "category",
                    "category path",
                    "family"),
            ImportField.of(
                            UNIT,
                            "imports.target.articles.field.unit",
                            FieldType.TEXT,
                            false,
                            "unidad",
                            "unidad de medida",
                            "ud",
                            "um",
                            "unit",
                            "unit of measure",
                            "uom")
                    .maxLength(60),
            ImportField.of(
                    SALE_PRICE_FIELD,
                    "imports.target.articles.field.sale-price",
                    FieldType.DECIMAL,
                    false,
                    "precio",
                    "precio de venta",
                    "pvp",
                    "precio venta",
                    "price",
                    "sale price",
                    "selling price",
                    "unit price"),
            ImportField.of(
                    COST_FIELD,
                    "imports.target.articles.field.cost",
                    FieldType.DECIMAL,
                    false,
                    "coste",
                    "costo",
                    "precio de coste",
                    "precio de compra",
                    "cost",
                    "cost price",
                    "purchase price"),
            ImportField.of(
                    TAX_RATE_FIELD,
                    "imports.target.articles.field.tax-rate",
                    FieldType.DECIMAL,
                    false,
                    "iva",
                    "% iva",
                    "tipo de iva",
                    "impuesto",
                    "vat",
                    "vat rate",
                    "tax",
                    "tax rate"),
            ImportField.of(
                    STOCK_TRACKED_FIELD,
                    "imports.target.articles.field.stock-tracked",
                    FieldType.BOOLEAN,
                    false,
                    "controla stock",
                    "gestiona stock",
                    "inventariable",
                    "stock tracked",
                    "tracks stock",
                    "keeps stock",
                    "inventory item"),
            ImportField.of(
                    ACTIVE,
                    "imports.target.articles.field.active",
                    FieldType.BOOLEAN,
                    false,
                    "activo",
                    "activa",
                    "de alta",
                    "active",
                    "enabled"));

    private static final String UNITS = "SELECT id, code, name_es, name_en FROM unit_of_measure";

    private static final String EXISTING = "SELECT id, code, version, " + ArticleColumn.names("") + """
             FROM article
            WHERE code = ANY(CAST(:codes AS text[])) OR barcode = ANY(CAST(:barcodes AS text[]))
            ORDER BY id
            """;

    private static final String BY_ID = "SELECT id, code, version, " + ArticleColumn.names("") + """
             FROM article
            WHERE id = ANY(CAST(:ids AS uuid[]))
            ORDER BY id
            """;

    /** As {@code ArticleService}: an article with movements or stock must stay stock-tracked. */
    private static final String WITH_MOVEMENTS = """
            SELECT a.id FROM unnest(CAST(:ids AS uuid[])) AS a(id)
             WHERE EXISTS (SELECT FROM stock_movement m WHERE m.article_id = a.id)
                OR EXISTS (SELECT FROM stock_balance b WHERE b.article_id = a.id AND (b.on_hand <> 0 OR b.reserved <> 0))
            """;

    private static final String INSERT = "INSERT INTO article (id, code, " + ArticleColumn.names("") + ")"
            + " SELECT v.id, v.code, " + ArticleColumn.names("v.")
            + " FROM unnest(CAST(:ids AS uuid[]), CAST(:codes AS text[]), " + ArticleColumn.arrays() + ")"
            + " AS v(id, code, " + ArticleColumn.names("") + ")";

    /** The edit a form save makes, for many articles at once: every column, a new version each. */
    private static final String UPDATE = "UPDATE article a SET " + ArticleColumn.assignments()
            + ", version = a.version + 1, updated_at = now()"
            + " FROM unnest(CAST(:ids AS uuid[]), " + ArticleColumn.arrays() + ")"
            + " AS v(id, " + ArticleColumn.names("") + ")"
            + " WHERE a.id = v.id AND a.id = ANY(CAST(:ids AS uuid[]))"
            + " RETURNING a.id, a.version";

    private static final String COST_CHANGES = """
            INSERT INTO article_cost_change (id, article_id, previous_cost, new_cost, stock_before, source_type, source_ref)
            SELECT c.id, c.article_id, c.previous_cost, c.new_cost,
                   (SELECT coalesce(sum(b.on_hand), 0) FROM stock_balance b WHERE b.article_id = c.article_id),
                   :source, :ref
              FROM unnest(CAST(:ids AS uuid[]), CAST(:articles AS uuid[]), CAST(:previous AS numeric[]),
                          CAST(:next AS numeric[])) AS c(id, article_id, previous_cost, new_cost)
            """;

    private static final String MOVED = """
            SELECT DISTINCT m.article_id FROM stock_movement m WHERE m.article_id = ANY(CAST(:ids AS uuid[]))
            """;

    private static final String DELETE_LEVELS = "DELETE FROM stock_level WHERE article_id = ANY(CAST(:ids AS uuid[]))";

    private static final String DELETE = "DELETE FROM article WHERE id = ANY(CAST(:ids AS uuid[]))";

    private static final String ARCHIVE = """
            UPDATE article SET status = 'archived', version = version + 1, updated_at = now()
             WHERE id = ANY(CAST(:ids AS uuid[])) AND status <> 'archived'
            """;

    private final JdbcClient jdbc;
    private final CategoryPaths categories;
    private final ApplicationEventPublisher events;

    ArticleImportTarget(JdbcClient jdbc, CategoryPaths categories, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.categories = categories;
        this.events = events;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> tables() {
        return List.of("article");
    }

    @Override
    public String labelKey() {
        return "imports.target.articles";
    }

    @Override
    public String descriptionKey() {
        return "imports.target.articles.description";
    }

    @Override
    public Set<String> permissions() {
        return Set.of(ArticlePermissions.CREATE, ArticlePermissions.EDIT);
    }

    @Override
    public List<ImportField> fields() {
        return FIELDS;
    }

    /** The code by default; the barcode for files of a till or a supplier that know articles by EAN. */
    @Override
    public List<String> keyFields() {
        return List.of(CODE, BARCODE_FIELD);
    }

    /** A row as read: the key values and the given columns (absent ones are left as they are). */
    private static final class Candidate {
        final int index;
        final ImportRow row;
        final String code;
        final String barcode;
        final Map<ArticleColumn, Object> given = new LinkedHashMap<>();
        final List<String> categoryPath;
        final String unit;
        Existing existing;
        Object[] values;

        Candidate(int index, ImportRow row, String code, String barcode, List<String> categoryPath, String unit) {
            this.index = index;
            this.row = row;
            this.code = code;
            this.barcode = barcode;
            this.categoryPath = categoryPath;
            this.unit = unit;
        }
    }

    /** An article as the table holds it. */
    private record Existing(UUID id, String code, long version, Object[] values) {}

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<RowOutcome> apply(ImportBatch batch) {
        boolean byBarcode = BARCODE_FIELD.equals(batch.keyField());
        List<ImportRow> rows = batch.rows();
        RowOutcome[] outcomes = new RowOutcome[rows.size()];
        List<Candidate> candidates = new ArrayList<>();
        Map<String, Long> codesSeen = new HashMap<>();
        Map<String, Long> barcodesSeen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            try {
                Candidate candidate = read(i, row);
                if (candidate.code != null) {
                    Long first = codesSeen.putIfAbsent(candidate.code, row.line());
                    if (first != null) {
                        throw new RowRuleException("imports.articles.error.code-repeated", CODE, first);
                    }
                }
                if (candidate.barcode != null) {
                    Long first = barcodesSeen.putIfAbsent(candidate.barcode, row.line());
                    if (first != null) {
                        throw new RowRuleException("imports.articles.error.barcode-repeated", BARCODE_FIELD, first);
                    }
                }
                candidates.add(candidate);
            } catch (RowRuleException refused) {
                outcomes[i] = RowOutcome.refused(row.line(), refused.refusal());
            }
        }

        Units units = candidates.isEmpty() ? null : loadUnits();
        Map<String, Existing> byCode = new HashMap<>();
        Map<String, Existing> byBarcodeValue = new HashMap<>();
        if (!candidates.isEmpty()) {
            jdbc.sql(batch.write() ? EXISTING + " FOR UPDATE" : EXISTING)
                    .param("codes", candidates.stream().map(c -> c.code).toArray(String[]::new))
                    .param("barcodes", candidates.stream().map(c -> c.barcode).toArray(String[]::new))
                    .query(rs -> {
                        Existing existing = new Existing(
                                rs.getObject("id", UUID.class),
                                rs.getString("code"),
                                rs.getLong("version"),
                                ArticleColumn.read(rs));
                        byCode.put(existing.code(), existing);
                        Object barcode = existing.values()[BARCODE.ordinal()];
                        if (barcode != null) {
                            byBarcodeValue.put((String) barcode, existing);
                        }
                    });
        }

        // Match each row and merge it over its article (or over a new article's defaults).
        List<Candidate> matched = new ArrayList<>();
        for (Candidate candidate : candidates) {
            try {
                merge(candidate, byBarcode, byCode, byBarcodeValue, units);
                matched.add(candidate);
            } catch (RowRuleException refused) {
                outcomes[candidate.index] = RowOutcome.refused(candidate.row.line(), refused.refusal());
            }
        }

        // Untracking an article whose stock has moved is refused, as in the form.
        List<UUID> untracking = matched.stream()
                .filter(c -> c.existing != null
                        && Boolean.TRUE.equals(c.existing.values()[STOCK_TRACKED.ordinal()])
                        && Boolean.FALSE.equals(c.values[STOCK_TRACKED.ordinal()]))
                .map(c -> c.existing.id())
                .toList();
        if (!untracking.isEmpty()) {
            Set<UUID> moved = new HashSet<>(jdbc.sql(WITH_MOVEMENTS)
                    .param("ids", untracking.toArray(UUID[]::new))
                    .query(UUID.class)
                    .list());
            matched.removeIf(c -> {
                if (c.existing != null && moved.contains(c.existing.id())) {
                    outcomes[c.index] = RowOutcome.refused(
                            c.row.line(),
                            com.nexo.imports.Refusal.of(
                                    c.row.has(STOCK_TRACKED_FIELD) ? STOCK_TRACKED_FIELD : KIND_FIELD,
                                    "articles.error.untrack-with-movements"));
                    return true;
                }
                return false;
            });
        }

        // Categories by path, created when missing (only when writing: a dry run sees them as new).
        Set<List<String>> paths = new HashSet<>();
        matched.stream().filter(c -> c.categoryPath != null).forEach(c -> paths.add(c.categoryPath));
        CategoryPaths.Resolved resolved = paths.isEmpty() ? null : categories.resolve(paths, batch.write());

        List<Candidate> inserts = new ArrayList<>();
        List<Candidate> updates = new ArrayList<>();
        for (Candidate candidate : matched) {
            boolean categoryToCreate = false;
            if (candidate.categoryPath != null) {
                UUID category = resolved.of(candidate.categoryPath);
                categoryToCreate = category == null;
                candidate.values[CATEGORY_ID.ordinal()] = category;
            }
            if (candidate.existing == null) {
                inserts.add(candidate);
            } else if (categoryToCreate || !changedColumns(candidate).isEmpty()) {
                updates.add(candidate);
            } else {
                outcomes[candidate.index] = RowOutcome.unchanged(candidate.row.line(), candidate.existing.id());
            }
        }

        Map<UUID, Long> versions = Map.of();
        if (batch.write()) {
            insert(inserts);
            versions = update(updates, batch.importId());
        }
        for (Candidate candidate : inserts) {
            UUID id = batch.write() ? (UUID) candidate.values[ArticleColumn.ALL.size()] : null;
            outcomes[candidate.index] = RowOutcome.created(candidate.row.line(), id, null, batch.write() ? 0L : null);
        }
        for (Candidate candidate : updates) {
            Map<String, String> previous = new LinkedHashMap<>();
            for (ArticleColumn column : changedColumns(candidate)) {
                previous.put(column.column, column.encode(candidate.existing.values()[column.ordinal()]));
            }
            if (candidate.values[CATEGORY_ID.ordinal()] == null && candidate.categoryPath != null) {
                previous.put(
                        CATEGORY_ID.column,
                        CATEGORY_ID.encode(candidate.existing.values()[CATEGORY_ID.ordinal()]));
            }
            UUID id = candidate.existing.id();
            outcomes[candidate.index] = RowOutcome.updated(
                    candidate.row.line(), id, UndoData.write(previous), batch.write() ? versions.get(id) : null);
        }
        return List.of(outcomes);
    }

    /** Reads a row's values, refusing what the form would refuse about each on its own. */
    private static Candidate read(int index, ImportRow row) {
        String code = text(row, CODE);
        if (code != null && !CODE_FORMAT.matcher(code).matches()) {
            throw new RowRuleException("articles.validation.code-format", CODE);
        }
        String barcode = text(row, BARCODE_FIELD);
        if (barcode != null && !Ean13.isValid(barcode)) {
            throw new RowRuleException("articles.error.barcode-invalid", BARCODE_FIELD);
        }
        List<String> path = null;
        if (row.has(CATEGORY)) {
            path = CategoryPaths.parse(row.get(CATEGORY));
            if (path == null) {
                throw new RowRuleException("imports.articles.error.category-path", CATEGORY, CategoryPaths.MAX_NAME);
            }
        }
        Candidate candidate = new Candidate(index, row, code, barcode, path, text(row, UNIT));
        candidate.given.put(NAME_ES, limited(row, NAME, 200));
        putIfPresent(candidate, NAME_EN, limited(row, NAME_EN_FIELD, 200));
        putIfPresent(candidate, DESCRIPTION_ES, limited(row, DESCRIPTION, 4000));
        putIfPresent(candidate, DESCRIPTION_EN, limited(row, DESCRIPTION_EN_FIELD, 4000));
        putIfPresent(candidate, BARCODE, barcode);
        putIfPresent(candidate, KIND, text(row, KIND_FIELD));
        putIfPresent(candidate, SALE_PRICE, amount(row, SALE_PRICE_FIELD));
        putIfPresent(candidate, COST, amount(row, COST_FIELD));
        if (row.has(TAX_RATE_FIELD)) {
            BigDecimal rate = row.<BigDecimal>get(TAX_RATE_FIELD).setScale(2, RoundingMode.HALF_UP);
            if (rate.signum() < 0 || rate.compareTo(HUNDRED) > 0) {
                throw new RowRuleException("articles.validation.tax-rate", TAX_RATE_FIELD);
            }
            candidate.given.put(TAX_RATE, rate);
        }
        if (row.has(STOCK_TRACKED_FIELD)) {
            candidate.given.put(STOCK_TRACKED, row.<Boolean>get(STOCK_TRACKED_FIELD));
        }
        if (row.has(ACTIVE)) {
            candidate.given.put(STATUS, row.<Boolean>get(ACTIVE) ? "active" : "archived");
        }
        if (candidate.given.get(NAME_ES) == null) {
            throw new RowRuleException("articles.validation.required", NAME);
        }
        return candidate;
    }

    /**
     * Finds the row's article by the batch's key and lays the row over it: a new article starts as the
     * form starts one (goods, in units, prices at zero, 21 % VAT, stock-tracked unless a service).
     */
    private static void merge(
            Candidate candidate,
            boolean byBarcode,
            Map<String, Existing> byCode,
            Map<String, Existing> byBarcodeValue,
            Units units) {
        Existing existing = byBarcode ? byBarcodeValue.get(candidate.barcode) : byCode.get(candidate.code);
        if (existing == null) {
            if (candidate.code == null) {
                throw new RowRuleException("imports.articles.error.code-required", CODE);
            }
            if (byCode.containsKey(candidate.code)) {
                throw new RowRuleException("articles.error.code-taken", CODE, candidate.code);
            }
        } else if (candidate.code != null && !candidate.code.equals(existing.code())) {
            throw new RowRuleException("articles.error.code-fixed", CODE);
        }
        if (candidate.barcode != null) {
            Existing owner = byBarcodeValue.get(candidate.barcode);
            if (owner != null && owner != existing) {
                throw new RowRuleException("articles.error.barcode-taken", BARCODE_FIELD, owner.code());
            }
        }
        UUID unit = null;
        if (candidate.unit != null) {
            unit = units.find(candidate.unit);
            if (unit == null) {
                throw new RowRuleException("imports.articles.error.unit-unknown", UNIT, candidate.unit);
            }
        }
        Object[] values;
        if (existing == null) {
            // One slot beyond the columns holds the new article's id.
            values = new Object[ArticleColumn.ALL.size() + 1];
            values[KIND.ordinal()] = ArticleKind.GOODS.dbValue();
            values[NAME_EN.ordinal()] = candidate.given.get(NAME_ES);
            values[SALE_PRICE.ordinal()] = BigDecimal.ZERO;
            values[COST.ordinal()] = BigDecimal.ZERO;
            values[TAX_RATE.ordinal()] = new BigDecimal("21");
            values[STOCK_TRACKED.ordinal()] = true;
            values[STATUS.ordinal()] = "active";
            values[UNIT_ID.ordinal()] = units.find(DEFAULT_UNIT);
            values[ArticleColumn.ALL.size()] = Ids.newId();
        } else {
            values = existing.values().clone();
        }
        candidate.given.forEach((column, value) -> values[column.ordinal()] = value);
        if (unit != null) {
            values[UNIT_ID.ordinal()] = unit;
        }
        if (values[UNIT_ID.ordinal()] == null) {
            throw new RowRuleException("imports.articles.error.unit-required", UNIT);
        }
        boolean service = ArticleKind.SERVICE.dbValue().equals(values[KIND.ordinal()]);
        if (service) {
            if (Boolean.TRUE.equals(candidate.given.get(STOCK_TRACKED))) {
                throw new RowRuleException("articles.error.service-stocked", STOCK_TRACKED_FIELD);
            }
            // As the form does: a service keeps no stock, whether or not the file says so.
            values[STOCK_TRACKED.ordinal()] = false;
        }
        candidate.existing = existing;
        candidate.values = values;
    }

    private static List<ArticleColumn> changedColumns(Candidate candidate) {
        List<ArticleColumn> changed = new ArrayList<>();
        for (ArticleColumn column : ArticleColumn.ALL) {
            if (column == CATEGORY_ID && candidate.categoryPath == null) {
                continue;
            }
            if (!column.same(candidate.existing.values()[column.ordinal()], candidate.values[column.ordinal()])) {
                changed.add(column);
            }
        }
        return changed;
    }

    private void insert(List<Candidate> inserts) {
        if (inserts.isEmpty()) {
            return;
        }
        List<Object[]> values = inserts.stream().map(c -> c.values).toList();
        var statement = jdbc.sql(INSERT)
                .param(
                        "ids",
                        values.stream()
                                .map(v -> (UUID) v[ArticleColumn.ALL.size()])
                                .toArray(UUID[]::new))
                .param("codes", inserts.stream().map(c -> c.code).toArray(String[]::new));
        for (ArticleColumn column : ArticleColumn.ALL) {
            statement = statement.param(column.column, column.array(values));
        }
        statement.update();
    }

    /** Writes the merged values over their articles; returns each one's new version. */
    private Map<UUID, Long> update(List<Candidate> updates, UUID importId) {
        if (updates.isEmpty()) {
            return Map.of();
        }
        List<UUID> ids = updates.stream().map(c -> c.existing.id()).toList();
        List<Object[]> previous = updates.stream().map(c -> c.existing.values()).toList();
        List<Object[]> next = updates.stream().map(c -> c.values).toList();
        return write(ids, previous, next, COST_SOURCE, importId == null ? null : importId.toString());
    }

    private Map<UUID, Long> write(
            List<UUID> ids, List<Object[]> previous, List<Object[]> next, String costSource, String costRef) {
        var statement = jdbc.sql(UPDATE).param("ids", ids.toArray(UUID[]::new));
        for (ArticleColumn column : ArticleColumn.ALL) {
            statement = statement.param(column.column, column.array(next));
        }
        Map<UUID, Long> versions = new HashMap<>();
        statement.query(rs -> {
            versions.put(rs.getObject("id", UUID.class), rs.getLong("version"));
        });
        recordCostChanges(ids, previous, next, costSource, costRef);
        return versions;
    }

    /** Costs that changed go into the article's cost history, as a cost typed in the form does. */
    private void recordCostChanges(
            List<UUID> ids, List<Object[]> previous, List<Object[]> next, String source, String ref) {
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!COST.same(previous.get(i)[COST.ordinal()], next.get(i)[COST.ordinal()])) {
                changed.add(i);
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        jdbc.sql(COST_CHANGES)
                .param("ids", changed.stream().map(i -> Ids.newId()).toArray(UUID[]::new))
                .param("articles", changed.stream().map(ids::get).toArray(UUID[]::new))
                .param(
                        "previous",
                        changed.stream()
                                .map(i -> (BigDecimal) previous.get(i)[COST.ordinal()])
                                .toArray(BigDecimal[]::new))
                .param(
                        "next",
                        changed.stream()
                                .map(i -> ((BigDecimal) next.get(i)[COST.ordinal()]).setScale(4, RoundingMode.HALF_UP))
                                .toArray(BigDecimal[]::new))
                .param("source", source)
                .param("ref", ref, java.sql.Types.VARCHAR)
                .update();
        ArticleCostsChanged.inCurrentTenant(
                        Set.copyOf(changed.stream().map(ids::get).toList()))
                .ifPresent(events::publishEvent);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UndoOutcome> undo(List<ImportedChange> changes, boolean includeChangedLater, boolean write) {
        Map<UUID, Existing> current = new HashMap<>();
        UUID[] ids = changes.stream().map(ImportedChange::entityId).distinct().toArray(UUID[]::new);
        if (ids.length > 0) {
            jdbc.sql(write ? BY_ID + " FOR UPDATE" : BY_ID).param("ids", ids).query(rs -> {
                UUID id = rs.getObject("id", UUID.class);
                current.put(id, new Existing(id, rs.getString("code"), rs.getLong("version"), ArticleColumn.read(rs)));
            });
        }
        UndoOutcome.Result[] results = new UndoOutcome.Result[changes.size()];
        List<UUID> created = new ArrayList<>();
        List<Integer> restoring = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            ImportedChange change = changes.get(i);
            Existing now = current.get(change.entityId());
            if (now == null) {
                results[i] = UndoOutcome.Result.GONE;
            } else if (!includeChangedLater
                    && change.versionAfter() != null
                    && now.version() != change.versionAfter()) {
                results[i] = UndoOutcome.Result.CHANGED_LATER;
            } else if (change.action() == RowAction.CREATED) {
                created.add(change.entityId());
            } else if (change.action() == RowAction.UPDATED) {
                restoring.add(i);
                results[i] = UndoOutcome.Result.RESTORED;
            }
        }

        // Created articles: those that moved stock are archived; the rest are deleted unless something
        // else refers to them now (another module's documents), which the database tells.
        Set<UUID> archived = new HashSet<>();
        if (!created.isEmpty()) {
            archived.addAll(jdbc.sql(MOVED)
                    .param("ids", created.toArray(UUID[]::new))
                    .query(UUID.class)
                    .list());
            List<UUID> deletable =
                    created.stream().filter(id -> !archived.contains(id)).toList();
            deleteOrKeep(deletable, write, archived);
            if (write && !archived.isEmpty()) {
                jdbc.sql(ARCHIVE).param("ids", archived.toArray(UUID[]::new)).update();
            }
        }
        for (int i = 0; i < changes.size(); i++) {
            if (results[i] == null) {
                results[i] = archived.contains(changes.get(i).entityId())
                        ? UndoOutcome.Result.ARCHIVED
                        : UndoOutcome.Result.DELETED;
            }
        }

        if (write && !restoring.isEmpty()) {
            List<UUID> restoredIds = new ArrayList<>();
            List<Object[]> previous = new ArrayList<>();
            List<Object[]> next = new ArrayList<>();
            Set<UUID> seen = new HashSet<>();
            for (int i : restoring) {
                ImportedChange change = changes.get(i);
                if (!seen.add(change.entityId())) {
                    continue;
                }
                Existing now = current.get(change.entityId());
                Object[] values = now.values().clone();
                UndoData.read(change.undoData())
                        .forEach((name, text) -> ArticleColumn.ALL.stream()
                                .filter(c -> c.column.equals(name))
                                .findFirst()
                                .ifPresent(c -> values[c.ordinal()] = c.decode(text)));
                restoredIds.add(change.entityId());
                previous.add(now.values());
                next.add(values);
            }
            write(restoredIds, previous, next, COST_UNDO_SOURCE, null);
        }
        List<UndoOutcome> outcomes = new ArrayList<>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            outcomes.add(new UndoOutcome(changes.get(i).entityId(), results[i]));
        }
        return outcomes;
    }

    /**
     * Deletes these articles (and their replenishment levels) in one statement under a savepoint; when
     * a reference refuses it, tries each half again, down to the single articles that are referred to,
     * which go into {@code kept}. A dry run rolls every attempt back.
     */
    private void deleteOrKeep(List<UUID> ids, boolean write, Set<UUID> kept) {
        if (ids.isEmpty()) {
            return;
        }
        UUID[] array = ids.toArray(UUID[]::new);
        boolean deleted = Savepoint.attempt(
                jdbc,
                () -> {
                    jdbc.sql(DELETE_LEVELS).param("ids", array).update();
                    jdbc.sql(DELETE).param("ids", array).update();
                },
                write);
        if (deleted) {
            return;
        }
        if (ids.size() == 1) {
            kept.add(ids.getFirst());
            return;
        }
        int half = ids.size() / 2;
        deleteOrKeep(ids.subList(0, half), write, kept);
        deleteOrKeep(ids.subList(half, ids.size()), write, kept);
    }

    /** The tenant's units (a few dozen), found by code, then by code in any case, then by name. */
    private Units loadUnits() {
        Units units = new Units();
        jdbc.sql(UNITS).query(rs -> {
            UUID id = rs.getObject("id", UUID.class);
            String code = rs.getString("code");
            units.byCode.put(code, id);
            units.byName.putIfAbsent(CategoryPaths.comparable(code), id);
            units.byName.putIfAbsent(CategoryPaths.comparable(rs.getString("name_es")), id);
            units.byName.putIfAbsent(CategoryPaths.comparable(rs.getString("name_en")), id);
        });
        return units;
    }

    private static final class Units {
        final Map<String, UUID> byCode = new HashMap<>();
        final Map<String, UUID> byName = new HashMap<>();

        UUID find(String text) {
            UUID id = byCode.get(text);
            return id != null ? id : byName.get(CategoryPaths.comparable(text));
        }
    }

    private static String text(ImportRow row, String field) {
        String value = row.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String limited(ImportRow row, String field, int max) {
        String value = text(row, field);
        if (value != null && value.length() > max) {
            throw new RowRuleException("imports.articles.error.too-long", field, max);
        }
        return value;
    }

    private static BigDecimal amount(ImportRow row, String field) {
        if (!row.has(field)) {
            return null;
        }
        BigDecimal value = row.<BigDecimal>get(field).setScale(4, RoundingMode.HALF_UP);
        if (value.signum() < 0) {
            throw new RowRuleException("articles.validation.not-negative", field);
        }
        if (value.compareTo(AMOUNT_LIMIT) >= 0) {
            throw new RowRuleException("imports.articles.error.amount-too-large", field);
        }
        return value;
    }

    private static void putIfPresent(Candidate candidate, ArticleColumn column, Object value) {
        if (value != null) {
            candidate.given.put(column, value);
        }
    }
}
