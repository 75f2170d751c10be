package com.nexo.sales.pricing;

import com.nexo.base.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** The price of an article in a list from a quantity up (a quantity break). */
@Entity
@Table(name = "sales_price_list_item")
public class PriceListItem extends TenantOwnedEntity {

    @Column(name = "price_list_id", nullable = false, updatable = false)
    private UUID priceListId;

    @Column(name = "article_id", nullable = false, updatable = false)
    private UUID articleId;

    @Column(name = "min_quantity", nullable = false)
    private BigDecimal minQuantity = BigDecimal.ZERO;

    @Column(name = "unit_price", nullable = false)
    private BigDecimal unitPrice;

    @Column(name = "discount_percent", nullable = false)
    private BigDecimal discountPercent = BigDecimal.ZERO;

    protected PriceListItem() {}

    PriceListItem(UUID priceListId, UUID articleId) {
        this.priceListId = priceListId;
        this.articleId = articleId;
    }

    void apply(PriceListItemForm form) {
        this.minQuantity = form.minQuantity();
        this.unitPrice = form.unitPrice();
        this.discountPercent = form.discountPercent() == null ? BigDecimal.ZERO : form.discountPercent();
    }

    public UUID getPriceListId() {
        return priceListId;
    }

    public UUID getArticleId() {
        return articleId;
    }

    public BigDecimal getMinQuantity() {
        return minQuantity;
    }
}
