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

/** What the article form edits; loaded and saved through {@link ArticleService}. */
public record ArticleForm(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]{0,39}")
        String code,

        @NotNull ArticleKind kind,
        @NotBlank @Size(max = 200) String nameEs,
        @NotBlank @Size(max = 200) String nameEn,
        @Size(max = 4000) String descriptionEs,
        @Size(max = 4000) String descriptionEn,
        UUID categoryId,
        @NotNull UUID unitId,
        @Pattern(regexp = "([0-9]{13})?") String barcode,

        @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 4)
        BigDecimal salePrice,

        @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 4)
        BigDecimal cost,

        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
        BigDecimal taxRate,

        UUID defaultSupplierId,
        boolean stockTracked) {

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
