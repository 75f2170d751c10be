package com.nexo.sales.documents;

import com.nexo.base.validation.NoControlCharacters;
import com.nexo.sales.TaxRegime;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The editable values of a draft document and its lines, as the editor binds them: loaded by
 * {@link SalesDocumentService#newForm} or {@link SalesDocumentService#getForm}, saved by {@link
 * SalesDocumentService#save}. The version is the one the form was loaded at; saving over a newer
 * one is refused. Only drafts are edited; the client's name and addresses are copied from the
 * account when the draft is saved.
 */
public class DocumentForm {

    private UUID id;
    private Long version;

    @NotNull(message = "{sales.validation.kind-required}")
    private DocumentKind kind = DocumentKind.QUOTE;

    @NotNull(message = "{sales.validation.client-required}")
    private UUID accountId;

    private UUID contactId;

    @NotNull(message = "{sales.validation.date-required}")
    private LocalDate documentDate;

    private LocalDate validUntil;
    private LocalDate deliveryDate;

    @NotNull(message = "{sales.validation.currency}")
    @Pattern(regexp = "[A-Z]{3}", message = "{sales.validation.currency}")
    private String currency = "EUR";

    /** Units of the currency per euro, for documents in another currency; fixed when issued. */
    @DecimalMin(value = "0.00000001", message = "{sales.validation.exchange-rate}")
    private BigDecimal exchangeRate;

    @Min(value = 0, message = "{sales.validation.payment-days}")
    @Max(value = 365, message = "{sales.validation.payment-days}")
    private Integer paymentDays;

    private UUID salespersonId;
    private UUID warehouseId;

    @NotNull(message = "{sales.validation.tax-regime-required}")
    private TaxRegime taxRegime = TaxRegime.DOMESTIC;

    @DecimalMin(value = "0", message = "{sales.validation.withholding-range}")
    @DecimalMax(value = "50", message = "{sales.validation.withholding-range}")
    private BigDecimal withholdingPercent;

    @NotNull(message = "{sales.validation.discount-range}")
    @DecimalMin(value = "0", message = "{sales.validation.discount-range}")
    @DecimalMax(value = "100", message = "{sales.validation.discount-range}")
    private BigDecimal documentDiscount = BigDecimal.ZERO;

    @Size(max = 500, message = "{sales.validation.too-long}")
    @NoControlCharacters(message = "{sales.validation.control-characters}")
    private String legalNote;

    @Size(max = 60, message = "{sales.validation.too-long}")
    @NoControlCharacters(message = "{sales.validation.control-characters}")
    private String clientReference;

    @Size(max = 4000, message = "{sales.validation.too-long}")
    @NoControlCharacters(message = "{sales.validation.control-characters}")
    private String notes;

    @Valid
    private List<LineForm> lines = new ArrayList<>();

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

    public DocumentKind getKind() {
        return kind;
    }

    public void setKind(DocumentKind kind) {
        this.kind = kind;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public void setAccountId(UUID accountId) {
        this.accountId = accountId;
    }

    public UUID getContactId() {
        return contactId;
    }

    public void setContactId(UUID contactId) {
        this.contactId = contactId;
    }

    public LocalDate getDocumentDate() {
        return documentDate;
    }

    public void setDocumentDate(LocalDate documentDate) {
        this.documentDate = documentDate;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(LocalDate validUntil) {
        this.validUntil = validUntil;
    }

    public LocalDate getDeliveryDate() {
        return deliveryDate;
    }

    public void setDeliveryDate(LocalDate deliveryDate) {
        this.deliveryDate = deliveryDate;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public BigDecimal getExchangeRate() {
        return exchangeRate;
    }

    public void setExchangeRate(BigDecimal exchangeRate) {
        this.exchangeRate = exchangeRate;
    }

    public Integer getPaymentDays() {
        return paymentDays;
    }

    public void setPaymentDays(Integer paymentDays) {
        this.paymentDays = paymentDays;
    }

    public UUID getSalespersonId() {
        return salespersonId;
    }

    public void setSalespersonId(UUID salespersonId) {
        this.salespersonId = salespersonId;
    }

    public UUID getWarehouseId() {
        return warehouseId;
    }

    public void setWarehouseId(UUID warehouseId) {
        this.warehouseId = warehouseId;
    }

    public TaxRegime getTaxRegime() {
        return taxRegime;
    }

    public void setTaxRegime(TaxRegime taxRegime) {
        this.taxRegime = taxRegime;
    }

    public BigDecimal getWithholdingPercent() {
        return withholdingPercent;
    }

    public void setWithholdingPercent(BigDecimal withholdingPercent) {
        this.withholdingPercent = withholdingPercent;
    }

    public BigDecimal getDocumentDiscount() {
        return documentDiscount;
    }

    public void setDocumentDiscount(BigDecimal documentDiscount) {
        this.documentDiscount = documentDiscount;
    }

    public String getLegalNote() {
        return legalNote;
    }

    public void setLegalNote(String legalNote) {
        this.legalNote = legalNote;
    }

    public String getClientReference() {
        return clientReference;
    }

    public void setClientReference(String clientReference) {
        this.clientReference = clientReference;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public List<LineForm> getLines() {
        return lines;
    }

    public void setLines(List<LineForm> lines) {
        this.lines = lines == null ? new ArrayList<>() : new ArrayList<>(lines);
    }
}
