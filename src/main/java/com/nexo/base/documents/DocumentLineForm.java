package com.nexo.base.documents;

import java.math.BigDecimal;

/**
 * The values of a document line that an editor's line grid binds by name ({@code description},
 * {@code quantity}, {@code unitCode}, {@code unitPrice}, {@code discountPercent}, {@code vatPercent}),
 * whichever module the document belongs to. A module's line form extends it with what only it keeps
 * (the article, the supplier's code, the line it was made from) and states its own limits and
 * messages as constraints on the getters it overrides: a sale may return goods (a negative quantity),
 * a purchase may not.
 */
public abstract class DocumentLineForm {

    private String description;
    private BigDecimal quantity = BigDecimal.ONE;
    private String unitCode;
    private BigDecimal unitPrice = BigDecimal.ZERO;
    private BigDecimal discountPercent = BigDecimal.ZERO;
    private BigDecimal vatPercent = new BigDecimal("21");

    /** Copies this line's values (not what a subclass adds) onto {@code target}. */
    protected void copyValuesTo(DocumentLineForm target) {
        target.description = description;
        target.quantity = quantity;
        target.unitCode = unitCode;
        target.unitPrice = unitPrice;
        target.discountPercent = discountPercent;
        target.vatPercent = vatPercent;
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
