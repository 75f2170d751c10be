package com.nexo.sales.pricing;

import com.nexo.base.validation.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the price list form edits, bound by a {@code BeanValidationBinder}: loaded by
 * {@link PriceListService#getForm(UUID)} or {@link PriceListService#newForm(LocalDate)}, saved by
 * {@link PriceListService#save(PriceListForm)} over the version it was loaded at.
 */
public class PriceListForm {

    private UUID id;
    private Long version;

    @NoControlCharacters(message = "{sales.pricing.validation.control-characters}")
    @NotBlank(message = "{sales.pricing.validation.required}")
    @Size(max = 120, message = "{sales.pricing.validation.too-long}")
    private String name;

    @NotNull(message = "{sales.pricing.validation.required}")
    @Pattern(regexp = "[A-Z]{3}", message = "{sales.pricing.validation.currency}")
    private String currency = "EUR";

    @NotNull(message = "{sales.pricing.validation.required}")
    private LocalDate validFrom;

    private LocalDate validTo;

    private boolean defaultList;

    @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,19}", message = "{sales.pricing.validation.client-group}")
    private String clientGroup;

    static PriceListForm of(PriceList list) {
        PriceListForm form = new PriceListForm();
        form.id = list.getId();
        form.version = list.getVersion();
        form.name = list.getName();
        form.currency = list.getCurrency();
        form.validFrom = list.getValidFrom();
        form.validTo = list.getValidTo();
        form.defaultList = list.isDefault();
        form.clientGroup = list.getClientGroup();
        return form;
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public void setValidTo(LocalDate validTo) {
        this.validTo = validTo;
    }

    /** Whether the list applies to every client that has neither a list of its own nor a group's. */
    public boolean isDefaultList() {
        return defaultList;
    }

    public void setDefaultList(boolean defaultList) {
        this.defaultList = defaultList;
    }

    public String getClientGroup() {
        return clientGroup;
    }

    public void setClientGroup(String clientGroup) {
        this.clientGroup = clientGroup == null || clientGroup.isBlank() ? null : clientGroup.strip();
    }
}
