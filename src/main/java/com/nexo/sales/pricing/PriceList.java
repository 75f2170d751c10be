package com.nexo.sales.pricing;

import com.nexo.base.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Locale;

/** A price list: its name, currency, period, whom it applies to; its items are rows of their own. */
@Entity
@Table(name = "sales_price_list")
public class PriceList extends TenantOwnedEntity {

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String currency = "EUR";

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(name = "is_default", nullable = false)
    private boolean isDefault;

    @Column(name = "client_group")
    private String clientGroup;

    @Column(nullable = false)
    private boolean archived;

    protected PriceList() {}

    static PriceList create() {
        return new PriceList();
    }

    void apply(PriceListForm form) {
        this.name = form.getName().strip();
        this.currency = form.getCurrency();
        this.validFrom = form.getValidFrom();
        this.validTo = form.getValidTo();
        this.isDefault = form.isDefaultList();
        this.clientGroup =
                form.getClientGroup() == null ? null : form.getClientGroup().toUpperCase(Locale.ROOT);
    }

    /** An archived list applies to nobody, and is no longer the default. */
    void archive() {
        this.archived = true;
        this.isDefault = false;
    }

    void restore() {
        this.archived = false;
    }

    public String getName() {
        return name;
    }

    public String getCurrency() {
        return currency;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public boolean isDefault() {
        return isDefault;
    }

    public String getClientGroup() {
        return clientGroup;
    }

    public boolean isArchived() {
        return archived;
    }
}
