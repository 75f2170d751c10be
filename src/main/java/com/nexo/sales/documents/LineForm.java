package com.nexo.sales.documents;

import com.nexo.base.documents.DocumentLineForm;
import com.nexo.base.validation.NoControlCharacters;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * One line of a document as the editor binds it: an article (or none, for a free-text line) and the
 * values in {@link DocumentLineForm}, with sales' limits (a negative quantity is a return). {@code sourceLineId} is the line of
 * the previous document it was made from (kept by conversions, null for lines typed in).
 */
public class LineForm extends DocumentLineForm {

    private UUID id;
    private UUID sourceLineId;
    private UUID articleId;
    private String articleCode;
    private boolean stockTracked;

    public LineForm() {}

    /** A copy for another document: same values, no id, made from {@code sourceLineId}. */
    public LineForm copyFrom(UUID source, BigDecimal newQuantity) {
        LineForm copy = new LineForm();
        copyValuesTo(copy);
        copy.sourceLineId = source;
        copy.articleId = articleId;
        copy.articleCode = articleCode;
        copy.setQuantity(newQuantity);
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

    public boolean isStockTracked() {
        return stockTracked;
    }

    public void setStockTracked(boolean stockTracked) {
        this.stockTracked = stockTracked;
    }

    @Override
    @NotBlank(message = "{sales.validation.description-required}")
    @Size(max = 500, message = "{sales.validation.too-long}")
    @NoControlCharacters(message = "{sales.validation.control-characters}")
    public String getDescription() {
        return super.getDescription();
    }

    @Override
    @NotNull(message = "{sales.validation.quantity-required}")
    @DecimalMin(value = "-9999999999", message = "{sales.validation.quantity-range}")
    @DecimalMax(value = "9999999999", message = "{sales.validation.quantity-range}")
    public BigDecimal getQuantity() {
        return super.getQuantity();
    }

    @Override
    @Size(max = 20, message = "{sales.validation.too-long}")
    @NoControlCharacters(message = "{sales.validation.control-characters}")
    public String getUnitCode() {
        return super.getUnitCode();
    }

    @Override
    @NotNull(message = "{sales.validation.price-required}")
    @DecimalMin(value = "0", message = "{sales.validation.price-range}")
    @DecimalMax(value = "999999999999", message = "{sales.validation.price-range}")
    public BigDecimal getUnitPrice() {
        return super.getUnitPrice();
    }

    @Override
    @NotNull(message = "{sales.validation.discount-range}")
    @DecimalMin(value = "0", message = "{sales.validation.discount-range}")
    @DecimalMax(value = "100", message = "{sales.validation.discount-range}")
    public BigDecimal getDiscountPercent() {
        return super.getDiscountPercent();
    }

    @Override
    @NotNull(message = "{sales.validation.vat-required}")
    @DecimalMin(value = "0", message = "{sales.validation.vat-required}")
    @DecimalMax(value = "100", message = "{sales.validation.vat-required}")
    public BigDecimal getVatPercent() {
        return super.getVatPercent();
    }
}
