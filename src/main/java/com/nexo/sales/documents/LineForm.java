package com.nexo.sales.documents;

import com.nexo.base.validation.NoControlCharacters;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * One line of a document as the editor binds it: an article (or none, for a free-text line), its
 * description, quantity, unit, unit price, discount and VAT rate. {@code sourceLineId} is the line of
 * the previous document it was made from (kept by conversions, null for lines typed in).
 */
public class LineForm {

    private UUID id;
    private UUID sourceLineId;
    private UUID articleId;
    private String articleCode;

    @NotBlank(message = "{sales.validation.description-required}")
    @Size(max = 500, message = "{sales.validation.too-long}")
    @NoControlCharacters(message = "{sales.validation.control-characters}")
    private String description;

    @NotNull(message = "{sales.validation.quantity-required}")
    @DecimalMin(value = "-9999999999", message = "{sales.validation.quantity-range}")
    @DecimalMax(value = "9999999999", message = "{sales.validation.quantity-range}")
    private BigDecimal quantity = BigDecimal.ONE;

    @Size(max = 20, message = "{sales.validation.too-long}")
    @NoControlCharacters(message = "{sales.validation.control-characters}")
    private String unitCode;

    @NotNull(message = "{sales.validation.price-required}")
    @DecimalMin(value = "0", message = "{sales.validation.price-range}")
    @DecimalMax(value = "999999999999", message = "{sales.validation.price-range}")
    private BigDecimal unitPrice = BigDecimal.ZERO;

    @NotNull(message = "{sales.validation.discount-range}")
    @DecimalMin(value = "0", message = "{sales.validation.discount-range}")
    @DecimalMax(value = "100", message = "{sales.validation.discount-range}")
    private BigDecimal discountPercent = BigDecimal.ZERO;

    @NotNull(message = "{sales.validation.vat-required}")
    @DecimalMin(value = "0", message = "{sales.validation.vat-required}")
    @DecimalMax(value = "100", message = "{sales.validation.vat-required}")
    private BigDecimal vatPercent = new BigDecimal("21");

    private boolean stockTracked;

    public LineForm() {}

    /** A copy for another document: same values, no id, made from {@code sourceLineId}. */
    public LineForm copyFrom(UUID source, BigDecimal newQuantity) {
        LineForm copy = new LineForm();
        copy.sourceLineId = source;
        copy.articleId = articleId;
        copy.articleCode = articleCode;
        copy.description = description;
        copy.quantity = newQuantity;
        copy.unitCode = unitCode;
        copy.unitPrice = unitPrice;
        copy.discountPercent = discountPercent;
        copy.vatPercent = vatPercent;
        copy.stockTracked = stockTracked;
        return copy;
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public UUID getSourceLineId() {
        return sourceLineId;
    }

    public void setSourceLineId(UUID sourceLineId) {
        this.sourceLineId = sourceLineId;
    }

    public UUID getArticleId() {
        return articleId;
    }

    public void setArticleId(UUID articleId) {
        this.articleId = articleId;
    }

    public String getArticleCode() {
        return articleCode;
    }

    public void setArticleCode(String articleCode) {
        this.articleCode = articleCode;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public void setQuantity(BigDecimal quantity) {
        this.quantity = quantity;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public void setUnitCode(String unitCode) {
        this.unitCode = unitCode;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public void setUnitPrice(BigDecimal unitPrice) {
        this.unitPrice = unitPrice;
    }

    public BigDecimal getDiscountPercent() {
        return discountPercent;
    }

    public void setDiscountPercent(BigDecimal discountPercent) {
        this.discountPercent = discountPercent;
    }

    public BigDecimal getVatPercent() {
        return vatPercent;
    }

    public void setVatPercent(BigDecimal vatPercent) {
        this.vatPercent = vatPercent;
    }

    public boolean isStockTracked() {
        return stockTracked;
    }

    public void setStockTracked(boolean stockTracked) {
        this.stockTracked = stockTracked;
    }
}
