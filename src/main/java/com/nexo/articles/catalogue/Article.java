package com.nexo.articles.catalogue;

import com.nexo.base.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** An article of the catalogue: goods, a service or a production input. */
@Entity
@Table(name = "article")
public class Article extends TenantOwnedEntity {

    @Column(nullable = false, updatable = false)
    private String code;

    @Convert(converter = ArticleKind.DbConverter.class)
    @Column(nullable = false)
    private ArticleKind kind;

    @Column(name = "name_es", nullable = false)
    private String nameEs;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Column(name = "description_es")
    private String descriptionEs;

    @Column(name = "description_en")
    private String descriptionEn;

    @Column(name = "category_id")
    private UUID categoryId;

    @Column(name = "unit_id", nullable = false)
    private UUID unitId;

    private String barcode;

    @Column(name = "sale_price", nullable = false)
    private BigDecimal salePrice;

    @Column(nullable = false)
    private BigDecimal cost;

    @Column(name = "tax_rate", nullable = false)
    private BigDecimal taxRate;

    @Column(name = "default_supplier_id")
    private UUID defaultSupplierId;

    @Column(name = "stock_tracked", nullable = false)
    private boolean stockTracked;

    @Column(nullable = false)
    private String status = "active";

    protected Article() {}

    Article(String code) {
        this.code = code;
    }

    /** Copies the editable fields of the form (already validated by the service). */
    void apply(ArticleForm form) {
        this.kind = form.kind();
        this.nameEs = form.nameEs().strip();
        this.nameEn = form.nameEn().strip();
        this.descriptionEs = blankToNull(form.descriptionEs());
        this.descriptionEn = blankToNull(form.descriptionEn());
        this.categoryId = form.categoryId();
        this.unitId = form.unitId();
        this.barcode = blankToNull(form.barcode());
        this.salePrice = form.salePrice();
        this.cost = form.cost();
        this.taxRate = form.taxRate();
        this.defaultSupplierId = form.defaultSupplierId();
        this.stockTracked = form.kind() != ArticleKind.SERVICE && form.stockTracked();
    }

    void archive() {
        status = "archived";
    }

    void restore() {
        status = "active";
    }

    public boolean isArchived() {
        return "archived".equals(status);
    }

    ArticleForm toForm() {
        return new ArticleForm(
                getId(),
                getVersion(),
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getCode() {
        return code;
    }

    public ArticleKind getKind() {
        return kind;
    }

    public String getNameEs() {
        return nameEs;
    }

    public String getNameEn() {
        return nameEn;
    }

    public UUID getCategoryId() {
        return categoryId;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public String getBarcode() {
        return barcode;
    }

    public BigDecimal getCost() {
        return cost;
    }

    public UUID getDefaultSupplierId() {
        return defaultSupplierId;
    }

    public boolean isStockTracked() {
        return stockTracked;
    }
}
