package com.nexo.articles.catalogue;

import com.nexo.accounts.AccountDirectory;
import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.categories.CategoryRepository;
import com.nexo.articles.units.UnitRepository;
import com.nexo.base.Csv;
import com.nexo.history.ChangeEntry;
import com.nexo.history.ChangeHistory;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue: articles, their pictures and the lists of them. */
@Service
public class ArticleService {

    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/webp");
    private static final int MAX_IMAGE_BYTES = 1024 * 1024;
    private static final String[] CSV_COLUMNS = {
        "code",
        "kind",
        "name_es",
        "name_en",
        "category",
        "unit",
        "barcode",
        "sale_price",
        "cost",
        "tax_rate",
        "default_supplier_id",
        "stock_tracked",
        "archived"
    };

    private final ArticleRepository articles;
    private final CategoryRepository categories;
    private final UnitRepository units;
    private final ArticleSearch search;
    private final JdbcClient jdbc;
    private final Validator validator;
    private final ChangeHistory history;
    private final AccountDirectory accounts;

    ArticleService(
            ArticleRepository articles,
            CategoryRepository categories,
            UnitRepository units,
            ArticleSearch search,
            JdbcClient jdbc,
            Validator validator,
            ChangeHistory history,
            AccountDirectory accounts) {
        this.history = history;
        this.accounts = accounts;
        this.articles = articles;
        this.categories = categories;
        this.units = units;
        this.search = search;
        this.jdbc = jdbc;
        this.validator = validator;
    }

    @Transactional
    @RolesAllowed({ArticlePermissions.CREATE, Roles.SYSTEM})
    public UUID createArticle(ArticleForm form) {
        validate(form);
        String code = form.code().strip();
        if (articles.existsByCode(code)) {
            throw new ArticleRuleException("articles.error.code-taken", code);
        }
        Article article = new Article(code);
        article.apply(form);
        articles.save(article);
        return article.getId();
    }

    /**
     * Saves the form over the article. {@code expectedVersion} is the version the form was loaded at:
     * when someone saved in between, nothing is written and the caller is told.
     */
    @Transactional
    @RolesAllowed(ArticlePermissions.EDIT)
    public void updateArticle(UUID articleId, long expectedVersion, ArticleForm form) {
        validate(form);
        Article article = find(articleId);
        if (article.getVersion() != expectedVersion) {
            throw new ArticleRuleException("articles.error.changed-meanwhile");
        }
        if (!article.getCode().equals(form.code().strip())) {
            throw new ArticleRuleException("articles.error.code-fixed");
        }
        if (article.isStockTracked() && !form.stockTracked() && hasMovements(articleId)) {
            throw new ArticleRuleException("articles.error.untrack-with-movements");
        }
        article.apply(form);
    }

    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.READ)
    public ArticleDetails loadArticle(UUID articleId) {
        Article article = find(articleId);
        boolean hasImage = jdbc.sql("SELECT EXISTS (SELECT 1 FROM article_image WHERE article_id = :id)")
                .param("id", articleId)
                .query(Boolean.class)
                .single();
        return new ArticleDetails(
                article.getId(), article.getVersion(), article.toForm(), article.isArchived(), hasImage);
    }

    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.READ)
    public Optional<ArticleRow> findByBarcode(String barcode) {
        if (!Ean13.isValid(barcode)) {
            return Optional.empty();
        }
        return articles.findByBarcode(barcode)
                .flatMap(article -> search.find(new ArticleQuery(article.getCode(), null, null, true), 0, 1).stream()
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
        jdbc.sql("DELETE FROM stock_level WHERE article_id = :id")
                .param("id", articleId)
                .update();
        articles.delete(article);
    }

    /** The article's change history (its own changes), newest first. */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.READ)
    public List<ChangeEntry> history(UUID articleId, int offset, int limit) {
        return history.timeline(articleId, offset, limit);
    }

    /**
     * A page of the articles matching {@code query}: in code order, or with a text in the search's
     * order (the code or barcode as typed, codes that begin with it, whole words, word starts, typos).
     */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.READ)
    public List<ArticleRow> listArticles(ArticleQuery query, int offset, int limit) {
        return search.find(query, offset, limit);
    }

    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.READ)
    public long countArticles(ArticleQuery query) {
        return search.count(query);
    }

    /**
     * Writes the articles matching {@code query} as CSV (UTF-8, comma-separated, CRLF) to {@code out},
     * row by row as the database sends them. The header holds stable column names rather than
     * translated ones, so the file can be imported back. The stream is flushed, not closed.
     * Returns the number of articles written.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.EXPORT)
    public long exportCsv(ArticleQuery query, java.io.OutputStream out) {
        java.io.Writer writer = new java.io.BufferedWriter(
                new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8));
        long[] written = {0};
        try {
            writer.write(Csv.line(CSV_COLUMNS));
            search.forEach(query, row -> {
                try {
                    writer.write(Csv.line(
                            row.code(),
                            row.kind().dbValue(),
                            row.nameEs(),
                            row.nameEn(),
                            row.categoryCode(),
                            row.unitCode(),
                            row.barcode(),
                            row.salePrice().toPlainString(),
                            row.cost().toPlainString(),
                            row.taxRate().toPlainString(),
                            row.defaultSupplierId() == null
                                    ? null
                                    : row.defaultSupplierId().toString(),
                            String.valueOf(row.stockTracked()),
                            String.valueOf(row.archived())));
                    written[0]++;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return written[0];
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
        jdbc.sql("""
                        INSERT INTO article_image (article_id, content_type, content) VALUES (:id, :type, :content)
                        ON CONFLICT (article_id) DO UPDATE
                            SET content_type = EXCLUDED.content_type, content = EXCLUDED.content, updated_at = now()
                        """)
                .param("id", articleId)
                .param("type", contentType)
                .param("content", content)
                .update();
    }

    @Transactional
    @RolesAllowed(ArticlePermissions.EDIT)
    public void removeImage(UUID articleId) {
        jdbc.sql("DELETE FROM article_image WHERE article_id = :id")
                .param("id", articleId)
                .update();
    }

    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.READ)
    public Optional<ArticleImage> image(UUID articleId) {
        return jdbc.sql("SELECT content_type, content FROM article_image WHERE article_id = :id")
                .param("id", articleId)
                .query((rs, n) -> new ArticleImage(rs.getString(1), rs.getBytes(2)))
                .optional();
    }

    private void validate(ArticleForm form) {
        if (form == null || !validator.validate(form).isEmpty()) {
            throw new ArticleRuleException("articles.error.invalid");
        }
        if (form.barcode() != null
                && !form.barcode().isBlank()
                && !Ean13.isValid(form.barcode().strip())) {
            throw new ArticleRuleException("articles.error.barcode-invalid");
        }
        if (form.kind() == ArticleKind.SERVICE && form.stockTracked()) {
            throw new ArticleRuleException("articles.error.service-stocked");
        }
        if (!units.existsById(form.unitId())) {
            throw new ArticleRuleException("articles.error.unit-not-found");
        }
        if (form.categoryId() != null && !categories.existsById(form.categoryId())) {
            throw new ArticleRuleException("articles.error.category-not-found");
        }
        if (form.defaultSupplierId() != null && !accounts.isSupplier(form.defaultSupplierId())) {
            throw new ArticleRuleException("articles.error.supplier-not-supplier");
        }
        if (form.barcode() != null && !form.barcode().isBlank()) {
            articles.findByBarcode(form.barcode().strip())
                    .filter(other -> !other.getCode().equals(form.code().strip()))
                    .ifPresent(other -> {
                        throw new ArticleRuleException("articles.error.barcode-taken", other.getCode());
                    });
        }
    }

    private Article find(UUID articleId) {
        return articles.findById(articleId).orElseThrow(() -> new ArticleRuleException("articles.error.not-found"));
    }

    private boolean hasMovements(UUID articleId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT FROM stock_movement WHERE article_id = :id)
                            OR EXISTS (SELECT FROM stock_balance WHERE article_id = :id
                                              AND (on_hand <> 0 OR reserved <> 0))
                        """).param("id", articleId).query(Boolean.class).single();
    }
}
