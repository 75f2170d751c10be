package com.nexo.purchasing.prices;

import com.nexo.accounts.AccountDirectory;
import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.base.Ids;
import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suppliers' prices per article: what each supplier sells of an article (its code, lead time,
 * minimum order, currency and quantity breaks), kept from the article's and the supplier's pages;
 * the price a supplier is expected to charge for a quantity ({@link #priceFor}; many at once, in one
 * statement, {@link #pricesFor}), which order lines and replenishment drafts propose; and the last price each article was bought at, written by every posted receipt
 * ({@link #recordLastPrices}).
 */
@Service
public class SupplierPriceService {

    private static final String COLUMNS = """
            id, supplier_id, article_id, supplier_code, lead_time_days, min_order_qty, currency, last_price,
            last_price_on, last_document_id, version
            """;

    private static final String BY_ID = "SELECT " + COLUMNS + " FROM purchase_supplier_article WHERE id = :id";

    private static final String OF_ARTICLE =
            "SELECT " + COLUMNS + " FROM purchase_supplier_article WHERE article_id = :article";

    // Keyset-free paging is enough here: a supplier's catalogue is browsed, not scrolled to its end.
    private static final String OF_SUPPLIER = "SELECT " + COLUMNS + """
              FROM purchase_supplier_article
             WHERE supplier_id = :supplier
             ORDER BY supplier_code NULLS LAST, id
             LIMIT :limit OFFSET :offset
            """;

    /**
     * The price of many (supplier, article, quantity) at once: each asked pair's entry and, beside it,
     * the break with the highest minimum not above the quantity (one index probe per pair on the
     * break's primary key). Pairs the supplier does not sell give no row; {@code ord} says which
     * request a row answers.
     */
    private static final String PRICES_FOR = """
            SELECT p.ord, sa.id, sa.supplier_id, sa.article_id, sa.supplier_code, sa.lead_time_days,
                   sa.min_order_qty, sa.currency, sa.last_price, b.min_quantity, b.unit_price
              FROM unnest(CAST(:suppliers AS uuid[]), CAST(:articles AS uuid[]), CAST(:quantities AS numeric[]))
                   WITH ORDINALITY AS p(supplier_id, article_id, quantity, ord)
              JOIN purchase_supplier_article sa ON sa.supplier_id = p.supplier_id AND sa.article_id = p.article_id
              LEFT JOIN LATERAL (
                    SELECT pb.min_quantity, pb.unit_price
                      FROM purchase_supplier_price_break pb
                     WHERE pb.supplier_article_id = sa.id AND pb.min_quantity <= p.quantity
                     ORDER BY pb.min_quantity DESC
                     LIMIT 1) b ON true
            """;

    private static final String BREAKS = """
            SELECT supplier_article_id, min_quantity, unit_price
              FROM purchase_supplier_price_break
             WHERE supplier_article_id IN (:ids)
             ORDER BY supplier_article_id, min_quantity
            """;

    private static final String INSERT = """
            INSERT INTO purchase_supplier_article (id, supplier_id, article_id, supplier_code, lead_time_days,
                                                   min_order_qty, currency)
            VALUES (:id, :supplier, :article, :code, :leadTime, :minOrder, :currency)
            ON CONFLICT ON CONSTRAINT purchase_supplier_article_uk DO NOTHING
            """;

    private static final String UPDATE = """
            UPDATE purchase_supplier_article
               SET supplier_code = :code, lead_time_days = :leadTime, min_order_qty = :minOrder, currency = :currency,
                   updated_at = now(), version = version + 1
             WHERE id = :id AND version = :version
            """;

    private static final String DELETE = "DELETE FROM purchase_supplier_article WHERE id = :id AND version = :version";

    private static final String DELETE_BREAKS =
            "DELETE FROM purchase_supplier_price_break WHERE supplier_article_id = :id";

    private static final String INSERT_BREAKS = """
            INSERT INTO purchase_supplier_price_break (supplier_article_id, min_quantity, unit_price)
            SELECT :id, b.min_quantity, b.unit_price
              FROM unnest(CAST(:quantities AS numeric[]), CAST(:prices AS numeric[])) AS b(min_quantity, unit_price)
            """;

    /**
     * The last prices of a whole receipt in one statement. A price older than the one stored (a
     * receipt posted late, with an earlier date) does not replace it: the last price is the newest.
     */
    private static final String RECORD_LAST_PRICES = """
            INSERT INTO purchase_supplier_article AS sa (id, supplier_id, article_id, last_price, last_price_on,
                                                         last_document_id)
            SELECT p.id, p.supplier_id, p.article_id, p.unit_price, p.price_on, p.document_id
              FROM unnest(CAST(:ids AS uuid[]), CAST(:suppliers AS uuid[]), CAST(:articles AS uuid[]),
                          CAST(:prices AS numeric[]), CAST(:dates AS date[]), CAST(:documents AS uuid[]))
                   AS p(id, supplier_id, article_id, unit_price, price_on, document_id)
            ON CONFLICT ON CONSTRAINT purchase_supplier_article_uk DO UPDATE
               SET last_price = excluded.last_price, last_price_on = excluded.last_price_on,
                   last_document_id = excluded.last_document_id, updated_at = now(), version = sa.version + 1
             WHERE sa.last_price_on IS NULL OR excluded.last_price_on >= sa.last_price_on
            """;

    private final JdbcClient jdbc;
    private final Validator validator;
    private final AccountDirectory accounts;
    private final ArticleDirectory articles;

    SupplierPriceService(JdbcClient jdbc, Validator validator, AccountDirectory accounts, ArticleDirectory articles) {
        this.jdbc = jdbc;
        this.validator = validator;
        this.accounts = accounts;
        this.articles = articles;
    }

    /** The suppliers that sell the article, with their prices, by supplier name. */
    @Transactional(readOnly = true)
    @RolesAllowed(PurchasingPermissions.READ)
    public List<SupplierArticle> suppliersOf(UUID articleId) {
        Objects.requireNonNull(articleId, "articleId");
        List<SupplierArticle> found = complete(jdbc.sql(OF_ARTICLE)
                .param("article", articleId)
                .query(this::row)
                .list());
        return found.stream()
                .sorted(Comparator.comparing(
                                (SupplierArticle entry) -> entry.supplierName() == null ? "" : entry.supplierName(),
                                String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(SupplierArticle::id))
                .toList();
    }

    /** A page of the articles the supplier sells, by the supplier's code. */
    @Transactional(readOnly = true)
    @RolesAllowed(PurchasingPermissions.READ)
    public List<SupplierArticle> articlesOf(UUID supplierId, int offset, int limit) {
        Objects.requireNonNull(supplierId, "supplierId");
        return complete(jdbc.sql(OF_SUPPLIER)
                .param("supplier", supplierId)
                .param("offset", Math.max(0, offset))
                .param("limit", Math.clamp(limit, 1, 500))
                .query(this::row)
                .list());
    }

    /** One entry; refused when it does not exist (or is another tenant's). */
    @Transactional(readOnly = true)
    @RolesAllowed(PurchasingPermissions.READ)
    public SupplierArticle get(UUID id) {
        return complete(jdbc.sql(BY_ID).param("id", id).query(this::row).list()).stream()
                .findFirst()
                .orElseThrow(() -> new PurchasingRuleException("purchasing.prices.error.not-found"));
    }

    /** An entry as the dialog edits it. */
    @Transactional(readOnly = true)
    @RolesAllowed(PurchasingPermissions.READ)
    public SupplierArticleForm getForm(UUID id) {
        return SupplierArticleForm.of(get(id));
    }

    /**
     * The price the supplier is expected to charge for {@code quantity} of the article: the break
     * with the highest minimum not above the quantity, else the last price it was bought at; empty
     * when the supplier has neither for the article (or does not sell it).
     */
    @Transactional(readOnly = true)
    @RolesAllowed({PurchasingPermissions.READ, Roles.SYSTEM})
    public Optional<SupplierPrice> priceFor(UUID supplierId, UUID articleId, BigDecimal quantity) {
        Objects.requireNonNull(supplierId, "supplierId");
        Objects.requireNonNull(articleId, "articleId");
        return lookUp(List.of(new PriceRequest(supplierId, articleId, quantity)))
                .getFirst()
                .filter(SupplierPrice::priced);
    }

    /**
     * The prices of many supplier, article and quantity at once, in one statement (what bulk drafts
     * use: no query per line), answered in the order asked: for each, the break with the highest
     * minimum not above its quantity, else the last price; {@link SupplierPrice.Source#NONE} (with
     * the supplier's code and lead time, and a null price) when the supplier sells the article but
     * has neither; empty when it does not sell it.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({PurchasingPermissions.READ, PurchasingPermissions.CREATE, PurchasingPermissions.EDIT, Roles.SYSTEM})
    public List<Optional<SupplierPrice>> pricesFor(List<PriceRequest> requests) {
        return lookUp(requests);
    }

    private List<Optional<SupplierPrice>> lookUp(List<PriceRequest> requests) {
        int n = requests.size();
        List<Optional<SupplierPrice>> found = new ArrayList<>(Collections.nCopies(n, Optional.empty()));
        if (n == 0) {
            return found;
        }
        UUID[] suppliers = new UUID[n];
        UUID[] articleIds = new UUID[n];
        BigDecimal[] quantities = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            PriceRequest request = requests.get(i);
            suppliers[i] = request.supplierId();
            articleIds[i] = request.articleId();
            quantities[i] = request.quantity();
        }
        jdbc.sql(PRICES_FOR)
                .param("suppliers", suppliers)
                .param("articles", articleIds)
                .param("quantities", quantities)
                .query((RowCallbackHandler) rs -> {
                    int index = (int) rs.getLong("ord") - 1;
                    BigDecimal breakPrice = rs.getBigDecimal("unit_price");
                    BigDecimal lastPrice = rs.getBigDecimal("last_price");
                    SupplierPrice.Source source = breakPrice != null
                            ? SupplierPrice.Source.BREAK
                            : lastPrice != null ? SupplierPrice.Source.LAST_PRICE : SupplierPrice.Source.NONE;
                    found.set(
                            index,
                            Optional.of(new SupplierPrice(
                                    rs.getObject("id", UUID.class),
                                    rs.getObject("supplier_id", UUID.class),
                                    rs.getObject("article_id", UUID.class),
                                    breakPrice != null ? breakPrice : lastPrice,
                                    rs.getString("currency"),
                                    source,
                                    breakPrice != null ? rs.getBigDecimal("min_quantity") : null,
                                    rs.getString("supplier_code"),
                                    (Integer) rs.getObject("lead_time_days"),
                                    rs.getBigDecimal("min_order_qty"))));
                });
        return found;
    }

    /**
     * Adds what a supplier sells of an article; refused when the form is invalid, the account is not
     * a supplier, the article does not exist or the supplier already has an entry for it.
     */
    @Transactional
    @RolesAllowed(PurchasingPermissions.SETTINGS)
    public UUID create(SupplierArticleForm form) {
        validate(form);
        if (!accounts.isSupplier(form.getSupplierId())) {
            throw PurchasingRuleException.onField("supplierId", "purchasing.prices.error.not-a-supplier");
        }
        if (articles.summaries(List.of(form.getArticleId())).isEmpty()) {
            throw PurchasingRuleException.onField("articleId", "purchasing.prices.error.article-not-found");
        }
        UUID id = Ids.newId();
        int inserted = jdbc.sql(INSERT)
                .param("id", id)
                .param("supplier", form.getSupplierId())
                .param("article", form.getArticleId())
                .param("code", blankToNull(form.getSupplierCode()))
                .param("leadTime", form.getLeadTimeDays())
                .param("minOrder", form.getMinOrderQty())
                .param("currency", form.getCurrency())
                .update();
        if (inserted == 0) {
            throw PurchasingRuleException.onField("articleId", "purchasing.prices.error.duplicate");
        }
        writeBreaks(id, form.getBreaks());
        return id;
    }

    /** Saves an entry over the version it was loaded at; refused when someone changed it meanwhile. */
    @Transactional
    @RolesAllowed(PurchasingPermissions.SETTINGS)
    public void update(SupplierArticleForm form) {
        validate(form);
        if (form.getId() == null) {
            throw new PurchasingRuleException("purchasing.prices.error.not-found");
        }
        int updated = jdbc.sql(UPDATE)
                .param("id", form.getId())
                .param("version", form.getVersion())
                .param("code", blankToNull(form.getSupplierCode()))
                .param("leadTime", form.getLeadTimeDays())
                .param("minOrder", form.getMinOrderQty())
                .param("currency", form.getCurrency())
                .update();
        if (updated == 0) {
            throw new PurchasingRuleException("purchasing.prices.error.changed-meanwhile");
        }
        jdbc.sql(DELETE_BREAKS).param("id", form.getId()).update();
        writeBreaks(form.getId(), form.getBreaks());
    }

    /** Deletes an entry (with its breaks) at the version it was loaded at. */
    @Transactional
    @RolesAllowed(PurchasingPermissions.SETTINGS)
    public void delete(UUID id, long version) {
        if (jdbc.sql(DELETE).param("id", id).param("version", version).update() == 0) {
            throw new PurchasingRuleException("purchasing.prices.error.changed-meanwhile");
        }
    }

    /** Records one price an article was bought at (see {@link #recordLastPrices}). */
    @Transactional
    @RolesAllowed({PurchasingPermissions.RECEIVE, PurchasingPermissions.SETTINGS, Roles.SYSTEM})
    public void recordLastPrice(
            UUID supplierId, UUID articleId, BigDecimal unitPrice, LocalDate date, UUID documentId) {
        recordLastPrices(List.of(new LastPrice(supplierId, articleId, unitPrice, date, documentId)));
    }

    /**
     * Records the prices a receipt bought its articles at, in one statement: each becomes the
     * supplier's last price for the article (an entry is made when the supplier had none), unless
     * the stored one is of a later date. The same article twice keeps the later (and, on the same
     * day, the last) of its prices. Joins the caller's transaction (the receipt's).
     */
    @Transactional
    @RolesAllowed({PurchasingPermissions.RECEIVE, PurchasingPermissions.SETTINGS, Roles.SYSTEM})
    public void recordLastPrices(List<LastPrice> prices) {
        Map<List<UUID>, LastPrice> latest = new LinkedHashMap<>();
        for (LastPrice price : prices) {
            latest.merge(
                    List.of(price.supplierId(), price.articleId()),
                    price,
                    (kept, next) -> next.date().isBefore(kept.date()) ? kept : next);
        }
        if (latest.isEmpty()) {
            return;
        }
        int n = latest.size();
        UUID[] ids = new UUID[n];
        UUID[] suppliers = new UUID[n];
        UUID[] articleIds = new UUID[n];
        BigDecimal[] unitPrices = new BigDecimal[n];
        String[] dates = new String[n];
        UUID[] documents = new UUID[n];
        int i = 0;
        for (LastPrice price : latest.values()) {
            ids[i] = Ids.newId();
            suppliers[i] = price.supplierId();
            articleIds[i] = price.articleId();
            unitPrices[i] = price.unitPrice();
            dates[i] = price.date().toString();
            documents[i] = price.documentId();
            i++;
        }
        jdbc.sql(RECORD_LAST_PRICES)
                .param("ids", ids)
                .param("suppliers", suppliers)
                .param("articles", articleIds)
                .param("prices", unitPrices)
                .param("dates", dates)
                .param("documents", documents)
                .update();
    }

    private void validate(SupplierArticleForm form) {
        if (form == null || !validator.validate(form).isEmpty()) {
            throw new PurchasingRuleException("purchasing.prices.error.invalid");
        }
        Set<BigDecimal> quantities = new HashSet<>();
        for (SupplierArticleForm.Break priceBreak : form.getBreaks()) {
            if (!quantities.add(priceBreak.minQuantity().stripTrailingZeros())) {
                throw PurchasingRuleException.onField(
                        "breaks",
                        "purchasing.prices.error.duplicate-break",
                        priceBreak.minQuantity().toPlainString());
            }
        }
    }

    private void writeBreaks(UUID id, List<SupplierArticleForm.Break> breaks) {
        if (breaks.isEmpty()) {
            return;
        }
        jdbc.sql(INSERT_BREAKS)
                .param("id", id)
                .param(
                        "quantities",
                        breaks.stream()
                                .map(SupplierArticleForm.Break::minQuantity)
                                .toArray(BigDecimal[]::new))
                .param(
                        "prices",
                        breaks.stream()
                                .map(SupplierArticleForm.Break::unitPrice)
                                .toArray(BigDecimal[]::new))
                .update();
    }

    /** Entries with their breaks, the supplier's name and the article's code and names. */
    private List<SupplierArticle> complete(List<SupplierArticle> entries) {
        if (entries.isEmpty()) {
            return entries;
        }
        List<SupplierArticle> withBreaks = withBreaks(entries);
        Map<UUID, String> names = accounts.namesOf(
                withBreaks.stream().map(SupplierArticle::supplierId).toList());
        Map<UUID, ArticleSummary> summaries = articles.summaries(
                withBreaks.stream().map(SupplierArticle::articleId).toList());
        return withBreaks.stream()
                .map(entry -> {
                    ArticleSummary article = summaries.get(entry.articleId());
                    return new SupplierArticle(
                            entry.id(),
                            entry.supplierId(),
                            names.get(entry.supplierId()),
                            entry.articleId(),
                            article == null ? null : article.code(),
                            article == null ? null : article.nameEs(),
                            article == null ? null : article.nameEn(),
                            entry.supplierCode(),
                            entry.leadTimeDays(),
                            entry.minOrderQty(),
                            entry.currency(),
                            entry.lastPrice(),
                            entry.lastPriceOn(),
                            entry.lastDocumentId(),
                            entry.breaks(),
                            entry.version());
                })
                .toList();
    }

    private List<SupplierArticle> withBreaks(List<SupplierArticle> entries) {
        Map<UUID, List<PriceBreak>> breaks = new HashMap<>();
        jdbc.sql(BREAKS)
                .param("ids", entries.stream().map(SupplierArticle::id).toList())
                .query((RowCallbackHandler)
                        rs -> breaks.computeIfAbsent(rs.getObject(1, UUID.class), key -> new ArrayList<>())
                                .add(new PriceBreak(rs.getBigDecimal(2), rs.getBigDecimal(3))));
        return entries.stream()
                .map(entry -> new SupplierArticle(
                        entry.id(),
                        entry.supplierId(),
                        entry.supplierName(),
                        entry.articleId(),
                        entry.articleCode(),
                        entry.articleNameEs(),
                        entry.articleNameEn(),
                        entry.supplierCode(),
                        entry.leadTimeDays(),
                        entry.minOrderQty(),
                        entry.currency(),
                        entry.lastPrice(),
                        entry.lastPriceOn(),
                        entry.lastDocumentId(),
                        breaks.getOrDefault(entry.id(), List.of()),
                        entry.version()))
                .toList();
    }

    private SupplierArticle row(ResultSet rs, int n) throws SQLException {
        return new SupplierArticle(
                rs.getObject("id", UUID.class),
                rs.getObject("supplier_id", UUID.class),
                null,
                rs.getObject("article_id", UUID.class),
                null,
                null,
                null,
                rs.getString("supplier_code"),
                (Integer) rs.getObject("lead_time_days"),
                rs.getBigDecimal("min_order_qty"),
                rs.getString("currency"),
                rs.getBigDecimal("last_price"),
                rs.getObject("last_price_on", LocalDate.class),
                rs.getObject("last_document_id", UUID.class),
                List.of(),
                rs.getLong("version"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
