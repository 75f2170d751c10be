package com.nexo.sales.pricing;

import com.nexo.base.validation.NoControlCharacters;
import com.nexo.sales.TaxRegime;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * The editable sales terms of one client, as the terms dialog binds them: loaded by
 * {@link ClientTermsService#getForm(UUID)}, saved by {@link ClientTermsService#save(ClientTermsForm)}.
 * The version is the one the form was loaded at (null: the client had no terms yet); saving over a
 * newer one is refused. Messages are translation keys.
 */
public class ClientTermsForm {

    private UUID accountId;
    private Long version;

    @NotNull(message = "{sales.pricing.validation.required}")
    private TaxRegime taxRegime = TaxRegime.DOMESTIC;

    @NoControlCharacters(message = "{sales.pricing.validation.control-characters}")
    @Size(max = 500, message = "{sales.pricing.validation.too-long}")
    private String exemptionNote;

    @DecimalMin(value = "0", inclusive = false, message = "{sales.pricing.validation.withholding}")
    @DecimalMax(value = "100", inclusive = false, message = "{sales.pricing.validation.withholding}")
    @Digits(integer = 2, fraction = 2, message = "{sales.pricing.validation.withholding}")
    private BigDecimal withholdingPercent;

    private UUID priceListId;

    @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,19}", message = "{sales.pricing.validation.client-group}")
    private String clientGroup;

    @NotNull(message = "{sales.pricing.validation.required}")
    @DecimalMin(value = "0", message = "{sales.pricing.validation.percent}")
    @DecimalMax(value = "100", message = "{sales.pricing.validation.percent}")
    @Digits(integer = 3, fraction = 2, message = "{sales.pricing.validation.percent}")
    private BigDecimal documentDiscountPercent = BigDecimal.ZERO;

    private UUID salespersonId;

    /** The form of these terms (the defaults of a client without terms have no version). */
    public static ClientTermsForm of(ClientTerms terms) {
        ClientTermsForm form = new ClientTermsForm();
        form.accountId = terms.accountId();
        form.version = terms.version();
        form.taxRegime = terms.taxRegime();
        form.exemptionNote = terms.exemptionNote();
        form.withholdingPercent = terms.withholdingPercent();
        form.priceListId = terms.priceListId();
        form.clientGroup = terms.clientGroup();
        form.documentDiscountPercent = terms.documentDiscountPercent();
        form.salespersonId = terms.salespersonId();
        return form;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public void setAccountId(UUID accountId) {
        this.accountId = accountId;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public TaxRegime getTaxRegime() {
        return taxRegime;
    }

    public void setTaxRegime(TaxRegime taxRegime) {
        this.taxRegime = taxRegime;
    }

    public String getExemptionNote() {
        return exemptionNote;
    }

    public void setExemptionNote(String exemptionNote) {
        this.exemptionNote = exemptionNote;
    }

    public BigDecimal getWithholdingPercent() {
        return withholdingPercent;
    }

    public void setWithholdingPercent(BigDecimal withholdingPercent) {
        this.withholdingPercent = withholdingPercent;
    }

    public UUID getPriceListId() {
        return priceListId;
    }

    public void setPriceListId(UUID priceListId) {
        this.priceListId = priceListId;
    }

    public String getClientGroup() {
        return clientGroup;
    }

    public void setClientGroup(String clientGroup) {
        this.clientGroup = clientGroup == null || clientGroup.isBlank() ? null : clientGroup.strip();
    }

    public BigDecimal getDocumentDiscountPercent() {
        return documentDiscountPercent;
    }

    public void setDocumentDiscountPercent(BigDecimal documentDiscountPercent) {
        this.documentDiscountPercent = documentDiscountPercent;
    }

    public UUID getSalespersonId() {
        return salespersonId;
    }

    public void setSalespersonId(UUID salespersonId) {
        this.salespersonId = salespersonId;
    }
}
