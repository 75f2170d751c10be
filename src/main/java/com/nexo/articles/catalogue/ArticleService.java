package com.nexo.articles.catalogue;

import com.nexo.accounts.AccountDirectory;
import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.categories.CategoryRepository;
import com.nexo.articles.stock.ArticleCostsChanged;
import com.nexo.articles.stock.CostChange;
import com.nexo.articles.stock.WeightedAverageCost;
import com.nexo.articles.units.UnitRepository;
import com.nexo.base.Ids;
import com.nexo.base.paging.ListQuery;
import com.nexo.history.ChangeEntry;
import com.nexo.history.ChangeHistory;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue's records: an article's form (loaded and saved in one call each), its archiving and
 * deletion, its picture and its history. Lists are {@link ArticleListService}'s.
 */
@Service
public class ArticleService {

    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/webp");
    private static final int MAX_IMAGE_BYTES = 1024 * 1024;

    private static final String HAS_IMAGE = """
            SELECT EXISTS (SELECT 1 FROM article_image WHERE article_id = :id)
            """;
    private static final String DELETE_LEVELS = """
            DELETE FROM stock_level WHERE article_id = :id
            """;
    private static final String SAVE_IMAGE = """
            INSERT INTO article_image (article_id, content_type, content) VALUES (:id, :type, :content)
            ON CONFLICT (article_id) DO UPDATE
                SET content_type = EXCLUDED.content_type, content = EXCLUDED.content, updated_at = now()
            """;
    private static final String DELETE_IMAGE = """
            DELETE FROM article_image WHERE article_id = :id
            """;
    private static final String IMAGE = """
            SELECT content_type, content FROM article_image WHERE article_id = :id
            """;
    private static final String HAS_MOVEMENTS = """
            SELECT EXISTS (SELECT FROM stock_movement WHERE article_id = :id)
                OR EXISTS (SELECT FROM stock_balance WHERE article_id = :id AND (on_hand <> 0 OR reserved <> 0))
            """;
    /** A cost typed in the form, in the article's cost history (the receipts' rows are the ledger's). */
    private static final String MANUAL_COST_CHANGE = """
            INSERT INTO article_cost_change (id, article_id, previous_cost, new_cost, stock_before, source_type)
            VALUES (:id, :article, :previous, :new,
                    (SELECT coalesce(sum(on_hand), 0) FROM stock_balance WHERE article_id = :article), :source)
            """;

    private static final RowMapper<ArticleImage> IMAGE_ROW =
            (rs, n) -> new ArticleImage(rs.getString("content_type"), rs.getBytes("content"));

    private final ArticleRepository articles;
    private final CategoryRepository categories;
    private final UnitRepository units;
    private final ArticleSearch search;
    private final JdbcClient jdbc;
    private final Validator validator;
    private final ChangeHistory history;
    private final AccountDirectory accounts;
    private final ApplicationEventPublisher events;

    ArticleService(
            ArticleRepository articles,
            CategoryRepository categories,
            UnitRepository units,
            ArticleSearch search,
            JdbcClient jdbc,
            Validator validator,
            ChangeHistory history,
            AccountDirectory accounts,
            ApplicationEventPublisher events) {
        this.events = events;
        this.history = history;
        this.accounts = accounts;
        this.articles = articles;
        this.categories = categories;
        this.units = units;
        this.search = search;
        this.jdbc = jdbc;
        this.validator = validator;
    }

    /** A new article's form: a goods article counted in units ("ud"), prices at zero. */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.CREATE)
    public ArticleForm newForm() {
        return ArticleForm.blank(
                units.findByCode("ud").map(unit -> unit.getId()).orElse(null));
    }

    /** The form of an article, with the version it is loaded at. */
    @Transactional(readOnly = true)
    @RolesAllowed({ArticlePermissions.READ, ArticlePermissions.EDIT})
    public ArticleForm getForm(UUID articleId) {
        return find(articleId).toForm();
    }

    /** An article with its state: the form, whether it is archived and whether it has a picture. */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.READ)
    public ArticleDetails loadArticle(UUID articleId) {
        Article article = find(articleId);
        boolean hasImage =
                jdbc.sql(HAS_IMAGE).param("id", articleId).query(Boolean.class).single();
        return new ArticleDetails(
                article.getId(), article.getVersion(), article.toForm(), article.isArchived(), hasImage);
    }

    /** Creates the article of a new form; returns its id. A taken code or barcode is refused on its field. */
    @Transactional
    @RolesAllowed({ArticlePermissions.CREATE, Roles.SYSTEM})
    public UUID create(ArticleForm form) {
        validate(form);
        String code = form.code().strip();
        if (articles.existsByCode(code)) {
            throw ArticleRuleException.onField("code", "articles.error.code-taken", code);
        }
        Article article = new Article(code);
        article.apply(form);
        articles.save(article);
        return article.getId();
    }

    /** The same as {@link #create(ArticleForm)}: for code that creates articles directly (demo data, tests). */
    @Transactional
    @RolesAllowed({ArticlePermissions.CREATE, Roles.SYSTEM})
    public UUID createArticle(ArticleForm form) {
        return create(form);
    }

    /**
     * Saves the form over its article. The form's version is the one it was loaded at: when someone
     * saved in between, nothing is written and {@code articles.error.changed-meanwhile} is thrown.
     */
    @Transactional
    @RolesAllowed(ArticlePermissions.EDIT)
    public void update(ArticleForm form) {
        validate(form);
        Article article = find(form.id());
        if (form.version() == null || !form.version().equals(article.getVersion())) {
            throw new ArticleRuleException("articles.error.changed-meanwhile");
        }
        if (!article.getCode().equals(form.code().strip())) {
            throw ArticleRuleException.onField("code", "articles.error.code-fixed");
        }
        if (article.isStockTracked() && !form.stockTracked() && hasMovements(form.id())) {
            throw ArticleRuleException.onField("stockTracked", "articles.error.untrack-with-movements");
        }
        BigDecimal previousCost = article.getCost();
        BigDecimal newCost = form.cost().setScale(WeightedAverageCost.SCALE, RoundingMode.HALF_UP);
        article.apply(form);
        if (previousCost.compareTo(newCost) != 0) {
            jdbc.sql(MANUAL_COST_CHANGE)
                    .param("id", Ids.newId())
                    .param("article", article.getId())
                    .param("previous", previousCost)
                    .param("new", newCost)
                    .param("source", CostChange.MANUAL)
                    .update();
            ArticleCostsChanged.inCurrentTenant(Set.of(article.getId())).ifPresent(events::publishEvent);
        }
    }

    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.READ)
    public Optional<ArticleRow> findByBarcode(String barcode) {
        if (!Ean13.isValid(barcode)) {
            return Optional.empty();
        }
        return articles.findByBarcode(barcode)
                .flatMap(article ->
                        search
                                .page(new ArticleQuery(article.getCode(), null, null, true), null, null, 1)
                                .rows()
                                .stream()
                                .findFirst());
    }

    @Transactional
    @RolesAllowed(ArticlePermissions.EDIT)
    public void archiveArticle(UUID articleId) {
        find(articleId).archive();
    }

    @Transactional
    @RolesAllowed(ArticlePermissions.EDIT)
    public void restoreArticle(UUID articleId) {
        find(articleId).restore();
    }

    /** Deletes an article that never moved stock; one with history can only be archived. */
    @Transactional
    @RolesAllowed(ArticlePermissions.DELETE)
    public void deleteArticle(UUID articleId) {
        Article article = find(articleId);
        if (hasMovements(articleId)) {
            throw new ArticleRuleException("articles.error.delete-with-movements");
        }
        jdbc.sql(DELETE_LEVELS).param("id", articleId).update();
        articles.delete(article);
    }

    /**
     * A page of the article's change history, newest first: the {@code limit} entries older than entry
     * {@code before} (null: the newest).
     */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.READ)
    public List<ChangeEntry> history(UUID articleId, Long before, int limit) {
        return history.timeline(articleId, before, limit);
    }

    /**
     * Rows {@code offset} to {@code offset + limit} of the articles matching {@code query} (code
     * order, or the search's order with text): for pickers that page by offset. Lists page by key
     * through {@link ArticleListService#page}.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({ArticlePermissions.READ, ArticlePermissions.STOCK_READ})
    public List<ArticleRow> listArticles(ArticleQuery query, int offset, int limit) {
        int from = Math.max(0, offset);
        int size = Math.max(0, Math.min(limit, ListQuery.MAX_PAGE_SIZE - from));
        if (size == 0) {
            return List.of();
        }
        List<ArticleRow> rows = search.page(query, null, null, from + size).rows();
        return rows.size() <= from ? List.of() : rows.subList(from, rows.size());
    }

    @Transactional
    @RolesAllowed(ArticlePermissions.EDIT)
    public void setImage(UUID articleId, String contentType, byte[] content) {
        find(articleId);
        if (content == null || !IMAGE_TYPES.contains(contentType)) {
            throw new ArticleRuleException("articles.error.image-type");
        }
        if (content.length > MAX_IMAGE_BYTES) {
            throw new ArticleRuleException("articles.error.image-too-large");
        }
        jdbc.sql(SAVE_IMAGE)
                .param("id", articleId)
                .param("type", contentType)
                .param("content", content)
                .update();
    }

    @Transactional
    @RolesAllowed(ArticlePermissions.EDIT)
    public void removeImage(UUID articleId) {
        jdbc.sql(DELETE_IMAGE).param("id", articleId).update();
    }

    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.READ)
    public Optional<ArticleImage> image(UUID articleId) {
        return jdbc.sql(IMAGE).param("id", articleId).query(IMAGE_ROW).optional();
    }

    /** The form's constraints (the binder checked them already), then the rules that need the database. */
    private void validate(ArticleForm form) {
        if (form == null) {
            throw new ArticleRuleException("articles.error.invalid");
        }
        var violations = validator.validate(form);
        if (!violations.isEmpty()) {
            String field = violations.iterator().next().getPropertyPath().toString();
            if ("barcode".equals(field)) {
                throw ArticleRuleException.onField("barcode", "articles.error.barcode-invalid");
            }
            throw ArticleRuleException.onField(field, "articles.error.invalid");
        }
        if (form.kind() == ArticleKind.SERVICE && form.stockTracked()) {
            throw ArticleRuleException.onField("stockTracked", "articles.error.service-stocked");
        }
        if (!units.existsById(form.unitId())) {
            throw ArticleRuleException.onField("unitId", "articles.error.unit-not-found");
        }
        if (form.categoryId() != null && !categories.existsById(form.categoryId())) {
            throw ArticleRuleException.onField("categoryId", "articles.error.category-not-found");
        }
        if (form.defaultSupplierId() != null && !accounts.isSupplier(form.defaultSupplierId())) {
            throw ArticleRuleException.onField("defaultSupplierId", "articles.error.supplier-not-supplier");
        }
        if (form.barcode() != null && !form.barcode().isBlank()) {
            articles.findByBarcode(form.barcode().strip())
                    .filter(other -> !other.getCode().equals(form.code().strip()))
                    .ifPresent(other -> {
                        throw ArticleRuleException.onField("barcode", "articles.error.barcode-taken", other.getCode());
                    });
        }
    }

    private Article find(UUID articleId) {
        return articles.findById(articleId).orElseThrow(() -> new ArticleRuleException("articles.error.not-found"));
    }

    private boolean hasMovements(UUID articleId) {
        return jdbc.sql(HAS_MOVEMENTS)
                .param("id", articleId)
                .query(Boolean.class)
                .single();
    }
}
