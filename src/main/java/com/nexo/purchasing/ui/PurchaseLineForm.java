package com.nexo.purchasing.ui;

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
 * One line of a draft order or RFQ as the editor's line grid binds it (the base grid binds {@code
 * description}, {@code quantity}, {@code unitPrice}, {@code discountPercent} and {@code vatPercent}
 * by name); turned into the service's {@link OrderLine} on saving.
 */
public class PurchaseLineForm {

    private UUID articleId;
    private String articleCode;
    private String supplierCode;

    @NotBlank(message = "{purchasing.validation.description-required}")
    @Size(max = 500, message = "{purchasing.validation.too-long}")
    @NoControlCharacters(message = "{purchasing.validation.control-characters}")
    private String description;

    @NotNull(message = "{purchasing.validation.quantity}")
    @DecimalMin(value = "0", inclusive = false, message = "{purchasing.validation.quantity}")
    @DecimalMax(value = "9999999999", message = "{purchasing.validation.quantity}")
    private BigDecimal quantity = BigDecimal.ONE;

    private String unitCode;

    @NotNull(message = "{purchasing.validation.price}")
    @DecimalMin(value = "0", message = "{purchasing.validation.price}")
    @DecimalMax(value = "999999999999", message = "{purchasing.validation.price}")
    private BigDecimal unitPrice = BigDecimal.ZERO;

    @NotNull(message = "{purchasing.validation.discount}")
    @DecimalMin(value = "0", message = "{purchasing.validation.discount}")
    @DecimalMax(value = "100", message = "{purchasing.validation.discount}")
    private BigDecimal discountPercent = BigDecimal.ZERO;

    @NotNull(message = "{purchasing.validation.vat}")
    @DecimalMin(value = "0", message = "{purchasing.validation.vat}")
    @DecimalMax(value = "100", message = "{purchasing.validation.vat}")
    private BigDecimal vatPercent = new BigDecimal("21");

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
        form.description = line.description();
        form.quantity = line.quantity();
        form.unitCode = line.unitCode();
        form.unitPrice = line.unitPrice() == null ? BigDecimal.ZERO : line.unitPrice();
        form.discountPercent = line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
        form.vatPercent = line.vatPercent();
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
                articleId, supplierCode, description, quantity, unitCode, unitPrice, discountPercent, vatPercent);
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
}
