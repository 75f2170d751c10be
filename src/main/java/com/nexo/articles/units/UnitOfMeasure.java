package com.nexo.articles.units;

import com.nexo.articles.ArticleRuleException;
import com.nexo.base.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A unit of measure of one tenant. {@code factor} says how many base units of its kind one of it
 * holds (1 kg = 1000 g: g has factor 0.001 when kg is the base of mass).
 */
@Entity
@Table(name = "unit_of_measure")
public class UnitOfMeasure extends TenantOwnedEntity {

    /** Stock quantities are kept with six decimals, as in the database. */
    public static final int QUANTITY_SCALE = 6;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(name = "name_es", nullable = false)
    private String nameEs;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Convert(converter = KindConverter.class)
    @Column(nullable = false, updatable = false)
    private UnitKind kind;

    @Column(nullable = false, updatable = false)
    private BigDecimal factor;

    @Column(nullable = false)
    private int decimals;

    protected UnitOfMeasure() {}

    public UnitOfMeasure(String code, String nameEs, String nameEn, UnitKind kind, BigDecimal factor, int decimals) {
        if (factor.signum() <= 0) {
            throw new IllegalArgumentException("factor must be positive: " + factor);
        }
        this.code = Objects.requireNonNull(code);
        this.nameEs = nameEs;
        this.nameEn = nameEn;
        this.kind = Objects.requireNonNull(kind);
        this.factor = factor;
        this.decimals = decimals;
    }

    /** Whether quantities in this unit can be expressed in {@code other}. */
    public boolean convertsTo(UnitOfMeasure other) {
        return kind == other.kind;
    }

    /**
     * {@code quantity} of this unit expressed in {@code target}, rounded half-up to the ledger's six
     * decimals. Refused between kinds (kilograms are not metres).
     */
    public BigDecimal convert(BigDecimal quantity, UnitOfMeasure target) {
        if (!convertsTo(target)) {
            throw new ArticleRuleException("articles.error.unit-kind-mismatch", code, target.code);
        }
        if (this.equals(target) || factor.compareTo(target.factor) == 0) {
            return quantity.setScale(QUANTITY_SCALE, RoundingMode.HALF_UP);
        }
        return quantity.multiply(factor)
                .divide(target.factor, MathContext.DECIMAL128)
                .setScale(QUANTITY_SCALE, RoundingMode.HALF_UP);
    }

    public String getCode() {
        return code;
    }

    public String getNameEs() {
        return nameEs;
    }

    public String getNameEn() {
        return nameEn;
    }

    public UnitKind getKind() {
        return kind;
    }

    public BigDecimal getFactor() {
        return factor;
    }

    public int getDecimals() {
        return decimals;
    }

    @Converter
    static class KindConverter implements jakarta.persistence.AttributeConverter<UnitKind, String> {
        @Override
        public String convertToDatabaseColumn(UnitKind kind) {
            return kind == null ? null : kind.dbValue();
        }

        @Override
        public UnitKind convertToEntityAttribute(String value) {
            return value == null ? null : UnitKind.fromDb(value);
        }
    }
}
