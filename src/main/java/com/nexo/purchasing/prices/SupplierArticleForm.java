package com.nexo.purchasing.prices;

import com.nexo.base.validation.NoControlCharacters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A supplier's article entry as the supplier-article dialog binds it: loaded by
 * {@link SupplierPriceService#getForm(UUID)} (or new), saved by {@link SupplierPriceService#create}
 * and {@link SupplierPriceService#update}. The supplier and the article are chosen when the entry is
 * created and never change. Messages are translation keys.
 */
public class SupplierArticleForm {

    private UUID id;
    private long version;

    @NotNull(message = "{purchasing.prices.validation.required}")
    private UUID supplierId;

    @NotNull(message = "{purchasing.prices.validation.required}")
    private UUID articleId;

    @NoControlCharacters(message = "{purchasing.prices.validation.control-characters}")
    @Size(max = 60, message = "{purchasing.prices.validation.too-long}")
    private String supplierCode;

    @Min(value = 0, message = "{purchasing.prices.validation.lead-time}")
    @Max(value = 730, message = "{purchasing.prices.validation.lead-time}")
    private Integer leadTimeDays;

    @DecimalMin(value = "0", inclusive = false, message = "{purchasing.prices.validation.quantity}")
    @Digits(integer = 10, fraction = 4, message = "{purchasing.prices.validation.quantity}")
    private BigDecimal minOrderQty;

    @NotNull(message = "{purchasing.prices.validation.required}")
    @Pattern(regexp = "[A-Z]{3}", message = "{purchasing.prices.validation.currency}")
    private String currency = "EUR";

    @Valid
    private List<Break> breaks = new ArrayList<>();

    /** One quantity break as the form edits it. */
    public record Break(
            @NotNull(message = "{purchasing.prices.validation.required}")
            @DecimalMin(value = "0", inclusive = false, message = "{purchasing.prices.validation.quantity}")
            @Digits(integer = 10, fraction = 4, message = "{purchasing.prices.validation.quantity}")
            BigDecimal minQuantity,

            @NotNull(message = "{purchasing.prices.validation.required}")
            @DecimalMin(value = "0", message = "{purchasing.prices.validation.price}")
            @Digits(integer = 12, fraction = 4, message = "{purchasing.prices.validation.price}")
            BigDecimal unitPrice) {}

    /** A new entry for this supplier and article (either may be null, to be chosen). */
    public static SupplierArticleForm newEntry(UUID supplierId, UUID articleId) {
        SupplierArticleForm form = new SupplierArticleForm();
        form.setSupplierId(supplierId);
        form.setArticleId(articleId);
        return form;
    }

    static SupplierArticleForm of(SupplierArticle entry) {
        SupplierArticleForm form = new SupplierArticleForm();
        form.id = entry.id();
        form.version = entry.version();
        form.supplierId = entry.supplierId();
        form.articleId = entry.articleId();
        form.supplierCode = entry.supplierCode();
        form.leadTimeDays = entry.leadTimeDays();
        form.minOrderQty = entry.minOrderQty();
        form.currency = entry.currency();
        form.breaks = new ArrayList<>(entry.breaks().stream()
                .map(b -> new Break(b.minQuantity(), b.unitPrice()))
                .toList());
        return form;
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public UUID getSupplierId() {
        return supplierId;
    }

    public void setSupplierId(UUID supplierId) {
        this.supplierId = supplierId;
    }

    public UUID getArticleId() {
        return articleId;
    }

    public void setArticleId(UUID articleId) {
        this.articleId = articleId;
    }

    public String getSupplierCode() {
        return supplierCode;
    }

    public void setSupplierCode(String supplierCode) {
        this.supplierCode = supplierCode;
    }

    public Integer getLeadTimeDays() {
        return leadTimeDays;
    }

    public void setLeadTimeDays(Integer leadTimeDays) {
        this.leadTimeDays = leadTimeDays;
    }

    public BigDecimal getMinOrderQty() {
        return minOrderQty;
    }

    public void setMinOrderQty(BigDecimal minOrderQty) {
        this.minOrderQty = minOrderQty;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public List<Break> getBreaks() {
        return breaks;
    }

    public void setBreaks(List<Break> breaks) {
        this.breaks = breaks == null ? new ArrayList<>() : new ArrayList<>(breaks);
    }
}
