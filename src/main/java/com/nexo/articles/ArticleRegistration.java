package com.nexo.articles;

import com.nexo.articles.catalogue.ArticleForm;
import com.nexo.articles.catalogue.ArticleKind;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates catalogue articles for another module's set-up work (its demo data): an article by code,
 * kind, names, unit code and prices, through the catalogue's own rules (a service is never stocked,
 * goods and inputs always are). An article whose code exists already is left as it is and its id
 * returned, so the caller may run again.
 */
@Service
public class ArticleRegistration {

    /** What the article is: sold goods, a production input, or a service (never stocked). */
    public enum Kind {
        GOODS,
        INPUT,
        SERVICE
    }

    /** An article to register: its unit by code ("ud", "kg", "m", "l", "h"...), VAT at {@code taxRate}. */
    public record NewArticle(
            String code,
            Kind kind,
            String nameEs,
            String nameEn,
            String unitCode,
            BigDecimal salePrice,
            BigDecimal cost,
            BigDecimal taxRate) {}

    private final ArticleService articles;
    private final JdbcClient jdbc;

    ArticleRegistration(ArticleService articles, JdbcClient jdbc) {
        this.articles = articles;
        this.jdbc = jdbc;
    }

    /**
     * The id of the article with this code, creating it from {@code article} when there is none. An
     * unknown unit code is refused with {@code articles.error.unit-not-found}.
     */
    @Transactional
    @RolesAllowed({ArticlePermissions.CREATE, Roles.SYSTEM})
    public UUID register(NewArticle article) {
        Optional<UUID> existing = jdbc.sql("SELECT id FROM article WHERE code = :code")
                .param("code", article.code())
                .query(UUID.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID unit = jdbc.sql("SELECT id FROM unit_of_measure WHERE code = :code")
                .param("code", article.unitCode())
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new ArticleRuleException("articles.error.unit-not-found"));
        ArticleKind kind = ArticleKind.valueOf(article.kind().name());
        return articles.createArticle(new ArticleForm(
                article.code(),
                kind,
                article.nameEs(),
                article.nameEn(),
                null,
                null,
                null,
                unit,
                null,
                article.salePrice(),
                article.cost(),
                article.taxRate(),
                null,
                kind != ArticleKind.SERVICE));
    }
}
