package com.nexo.purchasing.ui;

import com.nexo.base.documents.DocumentLineForm;
import com.nexo.base.validation.NoControlCharacters;
import com.nexo.purchasing.documents.OrderLine;
import com.nexo.purchasing.documents.PurchaseLine;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * One line of a draft order or RFQ as the editor's line grid binds it (the values in {@link
 * DocumentLineForm}, with purchasing's limits: a quantity above zero); turned into the service's
 * {@link OrderLine} on saving.
 */
public class PurchaseLineForm extends DocumentLineForm {

    private UUID articleId;
    private String articleCode;
    private String supplierCode;

    /**
     * Whether the user typed this line's price (not bound, not saved): the editor then keeps it when
     * the quantity or the supplier changes, instead of proposing the supplier's price again.
     */
    private boolean priceByHand;

    /** A line from what the service proposes for an article ({@code lineFor}) or a stored line. */
    static PurchaseLineForm of(OrderLine line, String articleCode) {
        PurchaseLineForm form = new PurchaseLineForm();
        form.articleId = line.articleId();
        form.articleCode = articleCode;
        form.supplierCode = line.supplierCode();
        form.setDescription(line.description());
        form.setQuantity(line.quantity());
        form.setUnitCode(line.unitCode());
        form.setUnitPrice(line.unitPrice() == null ? BigDecimal.ZERO : line.unitPrice());
        form.setDiscountPercent(line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent());
        form.setVatPercent(line.vatPercent());
        return form;
    }

    /**
     * A stored line. Whether its price was typed is not stored, so it counts as typed: opening a
     * draft never changes a price the buyer may have agreed.
     */
    static PurchaseLineForm of(PurchaseLine line) {
        PurchaseLineForm form = of(line.toOrderLine(), line.articleCode());
        form.priceByHand = true;
        return form;
    }

    OrderLine toOrderLine() {
        return new OrderLine(
                articleId,
                supplierCode,
                getDescription(),
                getQuantity(),
                getUnitCode(),
                getUnitPrice(),
                getDiscountPercent(),
                getVatPercent());
    }

    boolean isPriceByHand() {
        return priceByHand;
    }

    void setPriceByHand(boolean priceByHand) {
        this.priceByHand = priceByHand;
    }

    public UUID getArticleId() {
        return articleId;
    }

    public String getArticleCode() {
        return articleCode;
    }

    public String getSupplierCode() {
        return supplierCode;
    }

    public void setSupplierCode(String supplierCode) {
        this.supplierCode = supplierCode;
    }

    @Override
    @NotBlank(message = "{purchasing.validation.description-required}")
    @Size(max = 500, message = "{purchasing.validation.too-long}")
    @NoControlCharacters(message = "{purchasing.validation.control-characters}")
    public String getDescription() {
        return super.getDescription();
    }

    @Override
    @NotNull(message = "{purchasing.validation.quantity}")
    @DecimalMin(value = "0", inclusive = false, message = "{purchasing.validation.quantity}")
    @DecimalMax(value = "9999999999", message = "{purchasing.validation.quantity}")
    public BigDecimal getQuantity() {
        return super.getQuantity();
    }

    @Override
    @NotNull(message = "{purchasing.validation.price}")
    @DecimalMin(value = "0", message = "{purchasing.validation.price}")
    @DecimalMax(value = "999999999999", message = "{purchasing.validation.price}")
    public BigDecimal getUnitPrice() {
        return super.getUnitPrice();
    }

    @Override
    @NotNull(message = "{purchasing.validation.discount}")
    @DecimalMin(value = "0", message = "{purchasing.validation.discount}")
    @DecimalMax(value = "100", message = "{purchasing.validation.discount}")
    public BigDecimal getDiscountPercent() {
        return super.getDiscountPercent();
    }

    @Override
    @NotNull(message = "{purchasing.validation.vat}")
    @DecimalMin(value = "0", message = "{purchasing.validation.vat}")
    @DecimalMax(value = "100", message = "{purchasing.validation.vat}")
    public BigDecimal getVatPercent() {
        return super.getVatPercent();
    }
}
