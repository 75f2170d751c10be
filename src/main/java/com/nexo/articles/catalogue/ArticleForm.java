package com.nexo.articles.catalogue;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * What the article form edits, as a form binds it ({@code BeanValidationBinder}): loaded by
 * {@link ArticleService#getForm(UUID)} or {@link ArticleService#newForm()}, saved by
 * {@link ArticleService#create(ArticleForm)} or {@link ArticleService#update(ArticleForm)}. {@code id}
 * and {@code version} are null on a new article; the version is the one the form was loaded at, and
 * saving over a newer one is refused. Messages are translation keys.
 */
public record ArticleForm(
        UUID id,
        Long version,

        @NotBlank(message = "{articles.validation.required}")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]{0,39}", message = "{articles.validation.code-format}")
        String code,

        @NotNull(message = "{articles.validation.required}") ArticleKind kind,

        @NotBlank(message = "{articles.validation.required}")
        @Size(max = 200, message = "{articles.validation.too-long}")
        String nameEs,

        @NotBlank(message = "{articles.validation.required}")
        @Size(max = 200, message = "{articles.validation.too-long}")
        String nameEn,

        @Size(max = 4000, message = "{articles.validation.too-long}")
        String descriptionEs,

        @Size(max = 4000, message = "{articles.validation.too-long}")
        String descriptionEn,

        UUID categoryId,
        @NotNull(message = "{articles.validation.required}") UUID unitId,
        @ValidBarcode String barcode,

        @NotNull(message = "{articles.validation.required}")
        @DecimalMin(value = "0", message = "{articles.validation.not-negative}")
        @Digits(integer = 10, fraction = 4, message = "{articles.validation.digits}")
        BigDecimal salePrice,

        @NotNull(message = "{articles.validation.required}")
        @DecimalMin(value = "0", message = "{articles.validation.not-negative}")
        @Digits(integer = 10, fraction = 4, message = "{articles.validation.digits}")
        BigDecimal cost,

        @NotNull(message = "{articles.validation.required}")
        @DecimalMin(value = "0", message = "{articles.validation.tax-rate}")
        @DecimalMax(value = "100", message = "{articles.validation.tax-rate}")
        @Digits(integer = 3, fraction = 2, message = "{articles.validation.digits}")
        BigDecimal taxRate,

        UUID defaultSupplierId,
        boolean stockTracked) {

    /**
     * The canonical constructor, declared first on purpose: {@code Binder.writeRecord()} builds the
     * record with the first declared constructor.
     */
    public ArticleForm {}

    /** A form without id and version: what code that creates articles directly (demo data, tests) fills. */
    public ArticleForm(
            String code,
            ArticleKind kind,
            String nameEs,
            String nameEn,
            String descriptionEs,
            String descriptionEn,
            UUID categoryId,
            UUID unitId,
            String barcode,
            BigDecimal salePrice,
            BigDecimal cost,
            BigDecimal taxRate,
            UUID defaultSupplierId,
            boolean stockTracked) {
        this(
                null,
                null,
                code,
                kind,
                nameEs,
                nameEn,
                descriptionEs,
                descriptionEn,
                categoryId,
                unitId,
                barcode,
                salePrice,
                cost,
                taxRate,
                defaultSupplierId,
                stockTracked);
    }

    /** This form as one of the article {@code articleId} loaded at {@code loadedVersion}. */
    public ArticleForm withIdentity(UUID articleId, Long loadedVersion) {
        return new ArticleForm(
                articleId,
                loadedVersion,
                code,
                kind,
                nameEs,
                nameEn,
                descriptionEs,
                descriptionEn,
                categoryId,
                unitId,
                barcode,
                salePrice,
                cost,
                taxRate,
                defaultSupplierId,
                stockTracked);
    }

    /** A new goods article in the given unit, with prices at zero and the general Spanish VAT rate. */
    public static ArticleForm blank(UUID unitId) {
        return new ArticleForm(
                "",
                ArticleKind.GOODS,
                "",
                "",
                null,
                null,
                null,
                unitId,
                null,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                new BigDecimal("21"),
                null,
                true);
    }
}
